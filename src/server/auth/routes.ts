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
import { permissionGroups, roleInput, roleItem, roleList, rolePatch } from '../../contract/roles';
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

  // Public as before: ending no session (or an expired one) is harmless, and clears the browser's cookie.
  r.post('/api/auth/logout', doc.empty('退出登录', { access: 'public' }), async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await services.auth.logout(token, req.auth);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // The request hook has already resolved the session: no second lookup.
  r.get('/api/auth/me', doc.ok('当前用户', meAnswer, { access: 'signedIn' }), async (req) => ({ user: services.auth.meOf(authOf(req)) }));

  r.post('/api/auth/change-password', doc.empty('修改自己的密码（其他会话随即结束）', { body: changePasswordBody, access: 'signedIn' }), async (req, reply) => {
     await services.auth.changePassword(authOf(req), req.body.currentPassword, req.body.newPassword);
     return reply.status(204).send(null);
   });

  r.get('/api/auth/sessions', doc.ok('我的登录会话', ownSessions, { access: 'signedIn' }), async (req) => ({ items: await services.auth.listOwnSessions(authOf(req)) }));

  r.delete('/api/auth/sessions/:sessionId', doc.empty('结束我的一个会话', { params: sessionParams, access: 'signedIn' }), async (req, reply) => {
     await services.auth.revokeOwnSession(authOf(req), req.params.sessionId);
     return reply.status(204).send(null);
   });

  r.get('/api/users', doc.ok('用户列表（管辖范围内）', userList, { access: 'users.manage' }), async (req) => ({ items: await services.auth.listUsers(authOf(req)) }));

  r.post('/api/users', doc.created('新建用户', userAccount, { body: userInput, access: 'users.manage' }), async (req) => services.auth.createUser(authOf(req), req.body));

  r.patch('/api/users/:id', doc.ok('修改用户（姓名、角色、所属单位、对应的委员/帮扶责任人/部门）', userAccount, { params: idParams, body: userPatch, access: 'users.manage' }), async (req) => services.auth.updateUser(authOf(req), req.params.id, req.body));

  r.post('/api/users/:id/reset-password', doc.ok('重置用户密码（用户下次登录须修改；其会话随即结束）', resetPasswordAnswer, { params: idParams, body: resetPasswordBody, access: 'users.manage' }), async (req) =>

    services.auth.resetPassword(authOf(req), req.params.id, req.body?.password || undefined),

  );

  r.post('/api/users/:id/disable', doc.ok('停用用户（其会话随即结束）', userDisabled, { params: idParams, access: 'users.manage' }), async (req) => services.auth.setDisabled(authOf(req), req.params.id, true));
  r.post('/api/users/:id/enable', doc.ok('启用用户', userDisabled, { params: idParams, access: 'users.manage' }), async (req) => services.auth.setDisabled(authOf(req), req.params.id, false));

  r.get('/api/users/:id/sessions', doc.ok('用户的登录会话', userSessions, { params: idParams, access: 'users.manage' }), async (req) => ({ items: await services.auth.listUserSessions(authOf(req), req.params.id), }));
  r.delete('/api/users/:id/sessions', doc.ok('结束用户的全部会话', sessionsEnded, { params: idParams, access: 'users.manage' }), async (req) => services.auth.revokeUserSessions(authOf(req), req.params.id));
  r.delete('/api/users/:id/sessions/:sessionId', doc.ok('结束用户的一个会话', sessionsEnded, { params: userSessionParams, access: 'users.manage' }), async (req) =>
    services.auth.revokeUserSessions(authOf(req), req.params.id, req.params.sessionId),
  );

  // Roles (issue 11). The permission list is reference data for any signed-in user (the menu, the role editor). The
  // role list is read with users.manage: the user form needs it to offer the roles the caller may grant (the role
  // page reads it too; a role that manages roles without managing users has nobody to give them to).
  r.get('/api/permissions', doc.ok('权限列表（按模块）', permissionGroups, { access: 'signedIn' }), async () => services.roles.permissionGroups());
  r.get('/api/roles', doc.ok('角色列表（内置角色和自定义角色）', roleList, { access: 'users.manage' }), async (req) => ({ items: await services.roles.list(authOf(req)) }));
  r.post('/api/roles', doc.created('新建角色', roleItem, { body: roleInput, access: 'roles.manage' }), async (req) => services.roles.create(authOf(req), req.body));
  r.patch('/api/roles/:id', doc.ok('修改角色（其用户的权限随即生效）', roleItem, { params: idParams, body: rolePatch, access: 'roles.manage' }), async (req) =>
    services.roles.update(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/roles/:id', doc.empty('删除角色（仍有用户使用时不能删除）', { params: idParams, access: 'roles.manage' }), async (req, reply) => {
    await services.roles.remove(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });
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
