#!/usr/bin/env bash
# The test run's throwaway PostgreSQL: `start` makes a fresh cluster with a migrated template
# database (jiaohe_template) that every integration test clones; `stop` removes it all.
set -euo pipefail
action=$1 jiaohe=$2 dir=$3
case "$action" in
  start)
    "$jiaohe" cluster stop --dir "$dir" >/dev/null 2>&1 || true
    rm -rf "$dir"
    url=$("$jiaohe" cluster start --dir "$dir" --database jiaohe_template)
    "$jiaohe" migrate --database-url "$url"
    ;;
  stop)
    "$jiaohe" cluster stop --dir "$dir" || true
    rm -rf "$dir"
    ;;
esac
