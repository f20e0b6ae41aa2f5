import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  householdMeasures,
  householdPlanInput,
  measure,
  measureDelete,
  measureInput,
  measuresIdParams,
  measureUpdate,
  planQuery,
  planVsActual,
  regionPlanInput,
  regionYearParams,
} from '../../contract/measures';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** 帮扶措施 and 脱贫规划 (issue 15): a household's measures and plan, the plans of villages and townships. */
export async function measuresRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.measures;
  const doc = routeOptions(['measures']);

  r.get('/api/measures/households/:id', doc.ok('贫困户的帮扶措施、脱贫时限和脱贫计划', householdMeasures, { params: measuresIdParams, access: 'registry.read' }), async (req) => svc.household(authOf(req), req.params.id));
  r.post('/api/measures/households/:id', doc.created('新增帮扶措施（稳定脱贫户不再安排增收类、发展类措施）', measure, { params: measuresIdParams, body: measureInput, access: 'registry.write' }), async (req) =>
    svc.add(authOf(req), req.params.id, req.body),
  );
  r.put('/api/measures/households/:id/plan', doc.ok('保存脱贫时限和脱贫计划', householdMeasures, { params: measuresIdParams, body: householdPlanInput, access: 'registry.write' }), async (req) =>
    svc.savePlan(authOf(req), req.params.id, req.body),
  );
  r.patch('/api/measures/:id', doc.ok('修改帮扶措施', measure, { params: measuresIdParams, body: measureUpdate, access: 'registry.write' }), async (req) => svc.update(authOf(req), req.params.id, req.body));
  r.delete('/api/measures/:id', doc.empty('删除帮扶措施', { params: measuresIdParams, querystring: measureDelete, access: 'registry.write' }), async (req, reply) => {
    await svc.remove(authOf(req), req.params.id, req.query.version);
    return reply.code(204).send(null);
  });
  r.get('/api/measures/plans', doc.ok('脱贫规划：计划与实际（按年度）', planVsActual, { querystring: planQuery, access: 'registry.read' }), async (req) => svc.planVsActual(authOf(req), req.query));
  r.put('/api/measures/plans/:code/:year', doc.ok('填写乡镇或村的年度脱贫规划', planVsActual, { params: regionYearParams, body: regionPlanInput, access: 'registry.write' }), async (req) =>
    svc.saveRegionPlan(authOf(req), req.params.code, req.params.year, req.body),
  );
}
