import { describe, expect, it } from 'vitest';
import { helperCategoryLabel, helperEligibilityProblem } from './helper-eligibility';

// Seed 004: “落实帮扶联系人必须是乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员的要求”;
// “2017年6月后帮扶责任人需调整为乡镇及以上人员”; problem found: “帮扶联系人仅有村干部”.
describe('helperEligibilityProblem', () => {
  it.each([
    ['cadre', '省'],
    ['cadre', '市'],
    ['cadre', '县'],
    ['cadre', '乡'], // 乡镇以上 includes the township itself
    ['enterprise', '高层'],
    ['enterprise', '中层'], // 中层以上 includes middle managers
  ])('%s of level %s is eligible', (kind, level) => {
    expect(helperEligibilityProblem(kind, level)).toBeNull();
  });

  it.each([
    ['cadre', '村', 'level', '单位层级', '村级干部不能担任帮扶责任人：须为乡镇以上党政机关、事业单位在编干部'],
    ['enterprise', '基层', 'level', '管理层级', '企业基层管理人员不能担任帮扶责任人：须为企业中层以上管理人员'],
    ['cadre', '中层', 'level', '单位层级', '应为省、市、县、乡、村之一'],
    ['enterprise', '县', 'level', '管理层级', '应为高层、中层、基层之一'],
    ['farmer', '县', 'kind', '人员类别', '应为党政机关、事业单位干部或企业管理人员'],
  ])('%s of level %s is refused on %s (%s): %s', (kind, level, field, label, message) => {
    expect(helperEligibilityProblem(kind, level)).toEqual({ field, label, message });
  });
});

// Seed 004: “乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员” — how a helper's category is named in lists.
describe('helperCategoryLabel', () => {
  it.each([
    ['cadre', '乡', '党政机关、事业单位干部（乡级）'],
    ['cadre', '县', '党政机关、事业单位干部（县级）'],
    ['enterprise', '中层', '企业管理人员（中层）'],
  ] as const)('%s of level %s → %s', (kind, level, label) => {
    expect(helperCategoryLabel(kind, level)).toBe(label);
  });
});
