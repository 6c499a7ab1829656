-- Art. 44 para. 3: personal data exposed in a dataset published unconditionally suspends the
-- dataset's publication while a personal_data_exposure task of it is open, and the closing of
-- the last such task resumes it (engine/tasks/exposure_suspension.hpp). One row per dataset
-- ever suspended: its state now, since when, and the task whose opening or closing set it.
-- A dataset without a row was never suspended.
CREATE TABLE dataset_publication (
  dataset_id  text PRIMARY KEY,
  state       text NOT NULL CHECK (state IN ('suspended', 'resumed')),
  changed_at  timestamptz NOT NULL,
  task_id     bigint NOT NULL REFERENCES tasks
);
