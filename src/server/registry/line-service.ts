import type { PovertyLineInput, PovertyLineRow } from '../../contract/registry/rules';
import { applicableLine, DEFAULT_LINES, LINE_SCOPES, type LineScope, type PovertyLine } from '../../domain/registry/poverty-lines';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { requirePermission, type Auth } from '../auth/access';
import type { RegistryRepo } from './repo';
import type { RegistryDeps } from './service';

/** Poverty lines (扶贫标准) by year and scope: the list, the line that applies to a household, and their upkeep. */
export function makeLineService({ repo, audit }: Pick<RegistryDeps, 'repo' | 'audit'>) {
  async function lines(r: RegistryRepo = repo): Promise<PovertyLineRow[]> {
    return (await r.listLines()).map((l) => ({ ...l, scope: l.scope as LineScope }));
  }

  async function lineFor(year: number, regionCode: string, r: RegistryRepo = repo): Promise<PovertyLine> {
    const line = applicableLine(await lines(r), year, regionCode);
    if (!line) throw new AppError('VALIDATION', `缺少 ${year} 年适用于该地区的扶贫标准，请先在“扶贫标准”中设置`, {
      fields: [{ field: 'year', label: '年度', message: `缺少 ${year} 年的扶贫标准` }],
    });
    return line;
  }

  return {
    lines,
    lineFor,
    async setLine(auth: Auth, l: PovertyLineInput) {
      requirePermission(auth, 'lines.manage');
      const fields: FieldError[] = [];
      if (!(LINE_SCOPES as readonly string[]).includes(l.scope)) fields.push({ field: 'scope', label: '适用范围', message: '应为 national、provincial 或 municipal' });
      if (!Number.isInteger(l.yuan) || l.yuan <= 0) fields.push({ field: 'yuan', label: '标准（元）', message: '应为正整数（元）' });
      const prefix = l.scope === 'national' ? '' : (l.regionPrefix ?? '');
      if (l.scope === 'provincial' && !/^\d{2}$/.test(prefix)) fields.push({ field: 'regionPrefix', label: '地区代码', message: '省标应填写 2 位省级代码' });
      if (l.scope === 'municipal' && !/^\d{4}$/.test(prefix)) fields.push({ field: 'regionPrefix', label: '地区代码', message: '市标应填写 4 位市级代码' });
      if (fields.length) throw validationError(fields);
      await repo.upsertLine({ year: l.year, scope: l.scope, regionPrefix: prefix, yuan: l.yuan, source: l.source ?? '' });
      await audit.record(auth, 'poverty_line', 0, 'update', null, { year: l.year, scope: l.scope, regionPrefix: prefix, yuan: l.yuan, source: l.source ?? '' });
      return lines();
    },
    async deleteLine(auth: Auth, id: number) {
      requirePermission(auth, 'lines.manage');
      if (!(await repo.deleteLine(id))) throw new AppError('NOT_FOUND', '该扶贫标准不存在');
      await audit.record(auth, 'poverty_line', id, 'delete', { id }, null);
    },
    /**
     * Gives the installation each shipped line once (a line shipped in a later version arrives on the next start):
     * never over an administrator's value for the same year and scope, and never again after an administrator deleted it.
     */
    async ensureDefaultLines() {
      const offered = new Set(await repo.offeredLineKeys());
      const key = (l: PovertyLine) => `${l.year}:${l.scope}:${l.regionPrefix}`;
      const fresh = DEFAULT_LINES.filter((l) => !offered.has(key(l)));
      if (!fresh.length) return;
      for (const l of fresh) await repo.insertLineIfAbsent(l);
      await repo.setOfferedLineKeys([...offered, ...fresh.map(key)]);
    },
  };
}
