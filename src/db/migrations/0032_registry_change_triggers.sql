-- The registry's change feed (table registry_changes): every statement that writes units adds, in
-- its own transaction, one row per station it touched. Statement triggers with transition tables:
-- one insert per statement however many rows it wrote (an import's COPY of 1,000 units adds one row
-- per station of the chunk), and no row is updated in place, so concurrent writers never wait here.
CREATE FUNCTION registry_changes_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO registry_changes (jurisdiction_id, n) SELECT jurisdiction_id, count(*) FROM new_units GROUP BY jurisdiction_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO registry_changes (jurisdiction_id, n) SELECT jurisdiction_id, count(*) FROM old_units GROUP BY jurisdiction_id;
  ELSE
    -- A unit moved to another station changes both.
    INSERT INTO registry_changes (jurisdiction_id, n)
      SELECT jurisdiction_id, count(*) FROM (SELECT jurisdiction_id FROM new_units UNION ALL SELECT jurisdiction_id FROM old_units) t
      GROUP BY jurisdiction_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER registry_changes_insert AFTER INSERT ON entities REFERENCING NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION registry_changes_note();
--> statement-breakpoint
CREATE TRIGGER registry_changes_update AFTER UPDATE ON entities REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION registry_changes_note();
--> statement-breakpoint
CREATE TRIGGER registry_changes_delete AFTER DELETE ON entities REFERENCING OLD TABLE AS old_units
  FOR EACH STATEMENT EXECUTE FUNCTION registry_changes_note();
