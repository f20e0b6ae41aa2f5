import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/shared/errors';
import { MAX_PASSWORD_LENGTH } from '../../domain/auth/password-policy';
import { sessionCookieOptions } from '../http/cookies';
import { id, name, oneOf, secret } from '../../contract/zod';
import type { Services } from '../services';
import { idParams } from '../../contract/zod';
import { authOf } from './access';
import { SESSION_COOKIE } from './service';

/** Sign-in requests one address may send per minute (TAIZHANG_LOGIN_RATE_LIMIT; default 30). */
export function loginRateLimit(): number {
  const n = Number(process.env.TAIZHANG_LOGIN_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

const sessionId = z.coerce.number().int().min(1).max(2_147_483_647);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

function clientOf(req: FastifyRequest) {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? '', userAgent: typeof agent === 'string' ? agent : '' };
}

export async function authRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Per-address limit on the sign-in route (issue 9: “200 wrong passwords in 21 s”); the account lockout is in the
  // service. Registered here unless the app already has the plugin.
  if (!app.hasDecorator('rateLimit'))
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, context) =>
        new AppError('RATE_LIMITED', `登录请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
    });

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: loginRateLimit(), timeWindow: 60_000 } },
      schema: { tags: ['auth'], summary: '登录', body: z.object({ username: z.string().min(1).max(100), password }) },
    },
    async (req, reply) => {
      const { token, expiresAt, user } = await services.auth.login(req.body.username, req.body.password, clientOf(req));
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, expiresAt));
      return { user };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await services.auth.logout(token, req.auth);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // The request hook has already resolved the session: no second lookup.
  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => ({ user: services.auth.meOf(authOf(req)) }));

  r.post(
    '/api/auth/change-password',
    { schema: { tags: ['auth'], summary: '修改自己的密码（其他会话随即结束）', body: z.object({ currentPassword: password, newPassword: password }) } },
    async (req, reply) => {
      await services.auth.changePassword(authOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  );

  r.get('/api/auth/sessions', { schema: { tags: ['auth'], summary: '我的登录会话' } }, async (req) => ({ items: await services.auth.listOwnSessions(authOf(req)) }));

  r.delete(
    '/api/auth/sessions/:sessionId',
    { schema: { tags: ['auth'], summary: '结束我的一个会话', params: z.object({ sessionId }) } },
    async (req, reply) => {
      await services.auth.revokeOwnSession(authOf(req), req.params.sessionId);
      return reply.status(204).send();
    },
  );

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
          password: secret(MAX_PASSWORD_LENGTH),
          role: oneOf(['sysadmin', 'org_admin', 'member']),
          orgId: id(),
          memberId: id().nullish(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await services.auth.createUser(authOf(req), req.body)),
  );

  r.patch(
    '/api/users/:id',
    { schema: { tags: ['auth'], summary: '修改用户姓名', params: idParams, body: z.object({ displayName: z.string().max(100) }) } },
    async (req) => services.auth.updateUser(authOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: '重置用户密码（用户下次登录须修改；其会话随即结束）',
        params: idParams,
        body: z.object({ password: z.string().max(MAX_PASSWORD_LENGTH).optional() }).optional(),
      },
    },
    async (req) => services.auth.resetPassword(authOf(req), req.params.id, req.body?.password || undefined),
  );

  r.post('/api/users/:id/disable', { schema: { tags: ['auth'], summary: '停用用户（其会话随即结束）', params: idParams } }, async (req) =>
    services.auth.setDisabled(authOf(req), req.params.id, true),
  );
  r.post('/api/users/:id/enable', { schema: { tags: ['auth'], summary: '启用用户', params: idParams } }, async (req) =>
    services.auth.setDisabled(authOf(req), req.params.id, false),
  );

  r.get('/api/users/:id/sessions', { schema: { tags: ['auth'], summary: '用户的登录会话', params: idParams } }, async (req) => ({
    items: await services.auth.listUserSessions(authOf(req), req.params.id),
  }));
  r.delete('/api/users/:id/sessions', { schema: { tags: ['auth'], summary: '结束用户的全部会话', params: idParams } }, async (req) =>
    services.auth.revokeUserSessions(authOf(req), req.params.id),
  );
  r.delete(
    '/api/users/:id/sessions/:sessionId',
    { schema: { tags: ['auth'], summary: '结束用户的一个会话', params: idParams.extend({ sessionId }) } },
    async (req) => services.auth.revokeUserSessions(authOf(req), req.params.id, req.params.sessionId),
  );
}

/** What a session that must change its password may still call. */
const OPEN_WHILE_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/change-password', 'POST /api/auth/logout', 'POST /api/auth/login', 'GET /api/health']);

/**
 * An `onRequest` hook for the app (after the session is resolved): a user whose password was reset or generated
 * gets 403 from every other API until they have changed it.
 */
export function passwordChangeGate(services: Services) {
  return async (req: FastifyRequest) => {
    if (!req.auth || !req.url.startsWith('/api/') || !services.auth.mustChangePassword(req.auth)) return;
    if (OPEN_WHILE_MUST_CHANGE.has(`${req.method} ${req.routeOptions.url ?? ''}`)) return;
    throw new AppError('FORBIDDEN', '请先修改密码：您的密码是管理员重置或系统生成的初始密码，修改后才能继续使用', { mustChangePassword: true });
  };
}
