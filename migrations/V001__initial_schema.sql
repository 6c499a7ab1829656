-- The first migration establishes the schema namespace of Jiaohe's own tables. Domain tables
-- (findings, tasks, events, outbox, ...) arrive with the issues that introduce them.
CREATE TABLE jiaohe_instance (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO jiaohe_instance DEFAULT VALUES;
