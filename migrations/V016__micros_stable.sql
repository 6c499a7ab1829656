-- jiaohe_micros (V003) was declared IMMUTABLE, but its body (extract from a timestamptz) is only
-- STABLE, so PostgreSQL would not inline it: every call ran as a function call of its own, five
-- per task row of a queue page, most of the page's execution time. Declared STABLE, as its body
-- is, it is inlined into the query. Nothing indexes it, so the volatility can change in place;
-- the result is the same (exact microseconds).
CREATE OR REPLACE FUNCTION jiaohe_micros(timestamptz) RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT (extract(epoch FROM $1) * 1000000)::bigint $$;
