import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD, dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const VILLAGE = XINCHENG_VILLAGE;
const id = idNumber;
const household = (number: string, persons: unknown[]) => householdBody(VILLAGE, number, persons, { identifiedYear: 2016 });
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };

/**
 * Issue 4: a household changes status only by completing its procedure, step by step, each step recorded; a notice
 * cannot pass early, an assembly fails without quorum, a rejection returns to an earlier step.
 */
describe.each(dbKinds())('procedures (动态调整) on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  let otherTown: Client;
  let admin: Client;
  let rich: number;
  let poor: number;
  const clock = new Date(TEST_NOW);
  const logins: Array<() => Promise<void>> = [];
  /** Moves the clock (sessions expire with it: everyone logs in again). */
  const setDay = async (iso: string) => {
    clock.setTime(Date.parse(`${iso}T10:00:00+08:00`));
    for (const l of logins) await l();
  };

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const otherOrg = await t.org('城北镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431101000' });
    county = await t.user(countyOrg, 'county');
    town = await t.user(townOrg, 'town');
    otherTown = await t.user(otherOrg, 'other');
    logins.push(async () => void (county = await t.login('county', 'password-123')));
    logins.push(async () => void (town = await t.login('town', 'password-123')));
    logins.push(async () => void (otherTown = await t.login('other', 'password-123')));
    logins.push(async () => void (admin = await t.login('admin', ADMIN_PASSWORD)));
    admin = t.admin;
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    rich = (await town.post('/api/registry/households', household('0001', [member('吉克阿呷', id('19800101', '001'), '户主')]))).json().id;
    poor = (await town.post('/api/registry/households', household('0002', [member('阿说阿果', id('19820101', '002'), '户主')]))).json().id;
    await town.request({ method: 'PUT', url: `/api/registry/households/${rich}/incomes/2020`, payload: { wages: 9000 } });
    await town.request({ method: 'PUT', url: `/api/registry/households/${poor}/incomes/2020`, payload: { wages: 2000 } });
  });
  afterAll(async () => t?.close());

  it('does not start a household exit for a household below the line', async () => {
    const res = await town.post('/api/procedures', { kind: 'exit', householdId: poor, year: 2020 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('未达到脱贫标准，不能启动脱贫程序');
    expect((await town.get(`/api/procedures?householdId=${poor}`)).json().total).toBe(0);
  });

  it('walks a household through the exit procedure to its certificate, step by step', async () => {
    const started = await town.post('/api/procedures', { kind: 'exit', householdId: rich, year: 2020 });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    expect(p.definition.steps.map((s: { name: string }) => s.name)[6]).toBe('颁发脱贫光荣证');
    const act = async (who: Client, body: Record<string, unknown>) => who.post(`/api/procedures/${p.id}/actions`, { version: p.version, ...body });
    const ok = async (who: Client, body: Record<string, unknown>) => {
      const res = await act(who, body);
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
      return p;
    };
    const refused = async (who: Client, body: Record<string, unknown>) => {
      const res = await act(who, body);
      expect(res.statusCode).toBe(400);
      return res.json().error.fields[0].message as string;
    };
    // A second exit for the same household cannot start while this one runs.
    expect((await town.post('/api/procedures', { kind: 'exit', householdId: rich })).json().error.message).toContain('已有正在办理的“贫困户脱贫”程序');

    expect(await refused(town, { type: 'pass', step: 2, record: { notice: { from: '2020-06-01' } } })).toBe('当前应办理第 1 步“村两委民主评议”，不能跳过步骤办理“村内公示”');
    expect(await refused(town, { type: 'pass', step: 0, record: { assembly: { representatives: 30, present: 19, votesFor: 13, votesAgainst: 6 } } })).toBe('实到 19 人，不足应到 30 人的三分之二，会议不能召开，评议无效');
    await ok(town, { type: 'pass', step: 0, record: { assembly: quorum } });
    expect(await refused(town, { type: 'pass', step: 1, record: {} })).toBe('请填写确认人');
    await ok(town, { type: 'pass', step: 1, record: { confirmedBy: '吉克阿呷（户主）' } });
    // 村内公示 opened today (2020-06-30): a notice "started" 8 days ago, whose days would be over, is refused as backdated
    // (issue 10); a day that does not exist (seed 004: 镇公示时间为9月31日) is refused at its field.
    expect(await refused(town, { type: 'pass', step: 2, record: { notice: { from: '2020-06-22' } } })).toBe('公示开始日期 2020-06-22 早于本步开始办理的日期 2020-06-30，公示应在上一步办结后开始，不能倒填日期');
    const impossible = await act(town, { type: 'pass', step: 2, record: { notice: { from: '2017-09-31' } } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields[0]).toMatchObject({ field: 'record.notice.from', message: expect.stringContaining('日期不存在') });
    // From 2020-06-30 it runs 7 days, to 2020-07-06: not passed on 2020-06-30.
    expect(await refused(town, { type: 'pass', step: 2, record: { notice: { from: '2020-06-30' } } })).toBe('公示期 7 天（2020-06-30 至 2020-07-06）未满，2020-07-07 起方可办理');
    await setDay('2020-07-07');
    await ok(town, { type: 'pass', step: 2, record: { notice: { from: '2020-06-30', objections: '' } } });
    expect(p.noticeEarliest).toBe('2020-07-07');
    // The township finds a problem: back to the verification step, with the reason kept.
    expect(await refused(town, { type: 'return', step: 3, to: 1, reason: '' })).toBe('请填写退回原因');
    await ok(town, { type: 'return', step: 3, to: 1, reason: '乡镇审核发现务工收入证明不全，退回重新核实' });
    expect(p.currentStep).toBe(1);
    await ok(town, { type: 'pass', step: 1, record: { confirmedBy: '吉克阿呷（户主）' } });
    // The village notice is posted again after the new verification: the old one is before this step reopened.
    expect(await refused(town, { type: 'pass', step: 2, record: { notice: { from: '2020-06-30' } } })).toContain('早于本步开始办理的日期 2020-07-07');
    await setDay('2020-07-14');
    await ok(town, { type: 'pass', step: 2, record: { notice: { from: '2020-07-07' } } });
    // The township's notice follows the village's (村—乡镇): not over its days.
    expect(await refused(town, { type: 'pass', step: 3, record: { notice: { from: '2020-07-10' } } })).toBe(
      '公示开始日期 2020-07-10 早于“村内公示”的公示期满（2020-07-07 至 2020-07-13），应在其公示无异议后、2020-07-14 起公示',
    );
    expect(await refused(town, { type: 'pass', step: 3, record: { notice: { from: '2020-07-14', objections: '有村民反映其家中新购车辆' } } })).toContain('公示期 7 天');
    await setDay('2020-07-21');
    expect(await refused(town, { type: 'pass', step: 3, record: { notice: { from: '2020-07-14', objections: '有村民反映其家中新购车辆' } } })).toBe(
      '公示期间有异议，不能通过；请核实后退回相应步骤重新办理',
    );
    await ok(town, { type: 'pass', step: 3, record: { notice: { from: '2020-07-14' } } });
    await ok(town, { type: 'pass', step: 4, record: {} });
    // 县级备案标注 is the county's: the township cannot do it.
    expect(await refused(town, { type: 'pass', step: 5, record: {} })).toBe('“县级备案标注”应由县级及以上办理');
    await ok(county, { type: 'pass', step: 5, record: {} });
    expect((await town.get(`/api/registry/households/${rich}`)).json().status).toBe('未脱贫');
    await ok(county, { type: 'pass', step: 6, record: {} });
    expect(p.state).toBe('completed');
    expect(p.certificateNo).toBe('513431-2020-00001');

    // Every transition is kept, with who, level, outcome and what was recorded.
    expect(p.events.map((e: { stepKey: string; outcome: string; userLevel: string }) => `${e.stepKey}:${e.outcome}:${e.userLevel}`)).toEqual([
      'village_review:start:乡',
      'village_review:pass:乡',
      'verification:pass:乡',
      'village_notice:pass:乡',
      'township_review:return:乡',
      'verification:pass:乡',
      'village_notice:pass:乡',
      'township_review:pass:乡',
      'township_decision:pass:乡',
      'county_filing:pass:县',
      'certificate:pass:县',
    ]);
    expect(p.events[1]).toMatchObject({ representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 });
    expect(p.events[3]).toMatchObject({ noticeFrom: '2020-06-30', noticeTo: '2020-07-06' });
    expect(p.noticeEarliest).toBeNull();
    expect(p.events[4]).toMatchObject({ returnTo: 1, reason: '乡镇审核发现务工收入证明不全，退回重新核实' });

    const h = (await town.get(`/api/registry/households/${rich}`)).json();
    expect(h).toMatchObject({ status: '已脱贫', statusYear: 2020 });
    expect(h.history.at(-1).reason).toBe(`贫困户脱贫程序办结（程序编号 ${p.id}）`);
    const cert = (await town.get(`/api/procedures/${p.id}/certificate`)).json();
    expect(cert).toMatchObject({ certificateNo: '513431-2020-00001', year: 2020, head: '吉克阿呷', issuer: '昭觉县扶贫开发领导小组' });
    expect(cert.village).toContain('俄尔古取村');
    // Done is done.
    expect(await refused(county, { type: 'pass', step: 6, record: {} })).toBe('该程序已办结');
  });

  it('keeps evidence files with the step, and refuses other file types', async () => {
    const [p] = (await town.get(`/api/procedures?householdId=${rich}`)).json().items;
    const boundary = '----tz';
    const upload = (name: string, type: string, body: string | Buffer) =>
      town.request({
        method: 'POST',
        url: `/api/procedures/${p.id}/attachments?step=2`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
          Buffer.from(body),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    // The type is read from the bytes: a PNG's signature, then its data.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('PNGDATA')]);
    const saved = await upload('公示照片.png', 'image/png', png);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ fileName: '公示照片.png', stepIndex: 2, size: 15 });
    const bad = await upload('a.exe', 'application/x-msdownload', 'MZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('只能上传图片');
    const file = await town.get(`/api/procedures/attachments/${saved.json().id}`);
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await otherTown.get(`/api/procedures/attachments/${saved.json().id}`)).statusCode).toBe(403);
    expect((await town.get(`/api/procedures/${p.id}`)).json().attachments).toHaveLength(1);
  });

  it('keeps other townships out', async () => {
    const [p] = (await town.get(`/api/procedures?householdId=${rich}`)).json().items;
    expect((await otherTown.get(`/api/procedures/${p.id}`)).statusCode).toBe(403);
    expect((await otherTown.get('/api/procedures')).json().total).toBe(0);
    expect((await otherTown.post('/api/procedures', { kind: 'removal', householdId: poor })).statusCode).toBe(403);
  });

  it('needs the comparison before a new identification passes 县级比对', async () => {
    const started = await town.post('/api/procedures', { kind: 'identification', applicant: household('0003', [member('沙马拉且', id('19900101', '011'), '户主')]) });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    expect(p.householdId).toBeNull();
    for (const [step, record] of [
      [0, {}],
      [1, { assembly: quorum }],
    ] as const) {
      const res = await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step, record, version: p.version });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    const res = await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step: 2, record: {}, version: p.version });
    expect(res.json().error.fields[0].message).toBe('尚未进行部门数据比对（一比对）');
    // Nobody is in the registry until the last step enters the household.
    expect((await town.get('/api/registry/households?q=沙马拉且')).json().total).toBe(0);
  });

  it('lets a province lengthen a notice as a new version of its procedure', async () => {
    const exit = (await admin.get('/api/procedures/definitions')).json().find((d: { kind: string }) => d.kind === 'exit');
    const steps = exit.steps.map((s: { key: string; minDays?: number }) => (s.key === 'village_notice' ? { ...s, minDays: 10 } : s));
    expect((await town.request({ method: 'PUT', url: '/api/procedures/definitions/exit', payload: { regionPrefix: '51', steps } })).statusCode).toBe(403);
    const bad = await admin.request({ method: 'PUT', url: '/api/procedures/definitions/exit', payload: { regionPrefix: '51', steps: [{ ...steps[0], level: '组' }] } });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'steps.0.level' });
    const saved = await admin.request({ method: 'PUT', url: '/api/procedures/definitions/exit', payload: { regionPrefix: '51', steps } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ regionPrefix: '51', version: 1 });
    const defs = (await admin.get('/api/procedures/definitions')).json().filter((d: { kind: string }) => d.kind === 'exit');
    expect(defs.map((d: { regionPrefix: string }) => d.regionPrefix)).toEqual(['', '51']);
  });

  it('refuses at the start an applicant already registered in another household, naming the field and the row', async () => {
    // 吉克阿呷 is the head of household 0001: as a new applicant's second member she is refused before any step runs.
    const applicant = household('0004', [member('沙马木呷', id('19910101', '021'), '户主'), member('吉克阿呷', id('19800101', '001'), '配偶')]);
    const res = await town.post('/api/procedures', { kind: 'identification', applicant });
    expect(res.statusCode, res.body).toBe(400);
    const [field] = res.json().error.fields;
    expect(field).toMatchObject({ field: 'applicant.persons.1.idNumber', label: '第 2 位家庭成员的身份证号' });
    expect(field.message).toContain('第 2 位家庭成员（吉克阿呷）的身份证号');
    expect(field.message).toContain('已在其他户（村代码 513431100200，户编号 0001）中，一人只能属于一户');
    expect((await town.get('/api/procedures?kind=identification')).json().items.map((x: { subjectName: string }) => x.subjectName)).not.toContain('申请户 沙马木呷');
    // Another township's user is told the number is taken, not whose household holds it.
    const elsewhere = await otherTown.post('/api/procedures', { kind: 'identification', applicant: householdBody(CHENGBEI_VILLAGE, '0001', [member('吉克阿呷', id('19800101', '001'), '户主')], { identifiedYear: 2016 }) });
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);
    expect(elsewhere.json().error.fields[0].field).toBe('applicant.persons.0.idNumber');
    expect(elsewhere.json().error.fields[0].message).toContain('该身份证号已在其他户登记，不在您的管辖范围内');
    expect(elsewhere.body).not.toContain('0001）');
    expect(elsewhere.body).not.toContain('513431100200');
  });

  it('refuses the next step of an identification whose applicant was registered in another household after the start', async () => {
    const applicantId = id('19920101', '031');
    const started = await town.post('/api/procedures', { kind: 'identification', applicant: household('0005', [member('阿西阿呷', applicantId, '户主')]) });
    expect(started.statusCode, started.body).toBe(201);
    const p = started.json();
    // Meanwhile the same person is entered in another household of the village.
    const other = await town.post('/api/registry/households', household('0006', [member('阿西阿呷', applicantId, '户主')]));
    expect(other.statusCode, other.body).toBe(201);
    const res = await town.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step: 0, record: {}, version: p.version });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'applicant.persons.0.idNumber', message: expect.stringContaining('已在其他户（村代码 513431100200，户编号 0006）中，一人只能属于一户') });
    expect((await town.get(`/api/procedures/${p.id}`)).json()).toMatchObject({ state: 'running', currentStep: 0 });
    // It can still be withdrawn.
    const withdrawn = await town.post(`/api/procedures/${p.id}/actions`, { type: 'withdraw', reason: '该申请人已在他户登记', version: p.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });

  it('does not start a village exit for a village that fails the exit rules', async () => {
    await town.request({ method: 'PUT', url: `/api/registry/villages/${VILLAGE}`, payload: { poorVillage: true, identifiedYear: 2014, exited: false, certifiedPopulation: 100, specialtyIndustries: [], version: null } });
    const res = await town.post('/api/procedures', { kind: 'village_exit', villageCode: VILLAGE });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('未达到贫困村出列标准，不能启动出列程序');
  });
});
