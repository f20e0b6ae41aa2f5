/**
 * The ledger's totals (汇总, GET /api/ledger/summary*): a body and its subtree over a range of start years, by category
 * and sub-type, for all entries and for those in the 45 deep-poverty counties, and each member's part.
 */
import { z } from 'zod';
import { UNITS } from '../domain/ledger/codebook';
import { funds } from './ledger';
import { pageSchema } from './page';
import { optionalInt, page, pageSize } from './zod';

/** The body (default: the user's) and the years (default: this year; `yearTo` defaults to `yearFrom`). */
export const summaryQuery = z.object({ orgId: optionalInt, yearFrom: optionalInt, yearTo: optionalInt });
export type SummaryQuery = z.output<typeof summaryQuery>;
export const memberSummaryQuery = summaryQuery.extend({ page, pageSize });

export const figures = z.object({
  entries: z.number(),
  villages: z.number(),
  households: z.number(),
  funds,
  fundsTotal: z.string(),
  beneficiaries: z.number(),
});
export type Figures = z.output<typeof figures>;

const subtypeFigures = figures.extend({ code: z.string(), name: z.string(), unit: z.enum(UNITS) });
const categoryFigures = figures.extend({ code: z.string(), name: z.string(), subtypes: z.array(subtypeFigures) });
export type SubtypeFigures = z.output<typeof subtypeFigures>;
export type CategoryFigures = z.output<typeof categoryFigures>;

export const totals = z.object({ total: figures, categories: z.array(categoryFigures) });
export type Totals = z.output<typeof totals>;

/** 委员参与情况: a body's serving members, those of them who took part in an entry of the years, and their share (0 without members). */
export const participation = z.object({ members: z.number(), active: z.number(), rate: z.number() });
export type Participation = z.output<typeof participation>;

export const summary = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  yearFrom: z.number(),
  yearTo: z.number(),
  all: totals,
  deepPoverty: totals,
  participation,
});
export type Summary = z.output<typeof summary>;

export const memberFigures = z.object({
  memberId: z.number(),
  name: z.string(),
  orgName: z.string(),
  entries: z.number(),
  fundsTotal: z.string(),
  beneficiaries: z.number(),
});
export type MemberFigures = z.output<typeof memberFigures>;
export const memberSummaryPage = pageSchema(memberFigures);
