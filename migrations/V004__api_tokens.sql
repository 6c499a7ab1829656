-- Bearer tokens of the HTTP API and the log of staff reads of personal data. See docs/API.md.

-- Only the SHA-256 of a token is stored (hex): a leaked table grants nothing. The token itself
-- is shown once, by `jiaohe token create`.
CREATE TABLE api_tokens (
  id          bigserial PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('citizen', 'agency', 'authority', 'admin')),
  subject_id  text,                 -- citizen: the identifier the token acts for (normalised)
  agency_code text,                 -- agency: the agency the token acts for
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz,          -- NULL: does not expire
  revoked_at  timestamptz,
  CHECK ((role = 'citizen') = (subject_id IS NOT NULL)),
  CHECK ((role = 'agency') = (agency_code IS NOT NULL))
);

-- Who among staff (agency, authority, admin) read which subject's personal data, and when.
CREATE TABLE access_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  token_id    bigint NOT NULL REFERENCES api_tokens,
  role        text NOT NULL,
  agency_code text,
  action      text NOT NULL,        -- e.g. 'read_dispute'
  resource    text NOT NULL,        -- e.g. '/v1/disputes/12'
  subject_id  text
);
CREATE INDEX access_log_by_subject ON access_log (subject_id, at);
