-- A scan split into units that workers share (docs/SCALE.md). A unit is one dataset's row pass;
-- any `jiaohe worker` (or the scan's own process) on any machine pointed at this database claims
-- a pending unit with FOR UPDATE SKIP LOCKED, holds it by a lease it renews (a heartbeat), and
-- commits what it staged together with the unit's status 'staged', in one transaction. A unit
-- whose lease ran out is claimed again by the next worker; a worker that lost its lease cannot
-- commit (its status update finds another holder). The scan's coordinator merges the staged
-- units once, when all of them are staged, in the transaction that marks them 'merged'.
--
-- The scan itself has a lease too: the process that coordinates it renews scans.lease_until.
-- A running scan whose lease ran out lost its coordinator: a scheduled scan is taken over by a
-- surviving `serve` or `worker`, a manual one is marked failed (nobody waits for its answer).
ALTER TABLE scans
  ADD COLUMN origin      text NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'schedule', 'api')),
  ADD COLUMN holder      text,          -- the coordinating process (host:pid:nonce)
  ADD COLUMN lease_until timestamptz;   -- it renews this; past it, the coordinator is gone

CREATE TABLE scan_units (
  scan_id       bigint NOT NULL REFERENCES scans ON DELETE CASCADE,
  unit_no       integer NOT NULL,       -- the order the coordinator merges them in
  dataset_id    text NOT NULL,
  status        text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'running', 'staged', 'merged', 'failed')),
  holder        text,                   -- the worker holding (or that staged) it
  lease_until   timestamptz,
  attempts      integer NOT NULL DEFAULT 0,  -- claims so far (more than 1: taken over)
  rows_read     bigint NOT NULL DEFAULT 0,   -- every row read (progress while running)
  rows_checked  bigint NOT NULL DEFAULT 0,   -- rows the row checks ran on
  newest_update text,                   -- the newest last update read (the next watermark)
  duplicates    boolean NOT NULL DEFAULT false,  -- blank or shared record keys were staged
  staged_lines  bigint NOT NULL DEFAULT 0,   -- lines written to the unit_ tables (checked at merge)
  error         text,
  staged_at     timestamptz,
  merged_at     timestamptz,
  PRIMARY KEY (scan_id, unit_no)
);
CREATE INDEX scan_units_open ON scan_units (scan_id, unit_no) WHERE status IN ('pending', 'running');

-- What units staged, until the merge reads them (and deletes them, in its transaction). The
-- columns after scan_id and unit_no are those of the scan's temporary staging tables
-- (engine/store/scan_results.cpp); a worker's COPY leaves the first two to their defaults, read
-- from the settings of its transaction. Unlogged: nothing here outlives its scan, and after a
-- crash of the server (which empties them) staged_lines tells the merge that lines are missing.
-- No indexes: written in bulk, read whole by the merge (few scans run at once).
CREATE UNLOGGED TABLE unit_findings (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  rule_id text, rule_version int, kind text, severity text, dataset_id text, agency_code text, record_key text,
  subject_id text, attribute text, evidence jsonb, row_no bigint);
CREATE UNLOGGED TABLE unit_records (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  dataset_id text, record_key text, subject_id text, row_no bigint);
CREATE UNLOGGED TABLE unit_values (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  dataset_id text, attribute text, record_key text, subject_id text, value text, row_no bigint);
CREATE UNLOGGED TABLE unit_keys (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  dataset_id text, attribute text, record_key text, subject_id text, value text, valid boolean, row_no bigint);
CREATE UNLOGGED TABLE unit_duplicates (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  dataset_id text, row_no bigint, record_key text, key_form text, subject_id text, subject_raw text,
  update_raw text);
-- The stored normalised values (canonical_values) a full scan's row pass did not find again, by
-- row address: the datasets are locked by the scan from planning to merge, so the rows stay.
CREATE UNLOGGED TABLE unit_gone_values (
  scan_id bigint NOT NULL DEFAULT current_setting('jiaohe.scan_id')::bigint,
  unit_no integer NOT NULL DEFAULT current_setting('jiaohe.unit_no')::integer,
  value_ctid tid);
