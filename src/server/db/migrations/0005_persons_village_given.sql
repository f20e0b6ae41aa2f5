-- The bulk roster import writes each person's village itself; the trigger only fills it when it is missing.
CREATE OR REPLACE FUNCTION persons_set_village() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.village_code IS NULL OR TG_OP = 'UPDATE' THEN
    SELECT village_code INTO NEW.village_code FROM households WHERE id = NEW.household_id;
  END IF;
  RETURN NEW;
END $$;
