/**
 * The audit log (GET /api/audit, GET /api/audit/verify): what the server answers and what the web reads, declared
 * once. The server's routes declare these schemas (so /api/docs/json describes them); the web takes its types here.
 */
import { z } from 'zod';
import { pageSchema } from './page';
import { page, pageSize } from './zod';

const blankToUndefined = (v: unknown) => (v === '' || v === undefined ? undefined : v);
const id32 = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(2_147_483_647).optional());
const text = (max: number) => z.preprocess(blankToUndefined, z.string().max(max).regex(/^[^\0]*$/, '不能含有空字符').optional());
const day = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD').optional());

export const auditQuery = z.object({
  entity: text(20),
  action: text(20),
  userId: id32,
  user: text(50),
  entityId: id32,
  from: day,
  to: day,
  q: text(100),
  page,
  pageSize,
});
/** The filters of the audit page, as the web sends them. */
export type AuditQuery = z.output<typeof auditQuery>;

const change = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });
const snapshot = z.record(z.string(), z.unknown()).nullable();
export const auditItem = z.object({
  id: z.number(),
  seq: z.number().nullable(),
  at: z.string(),
  userId: z.number(),
  userName: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  regionCode: z.string().nullable(),
  before: snapshot,
  after: snapshot,
  changes: z.array(change),
  /** For access events (sign-ins, exports, uploads): what, how many rows. */
  details: snapshot,
});
export type AuditItem = z.output<typeof auditItem>;
export type AuditChange = z.output<typeof change>;
export const auditPage = pageSchema(auditItem);

export const auditVerify = z.object({
  ok: z.boolean(),
  count: z.number(),
  message: z.string(),
  id: z.number().nullable().optional(),
  seq: z.number().nullable().optional(),
  at: z.string().nullable().optional(),
  problem: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});
export type AuditVerify = z.output<typeof auditVerify>;
