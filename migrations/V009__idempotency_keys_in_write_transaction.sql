-- Idempotency keys are now written in the transaction of the request's own write, with its
-- answer (docs/API.md, "Idempotent retries"): a committed row is always 'done', a running
-- request's row is never visible to others, and no commit is in doubt for the key.
-- Rows an earlier version left 'running' or 'in_doubt' say nothing reliable about their
-- request and are forgotten, so that a retry with such a key runs.
DELETE FROM idempotency_keys WHERE status <> 'done';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_status_check;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_status_check CHECK (status IN ('running', 'done'));
