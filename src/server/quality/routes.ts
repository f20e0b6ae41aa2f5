import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkParams, findingsPage, findingsQuery, handbookBody, handbookChecks, latestRun, qualityChecks, qualityRun, regionQuery, runBody } from '../../contract/quality';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** Data-quality checks (issue 4). */
export async function qualityRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = services.quality;
  const doc = routeOptions(['quality']);
  r.get('/api/quality/checks', doc.ok('数据质量检查项', qualityChecks, { access: 'quality.read' }), async (req) => (authOf(req), q.checks()));
  r.post('/api/quality/runs', doc.ok('立即运行全部检查（按地区）', qualityRun, { body: runBody, access: 'quality.run' }), async (req) => q.run(authOf(req), req.body.region));
  r.get('/api/quality/latest', doc.ok('最近一次检查的计数', latestRun, { querystring: regionQuery, access: 'quality.read' }), async (req) => q.latest(authOf(req), req.query.region));
  r.get('/api/quality/households/:id/handbook', doc.ok('扶贫手册核对记录（三个一致）', handbookChecks, { params: idParams, access: 'quality.read' }), async (req) => q.handbook(authOf(req), req.params.id));
  r.post('/api/quality/households/:id/handbook', doc.created('记录扶贫手册核对结果（手册上的家庭人口、人均纯收入、帮扶责任人）', handbookChecks, { params: idParams, body: handbookBody, access: 'quality.run' }), async (req) =>
    q.recordHandbook(authOf(req), req.params.id, req.body),
  );
  r.get('/api/quality/checks/:key', doc.ok('某项检查发现的记录（分页）', findingsPage, { params: checkParams, querystring: findingsQuery, access: 'quality.read' }), async (req) => q.findings(authOf(req), req.params.key, req.query));
}
