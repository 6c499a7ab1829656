#!/usr/bin/env bash
# Precision and recall per rule kind on the demo province at a size the suite does not run
# (default 100,000 subjects): the ground-truth test of tests/engine/scan/, in a throwaway
# cluster, printing one line per rule kind and the findings on harmless variants.
#   bench/ground_truth.sh [SUBJECTS] [BUILD_DIR]
set -euo pipefail
subjects=${1:-100000}
build=${2:-build}
cd "$build"
JIAOHE_GROUND_TRUTH_SUBJECTS=$subjects ctest --output-on-failure -V \
  -R 'postgres_cluster_start|every rule kind finds exactly|postgres_cluster_stop' 2>&1 |
  grep -E 'MESSAGE|ground truth|harmless|Passed|Failed|tests passed'
