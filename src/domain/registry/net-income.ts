/**
 * 纯收入 as a sum over the income items kept per household and year (seed 004 “贫困户收入计算”: 纯收入=年收入-生产经营性支出;
 * 年收入=工资性收入+生产经营性收入+财产性收入+转移性收入(包括补贴、低保金、养老保险金、生态补偿金等)), the same sum as
 * `computeIncome`, written as data so that SQL over the stored items (data-quality checks) is built from it. 因病、因学支出
 * are shown beside it (入不敷出) and are not part of it.
 */
export const NET_INCOME_TERMS = {
  added: ['wages', 'business', 'property', 'subsidies', 'minimumLiving', 'extremePoverty', 'pension', 'ecological', 'otherTransfer'],
  subtracted: ['businessCosts'],
} as const;

export type NetIncomeItem = (typeof NET_INCOME_TERMS)['added'][number] | (typeof NET_INCOME_TERMS)['subtracted'][number];

/** 纯收入 of stored items (integer yuan). */
export function netIncomeOf(items: Readonly<Record<NetIncomeItem, number>>): number {
  return NET_INCOME_TERMS.added.reduce((sum, k) => sum + items[k], 0) - NET_INCOME_TERMS.subtracted.reduce((sum, k) => sum + items[k], 0);
}
