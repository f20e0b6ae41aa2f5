import type { Finding, FindingsPage, HandbookCheck, HandbookInput, QualityCheck, QualityRun } from '../../contract/quality';
import { CHECKS, halfYearOf, type CheckKey } from '../../domain/quality/checks';
import { applicableLine } from '../../domain/registry/poverty-lines';
import { quotientText } from '../../domain/registry/quotient-text';
import { isoDate, isRealDate, yearOf } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requirePermission, requireRegion } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { RegionsService } from '../regions/service';
import type { RegistryService } from '../registry/service';
import type { HandbookCheckRow, QualityRepo, RunRow } from './repo';
import { allPages } from '../http/pages';

export interface QualityDeps {
  repo: QualityRepo;
  registry: RegistryService;
  regions: RegionsService;
  now: () => Date;
}

const LEVEL_DIGITS = [0, 2, 4, 6, 9, 12];

/** A run as it is answered: its times as ISO text, the half-year its visits were counted in, each check's count. */
function runOut(run: RunRow): QualityRun {
  const startedAt = new Date(run.startedAt);
  return {
    ...run,
    trigger: run.trigger as QualityRun['trigger'],
    startedAt: startedAt.toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
    halfYear: halfYearOf(isoDate(startedAt)).label,
    checks: CHECKS.map((k) => ({ ...k, count: run.counts[k.key] ?? 0 })),
  };
}

const handbookOut = (c: HandbookCheckRow): HandbookCheck => ({ ...c, at: new Date(c.at).toISOString() });

/** Data-quality checks per region (issue 4): counts, drill-down to the records, runs on demand and on a schedule. */
export function makeQualityService(deps: QualityDeps) {
  const { repo, registry, regions, now } = deps;

  async function prefixOf(auth: Auth, region?: string): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(region);
    return r.code.slice(0, LEVEL_DIGITS[r.level] ?? 12);
  }

  /** Exited households whose income of the exit year does not exceed the line (超过 excludes the number itself). */
  async function exitedBelowLine(prefix: string): Promise<Finding[]> {
    const lines = await registry.lines();
    const out: Finding[] = [];
    for (const h of await repo.exitedWithIncome(prefix)) {
      const year = h.statusYear;
      const line = year ? applicableLine(lines, year, h.villageCode) : undefined;
      if (!year || !line) continue; // no line for the year: nothing to compare with
      const { householdId, villageCode, number, name, idNumber } = h;
      if (h.net === null) out.push({ householdId, villageCode, number, name, idNumber, detail: `缺少 ${year} 年收入数据` });
      else if (h.size > 0 && h.net <= line.yuan * h.size)
        out.push({ householdId, villageCode, number, name, idNumber, detail: `${year} 年人均纯收入 ${quotientText(h.net, h.size)} 元，未超过扶贫标准 ${line.yuan} 元` });
    }
    return out;
  }

  async function counts(prefix: string): Promise<Record<CheckKey, number>> {
    const today = isoDate(now());
    const half = halfYearOf(today);
    const out = {} as Record<CheckKey, number>;
    for (const c of CHECKS) out[c.key] = c.key === 'exited_below_line' ? (await exitedBelowLine(prefix)).length : await repo.count(c.key, prefix, today, half);
    return out;
  }

  return {
    checks: (): QualityCheck[] => [...CHECKS],
    /** Runs every check over a region now and keeps the counts. */
    async run(auth: Auth, region?: string): Promise<QualityRun> {
      const prefix = await prefixOf(auth, region);
      const startedAt = now();
      const c = await counts(prefix);
      return runOut(await repo.insertRun({ regionPrefix: prefix, trigger: 'on_demand', counts: c, userId: auth.userId, startedAt, finishedAt: now() }));
    },
    /** The scheduled run (server timer): the whole registry, one row per province. */
    async runScheduled(prefixes: string[]) {
      for (const prefix of prefixes) await repo.insertRun({ regionPrefix: prefix, trigger: 'scheduled', counts: await counts(prefix), startedAt: now(), finishedAt: now() });
    },
    /** The latest counts of a region (the assessment reads them). */
    async latest(auth: Auth, region?: string): Promise<QualityRun | null> {
      const prefix = await prefixOf(auth, region);
      const run = await repo.latestRun(prefix);
      return run ? runOut(run) : null;
    },
    /** Records what a field check found in a household's 扶贫手册 (三个一致). */
    async recordHandbook(auth: Auth, householdId: number, input: HandbookInput): Promise<HandbookCheck[]> {
      requirePermission(auth, 'quality.run');
      await registry.household(auth, householdId);
      const fields: FieldError[] = [];
      if (!Number.isInteger(input.year) || input.year < 2013 || input.year > yearOf(now())) fields.push({ field: 'year', label: '年度', message: `应在 2013 至 ${yearOf(now())} 年之间` });
      if (!Number.isInteger(input.persons) || input.persons < 1) fields.push({ field: 'persons', label: '手册家庭人口', message: '应为正整数' });
      if (!Number.isInteger(input.perCapita)) fields.push({ field: 'perCapita', label: '手册人均纯收入（元）', message: '应为整数（元）' });
      const checkedOn = input.checkedOn ?? isoDate(now());
      if (!isRealDate(checkedOn) || checkedOn > isoDate(now())) fields.push({ field: 'checkedOn', label: '核对日期', message: '应为不晚于今天的日期（YYYY-MM-DD）' });
      if (fields.length) throw validationError(fields);
      const helperNames = [...new Set((input.helperNames ?? []).map((n) => n.trim()).filter(Boolean))];
      await repo.insertHandbookCheck({ householdId, year: input.year, persons: input.persons, perCapita: input.perCapita, helperNames, checkedOn, note: input.note?.trim() ?? '', userId: auth.userId });
      return (await repo.handbookChecks(householdId)).map(handbookOut);
    },
    async handbook(auth: Auth, householdId: number): Promise<HandbookCheck[]> {
      await registry.household(auth, householdId);
      return (await repo.handbookChecks(householdId)).map(handbookOut);
    },
    /**
     * Every record one check finds, for the export: batches of 1,000 with each village's full name, ID numbers masked
     * for a role that may not see them (at most 100,000 records).
     */
    async *exportFindings(auth: Auth, key: string, region?: string): AsyncGenerator<Array<Finding & { villageName: string }>> {
      for await (const items of allPages((page, pageSize) => this.findings(auth, key, { region, page, pageSize }), 1000)) {
        const names = await regions.fullNames([...new Set(items.map((f) => f.villageCode).filter(Boolean))]);
        yield maskFor(auth, items.map((f) => ({ ...f, villageName: names.get(f.villageCode) ?? f.villageCode })));
      }
    },
    /** The records one check finds, page by page. */
    async findings(auth: Auth, key: string, q: { region?: string; page: number; pageSize: number }): Promise<FindingsPage> {
      const check = CHECKS.find((c) => c.key === key);
      if (!check) throw new AppError('NOT_FOUND', `没有这项检查：${key}`);
      const prefix = await prefixOf(auth, q.region);
      const today = isoDate(now());
      const half = halfYearOf(today);
      if (check.key === 'exited_below_line') {
        const all = await exitedBelowLine(prefix);
        return { check, items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
      }
      const items = await repo.list(check.key, prefix, today, half, q.pageSize, (q.page - 1) * q.pageSize);
      return { check, items, total: await repo.count(check.key, prefix, today, half), page: q.page, pageSize: q.pageSize };
    },
  };
}
export type QualityService = ReturnType<typeof makeQualityService>;
