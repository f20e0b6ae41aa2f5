import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/shared/errors';
import { JobRegistry, type JobProgress, type JobView } from '../../src/server/http/jobs';
import { parseRoster } from '../../src/server/registry/roster';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { idNumber } from '../support/registry';
import { householdCols, personCols, rosterWith, type RosterCells } from '../support/roster';
import { expectRollupConsistent } from '../support/rollup';
import { multipart } from '../support/xlsx';

const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村

const id = (birth: string, seq: string) => idNumber(birth, seq);
type Row = RosterCells;
const person = personCols;

const good: Row[] = [
  { ...householdCols('0701'), ...person('吉克阿呷', id('19800101', '011'), '户主') },
  { 村级区划代码: VILLAGE, 户编号: '0701', ...person('阿说阿果', id('19820202', '022'), '配偶') },
  { 村级区划代码: VILLAGE, 户编号: '0701', ...person('吉克木呷', id('20100303', '031'), '之子', { 劳动能力: '无劳动力', 在校情况: '在校', 务工月数: 0, 务工收入: 0, 务工地点: '' }) },
  { ...householdCols('0702', { 贫困户属性: '低保贫困户', 主要致贫原因: '因病', 次要致贫原因: '' }), ...person('沙马拉且', id('19700404', '041'), '户主', { 健康状况: '大病' }) },
  { ...householdCols('0702', { 贫困户属性: '低保贫困户', 主要致贫原因: '因病', 次要致贫原因: '' }), ...person('沙马阿依', id('19720505', '052'), '配偶') },
  { ...householdCols('0703', { 主要致贫原因: '因残', 次要致贫原因: '' }), ...person('俄底日者', id('19500606', '061'), '户主', { 健康状况: '残疾', 残疾等级: 2, 劳动能力: '丧失劳动力', 务工月数: 0, 务工收入: 0 }) },
];

const badCheck = (() => {
  const ok = id('19900808', '081');
  return ok.slice(0, 17) + (ok.endsWith('1') ? '2' : '1');
})();
const withRowErrors: Row[] = [
  { ...householdCols('0801'), ...person('阿于阿木', id('19850909', '091'), '户主') },
  { 村级区划代码: VILLAGE, 户编号: '0801', ...person('阿于拉拉', badCheck, '配偶', { 务工月数: 13, 基本医保: '有' }) },
];

type RosterJob = JobView<Record<string, number>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the in-memory job registry', () => {
  it('keeps progress within the total, only for a running job', () => {
    const jobs = new JobRegistry<string, '校验' | '写入'>();
    const jobId = jobs.create(1, { phase: '校验', done: 0, total: 10 });
    jobs.progress(jobId, { phase: '校验', done: 4, total: 10 });
    expect(jobs.get(1, jobId)).toEqual({ status: 'running', phase: '校验', done: 4, total: 10 });
    jobs.progress(jobId, { phase: '写入', done: 12, total: 8 });
    expect(jobs.get(1, jobId)).toMatchObject({ phase: '写入', done: 8, total: 8 });
    jobs.finish(jobId, 'ok');
    jobs.progress(jobId, { phase: '校验', done: 1, total: 10 });
    expect(jobs.get(1, jobId)).toEqual({ status: 'done', phase: '写入', done: 8, total: 8, result: 'ok' });
  });

  it('shows a job only to the user who started it', () => {
    const jobs = new JobRegistry<string>();
    const jobId = jobs.create(1, { phase: '读取', done: 0, total: 0 });
    expect(() => jobs.get(2, jobId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => jobs.get(1, 'no-such-job')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('keeps an AppError with its fields, and hides any other error', () => {
    const seen: unknown[] = [];
    const jobs = new JobRegistry<string>({ onUnexpectedError: (e) => seen.push(e) });
    const a = jobs.create(1, { phase: '校验', done: 0, total: 1 });
    const fields = [{ field: 'idNumber', label: '身份证号', message: '校验位错误', row: 4, column: 'K' }];
    jobs.fail(a, new AppError('VALIDATION', '导入失败：共 1 处错误，未写入任何数据', { fields }));
    expect(jobs.get(1, a)).toMatchObject({ status: 'failed', error: { code: 'VALIDATION', message: '导入失败：共 1 处错误，未写入任何数据', fields } });
    const b = jobs.create(1, { phase: '校验', done: 0, total: 1 });
    jobs.fail(b, new Error('connection lost'));
    expect(jobs.get(1, b).error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
    expect(seen).toHaveLength(1);
  });

  it('forgets a finished job after 15 minutes, never a running one', () => {
    let now = 0;
    const jobs = new JobRegistry<string>({ clock: () => now });
    const finished = jobs.create(1, { phase: '写入', done: 0, total: 1 });
    const running = jobs.create(1, { phase: '写入', done: 0, total: 1 });
    jobs.finish(finished, 'ok');
    now += 14 * 60 * 1000;
    expect(jobs.get(1, finished).status).toBe('done');
    now += 60 * 1000;
    expect(() => jobs.get(1, finished)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    now += 24 * 60 * 60 * 1000;
    expect(jobs.get(1, running).status).toBe('running');
    expect(jobs.size).toBe(1);
  });

  it('runs the work after the caller has answered, reporting its progress', async () => {
    const jobs = new JobRegistry<number, 'a' | 'b'>();
    const seen: JobProgress[] = [];
    const jobId = jobs.start(1, { phase: 'a', done: 0, total: 2 }, async (report) => {
      report({ phase: 'a', done: 2, total: 2 });
      seen.push(jobs.get(1, jobId));
      await sleep(1);
      report({ phase: 'b', done: 1, total: 1 });
      return 42;
    });
    expect(jobs.get(1, jobId)).toEqual({ status: 'running', phase: 'a', done: 0, total: 2 });
    while (jobs.get(1, jobId).status === 'running') await sleep(1);
    expect(seen).toEqual([{ status: 'running', phase: 'a', done: 2, total: 2 }]);
    expect(jobs.get(1, jobId)).toEqual({ status: 'done', phase: 'b', done: 1, total: 1, result: 42 });
  });
});

describe.each(dbKinds())('roster import as a job on %s', (kind) => {
  let t: TestApp;
  let townUser: Client;
  let otherUser: Client;
  let memberUser: Client;
  const importSync = (c: Client, file: Buffer) => c.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(file) });
  const startJob = (c: Client, file: Buffer) => c.request({ method: 'POST', url: '/api/registry/roster/import-jobs', ...multipart(file) });
  const find = async (q: string) => (await t.admin.get(`/api/registry/households?q=${encodeURIComponent(q)}`)).json();

  /** Polls the job until it ends; every state seen along the way. */
  async function pollUntilEnd(c: Client, start: LightMyRequestResponse): Promise<RosterJob[]> {
    expect(start.statusCode, start.body).toBe(202);
    const { jobId } = start.json();
    expect(jobId).toEqual(expect.any(String));
    const seen: RosterJob[] = [];
    for (let i = 0; i < 3000; i++) {
      const res = await c.get(`/api/registry/roster/import-jobs/${jobId}`);
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json() as RosterJob;
      seen.push(job);
      if (job.status !== 'running') return seen;
      await sleep(10);
    }
    throw new Error('the import job did not end');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const town = await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    townUser = await t.user(town, 'xincheng');
    otherUser = await t.user(county, 'zhaojue');
    const m = await t.member(town, '阿西委员');
    memberUser = await t.user(town, 'axi', 'member', m.id);
  });
  afterAll(async () => t?.close());

  it('imports a good file as a job: 202, progress while running, the result of the synchronous import, the statistics after', async () => {
    const file = await rosterWith(good);
    const seen = await pollUntilEnd(townUser, await startJob(townUser, file));
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ status: 'done', result: { households: 3, persons: 6, created: 3, updated: 0, unchanged: 0 } });
    expect(last.error).toBeUndefined();
    for (const s of seen) {
      expect(['读取', '校验', '写入']).toContain(s.phase);
      expect(s.done).toBeLessThanOrEqual(s.total);
    }
    // The six persons were written: the write phase ends at its total.
    expect(last).toMatchObject({ phase: '写入', done: 6, total: 6 });

    expect((await find('0701')).items[0]).toMatchObject({ number: '0701', size: 3, status: '未脱贫' });
    expect((await find('俄底日者')).items[0]).toMatchObject({ number: '0703', size: 1, mainCause: '因残' });
    const stats = (await townUser.get(`/api/registry/statistics?region=${VILLAGE}&asOf=2020-06-30`)).json();
    expect(stats.byStatus.find((s: { status: string }) => s.status === '未脱贫')).toMatchObject({ households: 3, persons: 6 });
    await expectRollupConsistent(t, ['2015-12-31', '2020-06-30']);

    // Importing the same file again, synchronously and as a job, gives the same answer: nothing changes.
    const sync = await importSync(townUser, file);
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json()).toEqual({ households: 3, persons: 6, created: 0, updated: 0, unchanged: 3 });
    const again = (await pollUntilEnd(townUser, await startJob(townUser, file))).at(-1)!;
    expect(again).toMatchObject({ status: 'done', result: sync.json() });
  });

  it('fails the job with the same row-by-row errors as the synchronous import, and writes nothing', async () => {
    const file = await rosterWith(withRowErrors);
    const sync = await importSync(townUser, file);
    expect(sync.statusCode).toBe(400);
    const last = (await pollUntilEnd(townUser, await startJob(townUser, file))).at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.result).toBeUndefined();
    expect(last.error).toEqual(sync.json().error);
    expect(last.error!.fields!.map((f) => [f.row, f.column, f.label])).toEqual([
      [4, 'L', '身份证号'],
      [4, 'T', '务工月数'],
      [4, 'W', '基本医保'],
    ]);
    expect((await find('0801')).total).toBe(0);
    expect((await find('阿于阿木')).total).toBe(0);
  });

  it('answers a file that cannot be read at once with 400, without a job', async () => {
    const res = await startJob(townUser, Buffer.from('这不是表格文件'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'file', label: '导入文件' }] });
    const none = await townUser.request({ method: 'POST', url: '/api/registry/roster/import-jobs', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(none.statusCode).toBe(400);
  });

  it('shows a job only to the user who started it', async () => {
    const start = await startJob(townUser, await rosterWith(good));
    const { jobId } = start.json();
    const other = await otherUser.get(`/api/registry/roster/import-jobs/${jobId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await t.admin.get(`/api/registry/roster/import-jobs/${jobId}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/roster/import-jobs/${jobId}` })).statusCode).toBe(401);
    expect((await townUser.get('/api/registry/roster/import-jobs/no-such-job')).statusCode).toBe(404);
    expect((await pollUntilEnd(townUser, start)).at(-1)!.status).toBe('done');
  });

  it('refuses a member, who may not import, before the file is read and without a job', async () => {
    const res = await startJob(memberUser, await rosterWith(good));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('passes the import service’s progress to the job: validation by row, writing by person, never over the total', async () => {
    const jobs = new JobRegistry<unknown, string>();
    const rows = await parseRoster(
      await rosterWith([
        { ...householdCols('0901'), ...person('马海木呷', id('19880101', '171'), '户主') },
        { 村级区划代码: VILLAGE, 户编号: '0901', ...person('马海阿依', id('19890202', '182'), '配偶') },
      ]),
    );
    const reported: JobProgress[] = [];
    const jobId = jobs.start(t.rootAuth.userId, { phase: '读取', done: rows.length, total: rows.length }, (report) =>
      t.services.roster.importRoster(t.rootAuth, rows, (p) => {
        report({ phase: p.phase === 'validate' ? '校验' : '写入', done: p.done, total: p.total });
        const { phase, done, total } = jobs.get(t.rootAuth.userId, jobId);
        reported.push({ phase, done, total });
      }),
    );
    while (jobs.get(t.rootAuth.userId, jobId).status === 'running') await sleep(5);
    expect(jobs.get(t.rootAuth.userId, jobId)).toMatchObject({ status: 'done', result: { created: 1, persons: 2 } });
    expect(reported.length).toBeGreaterThanOrEqual(1);
    for (const p of reported) expect(p.done).toBeLessThanOrEqual(p.total);
    expect(reported.at(-1)).toEqual({ phase: '写入', done: 2, total: 2 });
  });

  it('documents both endpoints in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/registry/roster/import-jobs'].post.responses['202']).toBeDefined();
    const get = doc.paths['/api/registry/roster/import-jobs/{id}'].get;
    expect(JSON.stringify(get.responses['200'])).toContain('校验');
  });
});
