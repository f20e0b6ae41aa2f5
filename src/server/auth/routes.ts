import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/shared/errors';
import {
  changePasswordBody,
  loginBody,
  meAnswer,
  ownSessions,
  resetPasswordAnswer,
  resetPasswordBody,
  sessionParams,
  sessionsEnded,
  userAccount,
  userDisabled,
  userInput,
  userList,
  userPatch,
  userSessionParams,
  userSessions,
} from '../../contract/auth';
import { idParams } from '../../contract/zod';
import { sessionCookieOptions } from '../http/cookies';
import { routeOptions } from '../http/route';
import type { Services } from '../services';
import { authOf } from './access';
import { SESSION_COOKIE } from './service';

/** Sign-in requests one address may send per minute (TAIZHANG_LOGIN_RATE_LIMIT; default 30). */
export function loginRateLimit(): number {
  const n = Number(process.env.TAIZHANG_LOGIN_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

function clientOf(req: FastifyRequest) {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? '', userAgent: typeof agent === 'string' ? agent : '' };
}

export async function authRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['auth']);

  // Per-address limit on the sign-in route (issue 9: “200 wrong passwords in 21 s”); the account lockout is in the
  // service. Registered here unless the app already has the plugin.
  if (!app.hasDecorator('rateLimit'))
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, context) =>
        new AppError('RATE_LIMITED', `登录请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
    });

  const login = doc.ok('登录', meAnswer, { body: loginBody, access: 'public' });
  r.post(
    '/api/auth/login',
    { ...login, config: { ...login.config, rateLimit: { max: loginRateLimit(), timeWindow: 60_000 } } },
    async (req, reply) => {
      const { token, expiresAt, user } = await services.auth.login(req.body.username, req.body.password, clientOf(req));
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, expiresAt));
      return { user };
    },
  );

  r.post('/api/auth/logout', doc.empty('退出登录'), async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await services.auth.logout(token, req.auth);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // The request hook has already resolved the session: no second lookup.
  r.get('/api/auth/me', doc.ok('当前用户', meAnswer), async (req) => ({ user: services.auth.meOf(authOf(req)) }));

  r.post('/api/auth/change-password', doc.empty('修改自己的密码（其他会话随即结束）', { body: changePasswordBody }), async (req, reply) => {
     await services.auth.changePassword(authOf(req), req.body.currentPassword, req.body.newPassword);
     return reply.status(204).send(null);
   });

  r.get('/api/auth/sessions', doc.ok('我的登录会话', ownSessions), async (req) => ({ items: await services.auth.listOwnSessions(authOf(req)) }));

  r.delete('/api/auth/sessions/:sessionId', doc.empty('结束我的一个会话', { params: sessionParams }), async (req, reply) => {
     await services.auth.revokeOwnSession(authOf(req), req.params.sessionId);
     return reply.status(204).send(null);
   });

  r.get('/api/users', doc.ok('用户列表（管辖范围内）', userList), async (req) => ({ items: await services.auth.listUsers(authOf(req)) }));

  r.post('/api/users', doc.created('新建用户', userAccount, { body: userInput }), async (req) => services.auth.createUser(authOf(req), req.body));

  r.patch('/api/users/:id', doc.ok('修改用户姓名', userAccount, { params: idParams, body: userPatch }), async (req) => services.auth.updateUser(authOf(req), req.params.id, req.body));

  r.post('/api/users/:id/reset-password', doc.ok('重置用户密码（用户下次登录须修改；其会话随即结束）', resetPasswordAnswer, { params: idParams, body: resetPasswordBody }), async (req) =>

    services.auth.resetPassword(authOf(req), req.params.id, req.body?.password || undefined),

  );

  r.post('/api/users/:id/disable', doc.ok('停用用户（其会话随即结束）', userDisabled, { params: idParams }), async (req) => services.auth.setDisabled(authOf(req), req.params.id, true));
  r.post('/api/users/:id/enable', doc.ok('启用用户', userDisabled, { params: idParams }), async (req) => services.auth.setDisabled(authOf(req), req.params.id, false));

  r.get('/api/users/:id/sessions', doc.ok('用户的登录会话', userSessions, { params: idParams }), async (req) => ({ items: await services.auth.listUserSessions(authOf(req), req.params.id), }));
  r.delete('/api/users/:id/sessions', doc.ok('结束用户的全部会话', sessionsEnded, { params: idParams }), async (req) => services.auth.revokeUserSessions(authOf(req), req.params.id));
  r.delete('/api/users/:id/sessions/:sessionId', doc.ok('结束用户的一个会话', sessionsEnded, { params: userSessionParams }), async (req) =>
    services.auth.revokeUserSessions(authOf(req), req.params.id, req.params.sessionId),
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
