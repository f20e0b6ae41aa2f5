-- Issue 13: region filters are code ranges (src/server/db/prefix.ts underPrefix), which a default-opclass b-tree answers and a
-- bpchar_pattern_ops one does not: these five indexes, used by those filters, change operator class.
DROP INDEX "procedures_village_idx";--> statement-breakpoint
DROP INDEX "comparison_hits_village_idx";--> statement-breakpoint
DROP INDEX "helpers_region_idx";--> statement-breakpoint
DROP INDEX "report_corrections_village_idx";--> statement-breakpoint
DROP INDEX "change_requests_village_idx";--> statement-breakpoint
CREATE INDEX "procedures_village_idx" ON "procedures" USING btree ("village_code","state");--> statement-breakpoint
CREATE INDEX "comparison_hits_village_idx" ON "comparison_hits" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "helpers_region_idx" ON "helpers" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "report_corrections_village_idx" ON "report_corrections" USING btree ("village_code","year");--> statement-breakpoint
CREATE INDEX "change_requests_village_idx" ON "change_requests" USING btree ("village_code","state");