import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type TestApp } from '../support/app';

const ZHAOJUE_VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村 — in a listed deep-poverty county
const CHENGDU_VILLAGE = '510104017001'; // 成都市锦江区

describe.each(dbKinds())('ledger API on %s', (kind) => {
  let t: TestApp;
  let county: Awaited<ReturnType<TestApp['org']>>;
  let city: Awaited<ReturnType<TestApp['org']>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    city = await t.org('凉山州政协', { level: '市', regionCode: '513400000000' });
    county = await t.org('昭觉县政协', { parent: city, regionCode: '513431000000' });
  });
  afterAll(async () => t?.close());

  it('serves health and the codebook of seed 000: 8 categories and 35 sub-types', async () => {
    expect((await t.app.inject('/api/health')).json()).toMatchObject({ status: 'ok', database: kind });
    const res = await t.admin.get('/api/ledger/codebook');
    const { categories } = res.json();
    expect(categories.map((c: { name: string }) => c.name)).toEqual(['政协履职', '富民产业', '基础设施', '民生工程', '教育扶贫', '医疗救助', '结对帮扶', '其他']);
    expect(categories.flatMap((c: { subtypes: unknown[] }) => c.subtypes)).toHaveLength(35);
    expect(categories[6].subtypes.map((s: { name: string; unit: string }) => `${s.name}${s.unit}`)).toEqual(['贫困村个', '贫困户户']);
  });

  it('refuses a request without a session', async () => {
    const res = await t.app.inject('/api/ledger/entries');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('请先登录');
  });

  // Seed 000: “1件事（包括结对帮扶的1个村或1户贫困户）只录入1次。”
  it('refuses the same deed twice and names the entry to edit instead', async () => {
    const body = entryBody(county.id, { subtypeCode: '0601', target: { kind: 'region', regionCode: ZHAOJUE_VILLAGE }, startYear: 2018, endYear: 2019 });
    const first = await t.admin.post('/api/ledger/entries', body);
    expect(first.statusCode).toBe(201);
    const id = first.json().id;
    const again = await t.admin.post('/api/ledger/entries', { ...body, startYear: 2019, endYear: null, content: '另一种写法' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', existingId: id });
    expect(again.json().error.message).toContain(`事项编号 ${id}`);
    expect(again.json().error.message).toContain('在原事项中修改');
    // Another year, another sub-type, or another body is another deed.
    expect((await t.admin.post('/api/ledger/entries', { ...body, startYear: 2020, endYear: null })).statusCode).toBe(201);
    expect((await t.admin.post('/api/ledger/entries', { ...body, subtypeCode: '0602' })).statusCode).toBe(201);
  });

  it('proposes the deep-poverty flag from the target county, and lets the user set it', async () => {
    const inList = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0301', target: { kind: 'region', regionCode: ZHAOJUE_VILLAGE } }));
    expect(inList.json().deepPoverty).toBe(true);
    expect(inList.json().target.label).toContain('昭觉县');
    const outside = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0301', target: { kind: 'region', regionCode: CHENGDU_VILLAGE } }));
    expect(outside.json().deepPoverty).toBe(false);
    const manual = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0302', deepPoverty: true }));
    expect(manual.json().deepPoverty).toBe(true);
  });

  // Seed 000: “同一帮扶事项的具体内容、金额、受益人数等有变化的在该事项中修改”
  it('edits the same entry and keeps its full history, who and when, before → after', async () => {
    const created = (await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0401', target: { kind: 'text', text: '新村建设点' } }))).json();
    const edited = await t.admin.patch(`/api/ledger/entries/${created.id}`, {
      version: created.version,
      content: '新村建设点完成村委会修葺',
      funds: { social: '12.3456' },
      beneficiaries: 300,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: created.version + 1, beneficiaries: 300, funds: { social: '12.3456', personal: '1.5000' } });
    const history = (await t.admin.get(`/api/ledger/entries/${created.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history[1].userName).toBe('系统管理员');
    expect(history[1].at).toMatch(/^2020-06-30T/);
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'content', label: '具体内容', before: '提供核桃种苗并开展种植技术培训', after: '新村建设点完成村委会修葺' },
        { field: 'funds.social', label: '社会资金（万元）', before: '2.0000', after: '12.3456' },
        { field: 'beneficiaries', label: '受益人数', before: 100, after: 300 },
      ]),
    );
    expect(history[1].changes).toHaveLength(3);
  });

  it('refuses a stale write with 409 and keeps the newer one', async () => {
    const created = (await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0402' }))).json();
    expect((await t.admin.patch(`/api/ledger/entries/${created.id}`, { version: created.version, beneficiaries: 1 })).statusCode).toBe(200);
    const stale = await t.admin.patch(`/api/ledger/entries/${created.id}`, { version: created.version, beneficiaries: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await t.admin.get(`/api/ledger/entries/${created.id}`)).json().beneficiaries).toBe(1);
    expect((await t.admin.del(`/api/ledger/entries/${created.id}?version=${created.version}`)).statusCode).toBe(409);
  });

  it.each([
    ['a negative amount', { funds: { personal: '-1' } }, 'funds.personal', '个人资金（万元）：金额不能为负数'],
    ['more than 4 decimals', { funds: { bank: 0.00001 } }, 'funds.bank', '银行资金（万元）：最多保留 4 位小数（万元）'],
    ['an unknown sub-type', { subtypeCode: '0909' }, 'subtypeCode', '事项类别：“0909”不是台账规定的类别'],
    // Seed 000: “政协委员职务履职的事项不录入”
    ['no 职务履职 confirmation', { notOfficialDuty: false }, 'notOfficialDuty', '非职务履职确认：请确认本事项不属于委员职务履职（履行本职工作的事项不录入）'],
    ['a village code that does not exist', { target: { kind: 'region', regionCode: '513431999999' } }, 'target.regionCode', '帮扶对象（村）：行政区划代码 513431999999 不存在'],
    ['a missing content', { content: undefined }, 'content', '具体内容：必填'],
  ])('refuses %s with a field-named error and writes nothing', async (_name, overrides, field, message) => {
    const before = (await t.admin.get(`/api/ledger/entries?orgId=${county.id}&pageSize=1`)).json().total;
    const res = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0403', ...overrides }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message);
    expect(res.json().error.fields[0].field).toBe(field);
    expect((await t.admin.get(`/api/ledger/entries?orgId=${county.id}&pageSize=1`)).json().total).toBe(before);
  });

  // Seed 000 §一.3–7: the fund sources are 万元; stored exactly (integer yuan), so sums carry no float error.
  it('sums amounts exactly: 0.0001 + 0.0002 万元 = 0.0003 万元', async () => {
    const org = await t.org('精确金额测试政协');
    await t.admin.post('/api/ledger/entries', entryBody(org.id, { funds: { donation: '0.0001' }, target: { kind: 'text', text: 'A' } }));
    await t.admin.post('/api/ledger/entries', entryBody(org.id, { funds: { donation: 0.0002 }, target: { kind: 'text', text: 'B' } }));
    const s = (await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=2019&yearTo=2019`)).json();
    expect(s.all.total.funds.donation).toBe('0.0003');
    expect(s.all.total.fundsTotal).toBe('0.0003');
  });

  // Seed 000: “跨年度事项只录入1次” — counted once in every total, in its start year.
  it('counts a cross-year deed once, in its start year', async () => {
    const org = await t.org('跨年度测试政协');
    await t.admin.post('/api/ledger/entries', entryBody(org.id, { startYear: 2018, endYear: 2020, funds: { social: '10' } }));
    const sum = async (from: number, to: number) => (await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=${from}&yearTo=${to}`)).json().all.total;
    expect((await sum(2018, 2020)).entries).toBe(1);
    expect((await sum(2018, 2020)).funds.social).toBe('10.0000');
    expect((await sum(2018, 2018)).entries).toBe(1);
    expect((await sum(2019, 2019)).entries).toBe(0);
    expect((await sum(2020, 2020)).entries).toBe(0);
  });

  it('rolls totals up the body tree, each entry once at every level, with villages (个) and households (户)', async () => {
    const prov = await t.org('汇总测试省', { level: '省' });
    const c1 = await t.org('汇总测试市', { parent: prov, level: '市' });
    const k1 = await t.org('汇总测试县', { parent: c1 });
    const g1 = await t.org('汇总测试委员组', { parent: k1, kind: '委员组' });
    const doc = { documentNumber: '凉委办〔2018〕12号' };
    await t.admin.post('/api/ledger/entries', entryBody(g1.id, { subtypeCode: '0701', target: { kind: 'region', regionCode: ZHAOJUE_VILLAGE }, ...doc }));
    await t.admin.post('/api/ledger/entries', entryBody(k1.id, { subtypeCode: '0702', target: { kind: 'text', text: '吉伍阿呷户' }, ...doc }));
    await t.admin.post('/api/ledger/entries', entryBody(c1.id, { subtypeCode: '0101', beneficiaries: 0 }));
    const at = async (orgId: number) => (await t.admin.get(`/api/ledger/summary?orgId=${orgId}&yearFrom=2019&yearTo=2019`)).json();
    const province = await at(prov.id);
    expect(province.all.total).toMatchObject({ entries: 3, villages: 1, households: 1, beneficiaries: 200 });
    const pairing = province.all.categories.find((c: { name: string }) => c.name === '结对帮扶');
    expect(pairing.subtypes.map((s: { entries: number; villages: number; households: number }) => [s.entries, s.villages, s.households])).toEqual([
      [1, 1, 0],
      [1, 0, 1],
    ]);
    expect(province.deepPoverty.total.entries).toBe(1);
    expect((await at(c1.id)).all.total.entries).toBe(3);
    expect((await at(k1.id)).all.total.entries).toBe(2);
    expect((await at(g1.id)).all.total.entries).toBe(1);
  });

  // Seed 000: “有特殊情况不能履职的委员应……对委员状态进行标注，不再填写参与情况。”
  it('leaves members marked unable out of participation and out of new entries', async () => {
    const org = await t.org('参与率测试政协');
    const a = await t.member(org, '甲委员');
    const b = await t.member(org, '乙委员');
    const c = await t.member(org, '丙委员');
    await t.admin.post('/api/ledger/entries', entryBody(org.id, { memberIds: [a.id, b.id], target: { kind: 'text', text: '合作社' } }));
    const marked = await t.admin.patch(`/api/members/${c.id}`, { version: c.version, status: 'unable', unableReason: '长期病休', unableFrom: '2020-01-01' });
    expect(marked.statusCode).toBe(200);
    const s = (await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=2019&yearTo=2020`)).json();
    expect(s.participation).toEqual({ members: 2, active: 2, rate: 1 });
    // Before the mark's date the member still counted.
    expect((await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=2019&yearTo=2019`)).json().participation).toMatchObject({ members: 3, active: 2 });
    const refused = await t.admin.post('/api/ledger/entries', entryBody(org.id, { memberIds: [c.id], target: { kind: 'text', text: '另一个对象' } }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('丙委员');
    expect(refused.json().error.message).toContain('特殊情况不能履职');
    // An entry with several members counts once for the body and once for each member.
    const perMember = (await t.admin.get(`/api/ledger/summary/members?orgId=${org.id}&yearFrom=2019&yearTo=2019`)).json();
    expect(perMember.items.map((m: { name: string; entries: number; fundsTotal: string }) => [m.name, m.entries, m.fundsTotal])).toEqual([
      ['甲委员', 1, '3.5000'],
      ['乙委员', 1, '3.5000'],
    ]);
  });

  it('requires a document number for 结对帮扶 and a village from the tree for 贫困村', async () => {
    const res = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0701', target: { kind: 'region', regionCode: '513431000000' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['documentNumber']);
    const notVillage = await t.admin.post('/api/ledger/entries', entryBody(county.id, { subtypeCode: '0701', documentNumber: '昭委〔2019〕1号', target: { kind: 'region', regionCode: '513431000000' } }));
    expect(notVillage.json().error.message).toBe('帮扶对象（村）：结对帮扶贫困村应选择到村一级');
  });

  it('deletes an entry after checking its version, takes it out of the totals and keeps its history', async () => {
    const org = await t.org('删除测试政协');
    const created = (await t.admin.post('/api/ledger/entries', entryBody(org.id))).json();
    expect((await t.admin.del(`/api/ledger/entries/${created.id}?version=${created.version}`)).statusCode).toBe(204);
    expect((await t.admin.get(`/api/ledger/entries/${created.id}`)).statusCode).toBe(404);
    expect((await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=2019&yearTo=2019`)).json().all.total.entries).toBe(0);
    const history = (await t.admin.get(`/api/ledger/entries/${created.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'delete']);
  });

  it('lists with filters and paging, newest first', async () => {
    const org = await t.org('列表测试政协');
    for (let i = 0; i < 5; i++) await t.admin.post('/api/ledger/entries', entryBody(org.id, { target: { kind: 'text', text: `对象${i}` }, startYear: 2017 + i }));
    const page = (await t.admin.get(`/api/ledger/entries?orgId=${org.id}&page=2&pageSize=2`)).json();
    expect(page.total).toBe(4); // 2021 is after the clock's year and was refused
    expect(page.items.map((e: { target: { text: string } }) => e.target.text)).toEqual(['对象1', '对象0']);
    const filtered = (await t.admin.get(`/api/ledger/entries?orgId=${org.id}&yearFrom=2018&yearTo=2019&categoryCode=02`)).json();
    expect(filtered.total).toBe(2);
    expect((await t.admin.get(`/api/ledger/entries?orgId=${org.id}&q=对象3`)).json().total).toBe(1);
  });
});

describe.each(dbKinds())('maintained totals on %s', (kind) => {
  it('equal the totals recomputed from the entries after creates, edits and deletes', async () => {
    const t = await createTestApp(kind);
    try {
      const org = await t.org('重算测试政协');
      const m = await t.member(org, '重算委员');
      const ids: Array<{ id: number; version: number }> = [];
      for (let i = 0; i < 6; i++)
        ids.push((await t.admin.post('/api/ledger/entries', entryBody(org.id, { memberIds: [m.id], target: { kind: 'text', text: `对象${i}` }, startYear: 2018 + (i % 3), funds: { social: `${i}.000${i}` } }))).json());
      await t.admin.patch(`/api/ledger/entries/${ids[0]!.id}`, { version: ids[0]!.version, subtypeCode: '0303', startYear: 2020, memberIds: [] });
      await t.admin.del(`/api/ledger/entries/${ids[1]!.id}?version=${ids[1]!.version}`);
      const read = async () => ({
        s: (await t.admin.get(`/api/ledger/summary?orgId=${org.id}&yearFrom=2018&yearTo=2020`)).json(),
        m: (await t.admin.get(`/api/ledger/summary/members?orgId=${org.id}&yearFrom=2018&yearTo=2020`)).json(),
      });
      const maintained = await read();
      await t.services.ledger.rebuildTotals(t.rootAuth);
      const rebuilt = await read();
      expect(maintained).toEqual(rebuilt);
      expect(maintained.s.all.total.entries).toBe(5);
      expect(maintained.m.items[0].entries).toBe(4);
    } finally {
      await t.close();
    }
  });
});
