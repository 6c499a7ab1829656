#!/usr/bin/env bash
# Web console measurements (results in docs/CONSOLE.md and docs/PERFORMANCE.md):
#  1. page weight: bytes over the wire for the authority dashboard's first load (empty cache),
#     and again with a warm cache, split into the console's files and the API's answers;
#  2. time to first render of the work queue with 10,000 more open tasks (10,000 disputes filed
#     over the API: a scan opens one task per rule and dataset, not per record), next to the
#     time of the same GET /v1/tasks page fetched by the same browser (baseline), and the
#     dashboard's weight again with those tasks.
# Headless Debian chromium via puppeteer-core from the build's npm folder; loopback only.
#   bench/console.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=$(realpath "${1:-build}")
runs=${2:-7}
jiaohe=$build/cli/jiaohe
dir=/tmp/jiaohe-bench-console-$$
work=$(mktemp -d)
"$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1 || true
rm -rf "$dir"
url=$("$jiaohe" cluster start --dir "$dir" --database bench)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  "$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1
  rm -rf "$dir" "$work"
}
trap cleanup EXIT
export JIAOHE_LOG_LEVEL=warn
"$jiaohe" migrate --database-url "$url" >/dev/null
# The demo's province (make demo), scanned.
"$jiaohe" generate --subjects 20000 --defect-rate 0.01 --seed 1 --database-url "$url" >/dev/null
"$jiaohe" scan --full --database-url "$url" >/dev/null
psql "$url" -XAtc "VACUUM ANALYZE" >/dev/null
subject=$(psql "$url" -XAtc "SELECT subject_id FROM canonical_values WHERE dataset_id = 'gaj_hukou' ORDER BY record_key LIMIT 1")
authority=$("$jiaohe" token create --role authority --label bench --database-url "$url" 2>/dev/null)
citizen=$("$jiaohe" token create --role citizen --subject "$subject" --label bench --database-url "$url" 2>/dev/null)

"$jiaohe" serve --database-url "$url" --port 0 --no-migrate >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 200); do grep -q 'serving on' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's#.*serving on \(http://[0-9.]*:[0-9]*\)/.*#\1#p' "$work/serve.out")
[ -n "$base" ] || { echo "bench: serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
JIAOHE_NODE_MODULES=$build/console-npm/node_modules node "$(dirname "$0")/console_measure.js" "$base" "$authority" "$runs" "$work" "$citizen" "$subject"
echo "open tasks at the end: $(psql "$url" -XAtc "SELECT count(*) FROM tasks WHERE status = 'open'")"
