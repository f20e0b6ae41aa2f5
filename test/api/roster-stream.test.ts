import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, streamRoster, type RosterRow } from '../../src/server/registry/roster';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, idNumber, XINCHENG_VILLAGE } from '../support/registry';
import { householdCols, personCols, rosterWith, type RosterCells } from '../support/roster';
import { expectRollupConsistent } from '../support/rollup';
import { multipart } from '../support/xlsx';

/** A CSV roster (UTF-8 with a BOM, the template's headers) with rows by header name. */
function csvOf(rows: RosterCells[], bom = true): Buffer {
  const esc = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [ROSTER_COLUMNS.map((c) => esc(c.header)).join(','), ...rows.map((r) => ROSTER_COLUMNS.map((c) => esc(r[c.header])).join(','))];
  return Buffer.from(`${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`);
}

const id = (birth: string, seq: string) => idNumber(birth, seq);

type Job = { status: string; phase: string; done: number; total: number; batches?: { done: number; failed: number; skipped: number; rows: number }; result?: Record<string, unknown>; error?: { code: string; message: string; fields?: Array<{ row?: number; column?: string; message: string }>; [k: string]: unknown } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(dbKinds())('national-size roster import (streamed, by village) on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  const start = (c: Client, file: Buffer, query = '', name = 'roster.csv') => c.request({ method: 'POST', url: `/api/registry/roster/import-batches${query}`, ...multipart(file, name) });
  async function finish(c: Client, res: LightMyRequestResponse): Promise<Job[]> {
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json();
    const seen: Job[] = [];
    for (let i = 0; i < 3000; i++) {
      const job = (await c.get(`/api/registry/roster/import-batches/${jobId}`)).json() as Job;
      seen.push(job);
      if (job.status !== 'running') return seen;
      await sleep(10);
    }
    throw new Error('the job did not end');
  }
  const households = async (village: string) => (await t.database.query<{ number: string; n: number }>(`select h.number, count(p.id)::int as n from households h join persons p on p.household_id = h.id where h.village_code = '${village}' group by h.number order by h.number`));

  beforeAll(async () => {
    t = await createTestApp(kind);
    const org = await t.org('昭觉县扶贫办（分批）', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(org, 'zhaojue-batches');
  });
  afterAll(() => t.close());

  it('imports a CSV with a BOM as the .xlsx of the same rows does: the .xlsx afterwards changes nothing', async () => {
    const rows: RosterCells[] = [
      { ...householdCols('S001'), ...personCols('吉克阿呷', id('19800101', '711'), '户主') },
      { 村级区划代码: XINCHENG_VILLAGE, 户编号: 'S001', ...personCols('阿说阿果', id('19820202', '722'), '配偶') },
      { ...householdCols('S002', { 主要致贫原因: '因病', 次要致贫原因: '' }), ...personCols('沙马拉且', id('19700404', '741'), '户主', { 健康状况: '大病', 务工地点: '西昌, 城区' }) },
      { ...householdCols('S101', { 村级区划代码: CHENGBEI_VILLAGE }), ...personCols('俄底日者', id('19500606', '761'), '户主') },
    ];
    const jobs = await finish(county, await start(county, csvOf(rows)));
    const last = jobs.at(-1)!;
    expect(last.status, JSON.stringify(last.error)).toBe('done');
    expect(last.result).toMatchObject({ mode: 'write', households: 3, persons: 4, created: 3, updated: 0, unchanged: 0, villages: { done: 2, failed: 0, skipped: 0 } });
    expect(last.batches).toMatchObject({ done: 2, failed: 0, rows: 4 });
    expect(await households(XINCHENG_VILLAGE)).toEqual(expect.arrayContaining([{ number: 'S001', n: 2 }, { number: 'S002', n: 1 }]));
    const [place] = await t.database.query<{ work_place: string }>(`select work_place from persons where trim(id_number) = '${id('19700404', '741')}'`);
    expect(place!.work_place).toBe('西昌, 城区');
    // The same rows as .xlsx through the one-transaction import: every household found equal.
    const again = await county.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(await rosterWith(rows)) });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ households: 3, persons: 4, created: 0, updated: 0, unchanged: 3 });
    // And the .xlsx through the streamed import too.
    const viaXlsx = (await finish(county, await start(county, await rosterWith(rows), '', 'roster.xlsx'))).at(-1)!;
    expect(viaXlsx.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    await expectRollupConsistent(t, ['2015-12-31', '2020-06-30']);
  });

  it('checks the whole file first without writing (mode=check), errors by row and column', async () => {
    const rows: RosterCells[] = [
      { ...householdCols('C001'), ...personCols('阿于阿木', id('19850909', '791'), '户主', { 务工月数: 13 }) },
      { ...householdCols('C002'), ...personCols('阿于拉拉', id('19860909', '792'), '户主') },
    ];
    const last = (await finish(county, await start(county, csvOf(rows), '?mode=check'))).at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.error!.message).toContain('校验未通过');
    expect(last.error!.fields).toEqual([expect.objectContaining({ row: 2, column: 'T' })]);
    const ok = (await finish(county, await start(county, csvOf(rows.slice(1)), '?mode=check'))).at(-1)!;
    expect(ok.result).toMatchObject({ mode: 'check', created: 1 });
    expect(await households(XINCHENG_VILLAGE)).not.toEqual(expect.arrayContaining([expect.objectContaining({ number: 'C002' })]));
  });

  it('refuses rows of a village that are not consecutive, naming the row', async () => {
    const rows: RosterCells[] = [
      { ...householdCols('N001'), ...personCols('甲', id('19800101', '811'), '户主') },
      { ...householdCols('N101', { 村级区划代码: CHENGBEI_VILLAGE }), ...personCols('乙', id('19800101', '812'), '户主') },
      { ...householdCols('N002'), ...personCols('丙', id('19800101', '813'), '户主') },
    ];
    const last = (await finish(county, await start(county, csvOf(rows), '?mode=check'))).at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.error!.message).toMatch(/^第 4 行：“513431100200”的行不连续（该村已在第 2–2 行出现）/);
    expect(last.error!.fields).toEqual([expect.objectContaining({ row: 4, column: 'B' })]);
    const members: RosterCells[] = [
      { ...householdCols('N003'), ...personCols('丁', id('19800101', '814'), '户主') },
      { ...householdCols('N004'), ...personCols('戊', id('19800101', '815'), '户主') },
      { 村级区划代码: XINCHENG_VILLAGE, 户编号: 'N003', ...personCols('己', id('19800101', '816'), '配偶') },
    ];
    const split = (await finish(county, await start(county, csvOf(members), '?mode=check'))).at(-1)!;
    expect(split.error!.message).toMatch(/^第 4 行：户编号 N003 的成员不连续/);
  });

  it('refuses another scope’s village and still reports a person already in another household', async () => {
    const [{ code: OTHER_COUNTY_VILLAGE }] = (await t.database.query<{ code: string }>(`select code from regions where level = 5 and code not like '513431%' order by code limit 1`)) as [{ code: string }];
    const rows: RosterCells[] = [
      { ...householdCols('F001'), ...personCols('吉克阿呷', id('19800101', '711'), '户主') }, // already in S001
      { ...householdCols('F101', { 村级区划代码: OTHER_COUNTY_VILLAGE }), ...personCols('外县', id('19800101', '821'), '户主') },
    ];
    const last = (await finish(county, await start(county, csvOf(rows)))).at(-1)!;
    expect(last.status).toBe('failed');
    const messages = last.error!.fields!.map((f) => `${f.row}${f.column}:${f.message}`);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^2L:.*已在其他户（村代码 513431100200，户编号 S001）/), expect.stringMatching(/^3B:.*不在您的管辖范围内/)]));
    expect(last.error).toMatchObject({ villages: { done: 0, failed: 2 } });
  });

  it('commits village by village: a failed batch rolls back only itself, and a retry under the import id skips the written villages', async () => {
    const auth = t.rootAuth;
    const rows = (bad: boolean): RosterRow[] => [
      { row: 2, villageCode: XINCHENG_VILLAGE, number: 'R001', attribute: '一般贫困户', identifiedYear: 2015, mainCause: '缺技术', housingSafe: true, drinkingWaterSafe: true, foodClothingSecure: true, person: { name: '甲', idNumber: id('19900101', '901'), relation: '户主', labour: '普通劳动力' } },
      { row: 3, villageCode: CHENGBEI_VILLAGE, number: 'R101', attribute: '一般贫困户', identifiedYear: 2015, mainCause: '缺技术', housingSafe: true, drinkingWaterSafe: true, foodClothingSecure: true, person: { name: '乙', idNumber: bad ? '123' : id('19900101', '902'), relation: '户主', labour: '普通劳动力' } },
    ];
    async function* source(list: RosterRow[]) {
      for (const r of list) yield r;
    }
    const importId = '00000000-0000-4000-8000-000000000013';
    const opts = { importId, mode: 'write' as const, fileName: 'r.csv', fileSha256: 'a'.repeat(64), batchPersons: 1 };
    const progress: unknown[] = [];
    const failed = await t.services.roster.importRosterStream(auth, source(rows(true)), { ...opts, onProgress: (p) => progress.push(p) }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'VALIDATION', details: { villages: { done: 1, failed: 1, skipped: 0 }, doneVillages: [{ village: XINCHENG_VILLAGE, firstRow: 2 }], failedVillages: [{ village: CHENGBEI_VILLAGE, firstRow: 3, lastRow: 3 }], fields: [expect.objectContaining({ row: 3, column: 'L' })] } });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(await households(XINCHENG_VILLAGE)).toEqual(expect.arrayContaining([{ number: 'R001', n: 1 }]));
    expect((await households(CHENGBEI_VILLAGE)).find((h) => h.number === 'R101')).toBeUndefined();
    // The retry under the same id: the written village skipped, the fixed one written, nothing twice.
    const retried = await t.services.roster.importRosterStream(auth, source(rows(false)), opts);
    expect(retried).toMatchObject({ villages: { done: 1, failed: 0, skipped: 1 }, created: 1, skippedPersons: 1 });
    const [{ n }] = (await t.database.query<{ n: number }>(`select count(*)::int as n from households where number in ('R001', 'R101')`)) as [{ n: number }];
    expect(n).toBe(2);
    // A third run under the same id (the file corrected again): both villages written, both skipped, nothing twice.
    expect(await t.services.roster.importRosterStream(auth, source(rows(false)), { ...opts, fileSha256: 'b'.repeat(64) })).toMatchObject({ villages: { done: 0, skipped: 2 }, created: 0 });
    // Another user cannot go on with this import.
    await expect(t.services.roster.importRosterStream({ ...auth, userId: auth.userId + 1000 }, source(rows(false)), opts)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectRollupConsistent(t, ['2015-12-31', '2020-06-30']);
  });

  it('ends the batch in flight before an order error answers, and counts it', async () => {
    const person = (row: number, village: string, number: string, suffix: string): RosterRow => ({
      row, villageCode: village, number, attribute: '一般贫困户', identifiedYear: 2015, mainCause: '缺技术', housingSafe: true, drinkingWaterSafe: true, foodClothingSecure: true,
      person: { name: '丙', idNumber: id('19910101', suffix), relation: '户主', labour: '普通劳动力' },
    }); // prettier-ignore
    async function* source() {
      yield person(2, XINCHENG_VILLAGE, 'P001', '911');
      yield person(3, CHENGBEI_VILLAGE, 'P101', '912');
      yield person(4, XINCHENG_VILLAGE, 'P002', '913'); // 新城 again: not consecutive
    }
    const opts = { importId: '00000000-0000-4000-8000-000000000014', mode: 'write' as const, fileName: 'o.csv', fileSha256: 'c'.repeat(64), batchPersons: 1 };
    const err = await t.services.roster.importRosterStream(t.rootAuth, source(), opts).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^第 4 行：.*的行不连续/);
    // 城北's batch was started when row 4 came (a batch is flushed at a village boundary) and still in flight: the
    // answer waits for it, and counts it.
    expect(err).toMatchObject({ code: 'VALIDATION', details: { villages: { done: 2, failed: 0 }, doneVillages: [{ village: XINCHENG_VILLAGE, firstRow: 2 }, { village: CHENGBEI_VILLAGE, firstRow: 3 }] } });
    expect(await households(XINCHENG_VILLAGE)).toEqual(expect.arrayContaining([{ number: 'P001', n: 1 }]));
    expect(await households(CHENGBEI_VILLAGE)).toEqual(expect.arrayContaining([{ number: 'P101', n: 1 }]));
    await expectRollupConsistent(t, ['2015-12-31', '2020-06-30']);
  });

  it('reads a CSV with quoted line breaks across pieces, and refuses a file not in UTF-8', async () => {
    const text = csvOf([{ ...householdCols('Q001'), ...personCols('甲', id('19800101', '831'), '户主', { 务工地点: '县城\n"东区"' }) }]);
    async function* pieces() {
      for (let i = 0; i < text.length; i += 7) yield text.subarray(i, i + 7);
    }
    const out: RosterRow[] = [];
    for await (const r of streamRoster(pieces(), 'csv')) out.push(r);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ row: 2, number: 'Q001', person: { workPlace: '县城\n"东区"' } });
    const gbk = Buffer.from([...Buffer.from(ROSTER_COLUMNS.map((c) => c.header).join(',')).subarray(0, 3), 0xc4, 0xe3]);
    const last = (await finish(county, await start(county, gbk))).at(-1)!;
    expect(last.error!.message).toContain('UTF-8');
  });
});
