import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './auth/routes';
import { SESSION_COOKIE } from './auth/service';
import type { Database } from './db/connection';
import { notFoundBody, registerErrorHandler } from './http/errors';
import { decorateUploadLimits, largestUpload, type UploadLimitOverrides } from './http/upload';
import { ledgerRoutes } from './ledger/routes';
import { orgRoutes } from './orgs/routes';
import { regionRoutes } from './regions/routes';
import { procedureRoutes } from './procedures/routes';
import { qualityRoutes } from './quality/routes';
import { compareRoutes } from './compare/routes';
import { assessmentRoutes } from './assessment/routes';
import { pairingRoutes } from './pairing/routes';
import { rosterRoutes } from './registry/roster-routes';
import { registryRoutes } from './registry/routes';
import { buildServices, type Services } from './services';

export const VERSION = '0.1.0';
export const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  database: Database;
  now?: () => Date;
  logger?: boolean;
  /** Serve the built web UI from this folder (default dist/web when it exists). */
  webDir?: string | null;
  /** Largest upload accepted by the import, in bytes. */
  maxUploadBytes?: number;
  /** Byte and row limits per kind of upload, over the defaults of `UPLOAD_LIMITS` (tests pass small ones). */
  uploadLimits?: UploadLimitOverrides;
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const services = buildServices(options.database, options.now);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  decorateUploadLimits(app, options.uploadLimits);
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes ?? largestUpload(app.uploadLimits), files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '台账 Taizhang API', version: VERSION, description: '“我为扶贫攻坚做件事”活动电子台账、建档立卡、动态调整与考核' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Who is asking: resolved once per request from the session cookie; each service decides what they may do.
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.auth = null;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.auth = (await services.auth.authenticate(token)) ?? null;
  });

  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, async () => ({
    status: 'ok',
    database: options.database.kind,
    version: VERSION,
  }));
  await app.register(authRoutes, { services });
  await app.register(regionRoutes, { services });
  await app.register(orgRoutes, { services });
  await app.register(ledgerRoutes, { services });
  await app.register(registryRoutes, { services });
  await app.register(rosterRoutes, { services });
  await app.register(procedureRoutes, { services });
  await app.register(qualityRoutes, { services });
  await app.register(compareRoutes, { services });
  await app.register(assessmentRoutes, { services });
  await app.register(pairingRoutes, { services });

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
