/**
 * The permission matrix (issue 11: “A permission-matrix test: every route × every shipped role, allowed or refused as
 * the role's permissions say”).
 *
 * Every route is read from the app itself with the access it declares (`config.access`, set by `routeOptions` in
 * src/server/http/route.ts: 'public', 'signedIn' or a Permission; `routeAccessOf`, test/support/routes.ts). One user of
 * each shipped role (src/domain/auth/roles.ts) is made in county A's body (昭觉县; the helper linked to a helper record,
 * the department clerk to a department), and every route that declares its access is called as each of them with the
 * route's call line from test/support/route-calls.ts (the scope matrix's lines, against county B's records). What a
 * cell expects:
 *   Permission p — a role without p: 403 whose message is exactly `permissionRefusal(p)` (the route's preHandler
 *                  refuses before the handler, so any call line that passes the request schema will do); a role with
 *                  p: any answer but that refusal or the old role check's (`requireRole`: 此操作需要单位管理员…权限; the
 *                  service may still answer 400/403/404 for scope or input, or refuse a further permission);
 *                  401 without a session.
 *   'signedIn'   — no role gets a permission refusal (of any permission) nor the old role check's; 401 without a
 *                  session.
 *   'public'     — reachable without a session (anything but 401).
 * A wrong cell is reported as one line `ROLE METHOD /path: expected …, got status …`.
 *
 * EXPECTED TO FAIL until the branches of issue 11 merge: “declares its access on every route” fails naming each route
 * that declares none (on a branch where only some feature's routes declare theirs, that is most of them). It is meant
 * to fail so: do not skip it. The matrix itself runs over the routes that do declare their access, so that it can be
 * checked on any branch.
 *
 * The routes of @fastify/swagger-ui (`/api/docs…`) cannot declare an access (the plugin registers them): they are
 * taken as 'public' and checked as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/domain/auth/permissions';
import { ROLE_DEFINITIONS, ROLES, type Role } from '../../src/domain/auth/roles';
import { permissionRefusal } from '../../src/server/auth/access';
import type { Access } from '../../src/server/http/route';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { A_COUNTY, created, makeCountyB, ROUTES, upload, type Call, type CountyB } from '../support/route-calls';
import { routeAccessOf, routesOf, type RouteKey } from '../support/routes';

/** Routes registered by a plugin, which cannot carry `config.access`: public, like the rest of the API docs. */
const PLUGIN_PUBLIC = /^GET \/api\/docs(\/|$)/;
const ALL_REFUSALS = new Set(PERMISSIONS.map(permissionRefusal));
/** The refusal of the old role check (`requireRole`: 此操作需要系统管理员或单位管理员权限), gone once every caller is. */
const isRoleRefusal = (message: string | undefined) => !!message && /^此操作需要[^“]+权限$/.test(message);
const PASSWORD = 'password-123';

function messageOf(res: { body: string }): string | undefined {
  try {
    return (JSON.parse(res.body) as { error?: { message?: string } }).error?.message;
  } catch {
    return undefined;
  }
}

describe.each(dbKinds())('permission matrix on %s', (kind) => {
  let t: TestApp;
  let b: CountyB;
  let access: Map<RouteKey, Access | undefined>;
  const users = {} as Record<Role, Client>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const scenario = await makeCountyB(t);
    b = scenario.b;
    access = await routeAccessOf(t.database);
    const helper = created<{ id: number }>(
      await scenario.callers.org_admin.post('/api/pairing/helpers', { name: '矩阵帮扶干部', unit: '昭觉县人民政府', kind: 'cadre', level: '县', regionCode: A_COUNTY }),
      'helper',
    );
    const aMember = await t.member(scenario.aOrg, '矩阵委员');
    for (const role of ROLES) {
      const username = `matrix-${role}`;
      await t.services.auth.insertUserUnchecked({ username, displayName: username, password: PASSWORD, role, orgId: scenario.aOrg.id, memberId: role === 'member' ? aMember.id : null });
      // The user API may not take these yet: set on the row, as an administrator's form would.
      if (role === 'helper') await t.database.query('update users set helper_id = $1 where username = $2', [helper.id, username]);
      if (role === 'department_clerk') await t.database.query('update users set department = $1 where username = $2', ['车辆', username]);
      users[role] = await t.login(username, PASSWORD);
    }
  });
  afterAll(async () => t?.close());

  const accessOf = (key: RouteKey): Access | undefined => access.get(key) ?? (PLUGIN_PUBLIC.test(key) ? 'public' : undefined);

  /** The routes as `onRoute` saw them (exact, where `routesOf` reads the plugin's wildcard routes loosely). */
  const routes = () => [...access.keys()].sort();

  it('reads the same routes as the app registers', () => {
    const ours = (keys: string[]) => keys.filter((key) => !PLUGIN_PUBLIC.test(key));
    expect(ours(routes())).toEqual(ours(routesOf(t.app)));
  });

  it('declares its access on every route (fails until every branch of issue 11 has merged)', () => {
    const undeclared = routes().filter((key) => accessOf(key) === undefined);
    if (undeclared.length) expect.fail(`${undeclared.length} routes declare no access (doc.*(…, { access })):\n${undeclared.join('\n')}`);
  });

  const send = (c: Client, method: string, call: Call) =>
    call.file ? upload(c, method, call.url, call.file) : c.request({ method: method as 'GET', url: call.url, ...(call.payload === undefined ? {} : { payload: call.payload as Record<string, unknown> }) });

  // About 1,600 calls (every route × 10 roles and none): minutes on a loaded 2-core machine.
  it('refuses every shipped role exactly the routes its permissions lack', { timeout: 300_000 }, async () => {
    const declared = routes().filter((key) => accessOf(key) !== undefined);
    expect(declared.length, 'no route declares its access').toBeGreaterThan(0);
    // A call that ends the caller's session (logout) comes after every other route.
    const last = (key: string) => (ROUTES[key]?.freshSession ? 1 : 0);
    const order = [...declared].sort((x, y) => last(x) - last(y));
    const wrong: string[] = [];
    const noSession: Client = { ...t.admin, cookie: '', request: (o) => t.app.inject(o) };
    for (const key of order) {
      const routeAccess = accessOf(key)!;
      const [method, path] = key.split(' ') as [string, string];
      const line = ROUTES[key];
      // A public route may have no line (login, docs): its own path, a wildcard filled in.
      const call = line?.call?.(b) ?? (path.includes(':') ? undefined : { url: path.replace('*', 'index.html') });
      if (!call) {
        wrong.push(`(all) ${key}: expected a call line in test/support/route-calls.ts, got none`);
        continue;
      }
      const anonymous = await send(noSession, method, call);
      if (routeAccess === 'public') {
        if (anonymous.statusCode === 401) wrong.push(`(no session) ${key}: expected to be reachable ('public'), got status 401`);
        continue;
      }
      if (anonymous.statusCode !== 401) wrong.push(`(no session) ${key}: expected 401 ('${routeAccess}'), got status ${anonymous.statusCode}`);
      for (const role of ROLES) {
        const res = await send(users[role], method, call);
        const message = messageOf(res);
        const got = `got status ${res.statusCode}${message ? ` ${message}` : ''}`;
        if (res.statusCode === 401) {
          wrong.push(`${role} ${key}: expected a signed-in answer, ${got}`);
        } else if (routeAccess === 'signedIn') {
          if (message && (ALL_REFUSALS.has(message) || isRoleRefusal(message))) wrong.push(`${role} ${key}: expected no permission refusal ('signedIn'), ${got}`);
        } else {
          const refusal = permissionRefusal(routeAccess);
          const refused = res.statusCode === 403 && message === refusal;
          const holds = ROLE_DEFINITIONS[role].permissions.includes(routeAccess);
          if (holds && (refused || isRoleRefusal(message))) wrong.push(`${role} ${key}: expected no ${routeAccess} refusal (the role holds it), ${got}`);
          if (!holds && !refused) wrong.push(`${role} ${key}: expected 403 “${refusal}” (the role lacks ${routeAccess}), ${got}`);
        }
      }
    }
    if (wrong.length) expect.fail(`${wrong.length} wrong cells:\n${wrong.join('\n')}`);
  });
});
