import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { member, memberInput, memberPage, memberPatch, memberQuery } from '../../contract/members';
import { history, org, orgInput, orgList, orgPatch } from '../../contract/orgs';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const docMembers = routeOptions(['members']);
  const doc = routeOptions(['orgs']);

  r.get('/api/orgs', doc.ok('单位树（管辖范围内，按路径排序）', orgList, { access: 'signedIn' }), async (req) => ({ items: await services.orgs.list(authOf(req)) }));
  r.get('/api/orgs/:id', doc.ok('单位', org, { params: idParams, access: 'signedIn' }), async (req) => services.orgs.get(authOf(req), req.params.id));
  r.post('/api/orgs', doc.created('新建下级单位', org, { body: orgInput, access: 'orgs.manage' }), async (req) => services.orgs.create(authOf(req), req.body));
  r.patch('/api/orgs/:id', doc.ok('修改单位', org, { params: idParams, body: orgPatch, access: 'orgs.manage' }), async (req) => services.orgs.update(authOf(req), req.params.id, req.body));
  r.delete('/api/orgs/:id', doc.empty('删除空单位', { params: idParams, access: 'orgs.manage' }), async (req, reply) => {
    await services.orgs.remove(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/members', docMembers.ok('委员列表（委员信息管理）', memberPage, { querystring: memberQuery, access: 'ledger.read' }), async (req) => services.members.list(authOf(req), req.query));
  r.get('/api/orgs/:id/history', doc.ok('单位修改历史', history, { params: idParams, access: 'signedIn' }), async (req) => services.orgs.history(authOf(req), req.params.id));
  r.get('/api/members/:id/history', docMembers.ok('委员信息与状态标注的历史', history, { params: idParams, access: 'ledger.read' }), async (req) => services.members.history(authOf(req), req.params.id));
  r.get('/api/members/:id', docMembers.ok('委员', member, { params: idParams, access: 'ledger.read' }), async (req) => services.members.get(authOf(req), req.params.id));
  r.post('/api/members', docMembers.created('新增委员', member, { body: memberInput, access: 'members.manage' }), async (req) => services.members.create(authOf(req), req.body.orgId, req.body));
  r.patch('/api/members/:id', docMembers.ok('修改委员信息或标注状态', member, { params: idParams, body: memberPatch, access: 'members.manage' }), async (req) => services.members.update(authOf(req), req.params.id, req.body));
}
