ALTER TABLE "persons" ADD COLUMN "village_code" char(12);--> statement-breakpoint
CREATE INDEX "persons_village_idx" ON "persons" USING btree ("village_code" bpchar_pattern_ops,"labour");--> statement-breakpoint
CREATE OR REPLACE FUNCTION persons_set_village() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT village_code INTO NEW.village_code FROM households WHERE id = NEW.household_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER persons_set_village BEFORE INSERT OR UPDATE OF household_id ON persons FOR EACH ROW EXECUTE FUNCTION persons_set_village();--> statement-breakpoint
UPDATE persons p SET village_code = h.village_code FROM households h WHERE h.id = p.household_id;
