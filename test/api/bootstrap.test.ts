import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/server/bootstrap';
import { openDatabase } from '../../src/server/db/connection';
import { buildServices } from '../../src/server/services';
import { systemAuth } from '../../src/server/auth/access';

describe('first start on an empty PGlite directory', () => {
  it('migrates, loads real divisions, creates the administrator once with a generated password, and demo data once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-first-start-'));
    const logs: string[] = [];
    try {
      const database = await openDatabase({ dataDir: dir });
      const services = buildServices(database, () => new Date('2020-06-30T10:00:00+08:00'));
      const first = await bootstrap(database, services, { provinces: ['51'], demo: true, log: (m) => logs.push(m) });
      expect(first.adminPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
      // The demo accounts' one password, generated and logged once.
      expect(first.demoPassword).toMatch(/^demo-[A-Za-z0-9_-]{8}$/);
      expect(logs.filter((m) => m.startsWith('演示账号密码：'))).toEqual([expect.stringContaining(first.demoPassword!)]);
      expect((await services.auth.login('demo_county', first.demoPassword!)).user).toMatchObject({ role: 'county_clerk', orgName: '昭觉县扶贫开发领导小组办公室' });
      expect(logs.join('\n')).toContain('深度贫困县名单：45 个县');
      expect(await services.regions.exists('513431000000')).toBe(true);
      const login = await services.auth.login('admin', first.adminPassword!);
      expect(login.user).toMatchObject({ role: 'sysadmin', orgName: '四川省政协' });
      const root = (await services.orgs.root())!;
      const auth = systemAuth(root, { userId: login.user.id });
      const demoEntries = (await services.ledger.list(auth, { page: 1, pageSize: 1 })).total;
      expect(demoEntries).toBeGreaterThan(10);

      const second = await bootstrap(database, services, { provinces: ['51'], demo: true, log: () => {} });
      expect(second.adminPassword).toBeUndefined();
      expect(second.demoPassword).toBeUndefined();
      expect((await services.ledger.list(auth, { page: 1, pageSize: 1 })).total).toBe(demoEntries);
      await database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A first start loads Sichuan's divisions and the whole demo data set.
  }, 180_000);
});
