#!/usr/bin/env bash
# Throughput of `jiaohe validate-id` on N generated identifiers (default 2,000,000; a mix of
# valid, messy and invalid values from bench_gen_ids), against baselines measured in the same
# run on the same file: `cat` (reading the file) and `awk` (the cheapest per-line program that
# writes a comparable tab-separated line). Best of 3 runs each.
#   bench/validate_id.sh [N]      (BUILD=build by default)
set -euo pipefail
n=${1:-2000000}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
jiaohe=$build/cli/jiaohe
gen=$build/bench/bench_gen_ids
for f in "$jiaohe" "$gen"; do
  [[ -x $f ]] || { echo "missing $f: cmake --build $build --target jiaohe bench_gen_ids" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" "$n" > "$tmp/ids.txt"

# Best wall time of three runs of a shell command, in seconds.
best_of_3() {
  local best="" t0 t1 t
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    bash -c "$1" || true   # validate-id exits 1 when some values are invalid
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [[ -z $best ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

lines=$(wc -l < "$tmp/ids.txt")
t_cat=$(best_of_3 "cat '$tmp/ids.txt' > /dev/null")
t_awk=$(best_of_3 "awk '{print \$1\"\\tx\"}' '$tmp/ids.txt' > /dev/null")
t_jiaohe=$(best_of_3 "'$jiaohe' validate-id < '$tmp/ids.txt' > /dev/null")
valid=$("$jiaohe" validate-id < "$tmp/ids.txt" | grep -c $'\tvalid\t' || true)

rate() { printf '%.0f' "$(echo "$lines / $1" | bc -l)"; }
echo "validate-id benchmark: $lines lines ($valid valid), $(du -h "$tmp/ids.txt" | cut -f1) on $(nproc) cores"
printf '%-22s %8.3f s %12s lines/s\n' "cat (read only)" "$t_cat" "$(rate "$t_cat")"
printf '%-22s %8.3f s %12s lines/s\n' "awk print \$1\\tx" "$t_awk" "$(rate "$t_awk")"
printf '%-22s %8.3f s %12s lines/s\n' "jiaohe validate-id" "$t_jiaohe" "$(rate "$t_jiaohe")"
printf 'ratio validate-id / awk time: %.2f (below 1 is faster than awk)\n' "$(echo "$t_jiaohe / $t_awk" | bc -l)"
