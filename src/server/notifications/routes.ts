import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notificationPage, notificationQuery, readAllResult } from '../../contract/notifications';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** The caller's own notifications (issue 11's bell): list with the unread count, mark one read, mark all read. */
export async function notificationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.notifications;
  const doc = routeOptions(['notifications']);

  r.get('/api/notifications', doc.ok('我的通知（新的在前，含未读数）', notificationPage, { querystring: notificationQuery, access: 'signedIn' }), async (req) => svc.list(authOf(req), req.query));
  r.post('/api/notifications/:id/read', doc.empty('标记一条通知为已读', { params: idParams, access: 'signedIn' }), async (req, reply) => {
    await svc.markRead(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.post('/api/notifications/read-all', doc.ok('全部标记为已读', readAllResult, { access: 'signedIn' }), async (req) => svc.markAllRead(authOf(req)));
}
