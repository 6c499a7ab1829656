-- 异议标注 reaches the platform: record_flagged when a task flags records (a dispute, a
-- finding), record_unflagged when it closes and clears them (engine/tasks/task_flow.hpp).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('task_opened', 'reminder', 'overdue', 'result',
                                                                  'rectification_order', 'record_flagged',
                                                                  'record_unflagged'));
