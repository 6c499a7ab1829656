-- People, not just agencies (issue 13 item 4): the register of staff that tokens may name, a
-- task assigned to one of them, the requester of an extension (who may not decide it), and the
-- person behind every task event. See docs/API.md "People".

-- A member of staff of an agency, or of the authority (unit 'authority'). A head approves
-- extensions (Art. 19 ¶1).
CREATE TABLE staff (
  unit       text NOT NULL,       -- an agency code, or 'authority'
  staff_id   text NOT NULL,       -- the unit's own staff number
  name       text NOT NULL CHECK (name <> ''),
  position   text NOT NULL CHECK (position IN ('staff', 'head')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (unit, staff_id)
);

-- A token may name its person; a token without one acts for its whole agency, as before.
ALTER TABLE api_tokens
  ADD COLUMN staff_unit text,
  ADD COLUMN staff_id   text,
  ADD FOREIGN KEY (staff_unit, staff_id) REFERENCES staff (unit, staff_id),
  ADD CHECK ((staff_unit IS NULL) = (staff_id IS NULL)),
  ADD CHECK (staff_unit IS NULL OR (role = 'agency' AND staff_unit = agency_code)
             OR (role = 'authority' AND staff_unit = 'authority'));

ALTER TABLE tasks
  ADD COLUMN assigned_staff_id         text,    -- NULL: the whole assignee unit
  ADD COLUMN assigned_name             text,    -- the name when assigned, as events show it
  ADD COLUMN extension_requester_token bigint,  -- who asked for the pending or decided extension
  ADD COLUMN extension_requester_staff text,
  ADD FOREIGN KEY (assignee, assigned_staff_id) REFERENCES staff (unit, staff_id);
CREATE INDEX tasks_by_assigned ON tasks (assignee, assigned_staff_id) WHERE assigned_staff_id IS NOT NULL;

-- Who acted: the token and the person it names (NULL for jobs and tokens without a person).
ALTER TABLE task_events
  ADD COLUMN token_id   bigint,
  ADD COLUMN staff_id   text,
  ADD COLUMN staff_name text;
