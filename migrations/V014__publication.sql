-- Art. 44: a withdrawal request suspends the record's publication at once, and the agency's
-- answer resumes or withdraws it (engine/disputes/publication.hpp). The state lives on the
-- withdrawal request, so the filing's one row holds it and the filing's transaction sets it.
ALTER TABLE disputes ADD COLUMN publication text
  CHECK (publication IN ('not_published', 'suspended', 'resumed', 'withdrawn'));
ALTER TABLE disputes ADD COLUMN publication_changed_at timestamptz;
-- Requests filed before: suspended when the filer said so, then as their result left it.
UPDATE disputes SET publication = CASE WHEN NOT coalesce(publication_suspended, false) THEN 'not_published'
                                       WHEN result = 'withdrawn' THEN 'withdrawn'
                                       WHEN result IS NOT NULL THEN 'resumed'
                                       ELSE 'suspended' END,
                    publication_changed_at = filed_at
  WHERE kind = 'withdrawal';
ALTER TABLE disputes ADD CONSTRAINT disputes_publication_of_withdrawals
  CHECK ((kind = 'withdrawal') = (publication IS NOT NULL));
-- What the open-data platform asks: which records are suspended now.
CREATE INDEX disputes_suspended ON disputes (dataset_id, id) WHERE publication = 'suspended';

ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('task_opened', 'reminder', 'overdue', 'result',
                                                                  'rectification_order', 'record_flagged',
                                                                  'record_unflagged', 'publication_suspended',
                                                                  'publication_resumed', 'publication_withdrawn'));
