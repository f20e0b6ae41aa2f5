import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../contract/common';
import {
  countyParams,
  deepPovertyCounties,
  deepPovertyCountyBody,
  regionChildren,
  regionCodeParams,
  regionDetail,
  regionHits,
  regionSearchQuery,
} from '../../contract/regions';
import { authOf } from '../auth/access';
import type { Services } from '../services';

export async function regionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/regions/deep-poverty-counties', { schema: { tags: ['regions'], summary: '深度贫困县名单', response: { 200: deepPovertyCounties } } }, async (req) => {
    authOf(req);
    return services.regions.listDeepPovertyCounties();
  });
  r.put(
    '/api/regions/deep-poverty-counties/:countyCode',
    { schema: { tags: ['regions'], summary: '加入或修改深度贫困县', params: countyParams, body: deepPovertyCountyBody, response: { 200: deepPovertyCounties } } },
    async (req) => {
      await services.regions.setDeepPovertyCounty(authOf(req), req.params.countyCode, req.body?.note ?? '');
      return services.regions.listDeepPovertyCounties();
    },
  );
  r.delete(
    '/api/regions/deep-poverty-counties/:countyCode',
    { schema: { tags: ['regions'], summary: '移出深度贫困县名单', params: countyParams, response: { 204: noContent } } },
    async (req, reply) => {
      await services.regions.removeDeepPovertyCounty(authOf(req), req.params.countyCode);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/regions/search',
    {
      schema: {
        tags: ['regions'],
        summary: '按名称搜索行政区划',
        querystring: regionSearchQuery,
        response: { 200: regionHits },
      },
    },
    async (req) => {
      authOf(req);
      return { items: await services.regions.search(req.query.q, req.query.level, req.query.under ?? null) };
    },
  );
  r.get('/api/regions/:code/children', { schema: { tags: ['regions'], summary: '下级行政区划（root 为省级）', params: regionCodeParams, response: { 200: regionChildren } } }, async (req) => {
    authOf(req);
    return { items: await services.regions.children(req.params.code === 'root' ? null : req.params.code) };
  });
  r.get('/api/regions/:code', { schema: { tags: ['regions'], summary: '行政区划及其上级路径', params: regionCodeParams, response: { 200: regionDetail } } }, async (req) => {
    authOf(req);
    return services.regions.get(req.params.code);
  });
}
