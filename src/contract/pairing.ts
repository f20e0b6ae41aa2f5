/**
 * 结对帮扶 (GET/POST/PATCH/DELETE /api/pairing/…): 帮扶责任人, their households (assignments, visits and signature files),
 * the households without a helper or without this half-year's visit (seed 004), and seed 002's leader–village links.
 * The server's routes declare these schemas; the web takes its types here.
 */
import { z } from 'zod';
import { VISIT_FILE_KINDS, VISIT_KINDS } from '../domain/pairing/half-year-visit';
import { HANDOVER_KINDS } from '../domain/pairing/handovers';
import { HELPER_KINDS } from '../domain/pairing/helper-eligibility';
import { LEADER_VILLAGE_KINDS } from '../domain/pairing/leader-village';
import { STATUSES } from '../domain/registry/status-transition';
import { attachment, type Attachment } from './common';
import { pageSchema } from './page';
import { regionStep } from './regions';
import { bool, id, int, isoDate, name, oneOf, optionalBool, optionalInt, page, pageSize, regionPrefix, text } from './zod';

// --- requests -------------------------------------------------------------------------------------------------------

/** The fields of a helper as a form sends them; the domain checks kind and level (helperEligibilityProblem). */
export const helperInput = z.object({
  name: name(50),
  unit: name(100),
  kind: name(12),
  level: name(6),
  post: name(50).optional(),
  phone: name(20).optional(),
  regionCode: name(12),
});
export type HelperInput = z.output<typeof helperInput>;

/** A helper's changes; `active: false` deactivates one who holds no household any more. */
export const helperUpdate = helperInput.partial().extend({ active: bool().optional(), version: int() });
export type HelperUpdate = z.output<typeof helperUpdate>;

export const helperQuery = z.object({ region: regionPrefix().optional(), q: name(100).optional(), active: optionalBool, page, pageSize });
/** The filters of the helper list (page and size apart). */
export type HelperFilters = Omit<z.output<typeof helperQuery>, 'page' | 'pageSize'>;

export const assignInput = z.object({ helperId: id(), fromOn: isoDate().optional(), reason: text(2000).optional() });
export type AssignInput = z.output<typeof assignInput>;

export const endAssignmentInput = z.object({ toOn: isoDate().optional(), reason: text(2000).optional() });
export type EndAssignmentInput = z.output<typeof endAssignmentInput>;

export const replaceInput = z.object({ helperId: id(), on: isoDate().optional(), reason: text(2000) });
export type ReplaceInput = z.output<typeof replaceInput>;

export const withoutHelperQuery = z.object({ region: regionPrefix().optional(), on: isoDate().optional(), page, pageSize });
export type WithoutHelperQuery = z.output<typeof withoutHelperQuery>;

/**
 * POST …/households/:id/visits. `baseVersion`: the household's version as the phone had it when the visit was recorded
 * offline (issue 12); if the household changed on the server since, the visit is refused (409) for the user to look.
 */
export const visitInput = z.object({ kind: name(10), visitedOn: isoDate().optional(), helperId: id().nullish(), visitor: name(50).optional(), content: text(5000), baseVersion: int().optional() });
/** POST …/visits/:id/signatures?kind=: what the file is (no kind: 签字材料). */
export const visitFileQuery = z.object({ kind: oneOf(Object.keys(VISIT_FILE_KINDS) as [keyof typeof VISIT_FILE_KINDS, ...(keyof typeof VISIT_FILE_KINDS)[]]).optional() });
export type VisitInput = z.output<typeof visitInput>;

/** A half-year of visits: default the current one; `year` alone is its first half. */
export const missingVisitsQuery = z.object({ region: regionPrefix().optional(), year: optionalInt, half: optionalInt, page, pageSize });
export type MissingVisitsQuery = z.output<typeof missingVisitsQuery>;

export const leaderVillagesQuery = z.object({ orgId: optionalInt, kind: name(12).optional(), current: optionalBool, page, pageSize });
export type LeaderVillageFilters = Omit<z.output<typeof leaderVillagesQuery>, 'page' | 'pageSize'>;

export const leaderVillageInput = z.object({
  kind: name(12),
  orgId: id(),
  memberId: id().nullish(),
  holder: name(100).optional(),
  villageCode: name(12),
  fromOn: isoDate().optional(),
  toOn: isoDate().nullish(),
});
export type LeaderVillageInput = z.output<typeof leaderVillageInput>;

/** Dates or chamber of a link; a `toOn` ends it. */
export const leaderVillageUpdate = z.object({ fromOn: isoDate().optional(), toOn: isoDate().nullish(), holder: name(100).optional() });
export type LeaderVillageUpdate = z.output<typeof leaderVillageUpdate>;

// --- answers --------------------------------------------------------------------------------------------------------

const day = z.string();
const householdStatus = z.enum(STATUSES);
const helperKind = z.enum(HELPER_KINDS);

/** A helper's record (phone as the masking hook leaves it). */
export const helper = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.string(),
  kind: helperKind,
  level: z.string(),
  post: z.string(),
  phone: z.string(),
  regionCode: z.string(),
  active: z.boolean(),
  version: z.number(),
});

/** A helper in the list, with the households held today that count toward the limit. */
export const helperListItem = helper.extend({ households: z.number() });
export type Helper = z.output<typeof helperListItem>;
export const helperPage = pageSchema(helperListItem).extend({ limit: z.number() });
export type HelperList = z.output<typeof helperPage>;

/** A household as the pairing lists name it. */
export const householdRef = z.object({ householdId: z.number(), villageCode: z.string(), villageName: z.string(), number: z.string(), head: z.string(), status: householdStatus });
export type HouseholdRef = z.output<typeof householdRef>;

const helperAssignment = z.object({
  id: z.number(),
  fromOn: day,
  toOn: day.nullable(),
  reason: z.string(),
  current: z.boolean(),
  /** Null: a household outside the user's scope, not named. */
  household: z.object({ id: z.number(), villageCode: z.string(), villageName: z.string(), number: z.string(), head: z.string(), status: householdStatus }).nullable(),
});
export type HelperAssignment = z.output<typeof helperAssignment>;

/** A helper with the households they hold and held. */
export const helperDetail = helper.extend({
  kindLabel: z.string(),
  region: regionStep.extend({ deepPoverty: z.boolean(), path: z.array(regionStep) }),
  eligible: z.boolean(),
  eligibilityProblem: z.string().nullable(),
  /** Counted toward the limit: households held today that keep a helper. */
  households: z.number(),
  limit: z.number(),
  /** Whether the user may change the helper's record (the helper works in the user's region). */
  editable: z.boolean(),
  assignments: z.array(helperAssignment),
});
export type HelperDetail = z.output<typeof helperDetail>;

/** One of a household's assignments, with the helper as they are now. */
export const assignment = z.object({
  id: z.number(),
  householdId: z.number(),
  helperId: z.number(),
  fromOn: day,
  toOn: day.nullable(),
  reason: z.string(),
  at: z.string(),
  helperName: z.string(),
  unit: z.string(),
  kind: helperKind,
  level: z.string(),
  post: z.string(),
  phone: z.string(),
  current: z.boolean(),
});
export type Assignment = z.output<typeof assignment>;

/** A signature file kept with a visit (帮扶成效签字). */
export const signatureFile = attachment;
export type SignatureFile = Attachment;

export const visit = z.object({
  id: z.number(),
  householdId: z.number(),
  kind: z.enum(VISIT_KINDS),
  helperId: z.number().nullable(),
  visitor: z.string(),
  visitedOn: day,
  content: z.string(),
  userId: z.number(),
  at: z.string(),
  attachments: z.array(signatureFile),
});
export type Visit = z.output<typeof visit>;

const halfYear = z.object({ year: z.number(), half: z.union([z.literal(1), z.literal(2)]), from: day, to: day, label: z.string() });

/** The panel 帮扶责任人与走访 of a household: every change to its helpers or visits answers with it. */
export const householdPairing = z.object({
  householdId: z.number(),
  status: householdStatus,
  limit: z.number(),
  helpers: z.array(assignment),
  assignments: z.array(assignment),
  notes: z.array(z.object({ on: day, kind: z.enum(HANDOVER_KINDS), text: z.string(), reason: z.string() })),
  visits: z.array(visit),
  halfYear: halfYear.extend({ problem: z.string().nullable() }),
});
export type HouseholdPairing = z.output<typeof householdPairing>;

export const withoutHelperPage = pageSchema(householdRef).extend({ on: day });
export type WithoutHelperList = z.output<typeof withoutHelperPage>;

/** An exited household without this half-year's visit, with its last helper's visit. */
export const missingVisitRow = householdRef.extend({ lastVisit: day.nullable() });
export type MissingVisitRow = z.output<typeof missingVisitRow>;
export const missingVisitsPage = pageSchema(missingVisitRow).extend({ halfYear });
export type MissingVisitList = z.output<typeof missingVisitsPage>;

/** A leader–village link as stored. */
export const leaderVillageRecord = z.object({
  id: z.number(),
  kind: z.enum(LEADER_VILLAGE_KINDS),
  orgId: z.number(),
  memberId: z.number().nullable(),
  holder: z.string(),
  villageCode: z.string(),
  fromOn: day,
  toOn: day.nullable(),
  userId: z.number(),
  at: z.string(),
});
export type LeaderVillageRecord = z.output<typeof leaderVillageRecord>;

/** A link in the list, with the names and whether it holds today and the user may change it. */
export const leaderVillage = leaderVillageRecord.extend({ orgName: z.string(), memberName: z.string().nullable(), villageName: z.string(), current: z.boolean(), editable: z.boolean() });
export type LeaderVillage = z.output<typeof leaderVillage>;
export const leaderVillagePage = pageSchema(leaderVillage);
