import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

const PW = 'password-123'; // test/support's password for users it makes

const errorOf = (res: LightMyRequestResponse) => res.json().error as { code: string; message: string; fields?: Array<{ field: string; message: string }> };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).fields ?? []).map((f) => f.field);

describe.each(dbKinds())('roles and user links (%s)', (kind) => {
  let t: TestApp;
  let county: OrgRow;
  let town: OrgRow;
  let otherTown: OrgRow;
  let townAdmin: Client;
  let reviewer: Client;

  const userBody = (username: string, role: string, orgId: number, over: Record<string, unknown> = {}) => ({ username, displayName: username, password: PW, role, orgId, ...over });
  const makeRole = (who: Client, name: string, permissions: string[], description = '') => who.post('/api/roles', { name, description, permissions });

  beforeAll(async () => {
    t = await createTestApp(kind);
    county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    town = await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    otherTown = await t.org('城北镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431101000' });
    townAdmin = await t.user(town, 'town.admin');
    reviewer = await t.user(town, 'town.reviewer', 'township_reviewer');
  });
  afterAll(async () => t?.close());

  it('lists the permissions by module with Chinese labels for any signed-in user', async () => {
    const res = await reviewer.get('/api/permissions');
    expect(res.statusCode).toBe(200);
    const modules = res.json().modules as Array<{ module: string; permissions: Array<{ code: string; label: string }> }>;
    expect(modules.map((m) => m.module)).toEqual(['政协台账', '建档立卡', '动态调整', '帮扶', '资金项目', '比对与质量', '考核', '系统管理']);
    expect(modules.find((m) => m.module === '系统管理')!.permissions).toContainEqual(expect.objectContaining({ code: 'roles.manage', label: '角色管理' }));
  });

  it('lists shipped and defined roles, each marked grantable when the caller holds all its permissions', async () => {
    expect((await reviewer.get('/api/roles')).statusCode).toBe(403); // no users.manage
    const res = await townAdmin.get('/api/roles');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ code: string; name: string; grantable: boolean; own: string | null; levels: string[] }>;
    const byCode = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(byCode.sysadmin).toMatchObject({ name: '系统管理员', grantable: false });
    expect(byCode.org_admin).toMatchObject({ grantable: true });
    expect(byCode.helper).toMatchObject({ name: '帮扶责任人', own: 'households', grantable: true });
    expect(byCode.township_reviewer).toMatchObject({ levels: ['乡'] });
  });

  // Issue 11: “Administrators can define further roles from the permission list in the UI”; DESIGN: “a user never
  // grants a scope or permission they do not hold”.
  it('creates, renames, changes and deletes a defined role; the code is the server’s; every change audited', async () => {
    const made = await makeRole(t.admin, '扶贫数据查阅', ['registry.read', 'quality.read'], '只看建档立卡和数据质量');
    expect(made.statusCode, made.body).toBe(201);
    const role = made.json();
    expect(role).toMatchObject({ code: `role_${role.id}`, name: '扶贫数据查阅', permissions: ['registry.read', 'quality.read'], shipped: false, version: 1, users: 0 });

    const changed = await t.admin.patch(`/api/roles/${role.id}`, { name: '扶贫数据查阅员', permissions: ['registry.read'], version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '扶贫数据查阅员', permissions: ['registry.read'], version: 2 });
    // A stale write is refused.
    const stale = await t.admin.patch(`/api/roles/${role.id}`, { name: '又一个名字', permissions: ['registry.read'], version: 1 });
    expect(stale.statusCode).toBe(409);

    expect((await t.admin.del(`/api/roles/${role.id}`)).statusCode).toBe(204);
    expect((await t.admin.del(`/api/roles/${role.id}`)).statusCode).toBe(404);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity = 'role' and entity_id = ${role.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a name already taken (shipped or defined) and an empty permission list, naming the field', async () => {
    expect((await makeRole(t.admin, '村务查阅', ['registry.read'])).statusCode).toBe(201);
    const taken = await makeRole(t.admin, '村务查阅', ['ledger.read']);
    expect(taken.statusCode).toBe(400);
    expect(errorOf(taken).fields).toEqual([expect.objectContaining({ field: 'name', message: '已有名为“村务查阅”的角色，请换一个名称' })]);
    const shipped = await makeRole(t.admin, '乡镇审核员', ['ledger.read']);
    expect(fieldsOf(shipped)).toEqual(['name']);
    const empty = await makeRole(t.admin, '空角色', []);
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(['permissions']);
  });

  it('refuses a role with a permission the caller lacks', async () => {
    // A township reviewer manages no roles at all, so cannot make one holding users.manage.
    const byReviewer = await makeRole(reviewer, '乡镇管理员', ['registry.read', 'users.manage']);
    expect(byReviewer.statusCode).toBe(403);
    // An office administrator holds roles.manage but not the system administrator's regions.manage.
    const byAdmin = await makeRole(townAdmin, '区划维护员', ['registry.read', 'regions.manage']);
    expect(byAdmin.statusCode).toBe(403);
    expect(errorOf(byAdmin).message).toContain('维护行政区划');
    // Nor may they change a role holding a permission they lack.
    const sys = (await makeRole(t.admin, '标准线维护员', ['lines.manage'])).json();
    expect((await townAdmin.patch(`/api/roles/${sys.id}`, { name: '标准线维护员', permissions: ['registry.read'], version: 1 })).statusCode).toBe(403);
    expect((await townAdmin.del(`/api/roles/${sys.id}`)).statusCode).toBe(403);
  });

  // Issue 11: “a change of a role's permissions takes effect” — for a signed-in user at once, not after the session cache.
  it('applies a change of a defined role to its signed-in users at once, and refuses to delete it while in use', async () => {
    const role = (await makeRole(townAdmin, '台账查阅员', ['ledger.read'])).json();
    const created = await townAdmin.post('/api/users', userBody('ledger.reader', role.code, town.id));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ role: role.code, roleName: '台账查阅员' });
    const user = await t.login('ledger.reader', PW);
    expect((await user.get('/api/auth/me')).json().user.permissions).toEqual(['ledger.read']);
    expect((await user.get('/api/users')).statusCode).toBe(403);

    expect((await townAdmin.patch(`/api/roles/${role.id}`, { name: '台账查阅员', permissions: ['ledger.read', 'users.manage'], version: 1 })).statusCode).toBe(200);
    expect((await user.get('/api/users')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json().user.permissions).toEqual(['ledger.read', 'users.manage']);

    const refused = await townAdmin.del(`/api/roles/${role.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toBe('角色“台账查阅员”仍有 1 个用户在用，不能删除；请先为这些用户改用其他角色');
    const listed = (await townAdmin.get('/api/roles')).json().items.find((r: { code: string }) => r.code === role.code);
    expect(listed).toMatchObject({ users: 1, grantable: true });

    // The user moves to a shipped role (PATCH /api/users/:id changes the role); then the role may go.
    const moved = await townAdmin.patch(`/api/users/${created.json().id}`, { role: 'township_reviewer' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'township_reviewer', roleName: '乡镇审核员' });
    expect((await user.get('/api/users')).statusCode).toBe(403);
    expect((await townAdmin.del(`/api/roles/${role.id}`)).statusCode).toBe(204);
  });

  it('changes a user’s role and office only within what the caller holds', async () => {
    const id = (await townAdmin.post('/api/users', userBody('role.change', 'village_clerk', town.id))).json().id as number;
    const toSys = await townAdmin.patch(`/api/users/${id}`, { role: 'sysadmin' });
    expect(toSys.statusCode).toBe(403);
    const unknown = await townAdmin.patch(`/api/users/${id}`, { role: 'no_such_role' });
    expect(fieldsOf(unknown)).toEqual(['role']);
    // Another township's office is outside a township administrator's scope.
    expect((await townAdmin.patch(`/api/users/${id}`, { orgId: otherTown.id })).statusCode).toBe(403);
    const moved = await t.admin.patch(`/api/users/${id}`, { orgId: otherTown.id, displayName: '王五' });
    expect(moved.json()).toMatchObject({ orgId: otherTown.id, orgName: '城北镇扶贫工作站', displayName: '王五', role: 'village_clerk' });
    // The name alone still changes as before.
    expect((await t.admin.patch(`/api/users/${id}`, { displayName: '王小五' })).json()).toMatchObject({ displayName: '王小五', orgId: otherTown.id });
  });

  // DESIGN: “every user … sees and changes only that subtree … Another scope's data never appears, not even in an error.”
  it('keeps a role another county defined out of sight, and a role defined above the caller unchangeable', async () => {
    const meigu = await t.user(await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' }), 'meigu.admin');
    const theirs = (await makeRole(meigu, '美姑查阅员', ['registry.read'])).json();
    const names = async () => ((await townAdmin.get('/api/roles')).json().items as Array<{ name: string }>).map((r) => r.name);
    expect(await names()).not.toContain('美姑查阅员');
    expect((await townAdmin.patch(`/api/roles/${theirs.id}`, { name: '改名', permissions: ['registry.read'], version: 1 })).statusCode).toBe(404);
    expect((await townAdmin.del(`/api/roles/${theirs.id}`)).statusCode).toBe(404);
    const granted = await townAdmin.post('/api/users', userBody('meigu.role', theirs.code, town.id));
    expect(fieldsOf(granted)).toEqual(['role']);
    expect(granted.body).not.toContain('美姑');

    const above = (await makeRole(t.admin, '全省查阅员', ['registry.read'])).json();
    const seen = ((await townAdmin.get('/api/roles')).json().items as Array<{ code: string }>).find((r) => r.code === above.code);
    expect(seen).toMatchObject({ grantable: true, changeable: false });
    expect((await townAdmin.patch(`/api/roles/${above.id}`, { name: '全省查阅员', permissions: ['registry.read', 'ledger.read'], version: 1 })).statusCode).toBe(403);
    expect((await townAdmin.post('/api/users', userBody('above.role', above.code, town.id))).statusCode).toBe(201);
  });

  // Issue 11: “a 帮扶责任人's account is linked to their helper record”; “部门数据员 (uploads its department's lists)”.
  it('links a helper’s account to a helper record in scope and a department clerk’s to a department, naming the field when wrong', async () => {
    const helper = await t.admin.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', regionCode: '513431100000' });
    expect(helper.statusCode, helper.body).toBe(201);
    const otherHelper = await t.admin.post('/api/pairing/helpers', { name: '赵干部', unit: '城北镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', regionCode: '513431101000' });
    const helperId = helper.json().id as number;

    const missing = await townAdmin.post('/api/users', userBody('helper.none', 'helper', town.id));
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).fields).toEqual([expect.objectContaining({ field: 'helperId', message: '帮扶责任人账号须对应一名帮扶责任人' })]);
    const absent = await townAdmin.post('/api/users', userBody('helper.absent', 'helper', town.id, { helperId: 999_999 }));
    expect(fieldsOf(absent)).toEqual(['helperId']);
    // Another township's helper is not named, only refused on the field.
    const outside = await townAdmin.post('/api/users', userBody('helper.outside', 'helper', town.id, { helperId: otherHelper.json().id }));
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).fields).toEqual([expect.objectContaining({ field: 'helperId', message: '该帮扶责任人不存在或不在您的管辖范围内' })]);
    expect(errorOf(outside).message).not.toContain('赵干部');

    const made = await townAdmin.post('/api/users', userBody('helper.li', 'helper', town.id, { helperId }));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ helperId, department: null, roleName: '帮扶责任人' });
    expect((await (await t.login('helper.li', PW)).get('/api/auth/me')).json().user).toMatchObject({ helperId, role: 'helper' });

    const noDepartment = await t.admin.post('/api/users', userBody('dept.none', 'department_clerk', county.id));
    expect(errorOf(noDepartment).fields).toEqual([expect.objectContaining({ field: 'department', message: '部门数据员账号须选择所属部门' })]);
    const badDepartment = await t.admin.post('/api/users', userBody('dept.bad', 'department_clerk', county.id, { department: '教育' }));
    expect(badDepartment.statusCode).toBe(400);
    expect(fieldsOf(badDepartment)).toEqual(['department']);
    const clerk = await t.admin.post('/api/users', userBody('dept.car', 'department_clerk', county.id, { department: '车辆' }));
    expect(clerk.statusCode, clerk.body).toBe(201);

    const list = (await t.admin.get('/api/users')).json().items as Array<{ username: string; helperId: number | null; department: string | null; roleName: string }>;
    expect(list.find((u) => u.username === 'helper.li')).toMatchObject({ helperId, department: null, roleName: '帮扶责任人' });
    expect(list.find((u) => u.username === 'dept.car')).toMatchObject({ helperId: null, department: '车辆', roleName: '部门数据员' });

    // Changing a user to the helper role needs the link too.
    const id = (await townAdmin.post('/api/users', userBody('to.helper', 'village_clerk', town.id))).json().id as number;
    expect(fieldsOf(await townAdmin.patch(`/api/users/${id}`, { role: 'helper' }))).toEqual(['helperId']);
    expect((await townAdmin.patch(`/api/users/${id}`, { role: 'helper', helperId })).json()).toMatchObject({ role: 'helper', helperId });
  });
});
