/**
 * Households and persons of the registry (建档立卡): the forms' bodies (new household, changes, income, status
 * correction), the search, and the household as the 扶贫手册 page reads it. Money is integer yuan.
 */
import { z } from 'zod';
import { ATTRIBUTES } from '../../domain/registry/validate-household';
import type { HouseholdAttribute } from '../../domain/registry/household-rules';
import { pageSchema } from '../page';
import { bool, coercedInt, idNumber, idParam, int, isoDate, list, name, page, pageSize, regionPrefix, SMALLINT_MAX, SMALLINT_MIN, smallInt, text } from '../zod';
import { householdStatus, householdVerdicts, incomeResult, regionDetail } from './common';

/** The attributes of a poor household (一般贫困户, 低保贫困户, 特困供养贫困户), declared once in the domain. */
export const householdAttribute = z.enum(ATTRIBUTES as [HouseholdAttribute, ...HouseholdAttribute[]]);

// --- what the forms send -------------------------------------------------------------------------------------------

/** One member as entered: the domain checks the ID number, the relation, the labour definitions and the rest. */
export const personInput = z.object({
  name: name(50),
  idNumber: idNumber(),
  relation: name(10),
  schooling: name(10).optional(),
  dropoutForPoverty: bool().optional(),
  health: name(10).optional(),
  disabilityGrade: smallInt().nullish(),
  labour: name(10),
  hasQualification: bool().optional(),
  workMonths: smallInt().optional(),
  workPlace: name(100).optional(),
  workIncome: int().optional(),
  medicalEligible: bool().optional(),
  medicalInsured: bool().optional(),
  seriousIllnessInsured: bool().optional(),
  pensionInsured: bool().optional(),
});
export type PersonInput = z.output<typeof personInput>;

/** A household's facts and members (also the applicant of a new-household procedure). */
export const householdFields = {
  number: name(30),
  attribute: name(10),
  identifiedYear: smallInt(),
  identifiedOn: isoDate().optional(),
  mainCause: name(12),
  secondaryCauses: list(name(12), 20).optional(),
  housingSafe: bool().optional(),
  drinkingWaterSafe: bool().optional(),
  foodSecure: bool().optional(),
  clothingSecure: bool().optional(),
  persons: list(personInput, 100),
};

/** POST /api/registry/households: 建档立卡, a new household with its members. */
export const householdCreate = z.object({ villageCode: name(12), ...householdFields });
export type HouseholdInput = z.output<typeof householdCreate>;

/**
 * PATCH /api/registry/households/:id: only the facts given change; `persons` replaces the members as a whole (a change
 * of their number is a status-history row dated today, with `reason`). `version` is the household's as loaded.
 */
export const householdPatch = z.object(householdFields).partial().extend({ version: int(), reason: text(2000).optional() });
export type HouseholdPatch = z.output<typeof householdPatch>;

/** A year in the path (incomes, village figures). */
export const yearParam = () => coercedInt(SMALLINT_MIN, SMALLINT_MAX);
export const incomeParams = z.object({ id: idParam(), year: yearParam() });

const amount = int().optional();
/** PUT /api/registry/households/:id/incomes/:year: the income items of a year, integer yuan (absent: 0). */
export const incomeItemsInput = z.object({
  wages: amount,
  business: amount,
  property: amount,
  subsidies: amount,
  minimumLiving: amount,
  extremePoverty: amount,
  pension: amount,
  ecological: amount,
  otherTransfer: amount,
  businessCosts: amount,
  illnessCosts: amount,
  schoolingCosts: amount,
});
export type IncomeItemsInput = z.output<typeof incomeItemsInput>;

/** POST /api/registry/households/:id/status: a data correction of the status (system administrators only). */
export const statusChange = z.object({ status: name(10), year: smallInt().nullish(), effectiveOn: isoDate().optional(), reason: text(2000), version: int() });
export type StatusChange = z.output<typeof statusChange>;

/** GET /api/registry/households: by name, ID number or household number, under a region, of a status. */
/**
 * The household list and search. A page starts after `cursor` (the answer's `nextCursor`, opaque) in (村代码, 户编号)
 * order and reads only its own rows; `page` (without a cursor) still offsets small lists (a village's, the first
 * pages), up to `MAX_HOUSEHOLD_OFFSET` households.
 */
export const householdQuery = z.object({
  region: regionPrefix().optional(),
  q: name(100).optional(),
  status: name(10).optional(),
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200).optional()),
  page,
  pageSize,
});
export type HouseholdQuery = z.output<typeof householdQuery>;

// --- what the server answers ---------------------------------------------------------------------------------------

/** What a household is known by, in a list as on its page: its village and number, attribute, main cause, status now. */
const householdKeyFields = {
  id: z.number(),
  villageCode: z.string(),
  number: z.string(),
  attribute: householdAttribute,
  mainCause: z.string(),
  status: householdStatus,
  statusYear: z.number().nullable(),
};

/**
 * A household's facts as kept that the household form may leave out (`householdFields`): the day of identification,
 * the secondary causes, and 两不愁三保障 (safe housing and drinking water, food and clothing secure).
 */
export const householdDetailFields = {
  identifiedOn: z.string(),
  secondaryCauses: z.array(z.string()),
  housingSafe: z.boolean(),
  drinkingWaterSafe: z.boolean(),
  foodSecure: z.boolean(),
  clothingSecure: z.boolean(),
};

/**
 * A member's registry facts as kept, those every member states (name, ID number, relation to the head, labour)
 * and the rest (schooling, health, work, insurance), which the member form may leave out (`personInput`).
 */
export const personStatedFields = { name: z.string(), idNumber: z.string(), relation: z.string(), labour: z.string() };
export const personDetailFields = {
  schooling: z.string(),
  dropoutForPoverty: z.boolean(),
  health: z.string(),
  disabilityGrade: z.number().nullable(),
  hasQualification: z.boolean(),
  workMonths: z.number(),
  workPlace: z.string(),
  workIncome: z.number(),
  medicalEligible: z.boolean(),
  medicalInsured: z.boolean(),
  seriousIllnessInsured: z.boolean(),
  pensionInsured: z.boolean(),
};

/** One household in a list: with its village's name, its head and how many members it has. */
export const householdHit = z.object({ ...householdKeyFields, villageName: z.string().nullable(), head: z.string().nullable(), size: z.number() });
export type HouseholdHit = z.output<typeof householdHit>;
/** A text search counts at most this many households: more are answered as `total` = this and `totalIsExact` false (“1000+ 户”). */
export const HOUSEHOLD_COUNT_CAP = 1000;
/** The most households a `page` may skip (beyond it, pages follow `nextCursor`). */
export const MAX_HOUSEHOLD_OFFSET = 10_000;
/**
 * One page of households. `total`: without a text, the households of the region (by status) as the maintained
 * statistics count them, exact; with a text, counted up to `HOUSEHOLD_COUNT_CAP` (`totalIsExact` false beyond it).
 * `nextCursor`: where the next page starts, null on the last one. `notice`: how a short text was looked for (a name
 * of 1–2 characters above a town), in Chinese, or null.
 */
export const householdHits = pageSchema(householdHit).extend({
  totalIsExact: z.boolean(),
  nextCursor: z.string().nullable(),
  notice: z.string().nullable(),
});
export type HouseholdHits = z.output<typeof householdHits>;

/** A member as recorded (sex and birth date read from the ID number; the ID number masked for roles that may not see it). */
export const person = z.object({
  id: z.number(),
  householdId: z.number(),
  sex: z.string(),
  birthDate: z.string(),
  ...personStatedFields,
  ...personDetailFields,
});
export type Person = z.output<typeof person>;

/** The income items of a year as stored (integer yuan). */
export const incomeItems = z.object({
  wages: z.number(),
  business: z.number(),
  property: z.number(),
  subsidies: z.number(),
  minimumLiving: z.number(),
  extremePoverty: z.number(),
  pension: z.number(),
  ecological: z.number(),
  otherTransfer: z.number(),
  businessCosts: z.number(),
  illnessCosts: z.number(),
  schoolingCosts: z.number(),
});
export type IncomeItems = z.output<typeof incomeItems>;

/** A year without income: every item 0 yuan (what an item left out of PUT …/incomes/:year becomes). */
export const emptyIncomeItems = (): IncomeItems => Object.fromEntries(Object.keys(incomeItems.shape).map((k) => [k, 0])) as IncomeItems;

/** One year's income: the items and what they add up to. */
export const householdIncome = z.object({ year: z.number(), items: incomeItems.extend({ householdId: z.number(), year: z.number() }), result: incomeResult });
export type HouseholdIncome = z.output<typeof householdIncome>;

/** One row of the status history. */
export const historyRow = z.object({
  status: householdStatus,
  year: z.number().nullable(),
  effectiveOn: z.string(),
  persons: z.number(),
  reason: z.string(),
  userName: z.string(),
  at: z.string(),
});
export type HistoryRow = z.output<typeof historyRow>;

/** A household (扶贫手册): facts, village, members, incomes, status history and the rules' verdicts of its last income year. */
export const household = z.object({
  ...householdKeyFields,
  identifiedYear: z.number(),
  ...householdDetailFields,
  version: z.number(),
  village: regionDetail,
  persons: z.array(person),
  incomes: z.array(householdIncome),
  history: z.array(historyRow),
  verdicts: householdVerdicts.nullable(),
  verdictYear: z.number().nullable(),
});
export type Household = z.output<typeof household>;
