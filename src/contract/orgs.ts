/**
 * Bodies (单位) and the history of a record's changes: requests and answers of /api/orgs, declared once for the
 * server's routes and the web.
 */
import { z } from 'zod';
import { ORG_KINDS, ORG_LEVELS } from '../domain/shared/orgs';
import { id, int, name } from './zod';

export const org = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  /** Materialised path (`/1/4/9/`). */
  path: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  level: z.enum(ORG_LEVELS),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  version: z.number(),
});
export type Org = z.output<typeof org>;
export const orgList = z.object({ items: z.array(org) });

export const orgInput = z.object({ parentId: id(), name: name(100), kind: name(20), level: name(10), regionCode: name(12) });
export type OrgInput = z.output<typeof orgInput>;

export const orgPatch = z.object({ name: name(100).optional(), kind: name(20).optional(), regionCode: name(12).optional(), version: int() });
export type OrgPatch = z.output<typeof orgPatch>;

/** Who changed a record, when, and each field before → after (bodies, members): from the audit log. */
export { history, historyItem, type HistoryItem } from './history';
