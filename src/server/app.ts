import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes, passwordChangeGate } from './auth/routes';
import { tokenRoutes } from './auth/token-routes';
import { notificationRoutes } from './notifications/routes';
import { bearerOf } from './auth/token-service';
import { maskFor } from './auth/masking';
import { health } from '../contract/system';
import { contractSerializerCompiler } from './http/serialize';
import { auditRoutes } from './audit/routes';
import { SESSION_COOKIE } from './auth/service';
import type { Database } from './db/connection';
import { registerReadRouting } from './db/read-replica';
import { trustProxyFrom } from './http/cookies';
import { frameworkErrorHandler, notFoundBody, registerErrorHandler } from './http/errors';
import { checkOrigin, CONTENT_SECURITY_POLICY, isPublicApiRoute } from './http/security';
import { decorateUploadLimits, largestUpload, type UploadLimitOverrides } from './http/upload';
import { ledgerRoutes } from './ledger/routes';
import { orgRoutes } from './orgs/routes';
import { regionRoutes } from './regions/routes';
import { procedureRoutes } from './procedures/routes';
import { qualityRoutes } from './quality/routes';
import { compareRoutes } from './compare/routes';
import { assessmentRoutes } from './assessment/routes';
import { pairingRoutes } from './pairing/routes';
import { workbenchRoutes } from './workbench/routes';
import { rosterRoutes } from './registry/roster-routes';
import { registryRoutes } from './registry/routes';
import { bulkImportRoutes } from './bulk/routes';
import { reportRoutes } from './reports/routes';
import { changeRequestRoutes } from './registry/change-request-routes';
import { listPrintRoutes } from './print/list-routes';
import { wallRoutes } from './wall/routes';
import { householdPrintRoutes } from './print/household-routes';
import { mutualAidRoutes } from './mutual-aid/routes';
import { fundsRoutes } from './funds/routes';
// issue 15: rosters
import { rostersRoutes } from './rosters/routes';
// issue 15: screening
import { screeningRoutes } from './screening/routes';
// issue 15: measures and plans
import { measuresRoutes } from './measures/routes';
import { buildServices, type Services } from './services';
import { registerIdempotency } from './idempotency/hook';
import { makeIdempotencyRepo } from './idempotency/repo';
import { AppError } from '../domain/shared/errors';
import { RollupRebuild } from './rollup-rebuild';
// issue 15: benefits
import { benefitsRoutes } from './benefits/routes';

export const VERSION = '0.1.0';
export const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  database: Database;
  now?: () => Date;
  /** Fastify's logger: off, on (info, stdout), or options (`serve` logs errors to stderr by default). */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Serve the built web UI from this folder (default dist/web when it exists). */
  webDir?: string | null;
  /** Largest upload accepted by the import, in bytes. */
  maxUploadBytes?: number;
  /** Fastify's `trustProxy` (default from TAIZHANG_TRUST_PROXY): whether `X-Forwarded-*` headers are believed. */
  trustProxy?: boolean | string;
  /** Called for every route as it is registered (tests enumerate the routes with it). */
  onRoute?: (route: RouteOptions) => void;
  /** Byte and row limits per kind of upload, over the defaults of `UPLOAD_LIMITS` (tests pass small ones). */
  uploadLimits?: UploadLimitOverrides;
  /**
   * Refuse an answer that has a field its response schema does not declare (default: under Vitest, so that every test
   * checks the contract against what the services really return).
   */
  strictResponses?: boolean;
  /** The background rebuild of the maintained statistics `serve` may start after listening (health reports it). */
  rollupRebuild?: RollupRebuild;
}

/** The answers that read the maintained statistics: 503 while they are being rebuilt, never zeros from a half-built rollup. */
const STATISTICS_ROUTES = new Set(['GET /api/registry/statistics', 'GET /api/reports/own', 'GET /api/workbench']);

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const services = buildServices(options.database, options.now);
  const trustProxy = options.trustProxy ?? trustProxyFrom(process.env.TAIZHANG_TRUST_PROXY);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024, trustProxy, frameworkErrors: frameworkErrorHandler });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // DATABASE_READ_URL (issue 13): each request's reads of `database.read` on the replica, or on the primary after its user's write.
  registerReadRouting(app, options.database);
  app.addHook('onClose', async () => services.pdf.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler(options.strictResponses ?? Boolean(process.env.VITEST)));
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(helmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  decorateUploadLimits(app, options.uploadLimits);
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes ?? largestUpload(app.uploadLimits), files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '台账 Taizhang API', version: VERSION, description: '“我为扶贫攻坚做件事”活动电子台账、建档立卡、动态调整与考核' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, token: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The docs page's own policy (hashes of its inline scripts), without forcing HTTPS on a plain-HTTP intranet server.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  // Who is asking: resolved once per request from the session cookie; each service decides what they may do.
  // Before any body is read: a cross-site write is refused (403), and a request without a session gets 401 unless
  // the route is public (sign-in, health, docs), so no one can make the server parse a body or an upload unsigned.
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.auth = null;
    if (!req.url.startsWith('/api/')) return;
    // A script's API token (issue 11): `Authorization: Bearer tz_…` acts as its owner, the session cookie ignored. It
    // carries no cookie a cross-site page could ride on (and no page can set the header cross-site), so no Origin check;
    // it may not manage the account it stands for (password, sessions, tokens).
    const bearer = bearerOf(req.headers.authorization);
    if (bearer !== null) {
      req.auth = await services.tokens.authenticate(bearer, { method: req.method, route: req.routeOptions.url ?? req.url.split('?')[0]!, ip: req.ip ?? '' });
      if (req.routeOptions.url?.startsWith('/api/auth/') && `${req.method} ${req.routeOptions.url}` !== 'GET /api/auth/me')
        throw new AppError('FORBIDDEN', 'API 令牌不能用于管理账号、会话或令牌，请登录后操作');
      return;
    }
    checkOrigin(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.auth = (await services.auth.authenticate(token)) ?? null;
    if (!req.auth && !isPublicApiRoute(req)) throw new AppError('UNAUTHENTICATED', '请先登录');
  });
  app.addHook('onRequest', passwordChangeGate(services));
  // While the statistics are rebuilt in the background (start-up after an upgrade): the statistics answer 503 with the
  // progress, and so do writes (a household changed under a page already read would be missing from the figures).
  const rebuild = options.rollupRebuild ?? new RollupRebuild();
  app.addHook('onRequest', async (req, reply) => {
    const progress = rebuild.progress;
    if (!progress || !req.url.startsWith('/api/')) return;
    const route = `${req.method} ${req.routeOptions.url ?? ''}`;
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !req.url.startsWith('/api/auth/');
    if (!write && !STATISTICS_ROUTES.has(route)) return;
    const pct = rebuild.percent();
    const message = write ? `统计数据正在重新计算（已完成 ${pct}%），暂不能保存修改，请稍后再试` : `统计数据正在重新计算（已完成 ${pct}%），请稍后再试`;
    return reply.status(503).header('retry-after', '10').send({ error: { code: 'REBUILDING', message, rebuilding: { ...progress, percent: pct } } });
  });

  // ID numbers masked in every JSON answer (errors included) for a role that may not see them: one mechanism, so that
  // no route can forget it (DESIGN: personal data). Exports mask their rows with the same `maskFor`.
  app.addHook('preSerialization', async (req, _reply, payload) => maskFor(req.auth, payload));
  // And a JSON answer a route sent already serialised: every ID number in its text.
  app.addHook('onSend', async (req, reply, payload) =>
    typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('application/json') ? maskFor(req.auth, payload) : payload,
  );
  // Idempotency-Key (issue 12): after the masking hooks, so that a replay repeats exactly what was sent.
  registerIdempotency(app, makeIdempotencyRepo(options.database.db), options.now ?? (() => new Date()));

  // Never touches the database: it answers while a long query, an import or the statistics rebuild runs.
  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查（统计数据后台重新计算时含进度）', response: { 200: health } }, config: { access: 'public' } }, async () => {
    const progress = rebuild.progress;
    return {
      status: 'ok' as const,
      database: options.database.kind,
      version: VERSION,
      ...(progress ? { rebuilding: { ...progress, percent: rebuild.percent() } } : {}),
    };
  });
  const features = [authRoutes, tokenRoutes, regionRoutes, orgRoutes, ledgerRoutes, registryRoutes, changeRequestRoutes, rosterRoutes, procedureRoutes, qualityRoutes, compareRoutes, assessmentRoutes, pairingRoutes, reportRoutes, workbenchRoutes, notificationRoutes, auditRoutes, bulkImportRoutes, listPrintRoutes, householdPrintRoutes, wallRoutes, fundsRoutes, mutualAidRoutes,
    // issue 15
    benefitsRoutes,
    rostersRoutes,
    screeningRoutes,
    measuresRoutes,
  ];
  for (const routes of features) await app.register(routes, { services });

  const webDir = options.webDir === undefined ? WEB_DIR : options.webDir;
  const serveWeb = !!webDir && existsSync(path.join(webDir, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  // The UI routes in the browser: any other page path gets index.html; unknown API paths get a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (!serveWeb || req.url.startsWith('/api/') || req.method !== 'GET') return reply.status(404).send(notFoundBody(req.method, req.url));
    return reply.type('text/html').sendFile('index.html');
  });
  return { app, services };
}
