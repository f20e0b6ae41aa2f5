/**
 * 工作台 (GET /api/workbench, issue 11): the home page of every role — the to-dos of the user's scope, each counted by
 * the feature that owns its records, and a few key figures. The server's route declares this schema; the web takes
 * its types here.
 */
import { z } from 'zod';
import { permission } from './auth';
import { statusCount } from './registry/common';

/**
 * What a to-do is about (one per kind of record waiting for the user), in issue 11's order: “procedure steps waiting
 * at my level, notices ending today or ended, assemblies to record, comparison hits to decide, households without a
 * helper, exited households not visited this half-year, quality findings, scores due in my rounds, failed or finished
 * import jobs”.
 */
export const TODO_KEYS = ['procedureSteps', 'notices', 'assemblies', 'compareHits', 'withoutHelper', 'missingVisits', 'qualityFindings', 'scores', 'importJobs', 'reports', 'changeRequests', 'returnedChanges', 'memberEntries', /* issue 15: rosters */ 'returnRisks'] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

/** One to-do: how many records wait, and the web page that lists them. Only the to-dos the user's role may see. */
export const todo = z.object({
  key: z.enum(TODO_KEYS),
  label: z.string(),
  count: z.number(),
  /** The web path listing these records. */
  link: z.string(),
  /** The permission the to-do needs. */
  permission,
  /** A to-do whose records are counted within another one (公示 and 评议 steps are steps waiting at my level): not added again to the menu's total. */
  partOf: z.enum(TODO_KEYS).optional(),
});
export type Todo = z.output<typeof todo>;

/** The registry's figures of the user's region (null without registry.read). */
const registryFigures = z.object({ asOf: z.string(), byStatus: z.array(statusCount), poorPersons: z.number() });
/** The ledger's totals of the user's body this year (null without ledger.read). */
const ledgerFigures = z.object({ year: z.number(), entries: z.number(), villages: z.number(), households: z.number(), fundsTotal: z.string(), beneficiaries: z.number() });

export const workbench = z.object({
  todos: z.array(todo),
  figures: z.object({ registry: registryFigures.nullable(), ledger: ledgerFigures.nullable() }),
});
export type Workbench = z.output<typeof workbench>;
