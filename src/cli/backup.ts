import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, prepareRestoreTarget, restoreDatabase, type BackupProgress } from '../server/db/backup';
import { openDatabase, type Database } from '../server/db/connection';

/** `taizhang backup <file>` and `taizhang restore <file>`: the glue; the work is in src/server/db/backup.ts. */

function log(message: string) {
  process.stdout.write(`[台账] ${message}\n`);
}

function open(): Promise<Database> {
  return openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.TAIZHANG_DATA_DIR || './data' });
}

const where = (database: Database) => (database.kind === 'pglite' ? `内置 PGlite（${database.location}）` : `PostgreSQL（${database.location}）`);

function progress(verb: string) {
  return (p: BackupProgress) => log(`${verb} ${p.table}（${p.index}/${p.total}）：${p.rows} 行${p.done ? '' : '……'}`);
}

export async function runBackupCommand(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write(`用法：taizhang ${command} <文件>\n`);
    return 2;
  }
  const target = path.resolve(file);
  if (command === 'backup') {
    if (existsSync(target)) {
      log(`文件 ${target} 已存在，不覆盖：请换一个文件名`);
      return 1;
    }
    const dataDir = path.resolve(process.env.TAIZHANG_DATA_DIR || './data');
    if (!process.env.DATABASE_URL && !existsSync(dataDir)) {
      log(`数据目录不存在：${dataDir}（请用 TAIZHANG_DATA_DIR 指定要备份的数据目录）`);
      return 1;
    }
    const database = await open();
    try {
      log(`正在备份 ${where(database)} 到 ${target}……`);
      const started = Date.now();
      const header = await backupDatabase(database, target, progress('已备份'));
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      log(`备份完成：${header.tables.length} 张表，共 ${rows} 行（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (!existsSync(target)) {
    log(`备份文件不存在：${target}`);
    return 1;
  }
  const database = await open();
  try {
    log(`正在恢复 ${target} 到 ${where(database)}……`);
    const started = Date.now();
    // Only the schema: a restore needs an empty database (no divisions, no administrator), which it then fills.
    await prepareRestoreTarget(database);
    const header = await restoreDatabase(database, target, progress('已恢复'));
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    log(`恢复完成：${header.tables.length} 张表，共 ${rows} 行，各表行数与校验和一致（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    return 0;
  } finally {
    await database.close();
  }
}
