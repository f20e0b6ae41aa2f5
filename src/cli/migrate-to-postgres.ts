import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupDatabase, prepareRestoreTarget, restoreDatabase, type BackupHeader, type BackupProgress } from '../server/db/backup';
import { openDatabase } from '../server/db/connection';
import { dataDir, describeDatabase, log, secondsSince } from './env';

/**
 * `taizhang migrate-to-postgres --to <url>` (issue 13): moves the embedded database to an empty PostgreSQL database when
 * a registry outgrows PGlite. The work is the backup's and the restore's (src/server/db/backup.ts): every table from one
 * consistent snapshot of the embedded database, into the migrated target in dependency order with COPY, sequences
 * reset, then every table's row count and checksum verified — all in one transaction on the target, so a failure
 * leaves it empty. The embedded database is only read (and locked while it is read), and kept.
 */
export async function migrateToPostgres(options: { from: string; to: string; onProgress?: (p: BackupProgress, verb: string) => void }): Promise<BackupHeader> {
  const work = mkdtempSync(path.join(tmpdir(), 'taizhang-migrate-'));
  const file = path.join(work, 'embedded.taizhang-backup');
  try {
    const source = await openDatabase({ dataDir: options.from, command: 'taizhang migrate-to-postgres' });
    try {
      await backupDatabase(source, file, (p) => options.onProgress?.(p, '已读出'));
    } finally {
      await source.close();
    }
    const target = await openDatabase({ url: options.to });
    try {
      await prepareRestoreTarget(target);
      return await restoreDatabase(target, file, (p) => options.onProgress?.(p, '已写入'));
    } finally {
      await target.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function migrateToPostgresCommand(args: string[]): Promise<number> {
  const at = args.indexOf('--to');
  const url = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--to='))?.slice(5);
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write('用法：taizhang migrate-to-postgres --to postgresql://用户:密码@主机:端口/数据库（目标须为新建的空数据库）\n');
    return 2;
  }
  const from = path.resolve(dataDir());
  if (!existsSync(from)) {
    log(`数据目录不存在：${from}（请用 TAIZHANG_DATA_DIR 指定要迁移的内置数据库）`);
    return 1;
  }
  const started = Date.now();
  const shown = describeDatabase({ kind: 'postgres', location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') } as Parameters<typeof describeDatabase>[0]);
  log(`正在把内置 PGlite（${from}）迁移到 ${shown}……`);
  const header = await migrateToPostgres({
    from,
    to: url,
    onProgress: (p, verb) => log(`${verb} ${p.table}（${p.index}/${p.total}）：${p.rows} 行${p.done ? '' : '……'}`),
  });
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  log(`迁移完成：${header.tables.length} 张表，共 ${rows} 行，各表行数与校验和一致（${secondsSince(started)} 秒）`);
  log(`今后请以 DATABASE_URL=${shown.replace(/^PostgreSQL（|）$/g, '')} 启动服务；内置数据目录保留未动，确认无误后可自行删除`);
  return 0;
}
