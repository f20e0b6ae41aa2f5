import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tokenCreated, tokenInput, tokenList, tokenParams } from '../../contract/tokens';
import { routeOptions } from '../http/route';
import type { Services } from '../services';
import { authOf } from './access';

/** One's own API tokens (issue 11): list, create (the token shown once), revoke. */
export async function tokenRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['auth']);

  r.get('/api/auth/tokens', doc.ok('我的 API 令牌', tokenList, { access: 'signedIn' }), async (req) => ({ items: await services.tokens.list(authOf(req)) }));
  r.post('/api/auth/tokens', doc.created('新建 API 令牌（令牌只显示这一次）', tokenCreated, { body: tokenInput, access: 'signedIn' }), async (req) =>
    services.tokens.create(authOf(req), req.body),
  );
  r.delete('/api/auth/tokens/:id', doc.empty('撤销我的一个 API 令牌', { params: tokenParams, access: 'signedIn' }), async (req, reply) => {
    await services.tokens.revoke(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
