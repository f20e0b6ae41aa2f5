// Issue 15: 政策享受 — what departments report paying each person or household, imported per department as .xlsx.
import { bigint, index, integer, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, idNumber, regionCode } from './columns';

/**
 * One benefit paid to a person of the registry (or to their household, for a policy paid per household), as a
 * department's file reported it. A batch is the rows of one region (the region the file was imported for), department,
 * policy, year and period: re-importing the same batch replaces it in one transaction. `warning` keeps the 稳定脱贫户
 * reason for a 增收类 / 发展类 row accepted because the department paid it.
 */
export const householdBenefits = pgTable(
  'household_benefits',
  {
    id: id(),
    regionCode: regionCode('region_code').notNull(),
    department: varchar('department', { length: 10 }).notNull(),
    policy: varchar('policy', { length: 20 }).notNull(),
    year: smallint('year').notNull(),
    period: varchar('period', { length: 30 }).notNull().default(''),
    householdId: integer('household_id').notNull(),
    villageCode: regionCode('village_code').notNull(),
    idNumber: idNumber('id_number').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    rowNo: integer('row_no').notNull(),
    warning: text('warning'),
    importedBy: integer('imported_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('household_benefits_batch_idx').on(t.regionCode, t.department, t.policy, t.year, t.period), index('household_benefits_household_idx').on(t.householdId, t.year)],
);
