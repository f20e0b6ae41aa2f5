import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, prepareRestoreTarget, restoreDatabase, type BackupHeader, type BackupProgress } from '../server/db/backup';
import { dataDir, describeDatabase, log, openConfiguredDatabase, secondsSince } from './env';

/** `taizhang backup <file>` and `taizhang restore <file>`: the glue; the work is in src/server/db/backup.ts. */

/** `3 张表，共 120 行`: what a backup file holds, by its header. */
const contents = (header: BackupHeader) => `${header.tables.length} 张表，共 ${header.tables.reduce((n, t) => n + t.rows, 0)} 行`;

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
    const dir = path.resolve(dataDir());
    if (!process.env.DATABASE_URL && !existsSync(dir)) {
      log(`数据目录不存在：${dir}（请用 TAIZHANG_DATA_DIR 指定要备份的数据目录）`);
      return 1;
    }
    const database = await openConfiguredDatabase();
    try {
      log(`正在备份 ${describeDatabase(database)} 到 ${target}……`);
      const started = Date.now();
      const header = await backupDatabase(database, target, progress('已备份'));
      log(`备份完成：${contents(header)}（${secondsSince(started)} 秒）`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (!existsSync(target)) {
    log(`备份文件不存在：${target}`);
    return 1;
  }
  const database = await openConfiguredDatabase();
  try {
    log(`正在恢复 ${target} 到 ${describeDatabase(database)}……`);
    const started = Date.now();
    // Only the schema: a restore needs an empty database (no divisions, no administrator), which it then fills.
    await prepareRestoreTarget(database);
    const header = await restoreDatabase(database, target, progress('已恢复'));
    log(`恢复完成：${contents(header)}，各表行数与校验和一致（${secondsSince(started)} 秒）`);
    return 0;
  } finally {
    await database.close();
  }
}
