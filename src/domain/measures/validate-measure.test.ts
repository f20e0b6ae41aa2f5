import { describe, expect, it } from 'vitest';
import { checkHouseholdPlan, checkMeasure, type MeasureFields } from './validate-measure';

const ok: MeasureFields = { kind: '产业扶持/特色种养', state: '计划', on: '2020-03-01', helperId: null, unit: '县农业农村局', cost: 3000, projectId: null, note: '' };
const fields = (m: Partial<MeasureFields>, status = '未脱贫', previousKind: string | null = null) =>
  checkMeasure({ ...ok, ...m }, { status, helperIds: [7], previousKind }).map((e) => e.field);

describe('a measure (帮扶措施) as entered: field errors', () => {
  it.each<[string, Partial<MeasureFields>, string[]]>([
    ['a valid measure', {}, []],
    ['a helper of the household instead of a unit', { helperId: 7, unit: '' }, []],
    ['an unknown kind', { kind: '修建楼堂馆所' }, ['kind']],
    ['a state other than 计划 / 已实施', { state: '进行中' }, ['state']],
    ['an impossible date', { on: '2020-02-30' }, ['on']],
    ['nobody responsible', { unit: ' ' }, ['unit']],
    ['a helper not of the household', { helperId: 8 }, ['helperId']],
    ['a negative cost', { cost: -1 }, ['cost']],
    ['a cost in 角', { cost: 10.5 }, ['cost']],
  ])('%s', (_what, m, expected) => {
    expect(fields(m)).toEqual(expected);
  });
});

/**
 * Seed 004: “标注为“稳定脱贫户”的，原则上除原有的保障类和资助类扶贫政策外，今后不再安排其他增收或发展类的扶贫项目”.
 */
describe('a 稳定脱贫户 is given no new 增收类 or 发展类 measure', () => {
  it.each<[string, string, string | null, boolean]>([
    ['产业扶持/特色种养', '稳定脱贫', null, true],
    ['小额信贷', '稳定脱贫', null, true],
    ['公益性岗位', '稳定脱贫', null, true],
    ['技能培训', '稳定脱贫', null, true],
    ['低保兜底', '稳定脱贫', null, false],
    ['学生资助', '稳定脱贫', null, false],
    ['危房改造', '稳定脱贫', null, false],
    ['产业扶持/特色种养', '已脱贫', null, false],
    ['产业扶持/特色种养', '未脱贫', null, false],
    // 原有的: a measure arranged before the marking keeps its kind when edited.
    ['产业扶持/特色种养', '稳定脱贫', '产业扶持/特色种养', false],
  ])('%s for a household %s (before: %s): refused %s', (kind, status, previousKind, refused) => {
    const errors = checkMeasure({ ...ok, kind }, { status, helperIds: [], previousKind });
    expect(errors.some((e) => e.field === 'kind' && e.message.includes('稳定脱贫户'))).toBe(refused);
    if (refused) expect(errors[0]!.message).toContain('今后不再安排其他增收或发展类的扶贫项目');
  });
});

/** Seed 001: 贫困户精准扶贫一览表 “包括家庭构成、贫困成因、帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限等”. */
describe('a household plan (脱贫时限, 脱贫计划)', () => {
  it.each<[number | null, string, string[]]>([
    [2019, '发展养殖', []],
    [null, '', []],
    [2013, '', ['targetYear']],
    [2031, '', ['targetYear']],
    [2019, 'x'.repeat(2001), ['plan']],
  ])('target %s', (targetYear, plan, expected) => {
    expect(checkHouseholdPlan({ targetYear, plan }, 2014).map((e) => e.field)).toEqual(expected);
  });
});
