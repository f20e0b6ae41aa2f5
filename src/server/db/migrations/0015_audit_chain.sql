CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" varchar(64) DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "org_path" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "region_code" varchar(12);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
-- custom (audit_chain)
-- The head of the chain: one row, locked by every append (SELECT … FOR UPDATE), so appends are serialised.
INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, '') ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Rows written before the chain: their scope from the record (a body, a member's body) or else the actor's body.
-- Their hashes are computed at the next start (AuditService.chainLegacy), in TypeScript like every other row.
UPDATE "audit_log" a SET "org_path" = o."path" FROM "orgs" o WHERE a."entity" = 'org' AND o."id" = a."entity_id";
--> statement-breakpoint
UPDATE "audit_log" a SET "org_path" = o."path" FROM "members" m JOIN "orgs" o ON o."id" = m."org_id"
  WHERE a."entity" = 'member' AND m."id" = a."entity_id" AND a."org_path" IS NULL;
--> statement-breakpoint
UPDATE "audit_log" a SET "org_path" = o."path" FROM "users" u JOIN "orgs" o ON o."id" = u."org_id"
  WHERE u."id" = a."user_id" AND a."org_path" IS NULL;
--> statement-breakpoint
CREATE INDEX "audit_log_unchained_idx" ON "audit_log" ("id") WHERE "hash" IS NULL;
--> statement-breakpoint
-- Append-only: a chained row never changes and no row is ever deleted. The one update allowed is the start-up step
-- linking a row written before the chain (hash, prev_hash and seq set once, nothing else touched).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."hash" IS NULL AND NEW."hash" IS NOT NULL AND NEW."seq" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."entity" = OLD."entity" AND NEW."entity_id" = OLD."entity_id"
     AND NEW."user_id" = OLD."user_id" AND NEW."user_name" = OLD."user_name" AND NEW."action" = OLD."action"
     AND NEW."before" IS NOT DISTINCT FROM OLD."before" AND NEW."after" IS NOT DISTINCT FROM OLD."after"
     AND NEW."at" = OLD."at" AND NEW."org_path" IS NOT DISTINCT FROM OLD."org_path"
     AND NEW."region_code" IS NOT DISTINCT FROM OLD."region_code" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
