import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors';

/**
 * Cross-site request forgery (issue 9): SameSite=Lax keeps the session cookie off cross-site POSTs in today's
 * browsers, and this check refuses them on the server as well. Every state-changing request under /api/ that carries
 * an `Origin` (or, failing that, a `Referer`) header must come from the host it is addressed to; browsers always send
 * one of them on such requests, so a page of another site cannot act in a user's name. Requests with neither header
 * do not come from a web page (the command line, scripts, the tests) and pass: they cannot ride on a browser's cookie.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

export function checkOrigin(req: FastifyRequest): void {
  if (!STATE_CHANGING.has(req.method)) return;
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const source = typeof origin === 'string' && origin !== '' ? origin : typeof referer === 'string' && referer !== '' ? referer : null;
  if (source === null) return;
  const host = (req.host ?? '').toLowerCase();
  if (!host || hostOf(source) !== host) throw new AppError('FORBIDDEN', '跨站请求被拒绝');
}

/**
 * The /api/ routes anyone may call without a session; every other one answers 401 before its body is read.
 * Add a route here only if it must work signed out.
 */
export const PUBLIC_API_ROUTES: ReadonlyArray<{ method: string; url: string | RegExp }> = [
  { method: 'POST', url: '/api/auth/login' },
  { method: 'POST', url: '/api/auth/logout' },
  { method: 'GET', url: '/api/health' },
  { method: 'HEAD', url: '/api/health' },
  { method: 'GET', url: /^\/api\/docs(\/|$)/ },
  { method: 'HEAD', url: /^\/api\/docs(\/|$)/ },
];

export function isPublicApiRoute(req: FastifyRequest): boolean {
  const url = req.routeOptions.url;
  // No route matched: the not-found handler answers (a JSON 404 that reveals nothing).
  if (url === undefined) return true;
  return PUBLIC_API_ROUTES.some((r) => r.method === req.method && (typeof r.url === 'string' ? r.url === url : r.url.test(url)));
}

/**
 * The Content-Security-Policy of the web UI (helmet's defaults, adjusted): scripts only from this server; inline
 * styles allowed because Ant Design writes its CSS-in-JS into <style> elements at run time; images and fonts also as
 * data: and blob: URLs (ECharts' saved images, downloads); no `upgrade-insecure-requests`, which would break a server
 * reached over plain HTTP on an office network.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};
