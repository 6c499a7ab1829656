#!/usr/bin/env bash
# HTTP API benchmark (results in docs/PERFORMANCE.md):
#  1. dispute filing (POST /v1/disputes) under wrk at 8 and 64 connections, next to pgbench at
#     the same concurrency running (a) one durable single-row INSERT per transaction and (b)
#     the same rows a filing writes (dispute, task, event, notification, flag) as one
#     transaction, both with -M prepared; fsync and synchronous_commit on throughout, so every
#     201 is durable;
#  2. a read-heavy case: an agency listing its queue (GET /v1/tasks) under wrk, next to
#     pgbench running the queue's SELECT.
# Each baseline runs right after its candidate, in the same round; ROUNDS rounds (the machine
# is shared: the load average is printed with every round).
#   bench/api.sh [BUILD_DIR] [SECONDS] [ROUNDS]
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
rounds=${3:-3}
jiaohe=$(realpath "$build/cli/jiaohe")
dir=/tmp/jiaohe-bench-api
port=18089
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
"$jiaohe" generate --subjects 20000 --seed 1 --database-url "$url" >/dev/null
"$jiaohe" scan --full --database-url "$url" >/dev/null
psql "$url" -Atc "VACUUM ANALYZE" >/dev/null
# The load's dirty pages written now, not by a checkpoint during the first timed run.
psql "$url" -Atc "CHECKPOINT" >/dev/null
subject=$(psql "$url" -Atc "SELECT subject_id FROM canonical_values WHERE dataset_id = 'gaj_hukou' ORDER BY record_key LIMIT 1")
# The party files for itself (the authority's filings would start with a forwarding step).
citizen=$("$jiaohe" token create --role citizen --subject "$subject" --label bench --database-url "$url" 2>/dev/null)
# The filings go to gaj (the hukou dataset's agency): its queue is what the read case lists.
agency_token=$("$jiaohe" token create --role agency --agency gaj --label bench --database-url "$url" 2>/dev/null)

"$jiaohe" serve --database-url "$url" --port "$port" --no-migrate >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
# Both cases must succeed before they are timed.
check() {  # expected-status curl-args...
  local got
  got=$(curl -s -o "$work/check" -w '%{http_code}' "${@:2}")
  [ "$got" = "$1" ] || { echo "bench: expected $1, got $got: $(cat "$work/check")" >&2; exit 1; }
}

body="{\"subject_id\":\"$subject\",\"dataset_id\":\"gaj_hukou\",\"attribute\":\"person.name\",\"description\":\"benchmark filing\"}"
cat >"$work/file.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $citizen"
LUA
cat >"$work/queue.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $agency_token"
LUA
# The queue's first page (50 tasks, newest first) as hand-written SQL: what GET /v1/tasks
# reads, without the optional filters.
cat >"$work/queue.sql" <<SQL
SELECT id, kind, assignee, step, status, coalesce(resolution, ''), coalesce(resolution_reason, ''), array_to_json(flags)::text, received_at, due_at, provisional, deadline_basis::text, deadline_version, reminder_at, extensions, extension_asked, reminder_fired, overdue_fired, overdue, dispute_id, parent_task_id, scan_id, coalesce(dataset_id, ''), coalesce(rule_id, ''), answered_at, closed_at FROM tasks WHERE assignee = 'gaj' ORDER BY id DESC LIMIT 51;
SQL

# pgbench scripts: the single-row insert, the rows of one filing, the queue's query.
# pgbench's filings go to copies of the workflow tables (same columns, checks, indexes and
# foreign keys), so that they neither disturb the server's data nor need its JSON.
psql "$url" -q <<SQL
CREATE SCHEMA pgb;
CREATE TABLE pgb.disputes (LIKE public.disputes INCLUDING ALL);
CREATE TABLE pgb.tasks (LIKE public.tasks INCLUDING ALL, FOREIGN KEY (dispute_id) REFERENCES pgb.disputes);
CREATE TABLE pgb.task_events (LIKE public.task_events INCLUDING ALL, FOREIGN KEY (task_id) REFERENCES pgb.tasks);
CREATE TABLE pgb.outbox (LIKE public.outbox INCLUDING ALL, FOREIGN KEY (task_id) REFERENCES pgb.tasks,
                         FOREIGN KEY (event_id) REFERENCES pgb.task_events);
CREATE TABLE pgb.verification_flags (LIKE public.verification_flags INCLUDING ALL, FOREIGN KEY (task_id) REFERENCES pgb.tasks);
SQL
psql "$url" -qc "CREATE TABLE bench_single (id bigserial PRIMARY KEY, subject_id text NOT NULL, description text NOT NULL, filed_at timestamptz NOT NULL)"
cat >"$work/single.sql" <<SQL
INSERT INTO bench_single (subject_id, description, filed_at) VALUES ('$subject', 'benchmark filing', now());
SQL
cat >"$work/filing.sql" <<SQL
BEGIN;
INSERT INTO pgb.disputes (kind, subject_id, dataset_id, attribute, agency_code, description, notify, channel, evidence, status, filed_at) SELECT 'dispute', '$subject', 'gaj_hukou', 'person.name', 'gaj', 'benchmark filing', '{}', 'agency', coalesce(jsonb_agg(jsonb_build_object('dataset', dataset_id, 'record', record_key, 'attribute', attribute, 'value', value)), '[]'), 'open', now() FROM canonical_values WHERE subject_id = '$subject' AND attribute = 'person.name' RETURNING id AS dispute \gset
INSERT INTO pgb.tasks (kind, assignee, step, status, received_at, due_at, deadline_basis, dispute_id, dataset_id, created_at, next_fire_at) VALUES ('verify_dispute', 'gaj', 'verify_dispute (Art. 19 ¶1)', 'open', now(), now() + interval '7 days', '{}', :dispute, 'gaj_hukou', now(), now() + interval '5 days') RETURNING id AS task \gset
INSERT INTO pgb.task_events (task_id, at, actor, actor_role, action, after, reason) VALUES (:task, now(), 'party', 'party', 'opened', '{}', 'benchmark filing') RETURNING id AS event \gset
INSERT INTO pgb.outbox (idempotency_key, task_id, event_id, recipient, kind, payload, next_attempt_at, created_at) VALUES ('bench-' || :task, :task, :event, 'gaj', 'task_opened', '{}', now(), now());
INSERT INTO pgb.verification_flags (subject_id, dataset_id, attribute, task_id, set_at) VALUES ('$subject', 'gaj_hukou', 'person.name', :task, now());
END;
SQL

# wrk: "rate p50 p99 non2xx answered"; latencies in ms.
run_wrk() {  # connections lua path
  local out
  out=$(wrk -t2 -c"$1" -d"${seconds}s" --latency -s "$2" "http://127.0.0.1:$port$3")
  local rate p50 p99 bad
  rate=$(awk '/^Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $5}' <<<"$out")
  answered=$(awk '/requests in/{print $1}' <<<"$out")
  echo "$rate $(to_ms "$p50") $(to_ms "$p99") ${bad:-0} $answered"
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }

# pgbench: "tps p50 p99" from the per-transaction log (latency in microseconds, 3rd field).
run_pgbench() {  # connections script [protocol]
  rm -f "$work"/pgbench_log.*
  local tps
  tps=$(cd "$work" && pgbench -n -M "${3:-simple}" -c "$1" -j 2 -T "$seconds" -f "$2" -l --log-prefix=pgbench_log "$url" 2>/dev/null |
        awk '/^tps/{print $3; exit}')
  cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n >"$work/lat"
  local n p50 p99
  n=$(wc -l <"$work/lat")
  p50=$(sed -n "$(( (n + 1) / 2 ))p" "$work/lat")
  p99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$work/lat")
  printf "%.0f %.2f %.2f\n" "$tps" "$(echo "$p50 / 1000" | bc -l)" "$(echo "$p99 / 1000" | bc -l)"
}

check 201 -X POST "http://127.0.0.1:$port/v1/disputes" -H "Authorization: Bearer $citizen" \
  -H 'Content-Type: application/json' -d "$body"
check 200 "http://127.0.0.1:$port/v1/tasks" -H "Authorization: Bearer $agency_token"
# Warm-up, untimed: both sides fill their tables for a few seconds, then the statistics are
# brought up to date. Otherwise the first timed runs plan their foreign-key checks from
# statistics that call the workflow tables nearly empty (the load's ANALYZE saw a few dozen
# tasks), and those cached plans scan the tables as they grow. A server in production meets
# the same once, until autovacuum's next ANALYZE of the grown tables replaces the plans.
wrk -t2 -c8 -d3s -s "$work/file.lua" "http://127.0.0.1:$port/v1/disputes" >/dev/null
(cd "$work" && pgbench -n -M prepared -c 8 -j 2 -T 3 -f "$work/filing.sql" "$url" >/dev/null 2>&1)
psql "$url" -Atc "VACUUM ANALYZE" >/dev/null
psql "$url" -Atc "CHECKPOINT" >/dev/null
echo "machine: $(nproc) cores; ${seconds} s per run; ${rounds} rounds; fsync=on, synchronous_commit=on"
load() { uptime | sed 's/.*load average: //'; }
for round in $(seq 1 "$rounds"); do
echo
echo "round $round, load average before it: $(load)"
echo
echo "| case | connections | requests/s | p50 ms | p99 ms | non-2xx | pgbench -M prepared single-row insert tx/s (p50/p99 ms) | ratio | pgbench -M prepared same rows as a filing tx/s (p50/p99 ms) | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for c in 8 64; do
  before=$(psql "$url" -Atc "SELECT count(*) FROM disputes")
  read -r rate p50 p99 bad answered < <(run_wrk "$c" "$work/file.lua" /v1/disputes)
  after=$(psql "$url" -Atc "SELECT count(*) FROM disputes")
  read -r s_tps s_p50 s_p99 < <(run_pgbench "$c" "$work/single.sql" prepared)
  read -r f_tps f_p50 f_p99 < <(run_pgbench "$c" "$work/filing.sql" prepared)
  printf "| POST /v1/disputes | %s | %.0f | %s | %s | %s | %s (%s/%s) | %.2f | %s (%s/%s) | %.2f |\n" \
    "$c" "$rate" "$p50" "$p99" "$bad" "$s_tps" "$s_p50" "$s_p99" "$(echo "$rate / $s_tps" | bc -l)" \
    "$f_tps" "$f_p50" "$f_p99" "$(echo "$rate / $f_tps" | bc -l)"
  # 2xx means committed: every 201 wrk counted must be a dispute in the database.
  echo "  $((answered - bad)) filings answered 201, $((after - before)) disputes committed; load $(load)" >&2
  [ $((after - before)) -ge $((answered - bad)) ] || { echo "bench: a 201 without its dispute" >&2; exit 1; }
done
echo
echo "| case | connections | requests/s | p50 ms | p99 ms | non-2xx | pgbench same SELECT tx/s (p50/p99 ms) | ratio |"
echo "|---|---|---|---|---|---|---|---|"
echo "  tasks per assignee: $(psql "$url" -Atc "SELECT string_agg(assignee || '=' || n, ' ') FROM (SELECT assignee, count(*) AS n FROM tasks GROUP BY 1) t")" >&2
for c in 8 64; do
  read -r rate p50 p99 bad _ < <(run_wrk "$c" "$work/queue.lua" /v1/tasks)
  read -r q_tps q_p50 q_p99 < <(run_pgbench "$c" "$work/queue.sql")
  printf "| GET /v1/tasks (an agency's queue, 50 per page) | %s | %.0f | %s | %s | %s | %s (%s/%s) | %.2f |\n" \
    "$c" "$rate" "$p50" "$p99" "$bad" "$q_tps" "$q_p50" "$q_p99" "$(echo "$rate / $q_tps" | bc -l)"
done
done
