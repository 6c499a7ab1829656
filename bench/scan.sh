#!/usr/bin/env bash
# Scan benchmark on a synthetic province (default 1,000,000 persons) in a throwaway cluster:
# generation time, a full scan end to end, an incremental scan after touching 1% of one table,
# then bench_scan's ratios (row pass vs COPY, set rules vs hand-written SQL).
#   bench/scan.sh [SUBJECTS] [BUILD_DIR]
set -euo pipefail
subjects=${1:-1000000}
build=${2:-build}
jiaohe=$build/cli/jiaohe
dir=/tmp/jiaohe-bench-scan
"$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1 || true
rm -rf "$dir"
url=$("$jiaohe" cluster start --dir "$dir" --database bench)
trap '"$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1; rm -rf "$dir"' EXIT
export JIAOHE_LOG_LEVEL=warn
"$jiaohe" migrate --database-url "$url" >/dev/null
secs() { local s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; subjects: $subjects"
echo "generate: $(secs "$jiaohe" generate --subjects "$subjects" --defect-rate 0.01 --seed 1 --database-url "$url") s"
psql "$url" -Atc "VACUUM ANALYZE" >/dev/null
echo "full scan (all 5 datasets, end to end): $(secs "$jiaohe" scan --full --database-url "$url") s"
psql "$url" -Atc "UPDATE platform.rst_insured SET aae036 = now() WHERE aac001 IN (SELECT aac001 FROM platform.rst_insured ORDER BY aac001 LIMIT (SELECT count(*) / 100 FROM platform.rst_insured))" >/dev/null
echo "incremental scan after updating 1% of rst_insured: $(secs "$jiaohe" scan --incremental --database-url "$url") s"
echo
"$build/bench/bench_scan_bench" "$url" data/demo/catalogue.json data/packs/baseline.json 3
