import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookieOptions } from '../http/cookies';
import { id, name, oneOf, secret } from '../http/zod';
import type { Services } from '../services';
import { authOf } from './access';
import { SESSION_COOKIE } from './service';

export async function authRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', { schema: { tags: ['auth'], summary: '登录', body: z.object({ username: z.string().min(1), password: z.string().min(1) }) } }, async (req, reply) => {
    const { token, expiresAt, user } = await services.auth.login(req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, expiresAt));
    return { user };
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await services.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // The request hook has already resolved the session: no second lookup.
  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => ({ user: services.auth.meOf(authOf(req)) }));

  r.get('/api/users', { schema: { tags: ['auth'], summary: '用户列表（管辖范围内）' } }, async (req) => ({ items: await services.auth.listUsers(authOf(req)) }));

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['auth'],
        summary: '新建用户',
        body: z.object({
          username: name(50),
          displayName: name(50),
          password: secret(200),
          role: oneOf(['sysadmin', 'org_admin', 'member']),
          orgId: id(),
          memberId: id().nullish(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await services.auth.createUser(authOf(req), req.body)),
  );
}
