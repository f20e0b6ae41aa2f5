-- valid_to: a bulk import's first rows of households it has just created have nothing to close. The importer says so
-- for its transaction (SET LOCAL taizhang.first_status_rows = 'on'), and the trigger then skips the window over them.
CREATE OR REPLACE FUNCTION status_history_set_valid_to() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('taizhang.first_status_rows', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE household_status_history h SET valid_to = n.next_on
  FROM (
    SELECT id, lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, id) AS next_on
    FROM household_status_history
    WHERE household_id IN (SELECT DISTINCT household_id FROM inserted)
  ) n
  WHERE n.id = h.id AND h.valid_to IS DISTINCT FROM n.next_on;
  RETURN NULL;
END $$;
