import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { idNumber } from '../support/registry';
import { multipart } from '../support/xlsx';

const CLERK_PASSWORD = 'Tz-vehicles-2020';

/**
 * Issue 11: “API tokens for system-to-system exchange (a department's data clerk uploads its lists by script):
 * personal tokens with expiry and the owner's permissions, revocable, every use in the audit log.” Must show: “a token
 * uploads a department list and is refused after revocation”.
 */
describe.each(dbKinds())('API tokens on %s', (kind) => {
  let t: TestApp;
  let county: OrgRow;
  let clerk: Client;
  const csv = Buffer.from(['姓名,公民身份号码', `某某,${idNumber('19820202', '022')}`, ''].join('\n'));
  /** A request with nothing but the bearer token: no cookie. */
  const withToken = (token: string, o: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    t.app.inject({ ...o, payload: o.payload as string, headers: { ...(o.headers ?? {}), authorization: `Bearer ${token}` } });
  const uploadWith = (token: string, name: string) =>
    withToken(token, { method: 'POST', url: `/api/compare/lists?${new URLSearchParams({ name })}`, ...multipart(csv, 'list.csv') });

  beforeAll(async () => {
    t = await createTestApp(kind);
    county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const made = await t.admin.post('/api/users', { username: 'vehicles.clerk', displayName: '车辆数据员', password: CLERK_PASSWORD, role: 'department_clerk', orgId: county.id, department: '车辆' });
    expect(made.statusCode, made.body).toBe(201);
    clerk = await t.login('vehicles.clerk', CLERK_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('a department clerk’s token uploads a department list, every use audited, and is refused after revocation', async () => {
    const created = await clerk.post('/api/auth/tokens', { name: '车辆管理所接口' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token, prefix, expiresAt } = created.json();
    expect(token).toMatch(/^tz_[0-9a-f]{64}$/);
    expect(prefix).toBe(token.slice(0, 8));
    expect(new Date(expiresAt).getTime() - new Date('2020-06-30T02:00:00Z').getTime()).toBe(90 * 86400_000);
    // Only the hash is kept.
    const stored = await t.database.query<{ token_hash: string }>('select token_hash from api_tokens');
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));

    const listed = (await clerk.get('/api/auth/tokens')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, name: '车辆管理所接口', prefix, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // The owner's permissions and scope: the clerk's department and county, as its session.
    const res = await uploadWith(token, '2017年机动车登记');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().list).toMatchObject({ department: '车辆', regionPrefix: '513431', rows: 1 });
    // …and no more than them: the registry is not the clerk's.
    expect((await withToken(token, { method: 'GET', url: '/api/registry/households' })).statusCode).toBe(403);
    // A token may not manage the account (another token, the password).
    expect((await withToken(token, { method: 'POST', url: '/api/auth/tokens', payload: { name: '再来一个' } })).statusCode).toBe(403);

    const uses = await t.database.query<{ user_name: string; after: Record<string, unknown> }>(
      "select user_name, after from audit_log where entity = 'access' and action = 'token_use' order by id",
    );
    expect(uses[0]).toMatchObject({ user_name: '车辆数据员', after: { tokenId: id, tokenName: '车辆管理所接口', method: 'POST', route: '/api/compare/lists' } });
    expect(uses).toHaveLength(3);
    expect((await clerk.get('/api/auth/tokens')).json().items[0].lastUsedAt).not.toBeNull();

    const revoked = await clerk.del(`/api/auth/tokens/${id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    const after = await uploadWith(token, '2018年机动车登记');
    expect(after.statusCode, after.body).toBe(401);
    expect(after.json().error.message).toBe('令牌无效、已过期或已撤销');
    const actions = (await t.database.query<{ action: string }>("select action from audit_log where entity = 'access' and action like 'token_%' order by id")).map((r) => r.action);
    expect(actions[0]).toBe('token_create');
    expect(actions.at(-1)).toBe('token_revoke');
    expect((await clerk.del(`/api/auth/tokens/${id}`)).statusCode).toBe(404);
  });

  it('refuses an expired, a malformed and an unknown token with 401', async () => {
    const created = await clerk.post('/api/auth/tokens', { name: '短期', days: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json();
    expect((await uploadWith(token, '有效期内')).statusCode).toBe(201);
    await t.database.query(`update api_tokens set expires_at = '2020-06-01T00:00:00Z' where id = ${Number(id)}`);
    const expired = await uploadWith(token, '已过期');
    expect(expired.statusCode, expired.body).toBe(401);
    expect(expired.json().error.message).toBe('令牌无效、已过期或已撤销');
    for (const bad of ['tz_123', `tz_${'0'.repeat(64)}`, 'not-a-token'])
      expect((await withToken(bad, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const tooLong = await clerk.post('/api/auth/tokens', { name: '太久', days: 366 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ field: 'days', label: '有效天数', message: '不能大于 365' });
  });

  it('a cross-site Origin does not block a token request', async () => {
    const { token } = (await clerk.post('/api/auth/tokens', { name: '跨站' })).json();
    const res = await withToken(token, { method: 'POST', url: `/api/compare/lists?name=x`, ...multipart(csv, 'list.csv'), headers: { ...multipart(csv).headers, origin: 'https://elsewhere.example' } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a token of a disabled user, or of one who must change the password, is refused', async () => {
    await t.admin.post('/api/users', { username: 'other.clerk', displayName: '另一数据员', password: CLERK_PASSWORD, role: 'department_clerk', orgId: county.id, department: '车辆' });
    const other = await t.login('other.clerk', CLERK_PASSWORD);
    const { token } = (await other.post('/api/auth/tokens', { name: '另一个' })).json();
    expect((await withToken(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await t.database.query("update users set must_change_password = true where username = 'other.clerk'");
    const gated = await withToken(token, { method: 'GET', url: '/api/compare/lists' });
    expect(gated.statusCode, gated.body).toBe(403);
    expect(gated.json().error.message).toContain('请先修改密码');
    await t.database.query("update users set must_change_password = false, disabled_at = now() where username = 'other.clerk'");
    expect((await withToken(token, { method: 'GET', url: '/api/compare/lists' })).statusCode).toBe(401);
  });

  it('another user’s token is not found on revoke', async () => {
    const { id } = (await clerk.post('/api/auth/tokens', { name: '他人的' })).json();
    const res = await t.admin.del(`/api/auth/tokens/${id}`);
    expect(res.statusCode, res.body).toBe(404);
    expect(JSON.stringify((await t.admin.get('/api/auth/tokens')).json().items)).not.toContain('他人的');
    expect((await clerk.get('/api/auth/tokens')).json().items.find((x: { id: number }) => x.id === id).revokedAt).toBeNull();
  });
});
