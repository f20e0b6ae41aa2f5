import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { workbench } from '../../contract/workbench';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** 工作台 (issue 11): every role's home page. */
export async function workbenchRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['workbench']);
  r.get('/api/workbench', doc.ok('工作台：本人权限和范围内的待办事项（各项计数）与主要数据', workbench, { access: 'signedIn' }), async (req) => services.workbench.workbench(authOf(req)));
}
