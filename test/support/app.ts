import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { systemAuth, type Auth, type Role } from '../../src/server/auth/access';
import type { Database } from '../../src/server/db/connection';
import type { OrgRow } from '../../src/server/orgs/repo';
import type { Services } from '../../src/server/services';
import { ADMIN_PASSWORD, createTestDatabase, type DbKind } from './db';

/** Tests run with a fixed clock: mid-2020, inside the years of seed 000's campaign. */
export const TEST_NOW = new Date('2020-06-30T10:00:00+08:00');

export interface Client {
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  kind: DbKind;
  app: FastifyInstance;
  services: Services;
  database: Database;
  root: OrgRow;
  rootAuth: Auth;
  admin: Client;
  login(username: string, password: string): Promise<Client>;
  /** Scenario builders: bodies, members and users made through the services, as an administrator would. */
  org(name: string, opts?: { parent?: OrgRow; kind?: string; level?: string; regionCode?: string }): Promise<OrgRow>;
  member(org: OrgRow, name: string, overrides?: Record<string, unknown>): Promise<{ id: number; version: number; name: string }>;
  user(org: OrgRow, username: string, role?: Role, memberId?: number): Promise<Client>;
  close(): Promise<void>;
}

export async function createTestApp(kind: DbKind, now: Date = TEST_NOW): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const { app, services } = await buildApp({ database, now: () => now, webDir: null });
  await app.ready();
  const root = (await services.orgs.root())!;
  const rootAuth = systemAuth(root);

  async function login(username: string, password: string): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
    const request = (o: InjectOptions) => app.inject({ ...o, headers: { ...(o.headers ?? {}), cookie } });
    return {
      cookie,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
      del: (url) => request({ method: 'DELETE', url }),
    };
  }

  const admin = await login('admin', ADMIN_PASSWORD);
  return {
    kind,
    app,
    services,
    database,
    root,
    rootAuth,
    admin,
    login,
    org: (name, opts = {}) =>
      services.orgs.create(rootAuth, {
        parentId: (opts.parent ?? root).id,
        name,
        kind: opts.kind ?? '政协',
        level: opts.level ?? '县',
        regionCode: opts.regionCode ?? (opts.parent ?? root).regionCode,
      }),
    member: (org, name, overrides = {}) => services.members.create(rootAuth, org.id, { name, ...overrides }),
    async user(org, username, role = 'org_admin', memberId) {
      await services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id, memberId: memberId ?? null });
      return login(username, 'password-123');
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A valid entry body with overrides (factory). */
export function entryBody(orgId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgId,
    memberIds: [],
    subtypeCode: '0201',
    target: { kind: 'text', text: '三河村核桃基地' },
    content: '提供核桃种苗并开展种植技术培训',
    funds: { donation: '0', personal: '1.5', social: '2', bank: '0', fiscal: '0' },
    beneficiaries: 100,
    deepPoverty: null,
    startYear: 2019,
    notOfficialDuty: true,
    ...overrides,
  };
}
