/**
 * 报送, approval and correction requests (issue 11: “each level reports (报送) its year's figures upward, the level
 * above approves them, and approved figures are locked — a later correction goes through a correction request with its
 * reason and approval, never an edit in place”): what the routes under /api/reports take and answer.
 */
import { z } from 'zod';
import { CORRECTION_STATES, REPORT_STATES } from '../domain/reports/reports';
import { decidedFields, reviewFields } from './decision';
import { pageSchema } from './page';
import { regionDetail, statusCount } from './registry/common';
import { incomeItemsInput } from './registry/households';
import { villageYearFigures, villageYearInput } from './registry/villages';
import { id, idParam, int, optionalInt, page, pageSize, regionPrefix, smallInt, text } from './zod';

export const reportState = z.enum(REPORT_STATES);
export const correctionState = z.enum(CORRECTION_STATES);

/**
 * A region's figures of a year as the registry knows them: households and persons by status as of 31 December, the
 * exits and new identifications of the year, the mean per-capita net income of the year, and the villages' year figures (村集体经济收入 and the
 * year's 脱贫规划, summed over the villages of the region; null where no village gave one).
 */
export const reportFigures = z.object({
  asOf: z.string(),
  byStatus: z.array(statusCount),
  poorPersons: z.number(),
  exits: z.object({ households: z.number(), persons: z.number() }),
  /** Households identified (建档立卡) in the year, with their persons as registered now (not as of the year end). */
  identified: z.object({ households: z.number(), persons: z.number() }),
  meanPerCapita: z.object({ mean: z.number().nullable(), households: z.number() }),
  villages: z.object({
    /** Villages of the region with year figures entered. */
    reported: z.number(),
    ...villageYearFigures,
  }),
});
export type ReportFigures = z.output<typeof reportFigures>;

export const report = z.object({
  id: z.number(),
  region: regionDetail,
  year: z.number(),
  state: reportState,
  stateLabel: z.string(),
  figures: reportFigures,
  submittedByName: z.string(),
  submittedAt: z.string(),
  ...decidedFields,
  returnReason: z.string().nullable(),
  version: z.number(),
  /** Whether the caller may approve or return it (the report's region strictly inside the caller's scope). */
  mayDecide: z.boolean(),
});
export type Report = z.output<typeof report>;
export const reportPage = pageSchema(report);

/** GET /api/reports: the reports in the caller's scope, by year, region (a code or prefix) and state. */
export const reportQuery = z.object({ year: optionalInt, region: regionPrefix().optional(), state: reportState.optional(), page, pageSize });
export type ReportFilters = Omit<z.output<typeof reportQuery>, 'page' | 'pageSize'>;

/** GET /api/reports/own?year=: the caller's own region and year — its report (if any) and the figures as they are now. */
export const ownReportQuery = z.object({ year: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), smallInt(2013, 2100)) });
export const ownReport = z.object({ region: regionDetail, year: z.number(), report: report.nullable(), current: reportFigures });
export type OwnReport = z.output<typeof ownReport>;

/** POST /api/reports: 报送 the caller's own region's year (again after a return: `version` of the returned report). */
export const reportSubmit = z.object({ year: smallInt(2013, 2100), version: int().nullish() });
export type ReportSubmit = z.output<typeof reportSubmit>;
export const reportParams = z.object({ id: idParam() });
export const reportApprove = z.object({ version: int() });
export const reportReturn = z.object({ reason: text(2000), version: int() });

/** The figures a correction may propose: a village's year figures, or a household's income items of the year. */
export const correctionVillageValues = villageYearInput;
export const correctionIncomeValues = incomeItemsInput;

/** POST /api/reports/corrections: a new value for a locked figure, with its reason. */
export const correctionCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('village_year'), villageCode: z.string().regex(/^\d{12}$/, { error: '应为 12 位行政区划代码' }), year: smallInt(2013, 2100), values: correctionVillageValues, reason: text(2000) }),
  z.object({ kind: z.literal('income'), householdId: id(), year: smallInt(2013, 2100), values: correctionIncomeValues, reason: text(2000) }),
]);
export type CorrectionCreate = z.output<typeof correctionCreate>;

export const correction = z.object({
  id: z.number(),
  reportId: z.number(),
  /** The region of the report whose approver decides (the outermost approved report holding the figure). */
  reportRegion: regionDetail,
  kind: z.enum(['village_year', 'income']),
  kindLabel: z.string(),
  village: regionDetail,
  householdId: z.number().nullable(),
  householdNumber: z.string().nullable(),
  year: z.number(),
  before: z.record(z.string(), z.number().nullable()),
  proposed: z.record(z.string(), z.number().nullable()),
  reason: z.string(),
  state: correctionState,
  stateLabel: z.string(),
  ...reviewFields,
  version: z.number(),
  mayDecide: z.boolean(),
});
export type Correction = z.output<typeof correction>;
export const correctionPage = pageSchema(correction);
export const correctionQuery = z.object({ year: optionalInt, state: correctionState.optional(), page, pageSize });
export const correctionApprove = reportApprove;
export const correctionReject = reportReturn;
