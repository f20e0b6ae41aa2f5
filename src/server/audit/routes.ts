import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/access';
import { page, pageSize } from '../http/zod';
import type { Services } from '../services';

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
  details: snapshot,
});
export const auditPage = z.object({ items: z.array(auditItem), total: z.number(), page: z.number(), pageSize: z.number() });
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

export async function auditRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（系统管理员：全部；单位管理员：本单位及下级的用户和记录）',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (req) => services.audit.search(authOf(req), req.query),
  );
  r.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计日志的哈希链（系统管理员）', response: { 200: auditVerify } } },
    async (req) => services.audit.verifyAs(authOf(req)),
  );
}
