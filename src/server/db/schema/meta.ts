import { pgTable, text, varchar } from 'drizzle-orm/pg-core';

/** Key → value facts of the installation (the table exists since 0000_init; no code reads or writes it today). */
export const appMeta = pgTable('app_meta', {
  key: varchar('key', { length: 50 }).primaryKey(),
  value: text('value').notNull(),
});
