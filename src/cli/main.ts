#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp, WEB_DIR } from '../server/app';
import { bootstrap } from '../server/bootstrap';
import { describeDatabase, log, openConfiguredDatabase, secondsSince } from './env';
import { runBackupCommand } from './backup';
import { systemAuth, type Auth } from '../server/auth/access';
import { AppError } from '../domain/shared/errors';
import { writeEntriesXlsx } from '../server/ledger/excel';
import { buildServices, type Services } from '../server/services';
import { RollupRebuild } from '../server/rollup-rebuild';
import { printAdminBanner, rememberAdminPassword, USER_HELP, userCommand } from './user';

const HELP = `taizhang — 台账

用法: taizhang <命令>
  serve     启动服务（默认），http://127.0.0.1:8080
  migrate   只创建/升级数据库并载入行政区划，然后退出
  recompute 按全部事项和建档立卡历史重新计算汇总（维护的汇总表），然后退出
  import <文件.xlsx> [单位名称]   按导入模板导入事项（整批校验，一行有错则全部不写入）
  export <文件.xlsx> [年度]       导出全部（或某一年度的）事项
  backup <文件>   备份整个数据库（全部表，gzip 压缩，含各表行数与校验和）
  restore <文件>  把备份恢复到新建的空数据库（空数据目录或空 PostgreSQL 库），一个事务内完成
  migrate-to-postgres --to <地址>  把内置 PGlite 数据库迁移到新建的空 PostgreSQL 库（逐表核对行数与校验和）
${USER_HELP}
  audit verify                    校验审计日志的哈希链（报告完整或第一处断点）
  help      显示本说明

环境变量:
  PORT, HOST                  监听端口（默认 8080）与地址（默认 127.0.0.1）
  TAIZHANG_DATA_DIR           内置 PGlite 数据库目录（默认 ./data）
  DATABASE_URL                使用 PostgreSQL 服务器（设置后不使用 PGlite）

内置 PGlite 数据目录同一时间只能由一个进程打开（目录内的锁文件 .taizhang.lock）：
服务运行时，migrate、recompute、import、export、backup、restore 等命令会拒绝执行，请先停止服务。
  TAIZHANG_ADMIN_PASSWORD     首次启动时管理员 admin 的密码（未设置则随机生成并打印一次）
  TAIZHANG_DEMO=0             空库时不载入演示数据和演示账号
  TAIZHANG_REGION_PROVINCES   只载入这些省的行政区划（如 51,43；默认全国）
`;

async function prepare(deferRollup = false) {
  const database = await openConfiguredDatabase();
  log(`数据库：${describeDatabase(database)}`);
  const services = buildServices(database);
  const provinces = process.env.TAIZHANG_REGION_PROVINCES?.split(',').map((s) => s.trim()).filter(Boolean);
  const { adminPassword } = await bootstrap(database, services, {
    provinces: provinces?.length ? provinces : undefined,
    adminPassword: process.env.TAIZHANG_ADMIN_PASSWORD,
    demo: process.env.TAIZHANG_DEMO !== '0',
    log,
    deferRollup,
  });
  if (!process.env.TAIZHANG_ADMIN_PASSWORD) rememberAdminPassword(adminPassword);
  return database;
}

function ensureWebBuilt() {
  if (existsSync(path.join(WEB_DIR, 'index.html'))) return;
  log('首次启动：正在构建网页界面（约需半分钟）……');
  const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('网页界面构建失败');
}

/** The command line acts as the administrator of the root body (whoever can run it owns the database anyway). */
async function cliAuth(services: Services): Promise<Auth> {
  const root = await services.orgs.root();
  if (!root) throw new Error('数据库尚未初始化');
  return systemAuth(root, { displayName: '命令行' });
}

async function exportLedger(services: Services, auth: Auth, file: string, year?: string) {
  const y = year ? Number(year) : undefined;
  let n = 0;
  async function* counted() {
    for await (const batch of services.ledger.exportRows(auth, { yearFrom: y, yearTo: y })) {
      n += batch.length;
      process.stdout.write(`\r[台账] 正在导出……已写入 ${n} 条`);
      yield batch;
    }
  }
  const out = createWriteStream(file);
  const done = new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  await writeEntriesXlsx(out, counted());
  await done;
  process.stdout.write('\n');
  await services.audit.event(auth, 'export', { what: '台账导出（命令行）', rows: n, masked: false, file });
  log(`已导出 ${n} 条事项到 ${file}`);
}

async function importLedger(services: Services, auth: Auth, file: string, orgName?: string): Promise<number> {
  const orgs = await services.orgs.list(auth);
  const target = orgName ? orgs.find((o) => o.name === orgName) : orgs[0];
  if (!target) throw new Error(`单位不存在：${orgName}`);
  log(`正在读取 ${file}（默认填报单位：${target.name}）……`);
  try {
    const importer = await services.ledger.importer(auth, target.id);
    const result = await importer.run(readFileSync(file));
    log(`导入完成：${result.imported} 条事项`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION' || !err.details.fields) throw err;
    const fields = err.details.fields;
    // A file that cannot be read is one error on the file itself, with no row.
    if (fields.length === 1 && fields[0]!.field === 'file' && fields[0]!.row === undefined) {
      log(`导入失败：${fields[0]!.message}`);
      return 1;
    }
    log(`导入失败，未写入任何事项。共 ${fields.length} 处错误：`);
    for (const f of fields) log(`  第 ${f.row ?? '-'} 行 ${f.column ?? ''} 列  ${f.label}：${f.message}`);
    return 1;
  }
}

async function main() {
  const command = process.argv[2] ?? 'serve';
  if (command === 'help' || command === '--help') {
    process.stdout.write(HELP);
    return;
  }
  if (command === 'user') {
    process.exitCode = await userCommand(process.argv.slice(3));
    return;
  }
  if (command === 'migrate') {
    const database = await prepare();
    await database.close();
    log('数据库已就绪');
    return;
  }
  if (command === 'backup' || command === 'restore') {
    process.exitCode = await runBackupCommand(command, process.argv.slice(3));
    return;
  }
  if (command === 'migrate-to-postgres') {
    process.exitCode = await (await import('./migrate-to-postgres')).migrateToPostgresCommand(process.argv.slice(3));
    return;
  }
  if (command === 'import' || command === 'export') {
    const file = process.argv[3];
    if (!file) throw new Error(`用法：taizhang ${command} <文件.xlsx>`);
    const database = await prepare();
    const services = buildServices(database);
    const auth = await cliAuth(services);
    try {
      if (command === 'export') await exportLedger(services, auth, file, process.argv[4]);
      else process.exitCode = await importLedger(services, auth, file, process.argv[4]);
    } finally {
      await database.close();
    }
    return;
  }
  if (command === 'recompute') {
    const database = await prepare();
    const services = buildServices(database);
    const started = Date.now();
    log('正在重新计算汇总……');
    const auth = await cliAuth(services);
    await services.ledger.rebuildTotals(auth);
    log('正在重新计算建档立卡统计……');
    const r = await services.registry.rebuildRollup(auth, (done, total) => log(`……${done} / ${total} 户`));
    log(`建档立卡统计：${r.households} 户，${r.rows} 行`);
    log(`汇总已重新计算（${secondsSince(started)} 秒）`);
    await database.close();
    return;
  }
  if (command === 'audit') return void (process.exitCode = await (await import('./audit')).auditCommand(process.argv.slice(3), prepare));
  if (command !== 'serve') {
    process.stderr.write(`未知命令：${command}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  ensureWebBuilt();
  // Migrations before listening; the rebuild of an empty rollup (after an upgrade: 127 s per million persons on PGlite)
  // after, as a background job that /api/health reports.
  const database = await prepare(true);
  const rollupRebuild = new RollupRebuild();
  const { app, services } = await buildApp({ database, rollupRebuild, logger: process.env.TAIZHANG_LOG === '1' || { level: 'error', stream: process.stderr } });
  // Data-quality checks on a schedule (issue 4), every TAIZHANG_QUALITY_HOURS hours (default 24; 0 turns it off).
  const qualityHours = Number(process.env.TAIZHANG_QUALITY_HOURS ?? 24);
  if (qualityHours > 0)
    setInterval(() => {
      services.quality.runScheduled(['']).catch((err: unknown) => log(`定时数据质量检查失败：${String(err)}`));
    }, qualityHours * 3_600_000).unref();
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const rebuildNeeded = await RollupRebuild.needed(database);
  await app.listen({ port, host });
  log(`服务已启动：http://${host}:${port}  （接口文档 /api/docs）`);
  if (rebuildNeeded)
    rollupRebuild.start(database, { log }).catch((err: unknown) => {
    // The rollup stays empty and the statistics answer 503 no more; the next start (or `taizhang recompute`) rebuilds it.
    log(`建档立卡统计重新计算失败（下次启动时将再次计算，也可停止服务后运行 taizhang recompute）：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().then(printAdminBanner).catch((err: unknown) => {
  // Errors meant for the user (the data directory in use, a backup that cannot be restored): the message, no stack.
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof Error && (code === 'DATA_DIR_LOCKED' || code === 'BACKUP')) {
    process.stderr.write(`[台账] ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`[台账] 启动失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
