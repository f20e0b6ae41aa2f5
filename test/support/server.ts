import type { AddressInfo } from 'node:net';
import { buildApp, WEB_DIR } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { buildServices } from '../../src/server/services';
import { ADMIN_PASSWORD, createTestDatabase } from './db';

/**
 * The whole server — API and the built UI from dist/web — on a fresh PGlite database with the demo data set, on a
 * random loopback port. For browser tests.
 */
export async function startTestServer(options: { now?: () => Date } = {}): Promise<{ url: string; adminUsername: string; adminPassword: string; close(): Promise<void> }> {
  const database = await createTestDatabase('pglite');
  await bootstrap(database, buildServices(database, options.now), { adminPassword: ADMIN_PASSWORD, demo: true, log: () => {} });
  const { app } = await buildApp({ database, webDir: WEB_DIR, ...(options.now ? { now: options.now } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
