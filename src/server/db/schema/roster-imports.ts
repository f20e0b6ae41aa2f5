import { integer, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * A batched roster import (issue 13: national-size files, committed village by village): who started it, which file
 * (its SHA-256, as first uploaded: a retry may bring the file corrected), and, in `roster_import_villages`, the villages
 * already written. A retry of the import skips them; a failed batch rolled back only itself and is not listed.
 */
export const rosterImports = pgTable('roster_imports', {
  id: varchar('id', { length: 40 }).primaryKey(),
  userId: integer('user_id').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
  createdAt: createdAt(),
});

/** The villages of a batched import written and committed (a village as the file names it: its code, or 所在村). */
export const rosterImportVillages = pgTable(
  'roster_import_villages',
  {
    importId: varchar('import_id', { length: 40 })
      .notNull()
      .references(() => rosterImports.id, { onDelete: 'cascade' }),
    village: varchar('village', { length: 120 }).notNull(),
    firstRow: integer('first_row').notNull(),
    lastRow: integer('last_row').notNull(),
    persons: integer('persons').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.village] })],
);
