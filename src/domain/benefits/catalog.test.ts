import { describe, expect, it } from 'vitest';
import { refusalForStatus } from '../support/policy';
import { BENEFIT_POLICIES, policiesOf, policyNamed } from './catalog';

/**
 * Seed 004 收入计算: “年收入=工资性收入+生产经营性收入+财产性收入+转移性收入(包括补贴、低保金、养老保险金、生态补偿金等)”;
 * 稳定脱贫户: “原则上除原有的保障类和资助类扶贫政策外，今后不再安排其他增收或发展类的扶贫项目”.
 */
describe('benefit catalog (政策享受)', () => {
  it.each<[string, string, string, '人' | '户', string]>([
    ['教育资助', '教育', '资助类', '人', 'subsidies'],
    ['基本医保参保代缴', '医保', '资助类', '人', 'none'],
    ['医疗救助', '医保', '保障类', '人', 'other'],
    ['低保金', '民政', '保障类', '户', 'minimumLiving'],
    ['特困供养金', '民政', '保障类', '人', 'extremePoverty'],
    ['危房改造补助', '住建', '资助类', '户', 'none'],
    ['产业奖补', '农业农村', '发展类', '户', 'subsidies'],
    ['小额信贷贴息', '金融', '发展类', '户', 'subsidies'],
    ['公益性岗位', '人社', '增收类', '人', 'wages'],
    ['光伏分红', '扶贫办', '增收类', '户', 'property'],
    ['生态补偿', '林业', '保障类', '户', 'ecological'],
    ['生态护林员', '林业', '增收类', '人', 'wages'],
    ['养老金', '人社', '保障类', '人', 'pension'],
  ])('%s: %s部门, %s, per %s, income item %s', (name, department, kind, per, component) => {
    const p = policyNamed(name)!;
    expect(p).toMatchObject({ kind, per, component });
    expect(p.departments[0]).toBe(department);
  });

  it('every policy is handed over by at least one department, and names are unique', () => {
    expect(new Set(BENEFIT_POLICIES.map((p) => p.name)).size).toBe(BENEFIT_POLICIES.length);
    expect(policiesOf('民政').map((p) => p.name)).toEqual(expect.arrayContaining(['低保金', '特困供养金', '医疗救助']));
  });

  it.each<[string, boolean]>([
    ['低保金', false],
    ['教育资助', false],
    ['危房改造补助', false],
    ['产业奖补', true],
    ['公益性岗位', true],
    ['光伏分红', true],
  ])('稳定脱贫户 and %s: flagged %s', (name, flagged) => {
    expect(refusalForStatus('稳定脱贫', policyNamed(name)!.kind) !== null).toBe(flagged);
    expect(refusalForStatus('已脱贫', policyNamed(name)!.kind)).toBeNull();
  });
});
