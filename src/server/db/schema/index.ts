/**
 * The database schema, one file per feature; this file re-exports every table, so `import … from '../db/schema'`
 * and `import * as schema from './schema'` (connection.ts) see them all. Column builders shared by the files are in
 * columns.ts and are not re-exported: the schema object holds tables only.
 *
 * Migrations (src/server/db/migrations, applied in order at start-up) are generated from these files:
 * `npm run db:generate -- --name <name>` writes the next numbered migration and its snapshot under meta/
 * (drizzle.config.ts points at this file). A generate that reports "No schema changes" proves that an edit changed
 * nothing. A migration on main is never edited (databases in the field have applied it).
 *
 * What drizzle-kit cannot express, or what must run in a given order — triggers and their functions, seed rows, data
 * fixes, an index that may only be built after a data fix — is written by hand at the end of the generated migration,
 * after a `--> statement-breakpoint` line, under a marker line `-- custom (<name>)` (then `--` comments saying why), one
 * section per change, each statement ended by `--> statement-breakpoint`. A change with only such SQL starts from
 * `npx drizzle-kit generate --custom --name <name>`. An object made by custom SQL is not declared in these files
 * (drizzle-kit would generate it a second time); the comment of the table it belongs to names it (procedures →
 * certificate_counters). Tests find a section by its marker (test/api/citations.test.ts). When branches each bring
 * migrations, the merge folds them into one (0015_trust).
 */
export * from './regions';
export * from './orgs';
export * from './auth';
export * from './ledger';
export * from './meta';
export * from './audit';
export * from './registry';
export * from './procedures';
export * from './attachments';
export * from './compare';
export * from './pairing';
export * from './quality';
export * from './assessment';
export * from './reports';
export * from './notifications';
export * from './changes';
export * from './idempotency';
export * from './roster-imports';
export * from './mutual-aid';
export * from './funds';
// issue 15: benefits
export * from './benefits';
// issue 15: screening
export * from './screening';
// issue 15: measures and plans
export * from './measures';
