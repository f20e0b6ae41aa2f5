import { describe, expect, it } from 'vitest';
import { chineseOrdinal, planYears, STATION_DUTIES, tileColumns, TOWNSHIP_CHARTS, VILLAGE_CHARTS, HOUSEHOLD_CHART, villageStanding } from './charts';

// The document prints ASCII commas where the poster prints full-width ones.
const asPrinted = (s: string) => s.replace(/,/g, '，').replace(/;$/, '');

describe('the wall charts of each level', () => {
  // 乡级 (三)需上墙图表: “2、全乡贫困村分布图; 3、全乡贫困村脱贫规划图; 4、乡镇扶贫攻坚协调推进领导小组组织机构图;
  // 5、双联扶贫工作站职责(见附件); 6、全乡贫困人口分布柱状图” (1、全县特困片区示意图 is the county's).
  it('the township posts items 2–6 of its list', () => {
    expect(TOWNSHIP_CHARTS.map((c) => c.title)).toEqual(['全乡贫困村分布图', '全乡贫困村脱贫规划图', '乡镇扶贫攻坚协调推进领导小组组织机构图', '双联扶贫工作站职责', '全乡贫困人口分布柱状图']);
  });
  // 村级 (一)需上墙图表: “1、扶贫工作组织机构图 … 2、村级精准脱贫规划(2014年至脱贫年度); 3、贫困户精准扶贫一览表 …;
  // 4、村级扶贫互助资金组织机构、管理制度”; 户级: “《贫困户登记表》”.
  it('the village posts its four and the household its registration form', () => {
    expect(VILLAGE_CHARTS.map((c) => c.title)).toEqual(['扶贫工作组织机构图', '村级精准脱贫规划', '贫困户精准扶贫一览表', '村级扶贫互助资金组织机构、管理制度']);
    expect(HOUSEHOLD_CHART.title).toBe('贫困户登记表');
  });
});

describe('双联扶贫工作站工作职责', () => {
  // 附件1, its nine items as the document words them.
  it.each([
    [1, '负责编制本乡镇扶贫开发中长期规划、全面小康建设规划和年度工作计划'],
    [3, '负责协调落实“八个全覆盖”和“五件实事”;'],
    [4, '负责本乡镇扶贫对象的调查、摸底工作,承担贫困户建档立卡和贫困人口的动态管理工作'],
    [6, '负责本乡镇扶贫贴息贷款扶持到户管理工作,指导参与村级扶贫互助资金的运行和管理,协助相关部门进行监督'],
    [9, '负责本乡镇双联行动和扶贫开发情况的统计上报工作'],
  ])('item %i reads as the document has it', (n, words) => {
    expect(STATION_DUTIES[n - 1]).toBe(asPrinted(words));
  });
  it('has nine items, numbered 一 to 九', () => {
    expect(STATION_DUTIES).toHaveLength(9);
    expect([1, 2, 9, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十三']);
  });
});

describe('villageStanding', () => {
  const p = (poorVillage: boolean, identifiedYear: number | null, exited = false, exitYear: number | null = null) => ({ poorVillage, identifiedYear, exited, exitYear });
  it.each([
    ['no profile', null, 2020, '非贫困村'],
    ['not a poor village', p(false, null), 2020, '非贫困村'],
    ['identified 2014', p(true, 2014), 2020, '贫困村'],
    ['identified after the year', p(true, 2021), 2020, '非贫困村'],
    ['exited 2019', p(true, 2014, true, 2019), 2020, '已出列'],
    ['exits after the year', p(true, 2014, true, 2021), 2020, '贫困村'],
  ] as const)('%s', (_what, profile, year, standing) => {
    expect(villageStanding(profile, year)).toBe(standing);
  });
});

describe('planYears', () => {
  it('joins planned, actual and exited villages by year', () => {
    expect(planYears([{ year: 2019, households: 2, persons: 8 }], [{ year: 2018, households: 1, persons: 3 }], [2019, null, 2019])).toEqual([
      { year: 2018, plannedHouseholds: 0, plannedPersons: 0, actualHouseholds: 1, actualPersons: 3, exitedVillages: 0 },
      { year: 2019, plannedHouseholds: 2, plannedPersons: 8, actualHouseholds: 0, actualPersons: 0, exitedVillages: 2 },
    ]);
    expect(planYears([], [], [null])).toEqual([]);
  });
});

describe('tileColumns', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 3],
    [9, 4],
    [20, 6],
  ])('%i villages in rows of %i', (n, cols) => expect(tileColumns(n)).toBe(cols));
});
