import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/contract/workbench';
import { NATIONAL_LINE_YUAN } from '../../src/domain/registry/national-poverty-line';
import { STATUSES } from '../../src/domain/registry/status-transition';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import type { Database } from '../../src/server/db/connection';
import { DEMO_USERNAMES } from '../../src/server/demo/index';
import { buildServices } from '../../src/server/services';
import { TEST_NOW } from '../support/app';
import { ADMIN_PASSWORD, createTestDatabase } from '../support/db';

type Get = (url: string) => Promise<LightMyRequestResponse>;

/**
 * Issue 11: “Demo data for the whole system on first start (one demo county with townships, villages, households in
 * every status, procedures at different steps, helpers with visits, a comparison run, a quality run, an assessment
 * round), with one demo account per shipped role, so a newcomer sees every module working”, and must-show “A fresh
 * start with defaults: every Sichuan demo household gets an income verdict against the shipped national line.”
 */
describe('the demo data set of a fresh start', () => {
  let database: Database;
  let app: FastifyInstance;
  let demoPassword: string;
  let loadMs: number;
  const logs: string[] = [];

  async function login(username: string, password = demoPassword): Promise<Get> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
    return async (url) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(r.statusCode, `${username} GET ${url}: ${r.body}`).toBe(200);
      return r;
    };
  }

  beforeAll(async () => {
    // The template holds what a start without demo data writes (divisions of 51 and 43, lines, definitions, root,
    // administrator): a start with the defaults then loads the demo into it, as it would into a new directory.
    database = await createTestDatabase('pglite');
    const started = Date.now();
    const result = await bootstrap(database, buildServices(database, () => TEST_NOW), { adminPassword: ADMIN_PASSWORD, demo: true, log: (m) => logs.push(m) });
    loadMs = Date.now() - started;
    demoPassword = result.demoPassword!;
    ({ app } = await buildApp({ database, now: () => TEST_NOW, webDir: null }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('is loaded once, its one password logged once and answered by bootstrap', async () => {
    expect(demoPassword).toMatch(/^demo-[A-Za-z0-9_-]{8}$/);
    expect(logs.filter((m) => m.includes('演示账号密码'))).toEqual([expect.stringContaining(demoPassword)]);
    console.log(`demo data loaded in ${loadMs} ms`);
    const again = await bootstrap(database, buildServices(database, () => TEST_NOW), { demo: true, log: () => {} });
    expect(again.demoPassword).toBeUndefined();
    const admin = await login('admin', ADMIN_PASSWORD);
    expect((await admin('/api/users')).json().items.filter((u: { username: string }) => u.username.startsWith('demo_'))).toHaveLength(9);
  });

  it('gives every demo household of Sichuan an income verdict against the shipped national line, in every status', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const list = (await admin('/api/registry/households?region=510000000000&page=1&pageSize=100')).json();
    expect(list.total).toBeGreaterThanOrEqual(30);
    const statuses = new Set<string>();
    let above = 0;
    for (const hit of list.items as Array<{ id: number }>) {
      const h = (await admin(`/api/registry/households/${hit.id}`)).json();
      statuses.add(h.status);
      expect(h.verdicts, `${h.villageCode} ${h.number}`).not.toBeNull();
      expect(h.verdicts.line).toMatchObject({ year: 2019, scope: '国家标准', yuan: NATIONAL_LINE_YUAN[2019] });
      const income = h.verdicts.exit.criteria.find((c: { key: string }) => c.key === 'income');
      expect(typeof income.passed).toBe('boolean');
      if (income.passed) above++;
    }
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    // Some above the line, some below.
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(list.total);
  });

  it('lists the demo offices, each of a kind the seeds name', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const res = await admin('/api/orgs');
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain('昭觉县扶贫开发领导小组办公室');
  });

  it('has procedures waiting at village, township and county steps, a comparison with undecided hits, a quality run, an open round', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const running = (await admin('/api/procedures?state=running&page=1&pageSize=100')).json();
    const levels = new Set<string>();
    for (const p of running.items as Array<{ id: number }>) {
      const full = (await admin(`/api/procedures/${p.id}`)).json();
      levels.add(full.definition.steps[full.currentStep].level);
    }
    expect([...levels].sort()).toEqual(['乡', '县', '村'].sort());
    const [run] = (await admin('/api/compare/runs?page=1&pageSize=1')).json().items;
    expect((await admin(`/api/compare/runs/${run.id}/hits?decision=undecided&page=1&pageSize=1`)).json().total).toBeGreaterThan(0);
    const quality = (await admin('/api/quality/latest')).json();
    expect(quality).not.toBeNull();
    const rounds = (await admin('/api/assessment/rounds')).json();
    expect(rounds.filter((r: { state: string }) => r.state === 'open')).toHaveLength(1);
    const round = (await admin(`/api/assessment/rounds/${rounds[0].id}`)).json();
    expect(round.assessors).toHaveLength(1);
    expect(round.missingCount).toBeGreaterThan(0);
  });

  // Each demo account signs in (no forced password change) and its workbench lists its role's to-dos.
  const todos: Record<keyof typeof DEMO_USERNAMES, string[]> = {
    // Steps wait at each of the three levels (村, 乡, 县); a village's assemblies are steps of its level.
    village_clerk: ['procedureSteps', 'assemblies', 'compareHits', 'missingVisits', 'qualityFindings'],
    township_reviewer: ['procedureSteps', 'withoutHelper', 'missingVisits', 'qualityFindings'],
    county_clerk: ['procedureSteps', 'compareHits', 'withoutHelper', 'missingVisits', 'qualityFindings'],
    helper: ['missingVisits'],
    department_clerk: [],
    assessor: ['scores'],
    member: [],
    leader: ['qualityFindings'],
    // At the 州: no step waits at that level; everything else below it.
    org_admin: ['compareHits', 'withoutHelper', 'missingVisits', 'qualityFindings', 'scores'],
  };
  it.each(Object.entries(DEMO_USERNAMES))('%s signs in as %s and sees its to-dos', async (role, username) => {
    const get = await login(username);
    const me = (await get('/api/auth/me')).json();
    expect(me.user ?? me).toMatchObject({ role });
    const w: Workbench = (await get('/api/workbench')).json();
    for (const key of todos[role as keyof typeof todos]) expect(w.todos.find((t) => t.key === key)?.count, `${username} ${key}`).toBeGreaterThan(0);
  });
});
