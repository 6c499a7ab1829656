-- Progress of a running scan, written by the scan as it goes (per dataset and phase, and at a
-- modest rate within a dataset), so that GET /v1/scans/{id} can be followed while it runs.
ALTER TABLE scans
  ADD COLUMN progress_rows     bigint NOT NULL DEFAULT 0,   -- rows read so far, all datasets
  ADD COLUMN datasets_done     integer NOT NULL DEFAULT 0,  -- datasets whose row pass ended
  ADD COLUMN progress_dataset  text,                        -- the dataset being read, if any
  ADD COLUMN progress_phase    text;                        -- "reading", "set rules", ...

-- The API's lists: findings of one scan, and quality trends of one agency.
CREATE INDEX findings_by_first_scan ON findings (first_seen_scan);
CREATE INDEX quality_scores_by_agency ON quality_scores (agency_code, scan_id);
CREATE INDEX quality_scores_by_dataset ON quality_scores (dataset_id, scan_id);
