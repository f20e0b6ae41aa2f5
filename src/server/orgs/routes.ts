import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/access';
import { id, idParams, int, isoDate, name, oneOf, optionalInt, page, pageSize, text } from '../../contract/zod';
import type { Services } from '../services';

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/orgs', { schema: { tags: ['orgs'], summary: '单位树（管辖范围内，按路径排序）' } }, async (req) => ({ items: await services.orgs.list(authOf(req)) }));
  r.get('/api/orgs/:id', { schema: { tags: ['orgs'], summary: '单位', params: idParams } }, async (req) => services.orgs.get(authOf(req), req.params.id));
  r.post(
    '/api/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: '新建下级单位',
        body: z.object({ parentId: id(), name: name(100), kind: name(20), level: name(10), regionCode: name(12) }),
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
        body: z.object({ name: name(100).optional(), kind: name(20).optional(), regionCode: name(12).optional(), version: int() }),
      },
    },
    async (req) => services.orgs.update(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/orgs/:id', { schema: { tags: ['orgs'], summary: '删除空单位', params: idParams } }, async (req, reply) => {
    await services.orgs.remove(authOf(req), req.params.id);
    return reply.status(204).send();
  });

  const memberBody = {
    name: name(50).optional(),
    sector: name(50).optional(),
    phone: name(30).optional(),
    skills: text(2000).optional(),
    status: oneOf(['normal', 'unable']).optional(),
    unableReason: text(2000).nullish(),
    unableFrom: isoDate().nullish(),
  };
  r.get(
    '/api/members',
    {
      schema: {
        tags: ['members'],
        summary: '委员列表（委员信息管理）',
        querystring: z.object({ orgId: optionalInt, q: name(100).optional(), status: z.enum(['normal', 'unable']).optional(), page, pageSize }),
      },
    },
    async (req) => services.members.list(authOf(req), req.query),
  );
  r.get('/api/orgs/:id/history', { schema: { tags: ['orgs'], summary: '单位修改历史', params: idParams } }, async (req) => services.orgs.history(authOf(req), req.params.id));
  r.get('/api/members/:id/history', { schema: { tags: ['members'], summary: '委员信息与状态标注的历史', params: idParams } }, async (req) =>
    services.members.history(authOf(req), req.params.id),
  );
  r.get('/api/members/:id', { schema: { tags: ['members'], summary: '委员', params: idParams } }, async (req) => services.members.get(authOf(req), req.params.id));
  r.post(
    '/api/members',
    { schema: { tags: ['members'], summary: '新增委员', body: z.object({ orgId: id(), ...memberBody }) } },
    async (req, reply) => reply.status(201).send(await services.members.create(authOf(req), req.body.orgId, req.body)),
  );
  r.patch(
    '/api/members/:id',
    { schema: { tags: ['members'], summary: '修改委员信息或标注状态', params: idParams, body: z.object({ ...memberBody, version: int() }) } },
    async (req) => services.members.update(authOf(req), req.params.id, req.body),
  );
}
