import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/**
 * Whether the session cookie is sent with `Secure`: by default when the request came over HTTPS
 * (`request.protocol`, which honours `X-Forwarded-Proto` only when TAIZHANG_TRUST_PROXY trusts the proxy);
 * TAIZHANG_SECURE_COOKIE=1 forces it on (e.g. a proxy that does not say it terminated TLS), =0 forces it off.
 */
export function secureCookie(request: FastifyRequest): boolean {
  const forced = process.env.TAIZHANG_SECURE_COOKIE;
  if (forced === '1' || forced === 'true') return true;
  if (forced === '0' || forced === 'false') return false;
  return request.protocol === 'https';
}

/** Options of the session cookie: HTTP only, SameSite=Lax, whole site, Secure behind HTTPS. */
export function sessionCookieOptions(request: FastifyRequest, expires?: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(request), ...(expires ? { expires } : {}) };
}

/**
 * TAIZHANG_TRUST_PROXY as Fastify's `trustProxy`: `1`/`true` trusts every proxy (the server is only reachable through
 * it), anything else is a comma-separated list of the proxies' addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`).
 * Unset or `0`: no proxy is trusted, and `X-Forwarded-*` headers are ignored.
 */
export function trustProxyFrom(value: string | undefined): boolean | string {
  const v = value?.trim();
  if (!v || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return v;
}
