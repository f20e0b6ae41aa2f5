import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueViolationError } from '../../src/server/http/errors';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds, postgresUrl } from '../support/db';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const VILLAGE = XINCHENG_VILLAGE;
const PASS = { type: 'pass', step: 0, record: {} };
const WITHDRAW = { type: 'withdraw', reason: '申请人撤回申请' };

type Procedure = { id: number; version: number; state: string; householdId: number | null; certificateNo: string | null; definition: { id: number } };
const errorOf = (res: LightMyRequestResponse) => res.json().error as { code: string; message: string; fields?: Array<{ field: string; label: string; message: string }> };

/**
 * Issue 9, races on PostgreSQL: a procedure's last step and its registry change commit together or not at all, and of
 * two transitions sent at once exactly one goes ahead; certificate numbers come from a counter; a unique key hit by two
 * requests at once is a 409 naming the field; a failed definition save leaves the previous one active.
 *
 * The cases sent with `Promise.all` run on both databases: on PostgreSQL the requests run in parallel on separate
 * connections, on PGlite (one connection) they interleave at every await, and the same invariants must hold. The cases
 * that hold a lock from another session until both requests wait are PostgreSQL's only (PGlite has one session).
 */
describe.each(dbKinds())('races on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let countyOrgId: number;
  let seq = 100;
  const nextId = () => idNumber('19900101', String(++seq));
  const act = (p: Pick<Procedure, 'id' | 'version'>, body: Record<string, unknown>) => county.post(`/api/procedures/${p.id}/actions`, { version: p.version, ...body });
  const count = async (query: string, params: unknown[]) => ((await t.database.query<{ n: number }>(query, params))[0]?.n ?? 0) as number;

  async function newHousehold(number: string, income = 9000): Promise<number> {
    const res = await county.post('/api/registry/households', householdBody(VILLAGE, number, [member(`户主${number}`, nextId(), '户主')], { identifiedYear: 2016 }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect((await county.request({ method: 'PUT', url: `/api/registry/households/${id}/incomes/2020`, payload: { wages: income } })).statusCode).toBe(200);
    return id;
  }
  async function startIdentification(number: string): Promise<Procedure> {
    const applicant = householdBody(VILLAGE, number, [member(`申请人${number}`, nextId(), '户主')], { identifiedYear: 2016 });
    const res = await county.post('/api/procedures', { kind: 'identification', applicant });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function start(kindOf: string, householdId: number): Promise<Procedure> {
    const res = await county.post('/api/procedures', { kind: kindOf, householdId, year: 2020 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** The one outcome: completed with its household entered, or withdrawn with nobody entered; one event after the start. */
  async function expectOneOutcome(p: Procedure, number: string) {
    const after = (await county.get(`/api/procedures/${p.id}`)).json();
    const entered = await count('select count(*)::int as n from households where village_code = $1 and number = $2', [VILLAGE, number]);
    expect(['completed', 'withdrawn']).toContain(after.state);
    expect(entered).toBe(after.state === 'completed' ? 1 : 0);
    expect(after.householdId === null).toBe(after.state === 'withdrawn');
    expect(after.events.map((e: { outcome: string }) => e.outcome)).toEqual(['start', after.state === 'completed' ? 'pass' : 'withdraw']);
    return after.state as string;
  }

  /** Another session on the test's database, to hold locks while requests queue behind them (PostgreSQL only). */
  async function blockerSession(): Promise<pg.Client> {
    const [{ db }] = (await t.database.query<{ db: string }>('select current_database() as db')) as [{ db: string }];
    const url = new URL(postgresUrl()!);
    url.pathname = `/${db}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    return c;
  }
  async function waitForLockWaiters(n: number) {
    let waiting = 0;
    for (let i = 0; i < 400 && waiting < n; i++) {
      await new Promise((r) => setTimeout(r, 25));
      waiting = await count("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", []);
    }
    expect(waiting).toBe(n);
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(countyOrg, 'county');
    countyOrgId = countyOrg.id;
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    // Sichuan's procedures of one county-level step each, so that a single pass is the last step.
    for (const [k, key, name] of [
      ['identification', 'announcement', '县级审定公告'],
      ['exit', 'certificate', '颁发脱贫光荣证'],
    ] as const) {
      const res = await t.admin.request({ method: 'PUT', url: `/api/procedures/definitions/${k}`, payload: { regionPrefix: '51', steps: [{ key, name, level: '县', requires: [] }] } });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('refuses a withdrawal after the final pass, and the final pass after a withdrawal, with the same version', async () => {
    const first = await startIdentification('1001');
    expect((await act(first, PASS)).statusCode).toBe(200);
    const late = await act(first, WITHDRAW);
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({ code: 'STALE_VERSION', message: '该程序已被他人办结，请刷新后查看' });
    expect(await expectOneOutcome(first, '1001')).toBe('completed');

    const second = await startIdentification('1002');
    expect((await act(second, WITHDRAW)).statusCode).toBe(200);
    const pass = await act(second, PASS);
    expect(pass.statusCode).toBe(409);
    expect(errorOf(pass)).toMatchObject({ code: 'STALE_VERSION', message: '该程序已被他人撤销，请刷新后查看' });
    expect(await expectOneOutcome(second, '1002')).toBe('withdrawn');
  });

  it('lets exactly one of a final pass and a withdrawal sent together go ahead, ten times over', async () => {
    for (let i = 0; i < 10; i++) {
      const number = `11${String(i).padStart(2, '0')}`;
      const p = await startIdentification(number);
      const both = await Promise.all(i % 2 ? [act(p, WITHDRAW), act(p, PASS)] : [act(p, PASS), act(p, WITHDRAW)]);
      expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([200, 409]);
      expect(errorOf(both.find((r) => r.statusCode === 409)!).code).toBe('STALE_VERSION');
      const state = await expectOneOutcome(p, number);
      expect(both.find((r) => r.statusCode === 200)!.json().state).toBe(state);
    }
  });

  // Deterministic on PostgreSQL: another session holds the procedure's row until both requests wait for it. The first
  // to get the lock goes ahead; the other reads the row again under the lock, sees the new version and is refused.
  it.runIf(kind === 'postgres')('queues a final pass and a withdrawal on the procedure row: one goes ahead, one is refused', async () => {
    const p = await startIdentification('1201');
    const blocker = await blockerSession();
    try {
      await blocker.query('begin');
      await blocker.query('select id from procedures where id = $1 for update', [p.id]);
      const pending = Promise.all([act(p, PASS), act(p, WITHDRAW)]);
      await waitForLockWaiters(2);
      await blocker.query('commit');
      expect((await pending).map((r) => r.statusCode).sort()).toEqual([200, 409]);
    } finally {
      await blocker.end();
    }
    await expectOneOutcome(p, '1201');
  });

  it('gives eight exits finishing at once eight different certificate numbers', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 8; i++) ids.push(await newHousehold(`20${String(i).padStart(2, '0')}`));
    const ps = [];
    for (const id of ids) ps.push(await start('exit', id));
    const done = await Promise.all(ps.map((p) => act(p, PASS)));
    expect(done.map((r) => r.statusCode), done.map((r) => r.body).join('\n')).toEqual(Array(8).fill(200));
    const numbers = done.map((r) => r.json().certificateNo as string);
    expect(new Set(numbers).size).toBe(8);
    expect([...numbers].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `513431-2020-0000${n}`));
    for (const id of ids) expect((await county.get(`/api/registry/households/${id}`)).json()).toMatchObject({ status: '已脱贫', statusYear: 2020 });
    // The counter goes on from there; and the database itself refuses a number issued twice.
    const ninth = await start('exit', await newHousehold('2009'));
    expect((await act(ninth, PASS)).json().certificateNo).toBe('513431-2020-00009');
    const duplicate = await t.database.query('update procedures set certificate_no = $1 where id = $2', [numbers[0], ninth.id]).then(
      () => null,
      (e: unknown) => e,
    );
    expect((duplicate as { code?: string } | null)?.code).toBe('23505');
    expect(uniqueViolationError(duplicate)?.details.fields?.[0]).toMatchObject({ field: 'certificateNo', label: '脱贫光荣证编号' });
  });

  it('starts one procedure of a household when two starts are sent together', async () => {
    const id = await newHousehold('2101');
    const both = await Promise.all([0, 1].map(() => county.post('/api/procedures', { kind: 'exit', householdId: id, year: 2020 })));
    expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([201, 409]);
    expect(errorOf(both.find((r) => r.statusCode === 409)!).message).toMatch(/^该户已有正在办理的“贫困户脱贫”程序（编号 \d+），请先办结或撤销$/);
    expect(await count("select count(*)::int as n from procedures where household_id = $1 and state = 'running'", [id])).toBe(1);
  });

  it('answers two new households with the same ID number, or the same household number, sent together: one 201, one refusal, never 500', async () => {
    const sameId = nextId();
    const a = householdBody(VILLAGE, '3001', [member('甲户主', sameId, '户主')]);
    const b = householdBody(VILLAGE, '3002', [member('乙户主', sameId, '户主')]);
    const byId = await Promise.all([county.post('/api/registry/households', a), county.post('/api/registry/households', b)]);
    expect(byId.map((r) => r.statusCode).sort()[0]).toBe(201);
    const refusedById = byId.find((r) => r.statusCode !== 201)!;
    expect([400, 409]).toContain(refusedById.statusCode);
    expect(errorOf(refusedById).fields?.[0]).toMatchObject({ field: 'persons', label: '身份证号' });
    expect(await count('select count(*)::int as n from persons where id_number = $1', [sameId])).toBe(1);

    const c = householdBody(VILLAGE, '3003', [member('丙户主', nextId(), '户主')]);
    const d = householdBody(VILLAGE, '3003', [member('丁户主', nextId(), '户主')]);
    const byNumber = await Promise.all([county.post('/api/registry/households', c), county.post('/api/registry/households', d)]);
    expect(byNumber.map((r) => r.statusCode).sort()[0]).toBe(201);
    const refusedByNumber = byNumber.find((r) => r.statusCode !== 201)!;
    expect([400, 409]).toContain(refusedByNumber.statusCode);
    expect(errorOf(refusedByNumber).fields?.[0]).toMatchObject({ field: 'number', label: '户编号' });
    expect(await count('select count(*)::int as n from households where village_code = $1 and number = $2', [VILLAGE, '3003'])).toBe(1);
  });

  // Deterministic on PostgreSQL: inserts into the table are held back until both requests have passed the service's
  // own check and wait; the second insert then meets the unique key, which is answered 409 naming the field.
  it.runIf(kind === 'postgres')('answers the unique key met by the second of two waiting inserts with 409 naming the field', async () => {
    const household = (number: string, name: string, id: string) => () => county.post('/api/registry/households', householdBody(VILLAGE, number, [member(name, id, '户主')]));
    const account = (displayName: string) => () => t.admin.post('/api/users', { username: 'race.clerk', displayName, password: 'Tz-race-9dK2-x', role: 'org_admin', orgId: countyOrgId });
    const sameId = nextId();
    const cases = [
      { table: 'persons', field: 'persons', message: '身份证号：该身份证号已在其他户登记，一人只能属于一户', secret: new RegExp(`${sameId}|戊户主|己户主|310[12]`), send: [household('3101', '戊户主', sameId), household('3102', '己户主', sameId)] },
      { table: 'households', field: 'number', message: '户编号：本村已有该户编号', secret: /庚户主|辛户主|3103/, send: [household('3103', '庚户主', nextId()), household('3103', '辛户主', nextId())] },
      { table: 'users', field: 'username', message: '用户名：该用户名已被使用', secret: /甲文书|乙文书/, send: [account('甲文书'), account('乙文书')] },
    ];
    for (const k of cases) {
      const blocker = await blockerSession();
      try {
        await blocker.query('begin');
        await blocker.query(`lock table ${k.table} in exclusive mode`);
        const pending = Promise.all(k.send.map((send) => send()));
        await waitForLockWaiters(2);
        await blocker.query('commit');
        const res = await pending;
        expect(res.map((r) => r.statusCode).sort(), res.map((r) => r.body).join('\n')).toEqual([201, 409]);
        const refused = errorOf(res.find((r) => r.statusCode === 409)!);
        expect(refused).toMatchObject({ code: 'DUPLICATE', message: k.message, fields: [{ field: k.field }] });
        // Nothing of the other record is told: not its ID number, its holder, its number or its name.
        expect(JSON.stringify(refused)).not.toMatch(k.secret);
      } finally {
        await blocker.end();
      }
    }
  });

  it('maps the unique keys the engine reports to the field, without repeating the values', async () => {
    const [holder] = await t.database.query<{ id: number; id_number: string }>('select id, id_number from persons order by id limit 2');
    const [, other] = await t.database.query<{ id: number }>('select id from persons order by id limit 2');
    // Through the query builder (its error wraps the engine's) and through a plain query: both carry 23505 and the key.
    const viaBuilder = await t.database.db.execute(sql`update persons set id_number = ${holder!.id_number} where id = ${other!.id}`).then(
      () => null,
      (e: unknown) => e,
    );
    const mapped = uniqueViolationError(viaBuilder);
    expect(mapped).toMatchObject({ code: 'DUPLICATE', message: '身份证号：该身份证号已在其他户登记，一人只能属于一户' });
    expect(mapped!.message).not.toContain(holder!.id_number);
    const viaQuery = await t.database.query("update users set username = 'admin' where username = 'county'").then(
      () => null,
      (e: unknown) => e,
    );
    expect(uniqueViolationError(viaQuery)?.details.fields).toEqual([{ field: 'username', label: '用户名', message: '该用户名已被使用' }]);
    expect(uniqueViolationError(new Error('other'))).toBeUndefined();
  });

  it('keeps the previous definition active when saving a new one fails, and procedures still start', async () => {
    const active = async () => ((await county.get('/api/procedures/definitions')).json() as Array<{ id: number; kind: string; regionPrefix: string; version: number }>).filter((d) => d.kind === 'removal');
    const before = await active();
    expect(before).toHaveLength(1);
    const steps = [{ key: 'village_review', name: '村级评议', level: '村', requires: [] }];
    const put = (payload: Record<string, unknown>) => t.admin.request({ method: 'PUT', url: '/api/procedures/definitions/removal', payload });

    // Checked before anything is written (at the schema, or by the service for what the schema cannot see): a name
    // longer than its column, a NUL character.
    const long = await put({ name: '清'.repeat(60), steps });
    expect(long.statusCode).toBe(400);
    expect(errorOf(long).fields?.[0]).toMatchObject({ field: 'name', message: '不能超过 50 个字' });
    const nul = await put({ steps: [{ ...steps[0], name: '村级\u0000评议' }] });
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul).fields?.[0]).toMatchObject({ field: 'steps.0.name' });
    expect(await active()).toEqual(before);

    // A failure inside the database after the old version was retired: the whole save is rolled back.
    await t.database.query("create function tz_refuse_definition() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$");
    await t.database.query('create trigger tz_refuse_definition before insert on procedure_definitions for each row execute function tz_refuse_definition()');
    try {
      expect((await put({ steps })).statusCode).not.toBe(200);
    } finally {
      await t.database.query('drop trigger tz_refuse_definition on procedure_definitions');
      await t.database.query('drop function tz_refuse_definition()');
    }
    expect(await active()).toEqual(before);
    const removal = await start('removal', await newHousehold('4001'));
    expect(removal.definition.id).toBe(before[0]!.id);

    // Two saves at once: at most one new version becomes active; the other waits or is told to reload (409), never 500.
    const both = await Promise.all([put({ steps }), put({ steps: [{ ...steps[0], name: '村级民主评议' }] })]);
    expect(both.map((r) => r.statusCode).every((s) => s === 200 || s === 409), both.map((r) => r.body).join('\n')).toBe(true);
    expect(both.some((r) => r.statusCode === 200)).toBe(true);
    const after = await active();
    expect(after).toHaveLength(1);
    expect(after[0]!.version).toBe(1 + both.filter((r) => r.statusCode === 200).length);
    expect(await count("select count(*)::int as n from procedure_definitions where kind = 'removal' and region_prefix = '' and active", [])).toBe(1);
  });
});
