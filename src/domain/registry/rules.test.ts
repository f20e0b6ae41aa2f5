import { describe, expect, it } from 'vitest';
import { checkCauses } from './causes';
import { householdExit, identifyHousehold, stableExitMarking, type HouseholdFacts } from './household-rules';
import { checkLabour } from './labour';
import { COLLECTIVE_INCOME_THRESHOLDS, DEFAULT_VILLAGE_EXIT, villageExit, villageExitParams, type VillageFacts } from './village-exit';

const member = { name: '吉克', schooling: '已毕业' as const, medicalEligible: true, medicalInsured: true };
const household = (over: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  income: { netIncome: 9900, householdSize: 3, perCapita: 3300 },
  foodSecure: true,
  clothingSecure: true,
  housingSafe: true,
  drinkingWaterSafe: true,
  members: [member],
  ...over,
});
const net = (perCapita: number, size = 3) => ({ netIncome: perCapita * size, householdSize: size, perCapita });

// Seed 004: “新识别贫困户必须以人均纯收入低于3300元为基本依据” — 低于 excludes the line itself.
describe('identifyHousehold (line 3300)', () => {
  it.each([
    [3299, true],
    [3300, false],
    [3301, false],
  ])('per capita %i → identified %s', (perCapita, expected) => {
    expect(identifyHousehold(household({ income: net(perCapita) }), 3300).passed).toBe(expected);
  });

  it('judges the whole household exactly: 9,899 元 for 3 persons is below 3,300 even though it rounds to 3,300', () => {
    expect(identifyHousehold(household({ income: { netIncome: 9899, householdSize: 3, perCapita: 3300 } }), 3300).passed).toBe(true);
  });

  it('shows 两不愁三保障 beside the income without letting it decide', () => {
    const v = identifyHousehold(household({ income: net(2000), housingSafe: false }), 3300);
    expect(v.passed).toBe(true);
    expect(v.criteria.find((c) => c.key === 'housing')).toMatchObject({ passed: null, reason: '未保障' });
  });
});

// Seed 004 贫困人口脱贫标准 (1)–(4); “超过国家扶贫标准” excludes the line itself.
describe('householdExit (line 3300)', () => {
  it.each<[string, Partial<HouseholdFacts>, string | null]>([
    ['all met', { income: net(3301) }, null],
    ['income exactly at the line', { income: net(3300) }, 'income'],
    ['food not secure', { income: net(5000), foodSecure: false }, 'foodClothing'],
    ['unsafe housing', { income: net(5000), housingSafe: false }, 'housing'],
    ['a child out of school because of poverty', { income: net(5000), members: [member, { ...member, name: '阿果', schooling: '辍学', dropoutForPoverty: true }] }, 'education'],
    ['a dropout for another reason does not block', { income: net(5000), members: [{ ...member, schooling: '辍学', dropoutForPoverty: false }] }, null],
    ['an eligible member without basic medical insurance', { income: net(5000), members: [{ ...member, medicalInsured: false }] }, 'medical'],
    ['an ineligible member without insurance does not block', { income: net(5000), members: [{ ...member, medicalEligible: false, medicalInsured: false }] }, null],
  ])('%s', (_name, over, failing) => {
    const v = householdExit(household(over), 3300);
    expect(v.passed).toBe(failing === null);
    expect(v.criteria.filter((c) => c.passed === false).map((c) => c.key)).toEqual(failing ? [failing] : []);
  });
});

// Issue 10: the reason shows the per-capita figure the rule compared, exactly — never rounded onto the line.
// Seed 004: “新识别贫困户必须以人均纯收入低于3300元为基本依据” and “该户年人均可支配收入稳定超过国家扶贫标准”.
describe('the income reason shows the per-capita figure exactly', () => {
  const reasonOf = (rule: typeof identifyHousehold, netIncome: number, householdSize: number) =>
    rule(household({ income: { netIncome, householdSize, perCapita: Math.round(netIncome / householdSize) } }), 3300).criteria.find((c) => c.key === 'income')!;
  it.each<[string, typeof identifyHousehold, number, number, boolean, string]>([
    ['超过 (exit)', householdExit, 13201, 4, true, '人均纯收入 3,300.25 元（纯收入 13,201 元 ÷ 4 人），标准 3,300 元：超过标准'],
    ['超过 (exit), exactly at the line', householdExit, 13200, 4, false, '人均纯收入 3,300 元（纯收入 13,200 元 ÷ 4 人），标准 3,300 元：不超过标准'],
    ['超过 (exit), a quotient that does not end', householdExit, 9901, 3, true, '人均纯收入 约 3,300.33 元（纯收入 9,901 元 ÷ 3 人），标准 3,300 元：超过标准'],
    ['低于 (identification)', identifyHousehold, 13199, 4, true, '人均纯收入 3,299.75 元（纯收入 13,199 元 ÷ 4 人），标准 3,300 元：低于标准'],
    ['低于 (identification), a quotient that does not end', identifyHousehold, 9899, 3, true, '人均纯收入 约 3,299.67 元（纯收入 9,899 元 ÷ 3 人），标准 3,300 元：低于标准'],
    ['低于 (identification), 3,300.25 is not below', identifyHousehold, 13201, 4, false, '人均纯收入 3,300.25 元（纯收入 13,201 元 ÷ 4 人），标准 3,300 元：不低于标准'],
  ])('%s: %i 元 ÷ %i 人', (_name, rule, netIncome, size, passed, reason) => {
    expect(reasonOf(rule, netIncome, size)).toMatchObject({ passed, reason });
  });
});

// Seed 004 贫困村出列标准: “降至2%以下”“1项以上”“5万元以上” include the bound.
describe('villageExit', () => {
  const village = (over: Partial<VillageFacts> = {}): VillageFacts => ({
    remainingPoor: 20,
    certifiedPopulation: 1000,
    specialtyIndustries: 1,
    collectiveIncomeYuan: 50000,
    infrastructureImproved: true,
    publicServicesImproved: true,
    ...over,
  });
  it.each<[string, Partial<VillageFacts>, string | null]>([
    ['exactly 2% and exactly 5万 and 1 industry', {}, null],
    ['2.1%', { remainingPoor: 21 }, 'incidence'],
    ['no certified population', { certifiedPopulation: 0 }, 'incidence'],
    ['no specialty industry', { specialtyIndustries: 0 }, 'industry'],
    ['collective income 49,999 元', { collectiveIncomeYuan: 49999 }, 'collectiveIncome'],
    ['public services not improved', { publicServicesImproved: false }, 'services'],
  ])('%s', (_name, over, failing) => {
    const v = villageExit(village(over));
    expect(v.criteria.filter((c) => c.passed === false).map((c) => c.key)).toEqual(failing ? [failing] : []);
  });

  it.each<[number, number, boolean, string]>([
    [20, 1000, true, '剩余贫困人口 20 人 ÷ 全村总人口 1000 人 = 2.00%'],
    [2004, 100000, false, '剩余贫困人口 2004 人 ÷ 全村总人口 100000 人 = 2.004%'],
    [7, 351, true, '剩余贫困人口 7 人 ÷ 全村总人口 351 人 = 约 1.994%'],
  ])('states the incidence exactly: %i ÷ %i', (remainingPoor, certifiedPopulation, passed, reason) => {
    expect(villageExit(village({ remainingPoor, certifiedPopulation })).criteria[0]).toMatchObject({ passed, reason });
  });

  it('takes the 8万元 threshold as a parameter (seed 004: “年收入在8万元以上”)', () => {
    const params = { maxIncidencePercent: 2, minCollectiveIncomeYuan: 80000, minSpecialtyIndustries: 1 };
    expect(villageExit(village({ collectiveIncomeYuan: 79999 }), params).passed).toBe(false);
    expect(villageExit(village({ collectiveIncomeYuan: 80000 }), params).passed).toBe(true);
  });

  it('keeps seed 004’s thresholds unless a caller chose another (issue 10: no threshold outside the domain)', () => {
    expect(villageExitParams({ minCollectiveIncomeYuan: undefined })).toEqual({ maxIncidencePercent: 2, minCollectiveIncomeYuan: 50000, minSpecialtyIndustries: 1 });
    expect(villageExitParams({ minCollectiveIncomeYuan: COLLECTIVE_INCOME_THRESHOLDS[1] })).toEqual({ ...DEFAULT_VILLAGE_EXIT, minCollectiveIncomeYuan: 80000 });
  });
});

// Seed 004: “属于‘社会保障兜底一批’的脱贫户不得标注为‘稳定脱贫户’”
describe('stableExitMarking', () => {
  it.each([
    ['已脱贫', '一般贫困户', true],
    ['未脱贫', '一般贫困户', false],
    ['已脱贫', '低保贫困户', false],
    ['已脱贫', '特困供养贫困户', false],
    ['稳定脱贫', '一般贫困户', false],
  ] as const)('%s %s → %s', (status, attribute, expected) => {
    expect(stableExitMarking({ status, attribute }).passed).toBe(expected);
  });
});

// Seed 004: “主要致贫原因仅1个,次要致贫原因与主要致贫原因不重复,且不超过2个。”
describe('checkCauses', () => {
  it.each<[string | null, string[], string[]]>([
    ['因病', ['缺资金', '缺技术'], []],
    ['因病', [], []],
    [null, ['缺资金'], ['须填写 1 个主要致贫原因']],
    ['因病', ['因病'], ['次要致贫原因不能与主要致贫原因重复']],
    ['因病', ['缺资金', '缺技术', '缺水'], ['次要致贫原因不超过 2 个']],
    ['因懒', [], ['“因懒”不是标准致贫原因']],
    ['因学', ['缺水', '缺水'], ['次要致贫原因不能重复']],
  ])('%s + %j → %j', (main, secondary, messages) => {
    expect(checkCauses(main, secondary).map((p) => p.message)).toEqual(messages);
  });
});

// Seed 004 labour definitions: under 16 none; 65 and over none unless they have work time and income.
describe('labour ability', () => {
  it.each([
    ['普通劳动力', { age: 12, workMonths: 0, workIncomeYuan: 0, hasQualificationCertificate: false }, '12 岁未满 16 周岁，应为无劳动力'],
    ['普通劳动力', { age: 66, workMonths: 0, workIncomeYuan: 0, hasQualificationCertificate: false }, '66 岁已满 65 周岁，原则上无劳动力；有务工时间和务工收入的方可填写有劳动力'],
    ['普通劳动力', { age: 66, workMonths: 3, workIncomeYuan: 5000, hasQualificationCertificate: false }, null],
    ['技能劳动力', { age: 30, workMonths: 3, workIncomeYuan: 5000, hasQualificationCertificate: false }, '技能劳动力须取得人社部门颁发的执业资格证书'],
    ['无劳动力', { age: 10, workMonths: 0, workIncomeYuan: 0, hasQualificationCertificate: false }, null],
  ] as const)('declared %s with %j → %s', (declared, facts, message) => {
    expect(checkLabour(declared, facts)).toBe(message);
  });
});
