import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../contract/common';
import { member, memberInput, memberPage, memberPatch, memberQuery } from '../../contract/members';
import { history, org, orgInput, orgList, orgPatch } from '../../contract/orgs';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import type { Services } from '../services';

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/orgs', { schema: { tags: ['orgs'], summary: '单位树（管辖范围内，按路径排序）', response: { 200: orgList } } }, async (req) => ({ items: await services.orgs.list(authOf(req)) }));
  r.get('/api/orgs/:id', { schema: { tags: ['orgs'], summary: '单位', params: idParams, response: { 200: org } } }, async (req) => services.orgs.get(authOf(req), req.params.id));
  r.post(
    '/api/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: '新建下级单位',
        body: orgInput,
        response: { 201: org },
      },
    },
    async (req, reply) => reply.status(201).send(await services.orgs.create(authOf(req), req.body)),
  );
  r.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags: ['orgs'],
        summary: '修改单位',
        params: idParams,
        body: orgPatch,
        response: { 200: org },
      },
    },
    async (req) => services.orgs.update(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/orgs/:id', { schema: { tags: ['orgs'], summary: '删除空单位', params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    await services.orgs.remove(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get(
    '/api/members',
    {
      schema: {
        tags: ['members'],
        summary: '委员列表（委员信息管理）',
        querystring: memberQuery,
        response: { 200: memberPage },
      },
    },
    async (req) => services.members.list(authOf(req), req.query),
  );
  r.get('/api/orgs/:id/history', { schema: { tags: ['orgs'], summary: '单位修改历史', params: idParams, response: { 200: history } } }, async (req) => services.orgs.history(authOf(req), req.params.id));
  r.get('/api/members/:id/history', { schema: { tags: ['members'], summary: '委员信息与状态标注的历史', params: idParams, response: { 200: history } } }, async (req) =>
    services.members.history(authOf(req), req.params.id),
  );
  r.get('/api/members/:id', { schema: { tags: ['members'], summary: '委员', params: idParams, response: { 200: member } } }, async (req) => services.members.get(authOf(req), req.params.id));
  r.post(
    '/api/members',
    { schema: { tags: ['members'], summary: '新增委员', body: memberInput, response: { 201: member } } },
    async (req, reply) => reply.status(201).send(await services.members.create(authOf(req), req.body.orgId, req.body)),
  );
  r.patch(
    '/api/members/:id',
    { schema: { tags: ['members'], summary: '修改委员信息或标注状态', params: idParams, body: memberPatch, response: { 200: member } } },
    async (req) => services.members.update(authOf(req), req.params.id, req.body),
  );
}
