import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { townshipWall, villageWall, wallParams } from '../../contract/wall';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** 上墙图表 (issue 12): what the township's and the village's wall posters are drawn from. */
export async function wallRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['wall']);

  r.get('/api/wall/townships/:code', doc.ok('乡级上墙图表数据', townshipWall, { params: wallParams, access: 'registry.read' }), async (req) => services.wall.township(authOf(req), req.params.code));
  r.get('/api/wall/villages/:code', doc.ok('村级上墙图表数据', villageWall, { params: wallParams, access: 'registry.read' }), async (req) => services.wall.village(authOf(req), req.params.code));
}
