-- Idempotency-Key of the HTTP API: the first answer to a key, replayed to retries. See docs/API.md.

-- A key belongs to the token that sent it, so callers can neither see nor block each other's.
-- A row is 'running' while the first request is handled and 'done' with its answer stored;
-- answers of 5xx are not kept (the row is deleted, so a retry runs again), except when the
-- commit's outcome is unknown: then it is 'in_doubt' and the key is refused until it expires,
-- since running the request again could do it twice.
CREATE TABLE idempotency_keys (
  token_id         bigint NOT NULL REFERENCES api_tokens,
  key              text NOT NULL CHECK (octet_length(key) BETWEEN 1 AND 255),
  fingerprint      text NOT NULL,    -- hex SHA-256 of method, target and body
  status           text NOT NULL CHECK (status IN ('running', 'done', 'in_doubt')),
  response_status  integer,
  response_type    text,             -- Content-Type
  response_headers jsonb,            -- [["Location", "/v1/disputes/1"], ...]
  response_body    text,
  created_at       timestamptz NOT NULL,
  completed_at     timestamptz,
  PRIMARY KEY (token_id, key),
  CHECK ((status = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
