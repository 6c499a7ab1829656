-- Accountability of personal-data reads (Art. 20 traceable and attributable, Art. 39 audit):
-- each entry names who (token, role, agency), what (action, resource), whose data (subject)
-- and why (the route that served it), and nothing may change or remove it afterwards.
ALTER TABLE access_log ADD COLUMN route text;  -- the route pattern, e.g. 'GET /v1/tasks/{id}'
CREATE INDEX access_log_by_agency ON access_log (agency_code, at);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP;
END $$;
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
