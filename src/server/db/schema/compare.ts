// Issue 4: cross-department comparison (一比对) — other departments' lists, comparison runs and their hits.
import { index, integer, jsonb, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';
import { id, idNumber, recordedBy, regionCode, timestamptz } from './columns';

/** A list from another department (一比对): vehicles, commercial housing, business registration, 财政供养, deaths, … */
export const departmentLists = pgTable('department_lists', {
  id: id(),
  name: varchar('name', { length: 100 }).notNull(),
  department: varchar('department', { length: 30 }).notNull(),
  fileName: varchar('file_name', { length: 200 }).notNull(),
  rows: integer('rows').notNull().default(0),
  /** The region of the user who imported it (scope). */
  regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
  ...recordedBy(),
});

export const departmentListRows = pgTable(
  'department_list_rows',
  {
    listId: integer('list_id').notNull(),
    rowNo: integer('row_no').notNull(),
    idNumber: idNumber('id_number').notNull(),
    name: varchar('name', { length: 50 }).notNull().default(''),
    /** What the list says of the person (plate number, address, company, unit, date of death…). */
    detail: text('detail').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.listId, t.rowNo] }), index('department_list_rows_id_idx').on(t.idNumber)],
);

export const comparisonRuns = pgTable('comparison_runs', {
  id: id(),
  /** registry | procedure */
  scope: varchar('scope', { length: 10 }).notNull(),
  procedureId: integer('procedure_id'),
  regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
  listIds: jsonb('list_ids').$type<number[]>().notNull(),
  persons: integer('persons').notNull().default(0),
  hits: integer('hits').notNull().default(0),
  userId: integer('user_id').notNull(),
  startedAt: timestamptz('started_at').notNull().defaultNow(),
  finishedAt: timestamptz('finished_at'),
});

/** A hit: a registry person (or applicant) found on a department list, with the evidence and the assembly's decision. */
export const comparisonHits = pgTable(
  'comparison_hits',
  {
    id: id(),
    runId: integer('run_id').notNull(),
    householdId: integer('household_id'),
    procedureId: integer('procedure_id'),
    villageCode: regionCode('village_code').notNull(),
    idNumber: idNumber('id_number').notNull(),
    personName: varchar('person_name', { length: 50 }).notNull(),
    listId: integer('list_id').notNull(),
    rowNo: integer('row_no').notNull(),
    department: varchar('department', { length: 30 }).notNull(),
    detail: text('detail').notNull().default(''),
    /** 属实 | 不属实 (村民代表大会评议), null until decided. */
    decision: varchar('decision', { length: 4 }),
    outcome: text('outcome'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamptz('decided_at'),
  },
  (t) => [index('comparison_hits_run_idx').on(t.runId), index('comparison_hits_village_idx').on(t.villageCode)],
);
