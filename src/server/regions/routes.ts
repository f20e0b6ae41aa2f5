import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/access';
import { name, text } from '../../contract/zod';
import type { Services } from '../services';

export async function regionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const code = z.object({ code: name(12) });

  r.get('/api/regions/deep-poverty-counties', { schema: { tags: ['regions'], summary: '深度贫困县名单' } }, async (req) => {
    authOf(req);
    return services.regions.listDeepPovertyCounties();
  });
  r.put(
    '/api/regions/deep-poverty-counties/:countyCode',
    { schema: { tags: ['regions'], summary: '加入或修改深度贫困县', params: z.object({ countyCode: name(12) }), body: z.object({ note: text(2000).optional() }).optional() } },
    async (req) => {
      await services.regions.setDeepPovertyCounty(authOf(req), req.params.countyCode, req.body?.note ?? '');
      return services.regions.listDeepPovertyCounties();
    },
  );
  r.delete(
    '/api/regions/deep-poverty-counties/:countyCode',
    { schema: { tags: ['regions'], summary: '移出深度贫困县名单', params: z.object({ countyCode: name(12) }) } },
    async (req, reply) => {
      await services.regions.removeDeepPovertyCounty(authOf(req), req.params.countyCode);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/regions/search',
    {
      schema: {
        tags: ['regions'],
        summary: '按名称搜索行政区划',
        querystring: z.object({ q: name(100).default(''), level: z.coerce.number().int().min(1).max(5).default(5), under: z.string().regex(/^\d{2,12}$/).optional() }),
      },
    },
    async (req) => {
      authOf(req);
      return { items: await services.regions.search(req.query.q, req.query.level, req.query.under ?? null) };
    },
  );
  r.get('/api/regions/:code/children', { schema: { tags: ['regions'], summary: '下级行政区划（root 为省级）', params: code } }, async (req) => {
    authOf(req);
    return { items: await services.regions.children(req.params.code === 'root' ? null : req.params.code) };
  });
  r.get('/api/regions/:code', { schema: { tags: ['regions'], summary: '行政区划及其上级路径', params: code } }, async (req) => {
    authOf(req);
    return services.regions.get(req.params.code);
  });
}
