import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { auditPage, auditQuery, auditVerify } from '../../contract/audit';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

export async function auditRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['audit']);
  r.get('/api/audit', doc.ok('审计日志（系统管理员：全部；单位管理员：本单位及下级的用户和记录）', auditPage, { querystring: auditQuery, access: 'audit.read' }), async (req) => services.audit.search(authOf(req), req.query));
  r.get('/api/audit/verify', doc.ok('校验审计日志的哈希链（系统管理员）', auditVerify, { access: 'audit.verify' }), async (req) => services.audit.verifyAs(authOf(req)));
}
