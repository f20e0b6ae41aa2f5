import { describe, expect, it } from 'vitest';
import { exitRisk, isMissed, wrongIdentification, type HouseholdEvidence } from './flags';

const base: HouseholdEvidence = {
  status: '未脱贫',
  year: 2017,
  netIncome: 9000,
  size: 3,
  lineYuan: 3300,
  foodSecure: true,
  clothingSecure: true,
  housingSafe: true,
  drinkingWaterSafe: true,
  uninsured: [],
  dropouts: [],
};
const keys = (c: Array<{ key: string }>) => c.map((x) => x.key);

describe('漏评 candidates', () => {
  // Seed 004: “重点关注未纳入建档立卡范围的低保户、重残户、大病户、老人户以及申请户、信访户” — 应纳尽纳“零漏评”.
  it.each([
    ['not in the registry', '11010519750505011X', false, true],
    ['in the registry', '11010519750505011X', true, false],
    ['in the registry, written with a small x', '11010519750505011x', true, false],
  ])('%s', (_, id, known, missed) => {
    expect(isMissed(id, new Set(known ? ['11010519750505011X'] : []))).toBe(missed);
  });
});

describe('错评 candidates (seed 004: 应退尽退“零错评”，坚决剔除违规纳入、识别不精准的建档立卡户)', () => {
  // The registry's identification rule: “新识别贫困户必须以人均纯收入低于3300元为基本依据”.
  it.each<[string, Partial<HouseholdEvidence>, string[]]>([
    ['below the line: no flag', { netIncome: 9000 }, []],
    ['exactly on the line (低于 excludes it): flagged', { netIncome: 9900 }, ['income']],
    ['above the line: flagged', { netIncome: 12000 }, ['income']],
    ['返贫 above the line: flagged', { status: '返贫', netIncome: 12000 }, ['income']],
    ['no income recorded: not judged', { netIncome: null, year: null }, []],
    ['no line for the year: not judged', { lineYuan: null, netIncome: 12000 }, []],
    ['exited households are not 错评 candidates', { status: '已脱贫', netIncome: 12000 }, []],
    ['两不愁三保障 alone does not decide identification', { netIncome: 9000, housingSafe: false }, []],
  ])('%s', (_, over, expected) => {
    expect(keys(wrongIdentification({ ...base, ...over }))).toEqual(expected);
  });
});

describe('错退 / 返贫 risk (seed 004: 凡是尚未完全解决“两不愁、三保障”的，必须及时返贫)', () => {
  const exited = { ...base, status: '已脱贫', netIncome: 12000 };
  it.each<[string, Partial<HouseholdEvidence>, string[]]>([
    ['all holds: no flag', {}, []],
    ['housing no longer safe', { housingSafe: false }, ['housing']],
    ['food not secure', { foodSecure: false }, ['foodClothing']],
    ['a member not insured', { uninsured: ['阿果'] }, ['medical']],
    ['a dropout for poverty', { dropouts: ['木呷'] }, ['education']],
    ['drinking water not safe', { drinkingWaterSafe: false }, ['water']],
    ['income fell to the line (超过 excludes it)', { netIncome: 9900 }, ['income']],
    ['稳定脱贫 below the line', { status: '稳定脱贫', netIncome: 3000 }, ['income']],
    ['no income: only 两不愁三保障 speak', { netIncome: null, year: null, housingSafe: false }, ['housing']],
    ['未脱贫 households are not 错退 risks', { status: '未脱贫', housingSafe: false }, []],
  ])('%s', (_, over, expected) => {
    expect(keys(exitRisk({ ...exited, ...over }))).toEqual(expected);
  });
});
