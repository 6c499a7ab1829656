-- Supporting documents of a dispute (engine/disputes/supporting_document.hpp): at most 5 per
-- dispute, each a PDF, JPEG or PNG of at most 2 MiB, its type detected from its content. The
-- bytes live here, beside the dispute, so a backup of the database holds the whole case.
CREATE TABLE dispute_documents (
  id          bigserial PRIMARY KEY,
  dispute_id  bigint NOT NULL REFERENCES disputes,
  media_type  text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size        integer NOT NULL CHECK (size BETWEEN 1 AND 2097152),
  sha256      text NOT NULL,
  content     bytea NOT NULL CHECK (octet_length(content) = size),
  uploaded_at timestamptz NOT NULL,
  uploaded_by text NOT NULL      -- the actor, e.g. 'token 12'
);
CREATE INDEX dispute_documents_by_dispute ON dispute_documents (dispute_id, id);
