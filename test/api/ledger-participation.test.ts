import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/connection';
import { participationQuery } from '../../src/server/ledger/repo';
import type { OrgRow } from '../../src/server/orgs/repo';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type TestApp } from '../support/app';

const YEARS = [2016, 2017, 2018, 2019, 2020];
const TODAY = '2020-06-30'; // TEST_NOW

/**
 * Participation (委员参与情况) as it was counted before it was maintained, straight from the members: the members of
 * the subtree serving on the day (seed 000: members marked 特殊情况不能履职 are left out from the mark's date), and
 * those of them with at least one entry whose start year lies in the range.
 */
async function directCount(t: TestApp, org: OrgRow, yearFrom: number, yearTo: number) {
  const end = `${yearTo}-12-31`;
  const onDate = end < TODAY ? end : TODAY;
  const [row] = await t.database.query<{ members: number; active: number }>(
    `select count(*)::int as members,
            count(*) filter (where exists (select 1 from member_year_totals t
              where t.member_id = m.id and t.year between $2 and $3 and t.entries > 0))::int as active
     from members m join orgs o on o.id = m.org_id
     where o.path like $1 and (m.status = 'normal' or (m.unable_from is not null and m.unable_from > $4::date))`,
    [`${org.path}%`, yearFrom, yearTo, onDate],
  );
  return { members: Number(row!.members), active: Number(row!.active) };
}

describe.each(dbKinds())('maintained participation on %s', (kind) => {
  let t: TestApp;
  let prov: OrgRow, c1: OrgRow, c2: OrgRow, k1: OrgRow, k2: OrgRow, g1: OrgRow;
  let bodies: OrgRow[];
  const m: Record<string, { id: number; version: number }> = {};
  const e: Record<string, { id: number; version: number }> = {};

  /** The summary's participation equals the direct count for every body of the tree and every range of years. */
  async function expectMaintained() {
    for (const org of bodies)
      for (const a of YEARS)
        for (const b of YEARS.filter((y) => y >= a)) {
          const s = await t.services.ledger.summary(t.rootAuth, { orgId: org.id, yearFrom: a, yearTo: b });
          const direct = await directCount(t, org, a, b);
          expect({ org: org.name, a, b, ...s.participation }).toEqual({ org: org.name, a, b, ...direct, rate: direct.members ? direct.active / direct.members : 0 });
        }
  }
  const at = async (org: OrgRow, a: number, b: number) => (await t.services.ledger.summary(t.rootAuth, { orgId: org.id, yearFrom: a, yearTo: b })).participation;
  const create = async (name: string, org: OrgRow, startYear: number, memberIds: number[], extra: Record<string, unknown> = {}) => {
    const res = await t.admin.post('/api/ledger/entries', entryBody(org.id, { startYear, memberIds, target: { kind: 'text', text: `参与对象${name}` }, ...extra }));
    expect(res.statusCode, res.body).toBe(201);
    e[name] = res.json();
  };
  const edit = async (name: string, patch: Record<string, unknown>) => {
    const res = await t.admin.patch(`/api/ledger/entries/${e[name]!.id}`, { version: e[name]!.version, ...patch });
    expect(res.statusCode, res.body).toBe(200);
    e[name] = res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    prov = await t.org('参与测试省政协', { level: '省' });
    c1 = await t.org('参与测试甲市政协', { parent: prov, level: '市' });
    c2 = await t.org('参与测试乙市政协', { parent: prov, level: '市' });
    k1 = await t.org('参与测试甲县政协', { parent: c1 });
    k2 = await t.org('参与测试乙县政协', { parent: c2 });
    g1 = await t.org('参与测试委员组', { parent: k1, kind: '委员组' });
    bodies = [prov, c1, c2, k1, k2, g1];
    for (const [name, org] of [['m1', g1], ['m2', k1], ['m3', c1], ['m4', k2], ['m5', c2], ['m6', prov], ['m7', k1], ['m8', k1]] as const)
      m[name] = await t.member(org, `参与${name}委员`);
  });
  afterAll(async () => t?.close());

  it('counts each member once over a range of years, after creates', async () => {
    await create('e1', g1, 2016, [m.m1!.id, m.m2!.id]);
    await create('e2', k1, 2018, [m.m2!.id, m.m3!.id, m.m7!.id], { endYear: 2019 });
    await create('e3', k2, 2020, [m.m4!.id, m.m5!.id]);
    await create('e4', c1, 2017, [m.m3!.id]);
    await create('e5', k1, 2019, [m.m1!.id]);
    await create('e6', prov, 2016, []);
    await create('e7', k1, 2018, [m.m8!.id, m.m2!.id]);
    // m1 in 2016 and 2019, m2 in 2016 and 2018, m3 in 2017 and 2018: each counted once over 2016–2020.
    expect(await at(prov, 2016, 2020)).toEqual({ members: 8, active: 7, rate: 7 / 8 });
    expect(await at(k1, 2017, 2019)).toMatchObject({ members: 4, active: 4 }); // m1 (2019), m2, m7, m8 (2018)
    expect(await at(g1, 2017, 2018)).toMatchObject({ members: 1, active: 0 });
    await expectMaintained();
  });

  it('follows edits that add and remove members or change the start year, moves between bodies and deletes', async () => {
    await edit('e2', { memberIds: [m.m2!.id], startYear: 2017 }); // m3, m7 out; m2 from 2018 to 2017
    await edit('e4', { memberIds: [m.m3!.id, m.m1!.id, m.m2!.id] });
    await edit('e5', { startYear: 2016 }); // m1's 2019 entry now in 2016, where it has one already
    await edit('e3', { orgId: c2.id }); // the entry moves body: its members stay where they are
    await edit('e5', { orgId: g1.id });
    expect((await t.admin.del(`/api/ledger/entries/${e.e1!.id}?version=${e.e1!.version}`)).statusCode).toBe(204);
    expect((await t.admin.del(`/api/ledger/entries/${e.e7!.id}?version=${e.e7!.version}`)).statusCode).toBe(204);
    expect(await at(prov, 2018, 2020)).toMatchObject({ members: 8, active: 2 }); // m4, m5 (2020)
    expect(await at(k1, 2016, 2016)).toMatchObject({ members: 4, active: 1 }); // m1 (e5)
    await expectMaintained();
  });

  // Seed 000: “有特殊情况不能履职的委员应……对委员状态进行标注，不再填写参与情况。”
  it('follows members marked unable and back, moved to another body, added and deleted', async () => {
    const mark = async (name: string, patch: Record<string, unknown>) => {
      const res = await t.admin.patch(`/api/members/${m[name]!.id}`, { version: m[name]!.version, ...patch });
      expect(res.statusCode, res.body).toBe(200);
      m[name] = res.json();
    };
    await mark('m2', { status: 'unable', unableReason: '长期病休', unableFrom: '2018-03-01' });
    await mark('m3', { status: 'unable', unableReason: '工作调动', unableFrom: '2017-01-01' });
    await mark('m3', { status: 'normal', unableReason: null, unableFrom: null });
    await mark('m5', { status: 'unable', unableReason: '长期病休', unableFrom: '2020-05-01' });
    expect(await at(prov, 2017, 2017)).toMatchObject({ members: 8, active: 3 }); // m1, m3 and m2, who still serves in 2017
    expect(await at(prov, 2018, 2020)).toMatchObject({ members: 6, active: 1 }); // m2 and m5 out
    // No service moves a member between bodies yet, nor deletes one: written as another path would write them.
    await t.database.query('update members set org_id = $1 where id = $2', [k2.id, m.m1!.id]);
    await t.database.query('update members set org_id = $1 where id = $2', [prov.id, m.m4!.id]);
    await t.database.query(`update members set status = 'unable', unable_from = null where id = $1`, [m.m7!.id]);
    await t.database.query('delete from members where id = $1', [m.m8!.id]);
    m.m9 = await t.member(g1, '参与m9委员');
    await create('e8', g1, 2019, [m.m9!.id]);
    expect(await at(k2, 2016, 2020)).toMatchObject({ members: 1, active: 1 }); // m1 moved in
    expect(await at(g1, 2016, 2020)).toMatchObject({ members: 1, active: 1 }); // m1 gone, m9 came
    await expectMaintained();
  });

  it('is rebuilt by rebuildTotals to the same rows', async () => {
    const rows = async () => ({
      counts: await t.database.query('select org_id, serving_until::text, members from ledger_member_counts where members <> 0 order by 1, 2'),
      participation: await t.database.query('select org_id, year, prev_year, serving_until::text, members from ledger_participation where members <> 0 order by 1, 2, 3, 4'),
    });
    const maintained = await rows();
    expect(maintained.participation.length).toBeGreaterThan(0);
    await t.services.ledger.rebuildTotals(t.rootAuth);
    expect(await rows()).toEqual(maintained);
    await expectMaintained();
  });

  it('reads no per-member rows for a summary (an index path on the maintained rows only)', async () => {
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const lines = await queryRows<{ 'QUERY PLAN': string }>(tx as never, sql`explain ${participationQuery(prov.id, 2016, 2020, '2020-06-30')}`);
      return lines.map((l) => l['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('ledger_member_counts');
    expect(plan).toContain('ledger_participation');
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).not.toMatch(/\bon (members|member_year_totals|orgs|ledger_entry_members|ledger_entries)\b/);
  });
});
