#!/usr/bin/env bash
# make demo: a synthetic province in the embedded PostgreSQL under .jiaohe/ (generated once,
# reused after), a full quality scan, then `jiaohe serve` until Ctrl-C.
set -euo pipefail
jiaohe=$1
subjects=${DEMO_SUBJECTS:-20000}
marker=.jiaohe/demo-province-$subjects
if [ ! -f "$marker" ]; then
  echo "== generating the demo province ($subjects persons, 1% defects)"
  "$jiaohe" generate --subjects "$subjects" --defect-rate 0.01 --seed 1
  touch "$marker"
fi
echo "== scanning it (jiaohe scan --full)"
"$jiaohe" scan --full
echo "== serving"
exec "$jiaohe" serve
