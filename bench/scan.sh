#!/usr/bin/env bash
# Scan benchmark on a synthetic province (default 1,000,000 persons) in a throwaway cluster, all
# in one run so that the ratios compare numbers measured under the same load:
#   - generation; the first full scan (fills the stored normalised values), a second full scan
#     (the nightly case: nothing changed), the same with --workers 2 (what the second core buys),
#     an incremental scan after touching 1% of one table,
#     each end to end with `jiaohe scan` under /usr/bin/time -v (wall time, peak RSS);
#   - bench_scan_bench: COPY of the columns each dataset's scan reads, the row pass per dataset,
#     each set rule against hand-written SQL for the same answer;
#   - the ratios the targets of issue 15 name: full scan / sum of COPY, incremental / full.
#   bench/scan.sh [SUBJECTS] [BUILD_DIR] [REPEAT]
set -euo pipefail
subjects=${1:-1000000}
build=${2:-build}
repeat=${3:-3}
jiaohe=$build/cli/jiaohe
dir=/tmp/jiaohe-bench-scan-$$
tmp=$(mktemp -d)
url=$("$jiaohe" cluster start --dir "$dir" --database bench)
trap '"$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1; rm -rf "$dir" "$tmp"' EXIT
export JIAOHE_LOG_LEVEL=warn
"$jiaohe" migrate --database-url "$url" >/dev/null

# Runs a command under /usr/bin/time -v; prints "<wall seconds> <peak RSS MiB>".
measure() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$tmp/time" "$@" >"$tmp/out"
  end=$(date +%s.%N)
  printf '%.2f %d\n' "$(echo "$end - $start" | bc)" \
    "$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$tmp/time")"
}
scan() { measure "$jiaohe" scan "$@" --database-url "$url"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; subjects: $subjects; load: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r gen_s _ < <(measure "$jiaohe" generate --subjects "$subjects" --defect-rate 0.01 --seed 1 --database-url "$url")
echo "generate: $gen_s s"
psql "$url" -Atc "VACUUM ANALYZE" >/dev/null
read -r first_s first_mb < <(scan --full)
echo "first full scan (fills the stored normalised values): $first_s s, peak RSS $first_mb MiB"
read -r full_s full_mb < <(scan --full)
echo "full scan, nothing changed (the nightly case): $full_s s, peak RSS $full_mb MiB"
read -r two_s two_mb < <(scan --full --workers 2)
echo "the same with two workers in the scan's process (datasets in parallel): $two_s s, peak RSS $two_mb MiB"
psql "$url" -Atc "UPDATE platform.rst_insured SET aae036 = now(), aac003 = aac003 || '甲'
                  WHERE aac001 IN (SELECT aac001 FROM platform.rst_insured ORDER BY aac001
                                   LIMIT (SELECT count(*) / 100 FROM platform.rst_insured))" >/dev/null
read -r inc_s inc_mb < <(scan --incremental)
echo "incremental scan after changing 1% of rst_insured (name and last update): $inc_s s, peak RSS $inc_mb MiB"
echo "load after the scans: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$build/bench/bench_scan_bench" "$url" data/demo/catalogue.json data/packs/baseline.json "$repeat" | tee "$tmp/bench"
copy_total=$(sed -n 's/^copy_total_s=//p' "$tmp/bench")
echo
echo "| ratio | value | target |"
echo "|---|---|---|"
echo "| first full scan / sum of COPY ($copy_total s) | $(echo "scale=1; $first_s / $copy_total" | bc) | - |"
echo "| full scan / sum of COPY | $(echo "scale=1; $full_s / $copy_total" | bc) | <= 3 |"
echo "| incremental / full scan | $(echo "scale=3; $inc_s / $full_s" | bc) | <= 0.03 |"
echo "| full scan, two workers / one worker | $(echo "scale=2; $two_s / $full_s" | bc) | - |"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
