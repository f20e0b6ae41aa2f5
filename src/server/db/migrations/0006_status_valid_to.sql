ALTER TABLE "household_status_history" ADD COLUMN "valid_to" date;--> statement-breakpoint
-- Each new row closes the household's previous current row: as-of queries become a range filter.
CREATE OR REPLACE FUNCTION status_history_close_previous() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The row in force just before the new one ends where the new one begins …
  UPDATE household_status_history SET valid_to = NEW.effective_on
  WHERE id = (
    SELECT id FROM household_status_history
    WHERE household_id = NEW.household_id AND id <> NEW.id AND effective_on <= NEW.effective_on
    ORDER BY effective_on DESC, id DESC LIMIT 1);
  -- … and a back-dated new row ends where the next later one begins.
  UPDATE household_status_history SET valid_to = (
    SELECT min(effective_on) FROM household_status_history
    WHERE household_id = NEW.household_id AND id <> NEW.id AND effective_on > NEW.effective_on)
  WHERE id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER status_history_close_previous AFTER INSERT ON household_status_history FOR EACH ROW EXECUTE FUNCTION status_history_close_previous();--> statement-breakpoint
UPDATE household_status_history h SET valid_to = n.next_on
FROM (
  SELECT id, lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, id) AS next_on FROM household_status_history
) n
WHERE n.id = h.id AND n.next_on IS NOT NULL;
