import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRound, type UnitInput } from '../../src/domain/assessment/round';
import { indicators } from '../../src/domain/assessment/scheme';
import { GUANGDONG_2019_AIDED } from '../../src/domain/assessment/schemes/guangdong-2019-aided';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { householdBody, idNumber, member as personBody } from '../support/registry';
import { multipart, readSheet } from '../support/xlsx';
import ExcelJS from 'exceljs';

type G = '好' | '较好' | '一般' | '较差';
const KEYS = indicators(GUANGDONG_2019_AIDED).map((i) => i.key);
/** Every indicator graded `g` by one method, but for the overrides. */
const all = (g: G, overrides: Record<string, G> = {}) => Object.fromEntries(KEYS.map((k) => [k, { grade: overrides[k] ?? g }]));

// Three of the 14 aided cities (二、考核对象), with the scores of src/domain/assessment/schemes.test.ts.
const CITIES: Array<{ unitKey: string; name: string; entries: UnitInput['entries'] }> = [
  { unitKey: 'c1', name: '汕头', entries: { cross: all('好'), third: all('好'), daily: all('好') } },
  { unitKey: 'c2', name: '梅州', entries: { cross: all('好', { real_reduction: '一般' }), third: all('较好'), daily: all('较好') } },
  { unitKey: 'c3', name: '云浮', entries: { cross: all('较差'), third: all('较差'), daily: all('较差') } },
];
const gridOf = (cities: typeof CITIES) =>
  cities.flatMap((c) => Object.entries(c.entries).flatMap(([methodKey, row]) => Object.entries(row).map(([indicatorKey, entry]) => ({ unitKey: c.unitKey, methodKey, indicatorKey, entry }))));

/**
 * Issue 5: schemes as data (the shipped ones, copies that can be edited), rounds with a score grid entered through the
 * API, results that are exactly what the pure engine gives, bad entries refused with nothing written, closed rounds.
 */
describe.each(dbKinds())('assessment (考核) on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let orgAdmin: Client;
  let member: Client;
  let aidedId: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.admin;
    const county = await t.org('安化县政协', { regionCode: '430923000000' });
    orgAdmin = await t.user(county, 'county-admin');
    const m = await t.member(county, '张委员');
    member = await t.user(county, 'member-user', 'member', m.id);
  });
  afterAll(async () => t?.close());

  it('stores the six shipped schemes at start-up, and only system and body administrators see them', async () => {
    const res = await admin.get('/api/assessment/schemes');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as Array<{ id: number; code: string; shipped: boolean; indicators: number; methods: string }>;
    expect(list.filter((s) => s.shipped).map((s) => [s.code, s.indicators])).toEqual([
      ['guangdong-2019-aided', 17],
      ['guangdong-2019-pairing', 8],
      ['guangdong-east-west-cities', 40],
      ['guangdong-east-west-departments', 9],
      ['national-2017', 1],
      ['anhua-cppcc-2018', 1],
    ]);
    aidedId = list.find((s) => s.code === 'guangdong-2019-aided')!.id;
    expect(list.find((s) => s.id === aidedId)!.methods).toBe('交叉考核 40%、第三方评估 30%、日常工作情况 30%');
    // Start-up again: nothing added twice.
    expect(await t.services.assessment.ensureShippedSchemes()).toBe(0);
    const one = (await orgAdmin.get(`/api/assessment/schemes/${aidedId}`)).json();
    expect(one.scheme.contents.map((c: { name: string }) => c.name)).toEqual(['减贫成效', '精准帮扶', '资金管理', '精准识别']);
    expect(one.consequences[0].action).toBe('谈话提醒');
    const refused = await member.get('/api/assessment/schemes');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('此操作需要“查看考核方案、考核轮次和结果”权限');
  });

  it('edits a copy, never a shipped scheme, and checks the edit', async () => {
    const shipped = (await admin.get(`/api/assessment/schemes/${aidedId}`)).json();
    const direct = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${aidedId}`, payload: { scheme: shipped.scheme, version: shipped.version } });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.message).toContain('是系统内置方案，不能修改');
    // Body administrators may not copy.
    expect((await orgAdmin.post(`/api/assessment/schemes/${aidedId}/copy`, {})).statusCode).toBe(403);

    const copied = await admin.post(`/api/assessment/schemes/${aidedId}/copy`, { name: '2020年被帮扶市考核（试行）' });
    expect(copied.statusCode, copied.body).toBe(201);
    const copy = copied.json();
    expect(copy).toMatchObject({ code: 'guangdong-2019-aided-copy-1', shipped: false, locked: false, name: '2020年被帮扶市考核（试行）' });
    expect(copy.consequences[0].action).toBe('谈话提醒');

    // Weights that do not sum to 100 are refused; nothing changes.
    const bad = structuredClone(copy.scheme);
    bad.methods[0].weight = 50;
    const badRes = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: bad, version: copy.version } });
    expect(badRes.statusCode).toBe(400);
    expect(badRes.json().error.message).toBe('考核方案：各考核方式权重之和应为 100%，现为 110%');

    const good = structuredClone(copy.scheme);
    good.methods = [
      { key: 'cross', label: '交叉考核', weight: 50 },
      { key: 'third', label: '第三方评估', weight: 30 },
      { key: 'daily', label: '日常工作情况', weight: 20 },
    ];
    good.year = 2020;
    const saved = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: good, version: copy.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2020, version: copy.version + 1 });
    expect(saved.json().scheme.methods[0].weight).toBe(50);
    // A stale version is refused.
    const stale = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: good, version: copy.version } });
    expect(stale.statusCode).toBe(409);
    // The shipped scheme is untouched by the copy and its edit.
    expect((await admin.get(`/api/assessment/schemes/${aidedId}`)).json().scheme.methods[0].weight).toBe(40);
  });

  it('runs a round of the Guangdong 2019 aided-city scheme over three cities: the grades and explanations of evaluateRound', async () => {
    const created = await orgAdmin.post('/api/assessment/rounds', {
      schemeId: aidedId,
      name: '2019年度被帮扶市扶贫开发工作成效考核',
      year: 2019,
      units: CITIES.map((c) => ({ unitKey: c.unitKey, name: c.name, kind: 'city' })),
      deadlines: { selfEvaluation: '2019-12-31', methods: { cross: '2020-01-20' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round.missingCount).toBe(3 * 3 * 17);
    const incomplete = (await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`)).json();
    expect(incomplete.complete).toBe(false);
    expect(incomplete.missing[0]).toBe('汕头“实际减贫人口的真实情况”（交叉考核）');

    const put = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/scores`, payload: { entries: gridOf(CITIES) } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().saved).toBe(153);

    const res = await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json();
    expect(results.complete).toBe(true);
    const expected = evaluateRound(
      GUANGDONG_2019_AIDED,
      CITIES.map((c) => ({ unit: c.unitKey, entries: c.entries })),
    );
    for (const e of expected) {
      const got = results.units.find((u: { unitKey: string }) => u.unitKey === e.unit);
      expect(got).toMatchObject({ grade: e.grade, composite: e.composite, rank: e.rank, explanation: e.explanation, methods: e.methods });
    }
    expect(results.units.map((u: { name: string; grade: string; rank: number }) => [u.name, u.grade, u.rank])).toEqual([
      ['汕头', '好', 1],
      ['梅州', '好', 2],
      ['云浮', '较差', 3],
    ]);
    expect(results.units[1].explanation).toEqual([
      '综合得分：交叉考核 98.24 × 40% + 第三方评估 85 × 30% + 日常工作情况 85 × 30% = 90.30',
      '按得分 90.30 评为好',
    ]);
    expect(results.consequences).toEqual([expect.objectContaining({ action: '谈话提醒', units: ['云浮'] })]);
    expect(results.distribution).toEqual([
      { grade: '好', count: 2 },
      { grade: '较好', count: 0 },
      { grade: '一般', count: 0 },
      { grade: '较差', count: 1 },
    ]);
  });

  it('refuses bad entries naming the unit, indicator and method, and writes nothing', async () => {
    const round = (
      await orgAdmin.post('/api/assessment/rounds', { schemeId: aidedId, name: '错误录入测试', year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] })
    ).json();
    const res = await orgAdmin.request({
      method: 'PUT',
      url: `/api/assessment/rounds/${round.id}/scores`,
      payload: {
        entries: [
          { unitKey: 'c1', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '好' } },
          { unitKey: 'c1', methodKey: 'third', indicatorKey: 'housing', entry: { grade: '优秀' } },
          { unitKey: 'c9', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '好' } },
          { unitKey: 'c1', methodKey: 'daily', indicatorKey: 'leaders', entry: { points: 80 } },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.message).toBe('汕头“落实危房改造政策情况”（第三方评估）：等次应为好、较好、一般、较差之一，不能为“优秀”（共 3 处错误）');
    expect(err.fields.map((f: { field: string; label: string }) => [f.field, f.label])).toEqual([
      ['entries.1.entry', '汕头“落实危房改造政策情况”（第三方评估）'],
      ['entries.2.unitKey', '考核对象'],
      ['entries.3.entry', '汕头“市级党委政府主要领导责任落实情况。”（日常工作情况）'],
    ]);
    expect((await orgAdmin.get(`/api/assessment/rounds/${round.id}`)).json().scores).toEqual([]);

    // A round's units are checked too.
    const badRound = await orgAdmin.post('/api/assessment/rounds', { schemeId: aidedId, name: '对象有误', year: 2019, units: [{ unitKey: 'a', name: '汕头', kind: 'town' }, { unitKey: 'a', name: '', kind: 'city' }] });
    expect(badRound.statusCode).toBe(400);
    expect(badRound.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['units.0.kind', 'units.1.unitKey', 'units.1.name']);
  });

  it('keeps facts and adjustments per unit, checked against the scheme', async () => {
    const ew = (await admin.get('/api/assessment/schemes')).json().find((s: { code: string }) => s.code === 'guangdong-east-west-cities');
    const round = (await orgAdmin.post('/api/assessment/rounds', { schemeId: ew.id, name: '东西部扶贫协作考核', year: 2019, units: [{ unitKey: 'gz', name: '广州', kind: 'city' }] })).json();
    const ok = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/units/gz`, payload: { facts: { 完成全国和省目标要求: true }, adjustments: { late_funds: 3 } } });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/units/gz`, payload: { facts: { 不存在的事项: true }, adjustments: { late_funds: 999 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { label: string; message: string }) => `${f.label}：${f.message}`)).toEqual([
      '广州的认定事项：方案中没有事项“不存在的事项”',
      expect.stringMatching(/^广州“援助资金.*”：应为 0 至 \d+ 分$/),
    ]);
    const units = (await orgAdmin.get(`/api/assessment/rounds/${round.id}`)).json().units;
    expect(units[0]).toMatchObject({ facts: { 完成全国和省目标要求: true }, adjustments: { late_funds: 3 } });
  });

  it('downloads the grid as .xlsx and uploads it back: every cell checked with sheet, row and column, all or nothing', async () => {
    const round = (await orgAdmin.post('/api/assessment/rounds', { schemeId: aidedId, name: '表格录入', year: 2019, units: CITIES.map((c) => ({ unitKey: c.unitKey, name: c.name, kind: 'city' })) })).json();
    const down = await orgAdmin.get(`/api/assessment/rounds/${round.id}/grid.xlsx`);
    expect(down.statusCode).toBe(200);
    const cross = await readSheet(down.rawPayload, '交叉考核');
    expect(cross[0]!.slice(0, 3)).toEqual(['代码', '考核对象', '实际减贫人口的真实情况']);
    expect(cross[1]![2]).toBe('好/较好/一般/较差');
    expect(cross.slice(2).map((r) => r[1])).toEqual(['汕头', '梅州', '云浮']);

    // Fill every sheet from the cities' scores.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(down.rawPayload as unknown as ArrayBuffer);
    const fill = (book: ExcelJS.Workbook) => {
      for (const [methodKey, label] of [['cross', '交叉考核'], ['third', '第三方评估'], ['daily', '日常工作情况']] as const) {
        const ws = book.getWorksheet(label)!;
        CITIES.forEach((c, r) => KEYS.forEach((k, n) => (ws.getRow(3 + r).getCell(3 + n).value = (c.entries[methodKey]![k] as { grade: string }).grade)));
      }
    };
    fill(wb);
    // Two bad cells: nothing is written.
    wb.getWorksheet('第三方评估')!.getRow(4).getCell(5).value = '优';
    wb.getWorksheet('日常工作情况')!.getRow(5).getCell(1).value = 'c9';
    const bad = await orgAdmin.request({ method: 'POST', url: `/api/assessment/rounds/${round.id}/grid.xlsx`, ...multipart(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { label: string; message: string; row: number; column: string }) => [f.row, f.column, `${f.label}：${f.message}`])).toEqual([
      [4, 'E', '工作表“第三方评估”第 4 行 E 列（梅州“市级党委政府主要领导责任落实情况。”，第三方评估）：等次应为好、较好、一般、较差之一，不能为“优”'],
      [5, 'A', '工作表“日常工作情况”第 5 行 A 列：本轮没有代码为“c9”的考核对象'],
    ]);
    expect((await orgAdmin.get(`/api/assessment/rounds/${round.id}`)).json().scores).toEqual([]);

    fill(wb);
    wb.getWorksheet('日常工作情况')!.getRow(5).getCell(1).value = 'c3';
    const ok = await orgAdmin.request({ method: 'POST', url: `/api/assessment/rounds/${round.id}/grid.xlsx`, ...multipart(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().saved).toBe(153);
    const results = (await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`)).json();
    expect(results.units.map((u: { name: string; grade: string }) => [u.name, u.grade])).toEqual([
      ['汕头', '好'],
      ['梅州', '好'],
      ['云浮', '较差'],
    ]);

    // The results in the seed's table layout: the summary, and each city's indicator table with its grades.
    const out = await orgAdmin.get(`/api/assessment/rounds/${round.id}/results.xlsx`);
    expect(out.statusCode).toBe(200);
    const summary = await readSheet(out.rawPayload, '综合评价结果');
    expect(summary[1]).toEqual(['排名', '考核对象', '等次', '综合得分', '交叉考核（40%）', '第三方评估（30%）', '日常工作情况（30%）', '按得分等次', '说明']);
    expect(summary[3]!.slice(0, 4)).toEqual([2, '梅州', '好', 90.3]);
    const meizhou = await readSheet(out.rawPayload, '梅州');
    expect(meizhou[1]!.slice(0, 4)).toEqual(['考核内容', '考核指标', '数据来源', '考评等次']);
    expect(meizhou[3]).toEqual(['减贫成效', '实际减贫人口的真实情况', '各地提供和实地核查', '', '第三方评估、日常工作情况', '交叉考核', '']);
  });

  // Seed 002 评优标准: “帮扶资金、物资达5万元以上的委组、20万元以上的经促分会、20万元以上的工商联企业或商会” — from the ledger.
  it('lists the awards of CPPCC bodies from the ledger funds of the round year', async () => {
    const county = (await t.services.orgs.list(t.rootAuth)).find((o) => o.name === '安化县政协')!;
    const group = await t.org('安化县政协第一委员组', { parent: county, kind: '委员组' });
    const chamber = await t.org('安化县经促会第二分会', { parent: county, kind: '经促分会' });
    const funds = (wan: string) => ({ donation: wan, personal: '0', social: '0', bank: '0', fiscal: '0' });
    for (const [org, wan] of [
      [group, '5'],
      [chamber, '19.9999'],
    ] as const) {
      const res = await admin.post('/api/ledger/entries', entryBody(org.id, { startYear: 2018, funds: funds(wan), target: { kind: 'text', text: `${org.name}帮扶村` } }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const anhua = (await admin.get('/api/assessment/schemes')).json().find((x: { code: string }) => x.code === 'anhua-cppcc-2018').id;
    const round = (
      await orgAdmin.post('/api/assessment/rounds', {
        schemeId: anhua,
        name: '2018年政协系统绩效考核',
        year: 2018,
        units: [
          { unitKey: 'g1', name: group.name, kind: 'org', ref: String(group.id) },
          { unitKey: 'g2', name: chamber.name, kind: 'org', ref: String(chamber.id) },
        ],
      })
    ).json();
    const results = (await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`)).json();
    expect(results.awards).toEqual([
      { unitKey: 'g1', name: group.name, kind: '委组', yuan: 50000, awarded: true, reason: '委组筹集资金和物资 5 万元，达到 5 万元' },
      { unitKey: 'g2', name: chamber.name, kind: '经促分会', yuan: 199999, awarded: false, reason: '经促分会筹集资金和物资 19.9999 万元，未达到 20 万元' },
    ]);
    expect(results.system[0]).toMatchObject({ name: group.name, orgKind: '委员组', fundsYuan: 50000, entries: 1 });

    // Scores from the system: a copy of the scheme grades 参与脱贫攻坚工作 by the median of the ledger's funds.
    expect((await orgAdmin.post(`/api/assessment/rounds/${round.id}/fill-from-system`, {})).json().error.message).toContain('本方案没有取系统数据的指标');
    const copy = (await admin.post(`/api/assessment/schemes/${anhua}/copy`, { name: '2018年政协系统绩效考核（按筹资中位数）' })).json();
    const mapped = structuredClone(copy.scheme);
    mapped.contents[0].indicators[0].scoring = { kind: 'points', max: 30 };
    mapped.contents[0].indicators[0].system = 'ledger.funds';
    const refused = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: mapped, version: copy.version } });
    expect(refused.json().error.message).toContain('取系统数据时应按中位法评价');
    mapped.contents[0].indicators[0].scoring = { kind: 'median', unit: '万元' };
    expect((await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: mapped, version: copy.version } })).statusCode).toBe(200);
    const byFunds = (
      await orgAdmin.post('/api/assessment/rounds', {
        schemeId: copy.id,
        name: '2018年政协系统绩效考核（按筹资中位数）',
        year: 2018,
        units: [
          { unitKey: 'g1', name: group.name, kind: 'org', ref: String(group.id) },
          { unitKey: 'g2', name: chamber.name, kind: 'org', ref: String(chamber.id) },
        ],
      })
    ).json();
    const filled = await orgAdmin.post(`/api/assessment/rounds/${byFunds.id}/fill-from-system`, {});
    expect(filled.statusCode, filled.body).toBe(200);
    const graded = (await orgAdmin.get(`/api/assessment/rounds/${byFunds.id}/results`)).json();
    // Median of 5 and 19.9999 万元 is 12.49995: 5 is 40% of it (the worst grade), 19.9999 is above it (好).
    expect(graded.units.map((u: { name: string; grade: string }) => [u.name, u.grade])).toEqual([
      [group.name, '较差'],
      [chamber.name, '好'],
    ]);
    expect(graded.units[0].methods[0].indicators[0].detail).toBe('5万元，中位数 12.5万元，为中位数的 40%，评为较差');
  });

  it('shows the registry and data-quality figures of a county for the round year (减贫成效, 日常工作)', async () => {
    const [village] = await t.database.query<{ code: string }>(`select code from regions where level = 5 and code like '430923%' order by code limit 1`);
    const h = await admin.post('/api/registry/households', householdBody(village!.code, '0001', [personBody('李安化', idNumber('19800101', '011', '430923'), '户主')], { identifiedYear: 2018 }));
    expect(h.statusCode, h.body).toBe(201);
    await admin.post('/api/quality/runs', { region: '430923000000' });
    const round = (
      await orgAdmin.post('/api/assessment/rounds', {
        schemeId: aidedId,
        name: '2018年度县级扶贫成效（系统数据）',
        year: 2018,
        units: [{ unitKey: 'k1', name: '安化县', kind: 'county', ref: '430923000000' }],
      })
    ).json();
    const results = (await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`)).json();
    // One poor household of one person identified in 2018, no exit yet; the data-quality run found it without a helper.
    expect(results.regions).toEqual([{ unitKey: 'k1', name: '安化县', regionCode: '430923000000', exitedHouseholds: 0, exitedPersons: 0, poorPersons: 1, incidence: null, qualityFindings: 1 }]);
  });

  it('keeps a round to the body that runs it and the bodies above it', async () => {
    const other = await t.user(await t.org('桃江县政协', { regionCode: '430922000000' }), 'other-county-admin');
    const rounds = (await orgAdmin.get('/api/assessment/rounds')).json() as Array<{ id: number }>;
    expect(rounds.length).toBeGreaterThan(0);
    expect((await other.get('/api/assessment/rounds')).json()).toEqual([]);
    expect((await other.get(`/api/assessment/rounds/${rounds[0]!.id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/assessment/rounds/${rounds[0]!.id}/results`)).statusCode).toBe(403);
    expect((await admin.get('/api/assessment/rounds')).json().length).toBe(rounds.length);
  });

  it('closes a complete round: scores refused afterwards, and its scheme locked', async () => {
    const copy = (await admin.post(`/api/assessment/schemes/${aidedId}/copy`, {})).json();
    const round = (await orgAdmin.post('/api/assessment/rounds', { schemeId: copy.id, name: '将结束的轮次', year: 2019, units: CITIES.map((c) => ({ unitKey: c.unitKey, name: c.name, kind: 'city' })) })).json();
    const early = await orgAdmin.post(`/api/assessment/rounds/${round.id}/close`, { version: round.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('评分尚未录入完整（缺 153 项');
    const put = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/scores`, payload: { entries: gridOf(CITIES) } });
    const closed = await orgAdmin.post(`/api/assessment/rounds/${round.id}/close`, { version: put.json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', scheme: { locked: true } });

    const again = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/scores`, payload: { entries: gridOf(CITIES).slice(0, 1) } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('“将结束的轮次”已结束，不能再修改评分');
    const unit = await orgAdmin.request({ method: 'PUT', url: `/api/assessment/rounds/${round.id}/units/c1`, payload: { facts: {} } });
    expect(unit.statusCode).toBe(409);
    const edit = await admin.request({ method: 'PUT', url: `/api/assessment/schemes/${copy.id}`, payload: { scheme: copy.scheme, version: copy.version } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('已被已结束的考核轮次使用，不能再修改');
    // The results of a closed round stay readable.
    expect((await orgAdmin.get(`/api/assessment/rounds/${round.id}/results`)).json()).toMatchObject({ complete: true, state: 'closed' });
  });
});
