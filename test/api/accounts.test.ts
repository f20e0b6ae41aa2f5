import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connection';
import { buildServices } from '../../src/server/services';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCKED = '登录失败次数过多，账号已临时锁定，请 15 分钟后再试';
const PW = 'password-123'; // test/support's password for users it makes

/** A sign-in from a given address (the per-address limit counts each address apart). */
async function attempt(t: TestApp, username: string, password: string, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
}

async function accessEvents(t: TestApp) {
  return t.database.query<{ action: string; user_name: string; after: Record<string, unknown> }>(
    "select action, user_name, after from audit_log where entity = 'access' order by id",
  );
}

describe.each(dbKinds())('accounts (%s)', (kind) => {
  let t: TestApp;
  let org: OrgRow;
  const clock = new Date(TEST_NOW);

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    org = await t.org('账号测试政协');
  });
  afterAll(async () => t?.close());

  it('locks an account for 15 minutes after 5 failures, the right password refused meanwhile; the lock holds in the users table', async () => {
    await t.user(org, 'lock.user');
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(t, 'lock.user', 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('用户名或密码错误');
    }
    const fifth = await attempt(t, 'lock.user', 'wrong-password');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.message).toBe(LOCKED);
    const right = await attempt(t, 'lock.user', PW);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toBe(LOCKED);
    expect((await attempt(t, 'lock.user', 'wrong-password')).json().error.message).toBe(LOCKED);
    const [row] = await t.database.query<{ locked_until: Date | string }>("select locked_until from users where username = 'lock.user'");
    expect(new Date(row!.locked_until).getTime()).toBe(TEST_NOW.getTime() + 15 * 60_000);

    clock.setTime(TEST_NOW.getTime() + 14 * 60_000);
    expect((await attempt(t, 'lock.user', PW)).statusCode).toBe(429);
    clock.setTime(TEST_NOW.getTime() + 16 * 60_000);
    try {
      expect((await attempt(t, 'lock.user', PW)).statusCode).toBe(200);
      // Success starts the count again: one more failure is only a failure.
      expect((await attempt(t, 'lock.user', 'wrong-password')).statusCode).toBe(401);
    } finally {
      clock.setTime(TEST_NOW.getTime());
    }
  });

  it('answers 429 with a Chinese message once one address sends too many sign-ins', async () => {
    let last = await attempt(t, 'nobody-here', 'whatever-1', '10.9.9.9');
    for (let i = 0; i < 40 && last.statusCode !== 429; i++) last = await attempt(t, 'nobody-here', 'whatever-1', '10.9.9.9');
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(last.json().error.message).toMatch(/^登录请求过于频繁，请 \d+ 秒后再试$/);
    // Another address is not held back.
    expect((await attempt(t, 'nobody-here', 'whatever-1', '10.9.9.10')).statusCode).toBe(401);
  });

  it('refuses weak passwords, naming 密码', async () => {
    const body = { displayName: '王五', role: 'org_admin', orgId: org.id };
    const common = await t.admin.post('/api/users', { ...body, username: 'wangwu', password: 'password' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password', label: '密码', message: '密码过于常见，容易被猜中，请换一个' })]),
    );
    const own = await t.admin.post('/api/users', { ...body, username: 'wangwu2020', password: 'Wangwu2020!' });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields[0]).toMatchObject({ field: 'password', label: '密码', message: '密码不能包含用户名' });
    const short = await t.admin.post('/api/users', { ...body, username: 'wangwu', password: 'Ab1!x' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('密码至少 10 个字符');
    const ok = await t.admin.post('/api/users', { ...body, username: 'wangwu', password: 'Tz-ledger-2020' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).not.toHaveProperty('passwordHash');
    const [created] = await t.database.query<{ action: string; after: Record<string, unknown> }>(
      `select action, after from audit_log where entity = 'user' and entity_id = ${Number(ok.json().id)}`,
    );
    expect(created).toMatchObject({ action: 'create', after: { username: 'wangwu', displayName: '王五', role: 'org_admin' } });
    expect(JSON.stringify(created!.after)).not.toMatch(/scrypt|password/i);
  });

  it('refuses reserved display names for anyone but the system administrator', async () => {
    for (const displayName of ['系统管理员', '管理员', 'Admin']) {
      const res = await t.admin.post('/api/users', { username: 'fake.admin', displayName, password: 'Tz-ledger-2020', role: 'org_admin', orgId: org.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ field: 'displayName', label: '姓名' });
      expect(res.json().error.message).toContain('保留名称');
    }
    await t.user(org, 'rename.me');
    const id = (await t.admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'rename.me').id;
    expect((await t.admin.patch(`/api/users/${id}`, { displayName: '系统管理员' })).statusCode).toBe(400);
    const renamed = await t.admin.patch(`/api/users/${id}`, { displayName: '李四' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().displayName).toBe('李四');
  });

  it('stores session tokens hashed: the cookie token never appears in the sessions table', async () => {
    const c = await t.user(org, 'hash.user');
    const token = c.cookie.split('=')[1]!;
    const rows = await t.database.query<{ token: string }>('select token from sessions');
    expect(rows.some((r) => r.token.trim() === token)).toBe(false);
    expect(rows.some((r) => r.token.trim() === createHash('sha256').update(token).digest('hex'))).toBe(true);
  });

  it('changing one’s password ends every other session at once and keeps the current one', async () => {
    const first = await t.user(org, 'change.user');
    const second = await t.login('change.user', PW);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200); // cached now
    const wrong = await first.post('/api/auth/change-password', { currentPassword: 'not-it', newPassword: 'Brand-new-2020' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ field: 'currentPassword' });
    const weak = await first.post('/api/auth/change-password', { currentPassword: PW, newPassword: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0]).toMatchObject({ field: 'newPassword', label: '新密码' });
    expect((await first.post('/api/auth/change-password', { currentPassword: PW, newPassword: 'Brand-new-2020' })).statusCode).toBe(204);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await attempt(t, 'change.user', PW, '10.0.0.2')).statusCode).toBe(401);
    expect((await attempt(t, 'change.user', 'Brand-new-2020', '10.0.0.2')).statusCode).toBe(200);
  });

  it('an administrator’s reset ends the user’s sessions, and the user must change the password before anything else', async () => {
    const before = await t.user(org, 'reset.user');
    expect((await before.get('/api/ledger/entries')).statusCode).toBe(200); // cached now
    const id = (await t.admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'reset.user').id;
    expect((await t.admin.post(`/api/users/${id}/reset-password`, { password: 'password' })).statusCode).toBe(400);
    const reset = await t.admin.post(`/api/users/${id}/reset-password`, { password: 'Reset-by-admin-1' });
    expect(reset.statusCode).toBe(200);
    expect((await before.get('/api/ledger/entries')).statusCode).toBe(401);

    const after = await t.login('reset.user', 'Reset-by-admin-1');
    expect((await after.get('/api/auth/me')).json().user).toMatchObject({ username: 'reset.user', mustChangePassword: true });
    const blocked = await after.get('/api/ledger/entries');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({ code: 'FORBIDDEN', mustChangePassword: true });
    expect(blocked.json().error.message).toContain('请先修改密码');
    expect((await after.post('/api/auth/change-password', { currentPassword: 'Reset-by-admin-1', newPassword: 'Mine-own-2020' })).statusCode).toBe(204);
    expect((await after.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await after.get('/api/ledger/entries')).statusCode).toBe(200);

    // No password given: one is generated and shown once.
    const generated = await t.admin.post(`/api/users/${id}/reset-password`, {});
    expect(generated.json().password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await attempt(t, 'reset.user', generated.json().password, '10.0.0.3')).statusCode).toBe(200);
  });

  it('an administrator resets only users in scope and of a role not above theirs', async () => {
    const county = await t.org('账号测试县政协', { parent: org });
    const countyAdmin = await t.user(county, 'county.admin');
    const sysId = (await t.admin.get('/api/auth/me')).json().user.id;
    expect((await countyAdmin.post(`/api/users/${sysId}/reset-password`, { password: 'Reset-by-admin-1' })).statusCode).toBe(404);
    const sibling = await t.org('账号测试县政协二', { parent: org });
    await t.user(sibling, 'sibling.user', 'org_admin');
    const sibId = (await t.admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'sibling.user').id;
    const out = await countyAdmin.post(`/api/users/${sibId}/disable`);
    expect(out.statusCode).toBe(404);
    expect(out.body).not.toContain('sibling');
    await t.user(county, 'county.sys', 'sysadmin');
    const higher = (await t.admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'county.sys').id;
    expect((await countyAdmin.post(`/api/users/${higher}/reset-password`, { password: 'Reset-by-admin-1' })).statusCode).toBe(403);
    const self = (await countyAdmin.get('/api/auth/me')).json().user.id;
    expect((await countyAdmin.post(`/api/users/${self}/disable`)).statusCode).toBe(403);
  });

  it('disabling a user ends their sessions at once and refuses their sign-in; enabling lets them in again', async () => {
    const c = await t.user(org, 'disable.user');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const id = (await c.get('/api/auth/me')).json().user.id;
    expect((await t.admin.post(`/api/users/${id}/disable`)).json()).toEqual({ id, disabled: true });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await attempt(t, 'disable.user', PW, '10.0.0.4');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('该账号已停用，请联系管理员');
    expect((await t.admin.get('/api/users')).json().items.find((u: { id: number }) => u.id === id)).toMatchObject({ disabled: true });
    await t.admin.post(`/api/users/${id}/enable`);
    expect((await attempt(t, 'disable.user', PW, '10.0.0.4')).statusCode).toBe(200);
  });

  it('lists and revokes one’s own sessions, and an administrator a user’s, at once', async () => {
    const a = await t.user(org, 'session.user');
    const b = await t.login('session.user', PW);
    const c = await t.login('session.user', PW);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    const mine = (await a.get('/api/auth/sessions')).json().items as Array<{ id: number; current: boolean; ip: string }>;
    expect(mine).toHaveLength(3);
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    const current = mine.find((s) => s.current)!.id;
    const other = (await b.get('/api/auth/sessions')).json().items.find((s: { current: boolean }) => s.current).id;
    expect((await a.del(`/api/auth/sessions/${other}`)).statusCode).toBe(204);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    // Another user's session cannot be named.
    const stranger = await t.user(org, 'session.other');
    expect((await stranger.del(`/api/auth/sessions/${current}`)).statusCode).toBe(404);

    const id = (await a.get('/api/auth/me')).json().user.id;
    const listed = (await t.admin.get(`/api/users/${id}/sessions`)).json().items;
    expect(listed).toHaveLength(2);
    expect(listed[0]).not.toHaveProperty('token');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await t.admin.del(`/api/users/${id}/sessions`)).json()).toEqual({ ended: 2 });
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('makes the administrator change a generated first password, not a given one', async () => {
    const fresh = await createTestApp(kind);
    try {
      await fresh.database.query('delete from sessions');
      await fresh.database.query('delete from users');
      const made = await fresh.services.auth.ensureAdmin(fresh.root.id, undefined);
      const admin: Client = await fresh.login('admin', made.password!);
      expect((await admin.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
      expect((await admin.get('/api/orgs')).statusCode).toBe(403);
      expect((await admin.post('/api/auth/change-password', { currentPassword: made.password, newPassword: 'Taizhang-own-2020' })).statusCode).toBe(204);
      expect((await admin.get('/api/orgs')).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('records sign-ins, failures (the name tried, never the password), sign-outs and account actions', async () => {
    const c = await t.login('wangwu', 'Tz-ledger-2020');
    await c.post('/api/auth/logout');
    const events = await accessEvents(t);
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['login', 'login_failed', 'logout', 'password_change', 'password_reset', 'user_disable', 'user_enable', 'session_revoke']) expect(actions).toContain(a);
    const failed = events.find((e) => e.action === 'login_failed' && e.after.username === 'lock.user')!;
    expect(failed.user_name).toBe('lock.user');
    expect(JSON.stringify(events)).not.toContain('wrong-password');
    expect(JSON.stringify(events)).not.toContain('Reset-by-admin-1');
  });
});

describe('taizhang user reset-password', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp', 'test', 'cli-'));
    cpSync(path.join(ROOT, '.tmp', 'test', 'template-pglite'), dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    const services = buildServices(database);
    const root = (await services.orgs.root())!;
    await services.auth.insertUserUnchecked({ username: 'cli.user', displayName: '命令行测试', password: PW, role: 'org_admin', orgId: root.id });
    await services.auth.login('cli.user', PW);
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TAIZHANG_DATA_DIR: dir, DATABASE_URL: '', TAIZHANG_NEW_PASSWORD: '', ...env },
    });

  it('prints a generated password once, ends the sessions and makes the user change it; takes TAIZHANG_NEW_PASSWORD', async () => {
    const out = run(['reset-password', 'cli.user']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const password = /新密码：(\S+)/.exec(out.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    let database = await openDatabase({ dataDir: dir });
    let services = buildServices(database);
    expect(await database.query("select 1 from sessions s join users u on u.id = s.user_id where u.username = 'cli.user'")).toHaveLength(0);
    const login = await services.auth.login('cli.user', password!);
    expect(login.user.mustChangePassword).toBe(true);
    expect((await database.query<{ action: string }>("select action from audit_log where entity = 'access' and action = 'password_reset'")).length).toBe(1);
    await database.close();

    expect(run(['reset-password', 'cli.user'], { TAIZHANG_NEW_PASSWORD: 'password' }).status).toBe(1);
    expect(run(['reset-password', 'no.such.user']).stderr).toContain('用户不存在');
    const given = run(['reset-password', 'cli.user'], { TAIZHANG_NEW_PASSWORD: 'Operator-set-2020' });
    expect(given.status).toBe(0);
    expect(given.stdout).not.toContain('Operator-set-2020');
    database = await openDatabase({ dataDir: dir });
    services = buildServices(database);
    expect((await services.auth.login('cli.user', 'Operator-set-2020')).user.mustChangePassword).toBe(false);
    await database.close();
  }, 300_000); // four processes, each opening the embedded database
});
