-- Statistics by labour ability now come from the status history and the maintained rollup: persons no longer carry
-- their village (nor its trigger and index), and the name index never served the infix search. Fewer indexes, faster
-- bulk imports.
DROP TRIGGER IF EXISTS persons_set_village ON persons;--> statement-breakpoint
DROP FUNCTION IF EXISTS persons_set_village();--> statement-breakpoint
DROP INDEX "persons_name_idx";--> statement-breakpoint
DROP INDEX "persons_village_idx";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "village_code";
