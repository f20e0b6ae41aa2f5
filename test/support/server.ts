import type { AddressInfo } from 'node:net';
import { buildApp, WEB_DIR } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { buildServices } from '../../src/server/services';
import { ADMIN_PASSWORD, createTestDatabase } from './db';

/**
 * The whole server — API and the built UI from dist/web — on a fresh PGlite database with the demo data set, on a
 * random loopback port. For browser tests: the demo accounts (demo_village, demo_township, demo_county, demo_helper,
 * demo_dept, demo_assessor, demo_member, demo_leader, demo_orgadmin; `DEMO_USERNAMES`) sign in with `demoPassword`.
 * `demo: false` starts on the empty database instead.
 */
export async function startTestServer(
  options: { now?: () => Date; demo?: boolean } = {},
): Promise<{ url: string; adminUsername: string; adminPassword: string; demoPassword: string | undefined; close(): Promise<void> }> {
  const database = await createTestDatabase('pglite');
  const { demoPassword } = await bootstrap(database, buildServices(database, options.now), { adminPassword: ADMIN_PASSWORD, demo: options.demo ?? true, log: () => {} });
  const { app } = await buildApp({ database, webDir: WEB_DIR, ...(options.now ? { now: options.now } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    demoPassword,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
