-- The task queue and dispute lists page newest first (keyset on id) within one assignee, one
-- agency or one subject: an index per scope in that order, so a page reads only its rows.
CREATE INDEX tasks_queue_by_assignee ON tasks (assignee, id DESC);
CREATE INDEX disputes_by_agency ON disputes (agency_code, id DESC);
CREATE INDEX disputes_by_subject_id ON disputes (subject_id, id DESC);
