import { describe, expect, it } from 'vitest';
import { halfYear } from '../pairing/half-year-visit';
import { returnRisks, type ExitedHouseholdFacts } from './return-risk';

/**
 * Seed 004: “脱贫人口脱贫以后，每半年至少上门回访1次……切实做好防范返贫”; 稳定脱贫户 “仍需安排帮扶联系人定期走访、监测贫困状况、
 * 更新扶贫手册”; 脱贫标准 “该户年人均可支配收入稳定超过国家扶贫标准且吃穿不愁……有安全住房……”.
 */
const base: ExitedHouseholdFacts = {
  status: '已脱贫',
  lastVisitOn: '2026-03-10',
  foodSecure: true,
  clothingSecure: true,
  housingSafe: true,
  drinkingWaterSafe: true,
  dropouts: 0,
  uninsured: 0,
  income: { year: 2025, netIncome: 16_000, householdSize: 4 },
  lineYuan: 3_300,
};
const h1 = halfYear(2026, 1);

describe('returnRisks (防返贫监测, seed 004)', () => {
  it.each<[string, Partial<ExitedHouseholdFacts>, string[]]>([
    ['visited this half-year, everything held: no risk', {}, []],
    ['未脱贫 households are not monitored here', { status: '未脱贫', lastVisitOn: null }, []],
    ['清退 households are not monitored', { status: '清退', lastVisitOn: null }, []],
    ['never visited: 每半年至少上门回访1次', { lastVisitOn: null }, ['visit']],
    ['visited only last half-year', { lastVisitOn: '2025-12-31' }, ['visit']],
    ['稳定脱贫 still needs the visit (仍需安排帮扶联系人定期走访)', { status: '稳定脱贫', lastVisitOn: '2025-08-01' }, ['visit']],
    ['housing not safe (有安全住房)', { housingSafe: false }, ['guarantee']],
    ['a dropout for poverty (家庭无因贫辍学学生)', { dropouts: 1 }, ['guarantee']],
    ['income below the line (稳定超过国家扶贫标准)', { income: { year: 2025, netIncome: 13_199, householdSize: 4 } }, ['income']],
    ['income exactly on the line is not below it', { income: { year: 2025, netIncome: 13_200, householdSize: 4 } }, []],
    ['no income recorded, no line: not judged on income', { income: null, lineYuan: null }, []],
    ['all three', { lastVisitOn: null, foodSecure: false, income: { year: 2025, netIncome: 100, householdSize: 1 } }, ['visit', 'guarantee', 'income']],
  ])('%s', (_name, over, keys) => {
    expect(returnRisks({ ...base, ...over }, h1).map((r) => r.key)).toEqual(keys);
  });

  it('words the reasons', () => {
    const [visit, guarantee] = returnRisks({ ...base, lastVisitOn: null, foodSecure: false, uninsured: 2 }, h1);
    expect(visit!.reason).toContain('2026 年上半年尚未上门回访');
    expect(guarantee!.reason).toBe('未保障：口粮、基本医疗（2 人未参加基本医保）');
  });
});
