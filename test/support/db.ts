import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, openDatabase, type Database } from '../../src/server/db/connection';
import { bootstrap } from '../../src/server/bootstrap';
import { buildServices } from '../../src/server/services';

export type DbKind = 'pglite' | 'postgres';

/** Tests load Sichuan (51) and Hunan (43): real divisions, a fraction of the national load time. */
export const TEST_PROVINCES = ['51', '43'];
export const ADMIN_PASSWORD = 'admin-test-pw';
export const TEMPLATE_DB = 'taizhang_template';
const ROOT = path.resolve(import.meta.dirname, '../..');
const TMP = path.join(ROOT, '.tmp', 'test');
const PGLITE_TEMPLATE = path.join(TMP, 'template-pglite');

/** The PostgreSQL server to run the database tests on as well, when one is available. */
export function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function dbKinds(): DbKind[] {
  return postgresUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

function templateKey(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(full));
  }
  h.update(TEST_PROVINCES.join(','));
  // What the bootstrap writes comes from the domain's data (poverty lines, procedure definitions, schemes) and the
  // server's code: a change to either makes a new template (a stale one once hid the shipped national lines).
  for (const dir of ['src/domain', 'src/server'])
    for (const f of readdirSync(path.join(ROOT, dir), { recursive: true }).map(String).sort())
      if (f.endsWith('.ts') && !f.endsWith('.test.ts')) h.update(f).update(readFileSync(path.join(ROOT, dir, f)));
  h.update(readFileSync(path.join(ROOT, 'assets/deep-poverty-counties.json')));
  return h.digest('hex').slice(0, 16);
}

async function prepare(database: Database): Promise<void> {
  await bootstrap(database, buildServices(database), { provinces: TEST_PROVINCES, adminPassword: ADMIN_PASSWORD, demo: false, log: () => {} });
}

/** Global set-up: a migrated template with regions, root body and admin, made once and reused while unchanged. */
export async function prepareTemplates(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const key = templateKey();
  const stamp = path.join(PGLITE_TEMPLATE, '.template-key');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
    rmSync(PGLITE_TEMPLATE, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: PGLITE_TEMPLATE });
    await prepare(database);
    await database.query('checkpoint');
    await database.close();
    writeFileSync(stamp, key);
  }
  const url = postgresUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const stale = await admin.query(`select datname from pg_database where datname like 'tz_test_%' or datname = $1`, [TEMPLATE_DB]);
      for (const row of stale.rows as Array<{ datname: string }>) await admin.query(`drop database if exists "${row.datname}" with (force)`);
      await admin.query(`create database ${TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: withDatabase(url, TEMPLATE_DB) });
    await prepare(database);
    await database.close();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let counter = 0;

/** A fresh database copied from the template: a PGlite data directory, or a PostgreSQL database made from it. */
export async function createTestDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(TMP, 'db-'));
    cpSync(PGLITE_TEMPLATE, dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    const close = database.close;
    return { ...database, close: async () => (await close(), rmSync(dir, { recursive: true, force: true })) };
  }
  return createPostgresDatabase(`tz_test_${process.pid}_${++counter}_${Date.now() % 100000}`, TEMPLATE_DB);
}

/** A new PostgreSQL database `name` on the test server, copied from `template`, dropped again when it is closed. */
export async function createPostgresDatabase(name: string, template: string): Promise<Database> {
  const url = postgresUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, name) });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
