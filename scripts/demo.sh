#!/usr/bin/env bash
# make demo: a synthetic province in the embedded PostgreSQL under .jiaohe/ (generated once,
# reused after), a full quality scan, example API tokens (created once, kept in
# .jiaohe/demo-tokens with mode 0600 and printed again on every run: a token is shown only
# when it is made), then `jiaohe serve` until Ctrl-C.
set -euo pipefail
jiaohe=$1
subjects=${DEMO_SUBJECTS:-20000}
marker=.jiaohe/demo-province-$subjects
tokens=.jiaohe/demo-tokens
port=${JIAOHE_SERVER_PORT:-8080}
if [ ! -f "$marker" ]; then
  echo "== generating the demo province ($subjects persons, 1% defects)"
  "$jiaohe" generate --subjects "$subjects" --defect-rate 0.01 --seed 1
  touch "$marker"
  rm -f "$tokens"  # they named a subject of the previous province
fi
echo "== scanning it (jiaohe scan --full)"
"$jiaohe" scan --full

# The saved tokens still work when the database still lists them unrevoked.
tokens_valid() {
  [ -f "$tokens" ] || return 1
  # shellcheck source=/dev/null
  . "$tokens"
  local listed
  listed=$("$jiaohe" token list)
  for id in "$CITIZEN_TOKEN_ID" "$AGENCY_TOKEN_ID" "$AUTHORITY_TOKEN_ID"; do
    printf '%s\n' "$listed" | awk -F'\t' -v id="$id" '$1 == id && $8 == "-" { found = 1 } END { exit !found }' ||
      return 1
  done
}

# A person with an open finding in a dataset other than the registry (so that agency has a
# task), whose ID number is valid (a citizen token is bound to a valid identifier).
pick_subject() {
  local started=0 url
  if ! "$jiaohe" cluster status >/dev/null; then started=1; fi
  url=$("$jiaohe" cluster start)
  psql "$url" -XAtF ' ' -v ON_ERROR_STOP=1 -c "
    SELECT f.subject_id, f.agency_code, f.dataset_id FROM findings f
    WHERE f.status = 'open' AND f.dataset_id IN ('mzt_dibao', 'rst_insured')
      AND f.subject_id ~ '^[0-9]{17}[0-9X]\$'
      AND NOT EXISTS (SELECT 1 FROM findings g WHERE g.subject_id = f.subject_id AND g.rule_id = 'BL-IDV-001')
    ORDER BY f.id LIMIT 1"
  if [ "$started" = 1 ]; then "$jiaohe" cluster stop; fi
}

# `jiaohe token create` prints "token ID (role)..." on stderr and the token on stdout.
create_token() {
  local name=$1 err secret
  shift
  err=$(mktemp)
  if ! secret=$("$jiaohe" token create "$@" --label "make demo $name" 2>"$err"); then
    cat "$err" >&2
    rm -f "$err"
    return 1
  fi
  echo "${name}_TOKEN=$secret"
  echo "${name}_TOKEN_ID=$(sed -n 's/^token \([0-9]*\) .*/\1/p' "$err")"
  rm -f "$err"
}

if ! tokens_valid; then
  echo "== creating example tokens (kept in $tokens)"
  picked=$(pick_subject)
  read -r subject agency dataset <<<"$picked" || true
  if [ -z "${subject:-}" ]; then
    echo "demo: no person with an open finding was found; is the scan above empty?" >&2
    exit 1
  fi
  (
    umask 077
    {
      echo "DEMO_SUBJECT=$subject"
      echo "DEMO_AGENCY=$agency"
      echo "DEMO_DATASET=$dataset"
      create_token CITIZEN --role citizen --subject "$subject"
      create_token AGENCY --role agency --agency "$agency"
      create_token AUTHORITY --role authority
    } >"$tokens.new"
  )
  mv "$tokens.new" "$tokens"
  # shellcheck source=/dev/null
  . "$tokens"
fi

base=http://127.0.0.1:$port
cat <<EOF
== example tokens (in $tokens; remove the file to make new ones)
  citizen   $CITIZEN_TOKEN   (subject $DEMO_SUBJECT, a finding in $DEMO_DATASET)
  agency    $AGENCY_TOKEN   ($DEMO_AGENCY)
  authority $AUTHORITY_TOKEN

Try, once the server below is listening:
  # the citizen disputes a record about themselves (201, Location: /v1/disputes/ID)
  curl -i -X POST $base/v1/disputes -H 'Authorization: Bearer $CITIZEN_TOKEN' \\
       -H 'Content-Type: application/json' \\
       -d '{"subject_id": "$DEMO_SUBJECT", "dataset_id": "$DEMO_DATASET", "attribute": "person.name", "description": "my name is wrong"}'
  # the dispute as the citizen, then as the agency that must verify it (use the ID from Location)
  curl -s $base/v1/disputes/1 -H 'Authorization: Bearer $CITIZEN_TOKEN'
  curl -s $base/v1/disputes/1 -H 'Authorization: Bearer $AGENCY_TOKEN'
  # the agency's tasks (the scan's findings and the dispute), and every task for the authority
  curl -s $base/v1/tasks -H 'Authorization: Bearer $AGENCY_TOKEN'
  curl -s $base/v1/tasks -H 'Authorization: Bearer $AUTHORITY_TOKEN'

EOF
echo "== serving (Ctrl-C stops; the nightly scan runs at 02:00, see docs/SCHEDULE.md)"
exec "$jiaohe" serve
