import type { Database } from '../server/db/connection';
import { buildServices } from '../server/services';

const USAGE = '用法：taizhang audit verify   重新计算审计日志的哈希链，报告完整或第一处断点（有断点时退出码为 1）\n';

/**
 * `taizhang audit verify` (issue 9): recomputes the audit log's hash chain and reports OK with the count, or the first
 * broken link (record id, time, what differs) with exit code 1. `open` opens (and migrates) the database.
 */
export async function auditCommand(args: string[], open: () => Promise<Database>, out: (line: string) => void = (l) => process.stdout.write(`[台账] ${l}\n`)): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write(USAGE);
    return 2;
  }
  const database = await open();
  try {
    const services = buildServices(database);
    out('正在校验审计日志的哈希链……');
    const r = await services.audit.verify();
    if (r.ok) {
      out(`${r.message}`);
      return 0;
    }
    out(`审计日志校验失败：已核对 ${r.count} 条完好记录，第一处断点在${r.id === null ? '日志末尾' : `记录编号 ${r.id}`}${r.seq === null ? '' : `（链序号 ${r.seq}）`}${r.at ? `，时间 ${r.at}` : ''}`);
    out(`  问题：${r.message}`);
    out(`  应为：${r.expected || '（空）'}`);
    out(`  实为：${r.actual || '（空）'}`);
    return 1;
  } finally {
    await database.close();
  }
}
