import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkParams, findingsPage, findingsQuery, handbookBody, handbookChecks, latestRun, qualityChecks, qualityRun, regionQuery, runBody } from '../../contract/quality';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import type { Services } from '../services';

/** Data-quality checks (issue 4). */
export async function qualityRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = services.quality;
  const tags = ['quality'];
  r.get('/api/quality/checks', { schema: { tags, summary: '数据质量检查项', response: { 200: qualityChecks } } }, async (req) => (authOf(req), q.checks()));
  r.post('/api/quality/runs', { schema: { tags, summary: '立即运行全部检查（按地区）', body: runBody, response: { 200: qualityRun } } }, async (req) => q.run(authOf(req), req.body.region));
  r.get('/api/quality/latest', { schema: { tags, summary: '最近一次检查的计数', querystring: regionQuery, response: { 200: latestRun } } }, async (req) => q.latest(authOf(req), req.query.region));
  r.get(
    '/api/quality/households/:id/handbook',
    { schema: { tags, summary: '扶贫手册核对记录（三个一致）', params: idParams, response: { 200: handbookChecks } } },
    async (req) => q.handbook(authOf(req), req.params.id),
  );
  r.post(
    '/api/quality/households/:id/handbook',
    {
      schema: {
        tags,
        summary: '记录扶贫手册核对结果（手册上的家庭人口、人均纯收入、帮扶责任人）',
        params: idParams,
        body: handbookBody,
        response: { 201: handbookChecks },
      },
    },
    async (req, reply) => reply.code(201).send(await q.recordHandbook(authOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/quality/checks/:key',
    { schema: { tags, summary: '某项检查发现的记录（分页）', params: checkParams, querystring: findingsQuery, response: { 200: findingsPage } } },
    async (req) => q.findings(authOf(req), req.params.key, req.query),
  );
}
