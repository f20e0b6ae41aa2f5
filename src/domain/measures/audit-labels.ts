/** The audit log's names of the records of 帮扶措施 and 脱贫规划 (issue 15), and of their fields. */
export const MEASURES_ENTITY_LABELS = {
  measure: '帮扶措施',
  household_plan: '脱贫时限和脱贫计划',
  region_plan: '脱贫规划',
} as const;
export type MeasuresEntity = keyof typeof MEASURES_ENTITY_LABELS;

export const MEASURES_FIELD_LABELS: Record<MeasuresEntity, Record<string, string>> = {
  measure: { householdId: '贫困户', villageCode: '村', kind: '措施类别', state: '状态', on: '日期', helperId: '帮扶责任人', helperName: '帮扶责任人姓名', unit: '责任单位', cost: '投入资金（元）', projectId: '扶贫项目', note: '备注' },
  household_plan: { householdId: '贫困户', targetYear: '脱贫时限', plan: '脱贫计划' },
  region_plan: { regionCode: '地区', year: '年度', plannedHouseholds: '计划脱贫户数', plannedPersons: '计划脱贫人数', plannedVillageExits: '计划出列村数', plannedPerCapita: '计划年末人均纯收入（元）' },
};
