/**
 * A decision taken on something a user proposed or reported (issue 11 “Changes with a second pair of eyes”): who
 * decided and when, and for a proposal who made it. One shape for change requests, correction requests, reports and the
 * village assembly's decisions on comparison hits.
 */
import { z } from 'zod';

/** Who decided and when (the decider's name as kept with the record); null until decided. */
export const decidedFields = { decidedByName: z.string().nullable(), decidedAt: z.string().nullable() };

/** A proposal that waits for approval: who proposed it and when, who decided it, when and why (null until decided). */
export const reviewFields = { proposedByName: z.string(), proposedAt: z.string(), ...decidedFields, decisionReason: z.string().nullable() };
