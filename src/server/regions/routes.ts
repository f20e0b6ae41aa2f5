import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { routeOptions } from '../http/route';
import type { Services } from '../services';

export async function regionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['regions']);

  r.get('/api/regions/deep-poverty-counties', doc.ok('深度贫困县名单', deepPovertyCounties, { access: 'signedIn' }), async (req) => {
    authOf(req);
    return services.regions.listDeepPovertyCounties();
  });
  r.put('/api/regions/deep-poverty-counties/:countyCode', doc.ok('加入或修改深度贫困县', deepPovertyCounties, { params: countyParams, body: deepPovertyCountyBody, access: 'regions.manage' }), async (req) => {
    await services.regions.setDeepPovertyCounty(authOf(req), req.params.countyCode, req.body?.note ?? '');
    return services.regions.listDeepPovertyCounties();
  });
  r.delete('/api/regions/deep-poverty-counties/:countyCode', doc.empty('移出深度贫困县名单', { params: countyParams, access: 'regions.manage' }), async (req, reply) => {
    await services.regions.removeDeepPovertyCounty(authOf(req), req.params.countyCode);
    return reply.status(204).send(null);
  });
  r.get('/api/regions/search', doc.ok('按名称搜索行政区划', regionHits, { querystring: regionSearchQuery, access: 'signedIn' }), async (req) => {
    authOf(req);
    return { items: await services.regions.search(req.query.q, req.query.level, req.query.under ?? null) };
  });
  r.get('/api/regions/:code/children', doc.ok('下级行政区划（root 为省级）', regionChildren, { params: regionCodeParams, access: 'signedIn' }), async (req) => {
    authOf(req);
    return { items: await services.regions.children(req.params.code === 'root' ? null : req.params.code) };
  });
  r.get('/api/regions/:code', doc.ok('行政区划及其上级路径', regionDetail, { params: regionCodeParams, access: 'signedIn' }), async (req) => {
    authOf(req);
    return services.regions.get(req.params.code);
  });
}
