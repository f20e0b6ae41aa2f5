import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { idParams } from '../../contract/zod';
import { changeDecisionReason, changeRequest, changeRequestQuery, changeRequests, changeResubmit, changeRules, changeRulesInput, changeRulesQuery } from '../../contract/registry/change-requests';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** 户情变更审批 (issue 11): the change requests of the user's region, their decisions, and the approval rules. */
export async function changeRequestRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.changes;
  const doc = routeOptions(['registry']);
  const base = '/api/registry/change-requests';

  r.get(`${base}/rules`, doc.ok('户情变更审批规则（哪些变更须乡镇审核）', changeRules, { querystring: changeRulesQuery, access: 'registry.read' }), async (req) => svc.rules(authOf(req), req.query.region));
  r.put(`${base}/rules`, doc.ok('设置本地区的户情变更审批规则', changeRules, { body: changeRulesInput, access: 'changes.approve' }), async (req) => svc.setRules(authOf(req), req.body));
  r.get(base, doc.ok('户情变更申请（按状态、地区、贫困户）', changeRequests, { querystring: changeRequestQuery, access: 'registry.read' }), async (req) => svc.list(authOf(req), req.query));
  r.get(`${base}/:id`, doc.ok('户情变更申请（变更前后对照）', changeRequest, { params: idParams, access: 'registry.read' }), async (req) => svc.one(authOf(req), req.params.id));
  r.post(`${base}/:id/approve`, doc.ok('批准户情变更（按申请写入）', changeRequest, { params: idParams, access: 'changes.approve' }), async (req) => svc.approve(authOf(req), req.params.id));
  r.post(`${base}/:id/return`, doc.ok('退回户情变更（写明原因，提出人可修改后重新提交）', changeRequest, { params: idParams, body: changeDecisionReason, access: 'changes.approve' }), async (req) =>
    svc.returnToProposer(authOf(req), req.params.id, req.body.reason),
  );
  r.post(`${base}/:id/reject`, doc.ok('驳回户情变更（写明原因）', changeRequest, { params: idParams, body: changeDecisionReason, access: 'changes.approve' }), async (req) => svc.reject(authOf(req), req.params.id, req.body.reason));
  r.post(`${base}/:id/withdraw`, doc.ok('撤回户情变更（提出人）', changeRequest, { params: idParams, access: 'registry.write' }), async (req) => svc.withdraw(authOf(req), req.params.id));
  r.post(`${base}/:id/resubmit`, doc.ok('重新提交退回的户情变更（提出人）', changeRequest, { params: idParams, body: changeResubmit, access: 'registry.write' }), async (req) => svc.resubmit(authOf(req), req.params.id, req.body));
}
