/** The ECharts posters: 脱贫规划 (planned vs actual by year) and 贫困人口分布柱状图 (poor persons per village). */
import type { EChartOption } from '../app/EChart';
import { barText, barValue } from '../app/chart-data';
import { shortVillageName, type WallPlanYear, type WallVillage } from './api';
import { POSTER_FONT } from './posters';

const titleOf = (text: string, caption: string[], k: number) => ({
  text,
  subtext: caption.join('\n'),
  left: 'center',
  top: 8,
  textStyle: { fontSize: 20 * k, color: '#b71c1c', fontFamily: POSTER_FONT },
  subtextStyle: { fontSize: 12 * k, color: '#555', fontFamily: POSTER_FONT, lineHeight: 18 * k },
});

/** Planned (村级年度脱贫规划) and actual exits by year, persons and households; for a township the villages out too. */
/** `k`: the scale of the lettering (1 on screen, larger on an A3 poster). */
export function planOption(title: string, caption: string[], plan: WallPlanYear[], withVillages: boolean, k = 1): EChartOption {
  const years = plan.map((p) => `${p.year}年`);
  const bar = (name: string, color: string, values: number[], axis = 0) => ({
    name,
    type: 'bar',
    yAxisIndex: axis,
    barMaxWidth: 36,
    itemStyle: { color },
    label: { show: true, position: 'top', fontSize: 12 * k, formatter: (p: { value: unknown }) => barText(p.value) },
    data: values.map((v) => barValue(v)),
  });
  return {
    animation: false,
    textStyle: { fontFamily: POSTER_FONT },
    title: titleOf(title, caption, k),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => barText(v) },
    legend: { bottom: 4, textStyle: { fontSize: 12 * k } },
    grid: { left: 16, right: 16, top: (56 + caption.length * 18) * k, bottom: 60 * k, containLabel: true },
    xAxis: { type: 'category', data: years, axisLabel: { fontSize: 12 * k } },
    yAxis: [
      { type: 'value', name: '人 / 户', minInterval: 1 },
      ...(withVillages ? [{ type: 'value', name: '村', minInterval: 1, splitLine: { show: false } }] : []),
    ],
    series: [
      bar('计划脱贫人数', '#f9a825', plan.map((p) => p.plannedPersons)),
      bar('实际脱贫人数', '#2e7d32', plan.map((p) => p.actualPersons)),
      bar('计划脱贫户数', '#ffe082', plan.map((p) => p.plannedHouseholds)),
      bar('实际脱贫户数', '#a5d6a7', plan.map((p) => p.actualHouseholds)),
      ...(withVillages ? [bar('出列贫困村数', '#1565c0', plan.map((p) => p.exitedVillages), 1)] : []),
    ],
  };
}

/** 全乡贫困人口分布柱状图: a bar of poor persons (未脱贫 and 返贫) per village, the count on top. */
export function personsOption(title: string, caption: string[], villages: WallVillage[], k = 1): EChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: POSTER_FONT },
    title: titleOf(title, caption, k),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${barText(v)} 人` },
    grid: { left: 16, right: 16, top: (56 + caption.length * 18) * k, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: villages.map((v) => shortVillageName(v.name)), axisLabel: { interval: 0, fontSize: 12 * k, rotate: villages.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', name: '贫困人口（人）', minInterval: 1 },
    series: [
      {
        name: '贫困人口',
        type: 'bar',
        barMaxWidth: 48,
        itemStyle: { color: '#c62828' },
        label: { show: true, position: 'top', fontSize: 12 * k, formatter: (p: { value: unknown }) => barText(p.value) },
        data: villages.map((v) => barValue(v.poorPersons)),
      },
    ],
  };
}
