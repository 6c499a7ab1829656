-- The scheduled scan of `jiaohe serve` (docs/SCHEDULE.md): one row per cron slot that was
-- started. With the advisory lock of the schedule it makes every slot run once however many
-- serve processes share the database, and an earlier row shows that a slot passed while all
-- of them were down was missed (run once at start-up) rather than before the schedule began.
CREATE TABLE scheduled_scan_runs (
  slot         timestamptz PRIMARY KEY,         -- the cron fire time this run is for
  mode         text NOT NULL CHECK (mode IN ('full', 'incremental')),
  status       text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  runner       text NOT NULL,                   -- host:pid of the serve process that ran it
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  scan_id      bigint REFERENCES scans,
  tasks_opened integer,
  error        text
);
