import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/connection';
import { TEST_NOW } from '../support/app';
import { ADMIN_PASSWORD, createTestDatabase, dbKinds } from '../support/db';

/**
 * Issue 9, item 11: CSRF relied on SameSite=Lax alone, there were no security headers, `Secure` cookies only through an
 * undocumented variable, and write routes validated the body before checking the session.
 */
describe.each(dbKinds())('security on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;
  let rootId: number;
  const host = 'taizhang.example.cn';

  const cookieOf = (res: LightMyRequestResponse) => {
    const set = res.headers['set-cookie'];
    return String(Array.isArray(set) ? set[0] : set);
  };
  const orgCount = async () => Number((await database.query<{ n: string }>('select count(*)::text as n from orgs'))[0]!.n);
  const newOrg = (name: string) => ({ parentId: rootId, name, kind: '政协', level: '县', regionCode: '510000000000' });

  beforeAll(async () => {
    delete process.env.TAIZHANG_SECURE_COOKIE;
    database = await createTestDatabase(kind);
    ({ app } = await buildApp({ database, now: () => TEST_NOW, webDir: null, trustProxy: true }));
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    cookie = cookieOf(login).split(';')[0]!;
    rootId = (await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).json().items[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sends the security headers, with a policy that allows only this server’s scripts', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a cross-site write (Origin or Referer of another host) with 403 and writes nothing', async () => {
    const before = await orgCount();
    for (const headers of [
      { origin: 'https://evil.example.com' },
      { origin: 'null' },
      { referer: 'https://evil.example.com/page' },
      { origin: `http://${host}.evil.example.com` },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, host, ...headers }, payload: newOrg('跨站请求单位') });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.message).toBe('跨站请求被拒绝');
    }
    const del = await app.inject({ method: 'DELETE', url: `/api/orgs/${rootId}`, headers: { cookie, host, origin: 'https://evil.example.com' } });
    expect(del.statusCode).toBe(403);
    expect(await orgCount()).toBe(before);
  });

  it('lets a same-origin write through, and one without Origin or Referer (command line, scripts)', async () => {
    const before = await orgCount();
    const same = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, host, origin: `https://${host}` }, payload: newOrg('同源请求单位') });
    expect(same.statusCode).toBe(201);
    const referer = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, host, referer: `http://${host}/orgs` }, payload: newOrg('同源引用单位') });
    expect(referer.statusCode).toBe(201);
    const bare = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, host }, payload: newOrg('命令行单位') });
    expect(bare.statusCode).toBe(201);
    expect(await orgCount()).toBe(before + 3);
    // Reads are not checked: a cross-site page cannot read the answer anyway.
    expect((await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie, host, origin: 'https://evil.example.com' } })).statusCode).toBe(200);
  });

  it('marks the session cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const payload = { username: 'admin', password: ADMIN_PASSWORD };
    const https = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload });
    expect(https.statusCode).toBe(200);
    expect(cookieOf(https)).toMatch(/;\s*Secure/i);
    expect(cookieOf(https)).toMatch(/HttpOnly/i);
    expect(cookieOf(https)).toMatch(/SameSite=Lax/i);
    const http = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(cookieOf(http)).not.toMatch(/;\s*Secure/i);
  });

  it('ignores X-Forwarded-Proto from a proxy it does not trust, unless TAIZHANG_SECURE_COOKIE=1', async () => {
    const { app: untrusting } = await buildApp({ database, now: () => TEST_NOW, webDir: null, trustProxy: false });
    await untrusting.ready();
    try {
      const payload = { username: 'admin', password: ADMIN_PASSWORD };
      const res = await untrusting.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload });
      expect(res.statusCode).toBe(200);
      expect(cookieOf(res)).not.toMatch(/;\s*Secure/i);
      process.env.TAIZHANG_SECURE_COOKIE = '1';
      const forced = await untrusting.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(cookieOf(forced)).toMatch(/;\s*Secure/i);
    } finally {
      delete process.env.TAIZHANG_SECURE_COOKIE;
      await untrusting.close();
    }
  });

  it('answers 401 without a session before reading the body (a malformed body, an upload)', async () => {
    const before = await orgCount();
    const malformed = await app.inject({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'application/json' }, payload: '{"parentId": 1, "name": ' });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().error.code).toBe('UNAUTHENTICATED');
    const invalid = await app.inject({ method: 'POST', url: '/api/ledger/entries', payload: { orgId: 'x'.repeat(10_000) } });
    expect(invalid.statusCode).toBe(401);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/registry/roster/import',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nnot a workbook\r\n--x--\r\n',
    });
    expect(upload.statusCode).toBe(401);
    expect((await app.inject({ method: 'PATCH', url: '/api/orgs/abc', payload: 'x' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/registry/households' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: 'taizhang_session=forged' }, payload: '{' })).statusCode).toBe(401);
    expect(await orgCount()).toBe(before);
    // With a session the same malformed body is a 400.
    const signedIn = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, 'content-type': 'application/json' }, payload: '{"parentId": 1, "name": ' });
    expect(signedIn.statusCode).toBe(400);
  });

  it('keeps the public routes public: sign-in, health, API docs; unknown API paths stay 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'HEAD', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/no-such-thing' })).statusCode).toBe(404);
  });
});
