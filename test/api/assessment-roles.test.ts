import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/auth/access';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

/**
 * Issue 11, 考核 by role: the manager (单位管理员, assessment.manage) names a round's 考核员; a 考核员 sees and scores the
 * units of their rounds only; 领导查阅 reads; scheme copies stay with the system administrator.
 */
describe.each(dbKinds())('assessment (考核) by role on %s', (kind) => {
  let t: TestApp;
  let orgAdmin: Client;
  let assessor: Client;
  let unnamed: Client;
  let leader: Client;
  let countyClerk: Client;
  const ids: Record<string, number> = {};
  let schemeId: number;
  let round1: { id: number; version: number };
  let round2: { id: number };
  const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
  const entry = { unitKey: 'c1', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '好' } };

  async function user(org: OrgRow, username: string, role: Role): Promise<Client> {
    ids[username] = await t.services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id });
    return t.login(username, 'password-123');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('安化县扶贫开发领导小组办公室', { kind: '扶贫办', regionCode: '430923000000' });
    const office = await t.org('安化县考核办', { parent: county, kind: '机关', regionCode: '430923000000' });
    const elsewhere = await t.org('桃江县扶贫办', { kind: '扶贫办', regionCode: '430922000000' });
    orgAdmin = await user(county, 'county-admin', 'org_admin');
    assessor = await user(office, 'assessor-a', 'assessor');
    unnamed = await user(office, 'assessor-b', 'assessor');
    await user(elsewhere, 'assessor-elsewhere', 'assessor');
    leader = await user(county, 'leader', 'leader');
    countyClerk = await user(county, 'county-clerk', 'county_clerk');
    schemeId = (await orgAdmin.get('/api/assessment/schemes')).json().find((s: { code: string }) => s.code === 'guangdong-2019-aided').id;
    const make = async (name: string) => {
      const res = await orgAdmin.post('/api/assessment/rounds', { schemeId, name, year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    round1 = await make('2019年度交叉考核（第一组）');
    round2 = await make('2019年度交叉考核（第二组）');
  });
  afterAll(async () => t?.close());

  // Seed 003: “交叉组成 14 个考核组，依据考核要求……进行交叉考核”: each round has its own assessors, named by the office running it.
  it('a manager names a round’s assessors: users of its scope whose role may score', async () => {
    const res = await put(orgAdmin, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [ids['assessor-a']] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assessors).toEqual([{ userId: ids['assessor-a'], displayName: 'assessor-a' }]);
    expect((await orgAdmin.get(`/api/assessment/rounds/${round1.id}`)).json().assessors).toHaveLength(1);

    const clerk = await put(orgAdmin, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [ids['county-clerk']] });
    expect(clerk.statusCode).toBe(400);
    expect(clerk.json().error.fields[0]).toMatchObject({ field: 'userIds.0', message: '该用户的角色没有“录入评分”权限' });
    const outside = await put(orgAdmin, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [ids['assessor-elsewhere']] });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).not.toContain('assessor-elsewhere');
    expect(outside.body).not.toContain('桃江');
    // Nothing changed by the refusals.
    expect((await orgAdmin.get(`/api/assessment/rounds/${round1.id}`)).json().assessors.map((a: { userId: number }) => a.userId)).toEqual([ids['assessor-a']]);
    expect((await put(assessor, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [ids['assessor-b']] })).statusCode).toBe(403);
  });

  // Issue 11: “考核员 (scores the units of their round)”.
  it('an assessor lists and scores only the rounds they are named in', async () => {
    const rounds = (await assessor.get('/api/assessment/rounds')).json();
    expect(rounds.map((r: { id: number }) => r.id)).toEqual([round1.id]);
    const scored = await put(assessor, `/api/assessment/rounds/${round1.id}/scores`, { entries: [entry] });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json().saved).toBe(1);
    expect((await assessor.get(`/api/assessment/rounds/${round1.id}/results`)).statusCode).toBe(200);
    expect((await assessor.get(`/api/assessment/rounds/${round1.id}/grid.xlsx`)).statusCode).toBe(200);

    const other = await assessor.get(`/api/assessment/rounds/${round2.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('第二组');
    expect((await put(assessor, `/api/assessment/rounds/${round2.id}/scores`, { entries: [entry] })).statusCode).toBe(404);
    expect((await put(assessor, `/api/assessment/rounds/${round2.id}/units/c1`, { adjustments: {} })).statusCode).toBe(404);
    expect((await assessor.get(`/api/assessment/rounds/${round2.id}/results`)).statusCode).toBe(404);
    expect((await orgAdmin.get(`/api/assessment/rounds/${round2.id}`)).json().scores).toEqual([]);
  });

  it('an assessor not named in a round sees none of it', async () => {
    expect((await unnamed.get('/api/assessment/rounds')).json()).toEqual([]);
    expect((await unnamed.get(`/api/assessment/rounds/${round1.id}`)).statusCode).toBe(404);
    expect((await put(unnamed, `/api/assessment/rounds/${round1.id}/scores`, { entries: [entry] })).statusCode).toBe(404);
  });

  it('an assessor neither runs rounds nor edits schemes', async () => {
    const created = await assessor.post('/api/assessment/rounds', { schemeId, name: 'x', year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] });
    expect(created.statusCode).toBe(403);
    expect(created.json().error.message).toBe('此操作需要“维护考核方案、考核轮次和考核对象”权限');
    expect((await assessor.post(`/api/assessment/rounds/${round1.id}/close`, { version: 1 })).statusCode).toBe(403);
    expect((await assessor.post(`/api/assessment/rounds/${round1.id}/fill-from-system`)).statusCode).toBe(403);
    expect((await assessor.post(`/api/assessment/schemes/${schemeId}/copy`, {})).statusCode).toBe(403);
    expect((await assessor.get('/api/assessment/schemes')).statusCode).toBe(200);
  });

  // Issue 11: “领导查阅 (read-only)”.
  it('a leader reads every round of the scope and scores nothing', async () => {
    expect((await leader.get('/api/assessment/rounds')).json().map((r: { id: number }) => r.id).sort()).toEqual([round1.id, round2.id].sort());
    expect((await leader.get(`/api/assessment/rounds/${round2.id}/results`)).statusCode).toBe(200);
    const refused = await put(leader, `/api/assessment/rounds/${round1.id}/scores`, { entries: [entry] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('此操作需要“录入评分”权限');
    expect((await put(leader, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [] })).statusCode).toBe(403);
  });

  it('a county clerk reads rounds but neither runs nor scores them', async () => {
    expect((await countyClerk.get('/api/assessment/rounds')).statusCode).toBe(200);
    expect((await countyClerk.post('/api/assessment/rounds', { schemeId, name: 'x', year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] })).statusCode).toBe(403);
    expect((await put(countyClerk, `/api/assessment/rounds/${round1.id}/scores`, { entries: [entry] })).statusCode).toBe(403);
  });

  it('scheme copies stay with the system administrator', async () => {
    const res = await orgAdmin.post(`/api/assessment/schemes/${schemeId}/copy`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('考核方案的复制和修改只能由系统管理员进行');
    expect((await t.admin.post(`/api/assessment/schemes/${schemeId}/copy`, {})).statusCode).toBe(201);
  });

  it('a manager clears a round’s assessors, and the assessor loses the round', async () => {
    expect((await put(orgAdmin, `/api/assessment/rounds/${round1.id}/assessors`, { userIds: [] })).json().assessors).toEqual([]);
    expect((await assessor.get(`/api/assessment/rounds/${round1.id}`)).statusCode).toBe(404);
  });
});
