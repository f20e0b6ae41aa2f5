/**
 * Change requests (户情变更审批, issue 11 “Changes with a second pair of eyes”): a registry change proposed by a village
 * waits for the township's approval. PATCH /api/registry/households/:id and PUT …/incomes/:year answer 202 with a
 * change request when the change needs approval; the routes under /api/registry/change-requests list, show and decide
 * them, and set which kinds of change need approval.
 */
import { z } from 'zod';
import { CHANGE_ACTIONS, CHANGE_KINDS, CHANGE_STATES } from '../../domain/registry/change-requests';
import { reviewFields } from '../decision';
import { pageSchema } from '../page';
import { bool, list, oneOf, optionalInt, page, pageSize, regionPrefix, text } from '../zod';
import { householdPatch, incomeItemsInput } from './households';

export const changeState = z.enum(CHANGE_STATES);
export const changeKind = z.enum(CHANGE_KINDS);

// --- what the forms send -------------------------------------------------------------------------------------------

/** GET /api/registry/change-requests: by state, under a region, of one household (its page), or my own. */
export const changeRequestQuery = z.object({
  state: oneOf(CHANGE_STATES).optional(),
  region: regionPrefix().optional(),
  householdId: optionalInt,
  mine: z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined), z.boolean().optional()),
  page,
  pageSize,
});
export type ChangeRequestQuery = z.output<typeof changeRequestQuery>;

/** POST …/:id/return and …/:id/reject: the reason, which the proposer reads. */
export const changeDecisionReason = z.object({ reason: text(2000).refine((s) => s.trim().length > 0, { error: '请填写原因' }) });

/**
 * POST …/:id/resubmit: the request as edited by its proposer (the household patch, with the household's version as
 * now loaded, or the income items); absent: the same proposal again.
 */
export const changeResubmit = z.object({ household: householdPatch.optional(), income: incomeItemsInput.optional() });
export type ChangeResubmit = z.output<typeof changeResubmit>;

/** PUT /api/registry/change-requests/rules: for the caller's region (or a region inside it), which kinds need approval. */
export const changeRulesInput = z.object({ region: regionPrefix().optional(), items: list(z.object({ kind: oneOf(CHANGE_KINDS), required: bool() }), CHANGE_KINDS.length) });
export type ChangeRulesInput = z.output<typeof changeRulesInput>;
export const changeRulesQuery = z.object({ region: regionPrefix().optional() });

// --- what the server answers ---------------------------------------------------------------------------------------

/** One field before → after (ID numbers masked for roles that may not see them). */
export const changeField = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });
export type ChangeField = z.output<typeof changeField>;

/** One step of a request: who did what, when, and why. */
export const changeEvent = z.object({ action: z.enum(CHANGE_ACTIONS), actionLabel: z.string(), userName: z.string(), reason: z.string(), at: z.string() });
export type ChangeEvent = z.output<typeof changeEvent>;

export const changeRequest = z.object({
  id: z.number(),
  householdId: z.number(),
  householdNumber: z.string().nullable(),
  head: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  /** household (facts and members) | income (one year's items) */
  kind: z.enum(['household', 'income']),
  kinds: z.array(changeKind),
  /** What is changed, in words (户基本情况、家庭成员（增、改、删）, 2019 年家庭收入). */
  kindLabel: z.string(),
  year: z.number().nullable(),
  state: changeState,
  stateLabel: z.string(),
  changes: z.array(changeField),
  note: z.string(),
  proposedBy: z.number(),
  ...reviewFields,
  /** The household (or that year's income) changed since the proposal: it cannot be approved as it is; return it. */
  stale: z.boolean(),
  /** What the caller may do with it now. */
  mayDecide: z.boolean(),
  mayResubmit: z.boolean(),
  mayWithdraw: z.boolean(),
  events: z.array(changeEvent),
  version: z.number(),
});
export type ChangeRequest = z.output<typeof changeRequest>;
export const changeRequests = pageSchema(changeRequest);

/** The rule that holds for each kind in a region: set there, set above (`setFor`), or the default (`setFor` null). */
export const changeRules = z.object({
  regionPrefix: z.string(),
  regionName: z.string(),
  items: z.array(z.object({ kind: changeKind, label: z.string(), required: z.boolean(), setFor: z.object({ regionPrefix: z.string(), regionName: z.string() }).nullable() })),
  mayEdit: z.boolean(),
});
export type ChangeRules = z.output<typeof changeRules>;
