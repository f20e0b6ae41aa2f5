/**
 * What the 扶贫资金与项目库 pages compute from the server's answers (no I/O): the allocations a project may be paid
 * from, the 正面清单 mix of a list of projects, the spending-progress chart with the seed's bounds, and money as 元.
 */
import type { Allocation, ProgressRow, ProjectItem } from '../../contract/funds';
import type { RegionLevel } from '../../contract/regions';
import { POSITIVE_USE_LABELS, POSITIVE_USES, type PositiveUse } from '../../domain/funds/catalog';
import { SPENDING_RULES } from '../../domain/funds/progress';
import type { EChartOption } from '../app/EChart';

/** The digits of a 12-digit region code that name a region of each level (省 2, 市 4, 县 6, 乡镇 9, 村 12). */
const CODE_DIGITS: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** Whether a region (code and level) is the village's own or one above it. */
export function isAtOrAbove(region: { code: string; level: RegionLevel }, villageCode: string): boolean {
  const digits = CODE_DIGITS[region.level];
  return villageCode.slice(0, digits) === region.code.slice(0, digits);
}

/**
 * The allocations a payment to a village's project may come from: of its county or a region above it, with money left;
 * those of the project's year first, then the other years (结转), each by the largest balance.
 */
export function payableAllocations(allocations: readonly Allocation[], villageCode: string, year: number): Allocation[] {
  const rank = (a: Allocation) => (a.year === year ? 0 : 1);
  return allocations
    .filter((a) => a.balance > 0 && isAtOrAbove(a.region, villageCode))
    .sort((a, b) => rank(a) - rank(b) || b.year - a.year || b.balance - a.balance || a.id - b.id);
}

/** The label of a project's use: its 正面清单 category, or 不在正面清单内. */
export const NOT_LISTED = '不在正面清单内';

export interface MixRow {
  key: PositiveUse | 'none';
  label: string;
  projects: number;
  budget: number;
}

/** How a list of projects falls across the 正面清单 (in the seed's order, then the unlisted ones); empty categories left out. */
export function positiveListMix(projects: ReadonlyArray<Pick<ProjectItem, 'use' | 'budget'>>): MixRow[] {
  const rows = new Map<PositiveUse | 'none', MixRow>();
  for (const key of [...POSITIVE_USES, 'none'] as const) rows.set(key, { key, label: key === 'none' ? NOT_LISTED : POSITIVE_USE_LABELS[key], projects: 0, budget: 0 });
  for (const p of projects) {
    const row = rows.get(p.use ?? 'none')!;
    row.projects += 1;
    row.budget += p.budget;
  }
  return [...rows.values()].filter((r) => r.projects > 0);
}

/** The pie of the mix, by budget. */
export function mixChartOption(mix: readonly MixRow[]): EChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} 元（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['30%', '62%'], center: ['50%', '45%'], data: mix.map((m) => ({ name: m.label, value: m.budget })), label: { formatter: '{b}\n{d}%' } }],
  };
}

/** A row's progress in percent (two decimals, rounded down as the server counts it), null when nothing was allocated. */
export function progressPercent(row: Pick<ProgressRow, 'basisPoints'>): number | null {
  return row.basisPoints === null ? null : row.basisPoints / 100;
}

/**
 * The bars of spending progress by region, with a line at each of the seed's bounds (the assessed year's funds above
 * 92%, the year before above 98%).
 */
export function progressChartOption(rows: readonly ProgressRow[]): EChartOption {
  const bounds = SPENDING_RULES.map((r) => r.abovePercent);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.region.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: '支出进度',
        barMaxWidth: 40,
        data: rows.map((r) => {
          const pct = progressPercent(r);
          return pct === null ? '-' : { value: pct, itemStyle: { color: pct > bounds[0]! ? '#52c41a' : '#faad14' } };
        }),
        markLine: {
          symbol: 'none',
          silent: true,
          data: bounds.map((b) => ({ yAxis: b, name: `${b}%`, label: { formatter: `${b}%`, position: 'end' }, lineStyle: { type: 'dashed', color: b === bounds[0] ? '#fa8c16' : '#f5222d' } })),
        },
      },
    ],
  };
}

/** Integer 元 with thousands separators. */
export function yuanText(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${n.toLocaleString('zh-CN')} 元`;
}

/** An allocation as a choice in a select: 年度 来源 地区 文号（结余）. */
export function allocationLabel(a: Pick<Allocation, 'year' | 'sourceLabel' | 'region' | 'documentNo' | 'balance'>): string {
  return `${a.year} 年 ${a.sourceLabel} · ${a.region.name} · ${a.documentNo}（结余 ${yuanText(a.balance)}）`;
}
