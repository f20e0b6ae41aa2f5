ALTER TABLE "household_status_history" ADD COLUMN "valid_to" date;--> statement-breakpoint
-- valid_to is the day the household's next change took effect. One set-based statement after each insert statement
-- recomputes it for the households that statement touched (bulk imports insert hundreds of thousands of rows).
CREATE OR REPLACE FUNCTION status_history_set_valid_to() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE household_status_history h SET valid_to = n.next_on
  FROM (
    SELECT id, lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, id) AS next_on
    FROM household_status_history
    WHERE household_id IN (SELECT DISTINCT household_id FROM inserted)
  ) n
  WHERE n.id = h.id AND h.valid_to IS DISTINCT FROM n.next_on;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER status_history_set_valid_to AFTER INSERT ON household_status_history REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION status_history_set_valid_to();--> statement-breakpoint
UPDATE household_status_history h SET valid_to = n.next_on
FROM (
  SELECT id, lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, id) AS next_on FROM household_status_history
) n
WHERE n.id = h.id AND n.next_on IS NOT NULL;
