-- API access: bearer tokens (stored only as hashes), the audit of personal-data reads by
-- agency and authority staff (Art. 39, 41), and idempotency keys of POST requests.

CREATE TABLE api_tokens (
  id           bigserial PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,          -- hex SHA-256 of the token; the token itself is never stored
  role         text NOT NULL CHECK (role IN ('citizen', 'agency', 'authority', 'admin')),
  subject_id   text,                          -- citizen: the identifier the token may act for
  agency_code  text,                          -- agency: the agency the token may act for
  label        text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  CHECK ((role = 'citizen') = (subject_id IS NOT NULL)),
  CHECK ((role = 'agency') = (agency_code IS NOT NULL))
);

CREATE TABLE access_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  token_id    bigint NOT NULL REFERENCES api_tokens,
  role        text NOT NULL,
  agency_code text,
  action      text NOT NULL,                  -- "GET /v1/findings/{id}"
  resource    text NOT NULL,                  -- what was read
  subject_id  text                            -- whose data, when one subject's
);
CREATE INDEX access_log_by_subject ON access_log (subject_id, at);

CREATE TABLE idempotency_keys (
  token_id      bigint NOT NULL REFERENCES api_tokens,
  key           text NOT NULL,
  request_hash  text NOT NULL,                -- method, path and body: the same key with another body is 422
  status        integer NOT NULL,
  response      text NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (token_id, key)
);
