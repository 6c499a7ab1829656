-- Scans, findings and quality scores (Art. 20: problem data traceable and attributable).

CREATE TABLE scans (
  id                bigserial PRIMARY KEY,
  mode              text NOT NULL CHECK (mode IN ('full', 'incremental')),
  status            text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at        timestamptz NOT NULL,
  finished_at       timestamptz,
  datasets          text[] NOT NULL,
  pack              text NOT NULL,
  pack_version      text NOT NULL,
  rule_versions     jsonb NOT NULL,           -- {"BL-REQ-001": 1, ...}: what this scan applied
  rows_scanned      bigint NOT NULL DEFAULT 0,
  findings_new      integer NOT NULL DEFAULT 0,
  findings_seen     integer NOT NULL DEFAULT 0,
  findings_resolved integer NOT NULL DEFAULT 0,
  findings_reopened integer NOT NULL DEFAULT 0,
  error             text
);

-- The newest last-update value each dataset had when it was last scanned successfully:
-- an incremental scan reads only rows updated after it.
CREATE TABLE dataset_watermarks (
  dataset_id  text PRIMARY KEY,
  last_update timestamptz NOT NULL,
  scan_id     bigint NOT NULL REFERENCES scans
);

-- One defect = rule + dataset + record + attribute; the fingerprint is its stable identity.
CREATE TABLE findings (
  id               bigserial PRIMARY KEY,
  fingerprint      text NOT NULL UNIQUE,
  rule_id          text NOT NULL,
  rule_version     integer NOT NULL,
  kind             text NOT NULL,
  severity         text NOT NULL,
  dataset_id       text NOT NULL,
  agency_code      text NOT NULL,
  record_key       text NOT NULL,
  subject_id       text,
  attribute        text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'resolved')),
  evidence         jsonb NOT NULL,
  first_seen_scan  bigint NOT NULL REFERENCES scans,
  last_seen_scan   bigint NOT NULL REFERENCES scans,
  resolved_scan    bigint REFERENCES scans,
  first_seen_at    timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  resolved_at      timestamptz,
  times_reopened   integer NOT NULL DEFAULT 0
);
CREATE INDEX findings_open_by_dataset ON findings (dataset_id, rule_id) WHERE status = 'open';
CREATE INDEX findings_by_subject ON findings (subject_id);
CREATE INDEX findings_by_agency ON findings (agency_code, status);

-- Share of rows passing each rule, per scan, kept for trends.
CREATE TABLE quality_scores (
  scan_id      bigint NOT NULL REFERENCES scans,
  dataset_id   text NOT NULL,
  agency_code  text NOT NULL,
  rule_id      text NOT NULL,
  rows_checked bigint NOT NULL,
  rows_failed  bigint NOT NULL,
  PRIMARY KEY (scan_id, dataset_id, rule_id)
);

-- Normalised values of the canonical attributes that conflict rules compare, as the row pass
-- last saw them: the cross-agency comparison is then plain SQL over comparable values.
CREATE TABLE canonical_values (
  dataset_id  text NOT NULL,
  attribute   text NOT NULL,
  record_key  text NOT NULL,
  subject_id  text NOT NULL,
  value       text NOT NULL,
  PRIMARY KEY (dataset_id, record_key, attribute)
);
CREATE INDEX canonical_values_by_subject ON canonical_values (attribute, subject_id);
