import { describe, expect, it } from 'vitest';
import { validateEntry, type RawEntry } from './validate-entry';

const now = new Date('2020-06-30T00:00:00+08:00');
const base: RawEntry = {
  orgId: 1,
  memberIds: [],
  subtypeCode: '0201',
  target: { kind: 'text', text: '昭觉县三河村核桃基地' },
  content: '投资并提供技术支持发展核桃种植',
  funds: { donation: '0', personal: '1.5', social: '', bank: null, fiscal: 0.0001 },
  beneficiaries: 120,
  startYear: 2019,
  notOfficialDuty: true,
};

function errorsOf(overrides: RawEntry) {
  const result = validateEntry({ ...base, ...overrides }, now);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.message]);
}

describe('validateEntry', () => {
  it('accepts a complete entry and keeps money in whole yuan', () => {
    const result = validateEntry(base, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.funds).toEqual({ donation: 0, personal: 15000, social: 0, bank: 0, fiscal: 1 });
    expect(result.value.unit).toBe('件');
    expect(result.value.categoryCode).toBe('02');
  });

  it.each<[string, RawEntry, string, string]>([
    // Seed 000 §一.1: “政协委员职务履职的事项不录入”
    ['职务履职 not confirmed', { notOfficialDuty: false }, 'notOfficialDuty', '请确认本事项不属于委员职务履职（履行本职工作的事项不录入）'],
    // Seed 000 §一.3–7: every fund source “单位为万元”; an amount is never negative
    ['negative 个人资金', { funds: { personal: '-1' } }, 'funds.personal', '金额不能为负数'],
    ['5 decimals of 万元', { funds: { social: '0.00001' } }, 'funds.social', '最多保留 4 位小数（万元）'],
    ['unknown sub-type', { subtypeCode: '0999' }, 'subtypeCode', '“0999”不是台账规定的类别'],
    ['no content', { content: '  ' }, 'content', '请完整、简要概述帮扶事项'],
    ['no target', { target: null }, 'target', '请选择帮扶对象（村）或填写其他对象'],
    ['bad village code', { target: { kind: 'region', regionCode: '5134' } }, 'target.regionCode', '应为 12 位行政区划代码'],
    ['end before start', { startYear: 2019, endYear: 2018 }, 'endYear', '结束年度不能早于开始年度'],
    ['future start', { startYear: 2021 }, 'startYear', '应在 2013 至 2020 年之间'],
    ['fractional beneficiaries', { beneficiaries: 1.5 }, 'beneficiaries', '应为不小于 0 的整数'],
    // Seed 000 §八: 结对帮扶 is “发文明确联系帮扶的贫困村/贫困户”
    [
      'pairing without a document number',
      { subtypeCode: '0702', target: { kind: 'text', text: '张三户' } },
      'documentNumber',
      '结对帮扶须填写明确联系帮扶的发文文号；未经发文明确的联系帮扶请录入“其他”类',
    ],
    // Seed 000 §一.1: “1件事（包括结对帮扶的1个村或1户贫困户）只录入1次”
    [
      'pairing with two villages in one entry',
      { subtypeCode: '0701', count: 2, documentNumber: '凉委办〔2018〕12号', target: { kind: 'region', regionCode: '513431100201' } },
      'count',
      '结对帮扶每个贫困村单独录入 1 次，数量应为 1',
    ],
    [
      'pairing village typed as free text',
      { subtypeCode: '0701', documentNumber: '凉委办〔2018〕12号' },
      'target',
      '结对帮扶贫困村应从行政区划中选择村',
    ],
  ])('%s', (_name, overrides, field, message) => {
    expect(errorsOf(overrides)).toContainEqual([field, message]);
  });

  it('reports every error at once', () => {
    expect(errorsOf({ subtypeCode: 'x', content: '', funds: { bank: '-2' }, notOfficialDuty: undefined })).toHaveLength(4);
  });

  it('treats an end year equal to the start year as a single-year deed', () => {
    const result = validateEntry({ ...base, endYear: 2019 }, now);
    expect(result.ok && result.value.endYear).toBe(null);
  });

  it('counts 结对帮扶·贫困村 in 个 and 贫困户 in 户', () => {
    const village = validateEntry(
      { ...base, subtypeCode: '0701', documentNumber: '凉委办〔2018〕12号', target: { kind: 'region', regionCode: '513431100201' } },
      now,
    );
    const household = validateEntry({ ...base, subtypeCode: '0702', documentNumber: '凉委办〔2018〕12号' }, now);
    expect(village.ok && village.value.unit).toBe('个');
    expect(household.ok && household.value.unit).toBe('户');
  });
});
