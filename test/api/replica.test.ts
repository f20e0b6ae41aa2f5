import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database } from '../../src/server/db/connection';
import { ADMIN_PASSWORD, postgresUrl, TEMPLATE_DB } from '../support/db';
import { TEST_NOW } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { queryAt, serversUnavailable, startReplica, waitForReplay, type Server } from '../support/replica';
import { readSheet } from '../support/xlsx';

// Issue 13, read replicas: an app opened with DATABASE_READ_URL = a real streaming replica of the test primary
// (pg_basebackup -R, started here), writing through the API and reading statistics, the household list and the
// roster export back through the replica. Replay is paused on the replica to show which server answers: a reader sees
// nothing new while it is paused, the writer sees their own write at once (read-your-own-writes).

const skip = serversUnavailable('pg_basebackup');
const COUNTY = '513431000000';

async function login(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const set = res.headers['set-cookie'];
  const cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers: { cookie } }),
  };
}
type Client = Awaited<ReturnType<typeof login>>;

describe.skipIf(skip)(`read replica (DATABASE_READ_URL) on PostgreSQL${skip ? ` — skipped: ${skip}` : ''}`, () => {
  const name = `tz_test_replica_${process.pid}`;
  let replica: Server;
  let primaryUrl: string;
  let database: Database;
  let primaryOnly: Database;
  let app: FastifyInstance;
  let writer: Client;
  let reader: Client;
  let seq = 100;
  const household = (number: string) => {
    seq += 2;
    return householdBody(XINCHENG_VILLAGE, number, [member('阿说木呷', idNumber('19800101', String(seq + 1).padStart(3, '0')), '户主'), member('吉克阿依', idNumber('19820202', String(seq).padStart(3, '0')), '配偶')]);
  };
  const replayed = () => waitForReplay(postgresUrl()!, replica.url('postgres'));
  const pauseReplay = (paused: boolean) => queryAt(replica.url('postgres'), paused ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()');
  /** What the primary itself answers: the same services on a Database without a read URL. */
  let primaryApp: FastifyInstance;
  let primaryAdmin: Client;
  const onPrimary = (url: string) => primaryAdmin.get(url);

  beforeAll(async () => {
    replica = await startReplica();
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(postgresUrl()!);
    u.pathname = `/${name}`;
    primaryUrl = u.toString();
    await replayed();
    database = await openDatabase({ url: primaryUrl, readUrl: replica.url(name), readProbeMs: 200 });
    primaryOnly = await openDatabase({ url: primaryUrl });
    const built = await buildApp({ database, now: () => TEST_NOW, webDir: null });
    app = built.app;
    await app.ready();
    const root = (await built.services.orgs.root())!;
    await built.services.auth.insertUserUnchecked({ username: 'reader', displayName: '只读', password: 'password-123', role: 'sysadmin', orgId: root.id, memberId: null });
    writer = await login(app, 'admin', ADMIN_PASSWORD);
    reader = await login(app, 'reader', 'password-123');
    primaryApp = (await buildApp({ database: primaryOnly, now: () => TEST_NOW, webDir: null })).app;
    primaryAdmin = await login(primaryApp, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await primaryApp?.close();
    await database?.close();
    await primaryOnly?.close();
    if (primaryUrl) await queryAt(postgresUrl()!, `drop database if exists ${name} with (force)`);
    await replica?.stop();
  });

  it('is a hot standby of the primary, and the app reads through it', async () => {
    expect(await queryAt(replica.url(name), 'select pg_is_in_recovery() as standby')).toEqual([{ standby: true }]);
    expect(database.readRouting).toBeDefined();
    // Outside any request, `read` is the replica: a write through it is refused by the standby.
    expect(database.readRouting!.target()).toBe('replica');
    const refused = await database.read!.execute('create table not_here (id int)').catch((e: unknown) => e);
    expect(String((refused as Error).cause)).toMatch(/read-only transaction/);
  });

  it('reads statistics, the household list and the roster export through the replica, equal to the primary’s', async () => {
    for (const n of ['0701', '0702', '0703']) expect((await writer.post('/api/registry/households', household(n))).statusCode).toBe(201);
    await replayed();
    const urls = [`/api/registry/statistics?region=${COUNTY}`, `/api/registry/statistics?region=${COUNTY}&asOf=2019-12-31`, `/api/registry/households?region=${COUNTY}&page=1&pageSize=50`];
    for (const url of urls) {
      const viaReplica = await reader.get(url);
      expect(viaReplica.statusCode, viaReplica.body).toBe(200);
      expect(viaReplica.json(), url).toEqual((await onPrimary(url)).json());
    }
    const list = (await reader.get(`/api/registry/households?region=${COUNTY}&page=1&pageSize=50`)).json();
    expect(list.items.map((h: { number: string }) => h.number).sort()).toEqual(['0701', '0702', '0703']);
    const exported = await reader.get(`/api/registry/roster/export.xlsx?region=${COUNTY}`);
    expect(exported.statusCode).toBe(200);
    const rows = await readSheet(exported.rawPayload, '花名册');
    expect(rows.length - 1).toBe(6);
    const onPrimaryRows = await readSheet((await onPrimary(`/api/registry/roster/export.xlsx?region=${COUNTY}`)).rawPayload, '花名册');
    expect(rows).toEqual(onPrimaryRows);
  });

  it('answers a reader from the replica, and the writer from the primary right after their write', async () => {
    const list = async (c: Client) => ((await c.get(`/api/registry/households?region=${COUNTY}&page=1&pageSize=50`)).json().items as Array<{ number: string }>).map((h) => h.number);
    const poor = async (c: Client) => (await c.get(`/api/registry/statistics?region=${COUNTY}`)).json().poorPersons as number;
    const before = await poor(reader);
    await pauseReplay(true);
    try {
      expect((await writer.post('/api/registry/households', household('0704'))).statusCode).toBe(201);
      // The writer's next pages read the primary: the household they just saved is listed and counted.
      expect(await list(writer)).toContain('0704');
      expect(await poor(writer)).toBe(before + 2);
      // Another user reads the replica, which has not replayed the write (replay paused): not there yet.
      expect(await list(reader)).not.toContain('0704');
      expect(await poor(reader)).toBe(before);
    } finally {
      await pauseReplay(false);
    }
    await replayed();
    expect(await list(reader)).toContain('0704');
    expect(await poor(reader)).toBe(before + 2);
  });

  it('reads the primary while the replica does not answer', async () => {
    const before = (await reader.get(`/api/registry/households?region=${COUNTY}&page=1&pageSize=50`)).json();
    await replica.stop();
    const until = Date.now() + 10_000;
    while (database.readRouting!.replicaUp() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(database.readRouting!.replicaUp()).toBe(false);
    const res = await reader.get(`/api/registry/households?region=${COUNTY}&page=1&pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(before);
  });
});
