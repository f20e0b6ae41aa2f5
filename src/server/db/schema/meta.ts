import { pgTable, text, varchar } from 'drizzle-orm/pg-core';

/** Key → value facts of the installation (the shipped poverty lines already given to it: registry repo). */
export const appMeta = pgTable('app_meta', {
  key: varchar('key', { length: 50 }).primaryKey(),
  value: text('value').notNull(),
});
