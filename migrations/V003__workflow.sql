-- Deadline-bound work for agencies (Art. 19, 20, 44, 47): tasks, their append-only events,
-- disputes and withdrawals, verification flags (异议标注), the notification outbox and the
-- sweeper's fire keys. See docs/WORKFLOW.md.

-- A finding an agency confirmed accurate is accepted as an exception: later scans leave it
-- accepted while the value they see is the value that was confirmed.
ALTER TABLE findings DROP CONSTRAINT findings_status_check;
ALTER TABLE findings ADD CONSTRAINT findings_status_check CHECK (status IN ('open', 'resolved', 'accepted'));
ALTER TABLE findings ADD COLUMN accepted_value jsonb;
ALTER TABLE findings ADD COLUMN answer text CHECK (answer IN ('corrected', 'confirmed_accurate', 'rejected'));

-- Microseconds since the epoch: how the store reads instants back (exact, time-zone free).
CREATE FUNCTION jiaohe_micros(timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS $$ SELECT (extract(epoch FROM $1) * 1000000)::bigint $$;

-- Disputes (Art. 19 ¶1-2) and withdrawal requests (Art. 44) filed by a party.
CREATE TABLE disputes (
  id                    bigserial PRIMARY KEY,
  kind                  text NOT NULL CHECK (kind IN ('dispute', 'withdrawal')),
  subject_id            text NOT NULL,
  dataset_id            text,            -- NULL: the party does not know which dataset
  attribute             text,            -- NULL: unknown
  agency_code           text NOT NULL,   -- the agency that must verify
  claimed_value         text,
  description           text NOT NULL,
  notify                jsonb NOT NULL,  -- how to reach the party, e.g. {"channel":"sms","address":"..."}
  channel               text NOT NULL CHECK (channel IN ('agency', 'authority')),
  publication_suspended boolean,
  evidence              jsonb NOT NULL,  -- the subject's values in every dataset when filed
  status                text NOT NULL CHECK (status IN ('open', 'resolved', 'appealed', 'closed')),
  result                text,
  result_reason         text,
  filed_at              timestamptz NOT NULL
);
CREATE INDEX disputes_by_subject ON disputes (subject_id);

CREATE TABLE tasks (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('verify_finding', 'verify_dispute', 'forward_dispute',
                                                  'verify_withdrawal', 'review', 'rectify')),
  assignee          text NOT NULL,     -- an agency code, or 'authority'
  step              text NOT NULL,     -- the procedure step and its article, e.g. 'verify_dispute (Art. 19 ¶1)'
  status            text NOT NULL CHECK (status IN ('open', 'in_progress', 'extension_requested', 'answered',
                                                    'reopened', 'verified', 'forwarded', 'closed')),
  resolution        text,
  resolution_reason text,
  flags             text[] NOT NULL DEFAULT '{}',
  received_at       timestamptz NOT NULL,
  due_at            timestamptz,       -- NULL while a pause is open
  provisional       boolean NOT NULL DEFAULT false,
  deadline_basis    jsonb NOT NULL,    -- engine::deadlines::DeadlineBasis: what due_at was computed from
  deadline_version  integer NOT NULL DEFAULT 1,
  reminder_at       timestamptz,
  extensions        integer NOT NULL DEFAULT 0,   -- extensions requested (at most one)
  extension_asked   integer,                      -- the amount of a pending request
  reminder_fired    boolean NOT NULL DEFAULT false,  -- for the current deadline_version
  overdue_fired     boolean NOT NULL DEFAULT false,  -- for the current deadline_version
  overdue           boolean NOT NULL DEFAULT false,  -- ever overdue (for supervision statistics)
  next_fire_at      timestamptz,       -- the sweeper's next reminder or overdue instant; NULL when none is left
  dispute_id        bigint REFERENCES disputes,
  parent_task_id    bigint REFERENCES tasks,
  scan_id           bigint REFERENCES scans,
  dataset_id        text,
  rule_id           text,
  created_at        timestamptz NOT NULL,
  answered_at       timestamptz,
  closed_at         timestamptz
);
CREATE INDEX tasks_next_fire ON tasks (next_fire_at) WHERE next_fire_at IS NOT NULL;
CREATE INDEX tasks_by_assignee ON tasks (assignee, received_at);
CREATE INDEX tasks_by_dispute ON tasks (dispute_id) WHERE dispute_id IS NOT NULL;

CREATE TABLE task_findings (
  task_id    bigint NOT NULL REFERENCES tasks,
  finding_id bigint NOT NULL REFERENCES findings,
  outcome    text,                     -- corrected, confirmed_accurate, rejected, verified, not_effective, resolved_at_source
  PRIMARY KEY (task_id, finding_id)
);
CREATE INDEX task_findings_by_finding ON task_findings (finding_id);

-- The audit trail: one row per change, written in the transaction of the change.
CREATE TABLE task_events (
  id         bigserial PRIMARY KEY,
  task_id    bigint NOT NULL REFERENCES tasks,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,
  actor_role text NOT NULL,
  action     text NOT NULL,
  before     jsonb,
  after      jsonb,
  reason     text
);
CREATE INDEX task_events_by_task ON task_events (task_id, id);

CREATE FUNCTION task_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'task_events is append-only: % is not allowed', TG_OP;
END $$;
CREATE TRIGGER task_events_no_update BEFORE UPDATE OR DELETE ON task_events
  FOR EACH ROW EXECUTE FUNCTION task_events_append_only();
CREATE TRIGGER task_events_no_truncate BEFORE TRUNCATE ON task_events
  FOR EACH STATEMENT EXECUTE FUNCTION task_events_append_only();

-- 异议标注: a record whose value is being verified; cleared (with an event) when its task closes.
CREATE TABLE verification_flags (
  id          bigserial PRIMARY KEY,
  subject_id  text,
  dataset_id  text,
  record_key  text,
  attribute   text,
  task_id     bigint NOT NULL REFERENCES tasks,
  set_at      timestamptz NOT NULL,
  cleared_at  timestamptz
);
CREATE INDEX verification_flags_by_subject ON verification_flags (subject_id) WHERE cleared_at IS NULL;
CREATE INDEX verification_flags_by_record ON verification_flags (dataset_id, record_key) WHERE cleared_at IS NULL;
CREATE INDEX verification_flags_by_task ON verification_flags (task_id) WHERE cleared_at IS NULL;

-- Notifications, written with the event that causes them and delivered by jobs/outbox_delivery.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  task_id          bigint REFERENCES tasks,
  event_id         bigint REFERENCES task_events,
  recipient        text NOT NULL,      -- an agency code, 'authority' or 'party'
  kind             text NOT NULL CHECK (kind IN ('task_opened', 'reminder', 'overdue', 'result',
                                                 'rectification_order')),
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'delivered', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  created_at       timestamptz NOT NULL,
  delivered_at     timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';

-- What the sweeper has done: one row per (task, kind, deadline version), so a reminder, an
-- overdue mark or a rectification order happens once even with two sweepers or a crash.
CREATE TABLE task_timer_fires (
  task_id          bigint NOT NULL REFERENCES tasks,
  kind             text NOT NULL CHECK (kind IN ('reminder', 'overdue', 'rectify')),
  deadline_version integer NOT NULL,
  fired_at         timestamptz NOT NULL,
  PRIMARY KEY (task_id, kind, deadline_version)
);
