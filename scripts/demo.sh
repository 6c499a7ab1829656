#!/usr/bin/env bash
# make demo: `jiaohe serve` starts the embedded PostgreSQL under .jiaohe/ (created once,
# reused after), applies pending migrations and serves until Ctrl-C.
set -euo pipefail
jiaohe=$1
exec "$jiaohe" serve
