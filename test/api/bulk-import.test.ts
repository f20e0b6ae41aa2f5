import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRow } from '../../src/server/orgs/repo';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { fillTemplate, multipart } from '../support/xlsx';

/**
 * Issue 11: “bulk import of users, members and helpers from .xlsx (template, all or nothing, errors by row and
 * column); a 帮扶责任人's account is linked to their helper record.” Files are the templates the server hands out,
 * read back and filled in with ExcelJS, as a clerk fills them in Excel.
 */

type FieldError = { field: string; label: string; message: string; row?: number; column?: string };
const fieldsOf = (res: LightMyRequestResponse) => (res.json() as { error: { fields: FieldError[] } }).error.fields;
const at = (res: LightMyRequestResponse) => fieldsOf(res).map((f) => `${f.row}${f.column}`).sort();

async function upload(c: Client, url: string, file: Buffer) {
  const { payload, headers } = multipart(file);
  return c.request({ method: 'POST', url, payload, headers });
}

/** The server's own template for the caller, with rows filled in by header from row 3. */
async function filled(c: Client, url: string, sheet: string, rows: Array<Record<string, string>>): Promise<Buffer> {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return fillTemplate(res.rawPayload, sheet, rows);
}

describe.each(dbKinds())('bulk import of users, members and helpers on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let countyOrg: OrgRow;
  let townOrg: OrgRow;
  let otherCounty: OrgRow;
  const count = async (table: string) => Number((await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(kind);
    countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    otherCounty = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' });
    county = await t.user(countyOrg, 'county-admin', 'org_admin');
  });
  afterAll(() => t.close());

  describe('helpers (帮扶责任人)', () => {
    it('hands out a template with the helper columns, drop-downs and notes', async () => {
      const res = await county.get('/api/pairing/helpers/import/template.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['帮扶责任人', '代码表', '填报说明']);
      expect((wb.getWorksheet('帮扶责任人')!.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '工作单位', '人员类别', '层级', '职务', '联系电话', '所在地区代码']);
      expect(wb.getWorksheet('帮扶责任人')!.getCell('D3').dataValidation).toMatchObject({ type: 'list' });
    });

    it('creates every row of a good file', async () => {
      const before = await count('helpers');
      const file = await filled(county, '/api/pairing/helpers/import/template.xlsx', '帮扶责任人', [
        { 姓名: '阿苏干部', 工作单位: '昭觉县农业农村局', 人员类别: '党政机关、事业单位干部', 层级: '县', 职务: '副局长', 联系电话: '0834-1110001', 所在地区代码: '513431000000' },
        { 姓名: '吉木经理', 工作单位: '昭觉县某公司', 人员类别: '企业管理人员', 层级: '中层', 联系电话: '0834-1110002' },
        { 姓名: '曲比干部', 工作单位: '新城镇人民政府', 人员类别: '党政机关、事业单位干部', 层级: '乡镇', 联系电话: '0834-1110003', 所在地区代码: '513431100000' },
      ]);
      const res = await upload(county, '/api/pairing/helpers/import', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().created).toBe(3);
      expect(await count('helpers')).toBe(before + 3);
      const second = (await county.get(`/api/pairing/helpers/${res.json().ids[1]}`)).json();
      // A blank region is the importer's own office's.
      expect(second).toMatchObject({ name: '吉木经理', kind: 'enterprise', level: '中层', regionCode: '513431000000' });
      expect((await county.get(`/api/pairing/helpers/${res.json().ids[2]}`)).json()).toMatchObject({ level: '乡' });
    });

    // Seed 004 (皖政办秘〔2017〕152号), among the problems found: “帮扶联系人仅有村干部”; the rule: “2017年6月后帮扶责任人需
    // 调整为乡镇及以上人员”. The domain rule applies to every row of the import as to the form.
    it('refuses a file with a village-level cadre, a missing name or an out-of-scope region, writing nothing', async () => {
      const before = await count('helpers');
      const file = await filled(county, '/api/pairing/helpers/import/template.xlsx', '帮扶责任人', [
        { 姓名: '好干部', 工作单位: '昭觉县民政局', 人员类别: '党政机关、事业单位干部', 层级: '县', 联系电话: '0834-2220001' },
        { 姓名: '村干部', 工作单位: '俄尔古取村村委会', 人员类别: '党政机关、事业单位干部', 层级: '村', 联系电话: '0834-2220002' },
        { 姓名: '', 工作单位: '昭觉县民政局', 人员类别: '党政机关、事业单位干部', 层级: '县' },
        { 姓名: '外县干部', 工作单位: '美姑县人民政府', 人员类别: '党政机关、事业单位干部', 层级: '县', 所在地区代码: '513436000000' },
      ]);
      const res = await upload(county, '/api/pairing/helpers/import', file);
      expect(res.statusCode, res.body).toBe(400);
      expect(at(res)).toEqual(['4D', '5A', '6G']);
      const village = fieldsOf(res).find((f) => f.row === 4)!;
      expect(village).toMatchObject({ label: '层级' });
      expect(village.message).toContain('村级干部不能担任帮扶责任人');
      expect(fieldsOf(res).find((f) => f.row === 6)!.message).toBe('不在您的管辖范围内');
      expect(res.json().error.message).toMatch(/^导入失败：共 3 处错误，未写入任何帮扶责任人。第 4 行 D 列（层级）：/);
      expect(await count('helpers')).toBe(before);
    });

    it('is refused to a role without pairing.manage', async () => {
      const leader = await t.user(countyOrg, 'county-leader', 'leader');
      expect((await leader.get('/api/pairing/helpers/import/template.xlsx')).statusCode).toBe(403);
      const file = await filled(county, '/api/pairing/helpers/import/template.xlsx', '帮扶责任人', [{ 姓名: '某干部', 工作单位: '某局', 人员类别: '党政机关、事业单位干部', 层级: '县' }]);
      expect((await upload(leader, '/api/pairing/helpers/import', file)).statusCode).toBe(403);
    });
  });

  describe('members (委员)', () => {
    it('creates every row of a good file, the body by name or by the 代码表 entry', async () => {
      const before = await count('members');
      const file = await filled(county, '/api/members/import/template.xlsx', '委员', [
        { 姓名: '阿牛委员', 所属单位: '昭觉县扶贫办', 界别: '经济界', 联系电话: '13800000001', 专长: '农业技术' },
        { 姓名: '马委员', 所属单位: `新城镇扶贫工作站（编号 ${townOrg.id}）`, 界别: '医卫界', 专长: '医疗' },
      ]);
      const res = await upload(county, '/api/members/import', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().created).toBe(2);
      expect(await count('members')).toBe(before + 2);
      expect((await county.get(`/api/members/${res.json().ids[1]}`)).json()).toMatchObject({ name: '马委员', orgId: townOrg.id, sector: '医卫界', status: 'normal' });
    });

    it('refuses a file with a missing name or a body out of scope, writing nothing', async () => {
      const before = await count('members');
      const file = await filled(county, '/api/members/import/template.xlsx', '委员', [
        { 姓名: '好委员', 所属单位: '昭觉县扶贫办' },
        { 姓名: '', 所属单位: '昭觉县扶贫办', 界别: '经济界' },
        { 姓名: '外县委员', 所属单位: '美姑县扶贫办' },
        { 姓名: '电话错委员', 所属单位: String(otherCounty.id), 联系电话: 'abc' },
      ]);
      const res = await upload(county, '/api/members/import', file);
      expect(res.statusCode, res.body).toBe(400);
      expect(at(res)).toEqual(['4A', '5B', '6B', '6D']);
      expect(fieldsOf(res).find((f) => f.row === 5)!.message).toBe('单位“美姑县扶贫办”不存在或不在您的管辖范围内');
      expect(await count('members')).toBe(before);
    });
  });

  describe('users (用户)', () => {
    let helperId: number;
    let households: Record<string, number>;

    beforeAll(async () => {
      // Two helpers of 新城镇 and three households of 俄尔古取村: 0001 and 0002 held by 沙马干部, 0003 by 另一干部.
      const helper = (name: string, phone: string) =>
        county.post('/api/pairing/helpers', { name, unit: '新城镇人民政府', kind: 'cadre', level: '乡', phone, regionCode: '513431100000' });
      helperId = (await helper('沙马干部', '0834-3330001')).json().id;
      const other = (await helper('另一干部', '0834-3330002')).json().id;
      households = {};
      for (const n of ['0001', '0002', '0003']) {
        const res = await county.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, n, [member(`导入户主${n}`, idNumber('19800101', `3${n.slice(2)}`), '户主')]));
        expect(res.statusCode, res.body).toBe(201);
        households[n] = res.json().id;
      }
      for (const [n, h] of [['0001', helperId], ['0002', helperId], ['0003', other]] as const) {
        const res = await county.post(`/api/pairing/households/${households[n]}/assignments`, { helperId: h, fromOn: '2020-01-02' });
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    it('offers only the offices in scope and the roles the importer may grant', async () => {
      const res = await county.get('/api/users/import/template.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const codes = wb.getWorksheet('代码表')!;
      const column = (n: number) => (codes.getColumn(n).values as unknown[]).slice(2).filter(Boolean);
      expect(column(1)).toEqual(expect.arrayContaining([`昭觉县扶贫办（编号 ${countyOrg.id}）`, `新城镇扶贫工作站（编号 ${townOrg.id}）`]));
      expect(column(1).join()).not.toContain('美姑县');
      expect(column(2)).toContain('帮扶责任人');
      expect(column(2)).not.toContain('系统管理员');
    });

    it('creates the accounts of a good file, each with a first password shown once, the helper linked to its record', async () => {
      const file = await filled(county, '/api/users/import/template.xlsx', '用户', [
        { 用户名: 'town-reviewer', 姓名: '乡镇审核甲', 单位: '新城镇扶贫工作站', 角色: '乡镇审核员' },
        { 用户名: 'helper-shama', 姓名: '沙马干部', 单位: '新城镇扶贫工作站', 角色: '帮扶责任人', 帮扶责任人: '沙马干部', 帮扶责任人电话: '0834-3330001' },
        { 用户名: 'dept-clerk', 姓名: '公安数据员', 单位: '昭觉县扶贫办', 角色: '部门数据员', 部门: '车辆' },
      ]);
      const res = await upload(county, '/api/users/import', file);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { created: number; users: Array<{ row: number; username: string; password: string; roleName: string }> };
      expect(body.created).toBe(3);
      expect(body.users.map((u) => [u.row, u.username, u.roleName])).toEqual([
        [3, 'town-reviewer', '乡镇审核员'],
        [4, 'helper-shama', '帮扶责任人'],
        [5, 'dept-clerk', '部门数据员'],
      ]);
      const list = (await county.get('/api/users')).json().items as Array<{ username: string; helperId: number | null; department: string | null; mustChangePassword: boolean }>;
      expect(list.find((u) => u.username === 'helper-shama')).toMatchObject({ helperId, mustChangePassword: true });
      expect(list.find((u) => u.username === 'dept-clerk')).toMatchObject({ department: '车辆' });

      // The helper signs in with the password shown once, must change it, and then sees only their own households.
      const first = body.users.find((u) => u.username === 'helper-shama')!.password;
      const helper = await t.login('helper-shama', first);
      expect((await helper.get('/api/pairing/helpers')).statusCode).toBe(403);
      const changed = await helper.post('/api/auth/change-password', { currentPassword: first, newPassword: 'Shama-helper-2020!' });
      expect(changed.statusCode, changed.body).toBe(204);
      const mine = await t.login('helper-shama', 'Shama-helper-2020!');
      const helpers = (await mine.get('/api/pairing/helpers')).json();
      expect(helpers.items.map((h: { id: number }) => h.id)).toEqual([helperId]);
      const detail = (await mine.get(`/api/pairing/helpers/${helperId}`)).json();
      expect(detail.assignments.map((a: { household: { number: string } }) => a.household.number).sort()).toEqual(['0001', '0002']);
      expect((await mine.get(`/api/pairing/households/${households['0001']}`)).statusCode).toBe(200);
      expect((await mine.get(`/api/pairing/households/${households['0003']}`)).statusCode).toBe(404);
    });

    it('refuses a file with an unknown role, an office out of scope, a taken or repeated username, a missing name and an unlinked helper, writing nothing', async () => {
      const before = await count('users');
      const file = await filled(county, '/api/users/import/template.xlsx', '用户', [
        { 用户名: 'good-one', 姓名: '好用户', 单位: '昭觉县扶贫办', 角色: '领导查阅' },
        { 用户名: 'bad-role', 姓名: '错角色', 单位: '昭觉县扶贫办', 角色: '村长' },
        { 用户名: 'bad-office', 姓名: '外县用户', 单位: '美姑县扶贫办', 角色: '领导查阅' },
        { 用户名: 'town-reviewer', 姓名: '重名用户', 单位: '昭觉县扶贫办', 角色: '领导查阅' },
        { 用户名: 'good-one', 姓名: '重复用户', 单位: '昭觉县扶贫办', 角色: '领导查阅' },
        { 用户名: 'no-name', 姓名: '', 单位: '昭觉县扶贫办', 角色: '领导查阅' },
        { 用户名: 'helper-none', 姓名: '无名单干部', 单位: '新城镇扶贫工作站', 角色: '帮扶责任人', 帮扶责任人: '无名单干部' },
        { 用户名: 'helper-unset', 姓名: '未填干部', 单位: '新城镇扶贫工作站', 角色: '帮扶责任人' },
      ]);
      const res = await upload(county, '/api/users/import', file);
      expect(res.statusCode, res.body).toBe(400);
      expect(at(res)).toEqual(['10F', '4D', '5C', '6A', '7A', '8B', '9F']);
      const byRow = (row: number) => fieldsOf(res).find((f) => f.row === row)!;
      expect(byRow(4)).toMatchObject({ label: '角色', message: '没有“村长”这个角色' });
      expect(byRow(5).message).toBe('单位“美姑县扶贫办”不存在或不在您的管辖范围内');
      expect(byRow(6).message).toBe('用户名“town-reviewer”已存在');
      expect(byRow(7).message).toBe('与第 3 行的用户名相同');
      expect(byRow(8).label).toBe('姓名');
      expect(byRow(9).message).toContain('帮扶责任人名单中没有“无名单干部”');
      expect(byRow(10).message).toBe('帮扶责任人账号须对应一名帮扶责任人');
      expect(res.body).not.toContain('美姑县扶贫办（编号');
      expect(await count('users')).toBe(before);
    });

    it('refuses a role the importer may not grant, naming the row and column', async () => {
      const reviewer = await t.user(townOrg, 'town-admin', 'org_admin');
      // An administrator of the town cannot make a 系统管理员 (permissions they do not hold).
      const file = await fillTemplate((await reviewer.get('/api/users/import/template.xlsx')).rawPayload, '用户', [
        { 用户名: 'escalate', 姓名: '越权用户', 单位: '新城镇扶贫工作站', 角色: '系统管理员' },
      ]);
      const before = await count('users');
      const res = await upload(reviewer, '/api/users/import', file);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual([expect.objectContaining({ row: 3, column: 'D', label: '角色' })]);
      expect(fieldsOf(res)[0]!.message).toMatch(/^不能授予您自己没有的权限/);
      expect(await count('users')).toBe(before);
    });

    it('refuses a file that is not the template, naming the columns', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('用户').addRow(['账号', '姓名']);
      const res = await upload(county, '/api/users/import', Buffer.from(await wb.xlsx.writeBuffer()));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('表头与导入模板不一致');
    });
  });
});
