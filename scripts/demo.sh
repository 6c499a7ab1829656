#!/usr/bin/env bash
# make demo: the embedded PostgreSQL under .jiaohe/ (created once, reused), migrations, serve.
set -euo pipefail
jiaohe=$1
"$jiaohe" migrate
exec "$jiaohe" serve
