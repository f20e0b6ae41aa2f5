import type { Statistics, StatisticsQuery } from '../../contract/registry/rules';
import type { ReportFigures } from '../../contract/reports';
import type { RegistryRepo } from './repo';
import { summarise, type Summed } from '../../domain/registry/rollup';
import { isoDate, isRealDate } from '../../domain/shared/dates';
import { validationError } from '../../domain/shared/errors';
import { requireRegion, type Auth } from '../auth/access';
import { LEVEL_DIGITS } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import { figuresAsOf } from './rollup';
import type { RegistryDeps } from './service';

/** The code prefix that selects a region and everything under it. */
export function regionPrefix(code: string, level: number): string {
  return code.slice(0, LEVEL_DIGITS[level] ?? 12);
}

/** The persons still poor (未脱贫 and 返贫) among counts by status. */
export function poorPersonsOf(byStatus: Summed['byStatus']): number {
  return byStatus.filter((s) => s.status === '未脱贫' || s.status === '返贫').reduce((a, s) => a + s.persons, 0);
}

/**
 * A region's figures of a year as a report (报送, issue 11) keeps them: households and persons by status as of 31
 * December, the year's exits and mean per-capita net income, and the villages' year figures summed. Through `r`, so a
 * transaction (a correction being applied) reads its own writes.
 */
export async function yearFiguresOf(r: RegistryRepo, prefix: string, year: number): Promise<ReportFigures> {
  const asOf = `${year}-12-31`;
  const s = summarise(await figuresAsOf(r, prefix, asOf, year), year);
  const exits = s.exitsByYear.find((e) => e.year === year);
  return {
    asOf,
    byStatus: s.byStatus,
    poorPersons: poorPersonsOf(s.byStatus),
    exits: { households: exits?.households ?? 0, persons: exits?.persons ?? 0 },
    identified: await r.identifiedIn(prefix, year),
    meanPerCapita: s.meanPerCapita,
    villages: await r.villageYearTotals(prefix, year),
  };
}

/** The registry's statistics by region (the rollup, as of a date). */
export function makeStatisticsService({ repo, regions, now }: Pick<RegistryDeps, 'repo' | 'regions' | 'now'>) {
  return {
    /** Statistics of a region subtree as of a date (default today). */
    async statistics(auth: Auth, q: StatisticsQuery): Promise<Statistics> {
      const code = q.region ?? (auth.regionPrefix ? auth.regionPrefix.padEnd(12, '0') : null);
      let prefix = auth.regionPrefix;
      let region: Awaited<ReturnType<RegionsService['get']>> | null = null;
      if (code) {
        requireRegion(auth, code);
        region = await regions.get(code);
        prefix = regionPrefix(region.code, region.level);
      }
      const asOf = q.asOf ?? isoDate(now());
      if (!isRealDate(asOf)) throw validationError([{ field: 'asOf', label: '统计日期', message: '应为 YYYY-MM-DD' }]);
      const year = Number(asOf.slice(0, 4));
      const figures = summarise(await figuresAsOf(repo, prefix, asOf, year - 1), year - 1);
      const villages = await repo.villageCounts(prefix, year);
      const poorPersons = poorPersonsOf(figures.byStatus);
      return {
        region,
        asOf,
        villages,
        byStatus: figures.byStatus,
        poorPersons,
        incidence: villages.population > 0 ? poorPersons / villages.population : null,
        meanPerCapita: { year: year - 1, ...figures.meanPerCapita },
        byCause: figures.byCause,
        byAttribute: figures.byAttribute,
        byLabour: figures.byLabour,
        exits: { actual: figures.exitsByYear, planned: await repo.plannedExits(prefix) },
      };
    },
  };
}
