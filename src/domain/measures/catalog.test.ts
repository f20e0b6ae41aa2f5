import { describe, expect, it } from 'vitest';
import { EIGHT_PROJECTS, FIVE_BATCHES, POLICY_KINDS } from '../support/policy';
import { batchesOf, classify, MEASURE_KIND_NAMES, type MeasureKindName } from './catalog';

/**
 * Seed 004 (五个一批): “发展生产脱贫一批,易地搬迁脱贫一批,生态补偿脱贫一批,发展教育脱贫一批,社会保障兜底一批”; (精准施策) “(1)产业脱贫工程。
 * (2)就业创业脱贫工程。(3)社保兜底脱贫工程。(4)健康脱贫工程。(5)智力扶贫工程。(6)基础设施建设扶贫工程。(7)金融扶贫工程。(8)社会扶贫工程”.
 * Seed 001: 享受扶贫项目情况 “村组道路建设、危房改造、安全饮水、产业扶持、培训等”.
 */
describe('measure kinds (帮扶措施) classified under 五个一批, 八大工程 and a policy kind', () => {
  it.each<[MeasureKindName, string, string, string]>([
    ['产业扶持/特色种养', '发展生产脱贫一批', '产业脱贫工程', '发展类'],
    ['易地扶贫搬迁', '易地搬迁脱贫一批', '基础设施建设扶贫工程', '发展类'],
    ['生态护林员/生态补偿', '生态补偿脱贫一批', '产业脱贫工程', '增收类'],
    ['学生资助', '发展教育脱贫一批', '智力扶贫工程', '资助类'],
    ['技能培训', '发展教育脱贫一批', '就业创业脱贫工程', '发展类'],
    ['低保兜底', '社会保障兜底一批', '社保兜底脱贫工程', '保障类'],
    ['特困供养', '社会保障兜底一批', '社保兜底脱贫工程', '保障类'],
    ['家庭签约医生', '社会保障兜底一批', '健康脱贫工程', '保障类'],
    ['小额信贷', '发展生产脱贫一批', '金融扶贫工程', '发展类'],
    ['公益性岗位', '发展生产脱贫一批', '就业创业脱贫工程', '增收类'],
    ['危房改造', '发展生产脱贫一批', '基础设施建设扶贫工程', '资助类'],
    ['村组道路建设', '发展生产脱贫一批', '基础设施建设扶贫工程', '发展类'],
  ])('%s → %s, %s, %s', (kind, batch, project, policy) => {
    expect(classify(kind)).toEqual({ batch, project, policy });
  });

  it('files every kind under the shared lists only', () => {
    for (const k of MEASURE_KIND_NAMES) {
      const c = classify(k);
      expect(FIVE_BATCHES).toContain(c.batch);
      expect(EIGHT_PROJECTS).toContain(c.project);
      expect(POLICY_KINDS).toContain(c.policy);
    }
    expect(MEASURE_KIND_NAMES).toHaveLength(17);
  });

  it.each([
    [['低保兜底', '产业扶持/特色种养', '低保兜底'], ['社会保障兜底一批', '发展生产脱贫一批']],
    [['学生资助'], ['发展教育脱贫一批']],
    [['不存在'], []],
  ])('the batches of %j are %j', (kinds, batches) => {
    expect(batchesOf(kinds)).toEqual(batches);
  });
});
