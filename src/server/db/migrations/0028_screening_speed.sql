DROP INDEX "screening_flags_household_idx";--> statement-breakpoint
CREATE INDEX "screening_flags_household_idx" ON "screening_flags" USING btree ("household_id") WHERE household_id is not null;