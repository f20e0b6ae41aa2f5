/**
 * National 2017 assessment of the provinces (seed 004, a briefing on “2017年度国家扶贫考核有关要求和变化”). The seed gives
 * the procedure, not an indicator table:
 *   “考核继续实行综合评价的方式,大体分为三个步骤:首先是依据国家第三方评估结果、省际交叉考核结果、扶贫资金绩效考评结果、国家统计局
 *   提供的相关数据、易地扶贫搬迁和健康扶贫专项考核结果进行汇总,并按照一定权重计分;其次是根据中央领导批示以及在督查、巡查、民主党派
 *   监督、国家审计中发现的问题,结合中央纪委机关和检察机关提供的扶贫领域腐败案件查办情况,予以扣分;最后是综合得分和扣分情况,按照好、
 *   较好、一般、较差四个等次确定各省(市、区)的考核等次。”
 * So: each evaluation source is a method that gives the province one result in points of 100; the weighted sum; then
 * the deductions (adjustments); then the four grades. A grave negative instruction may veto.
 *
 * Fund-performance points: the 资金支出进度 part of the 扶贫资金绩效考评 (7 + 3 + 2 points, exclusive bounds) is computed by
 * `spendingProgressPoints` in ../../funds/progress from the funds the system holds; the seed does not give the rest of
 * that 考评's scale, so the 扶贫资金绩效考评 method takes its whole result, converted to 100 points, as entered.
 */
import { SCALE_NATIONAL } from '../engine';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, type Scheme } from '../scheme';
import { cite } from '../../shared/sources';

const GRAVE_INSTRUCTION = '中央领导“负面”批示问题重大';

export const NATIONAL_2017: Scheme = {
  id: 'national-2017',
  name: '2017年度国家扶贫开发工作成效考核',
  unitKind: '省（市、区）',
  source: `${cite('maanshan2017')} 一、2017年度国家扶贫考核有关要求和变化：(二)考核评估内容和方式；(三)2017年国家考核较上年考核的变化；(四)财政专项扶贫资金绩效评价有关要求`,
  year: 2017,
  scale: SCALE_NATIONAL,
  // PLACEHOLDER WEIGHTS. The seed says only “按照一定权重计分”; these numbers are not in it. They give the two large
  // field assessments a quarter each, the fund-performance evaluation a fifth, and the statistics and the two special
  // assessments a tenth each. Administrators set the real weights in a copy of this scheme.
  methods: [
    { key: 'third_party', label: '国家第三方评估', weight: 25 },
    { key: 'cross', label: '省际交叉考核', weight: 25 },
    { key: 'funds', label: '扶贫资金绩效考评', weight: 20 },
    { key: 'statistics', label: '国家统计局提供的相关数据', weight: 10 },
    { key: 'relocation', label: '易地扶贫搬迁考核', weight: 10 },
    { key: 'health', label: '健康扶贫专项考核', weight: 10 },
  ],
  contents: [
    {
      key: 'overall',
      name: '综合评价',
      major: true,
      indicators: [
        {
          key: 'result',
          name: '考核评估结果',
          source: '依据国家第三方评估结果、省际交叉考核结果、扶贫资金绩效考评结果、国家统计局提供的相关数据、易地扶贫搬迁和健康扶贫专项考核结果进行汇总,并按照一定权重计分',
          scoring: { kind: 'points', max: 100 },
        },
      ],
    },
  ],
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  facts: [{ key: GRAVE_INSTRUCTION, label: '中央领导特别是习近平总书记、李克强总理、汪洋副总理等对各省(市、区)脱贫攻坚工作的“负面”情况的批示,问题重大(“如果问题重大,可能会一票否决”)' }],
  rules: [
    // “二是增加中央领导关于各省(市、区)扶贫领域的“负面”批示作为扣分项,甚至会一票否决。” and “如果问题重大,可能会一票否决”.
    // Whether it is grave is decided outside the scheme; the fact records that decision.
    { kind: 'veto', id: 'grave_instruction', fact: GRAVE_INSTRUCTION, text: '增加中央领导关于各省(市、区)扶贫领域的“负面”批示作为扣分项,甚至会一票否决' },
  ],
  // 予以扣分 — the seed names the sources of deductions, not their sizes: at most 10 points each, a documented placeholder.
  adjustments: [
    { key: 'negative_instruction', label: '中央领导批示', sign: -1, max: 10 },
    { key: 'inspection', label: '督查、巡查中发现的问题', sign: -1, max: 10 },
    { key: 'supervision', label: '民主党派监督中发现的问题', sign: -1, max: 10 },
    // “国家审计署对各省扶贫资金使用管理、脱贫攻坚政策落实情况审计实行全覆盖,审计中发现的问题也作为扣分项。”
    { key: 'audit', label: '国家审计中发现的问题', sign: -1, max: 10 },
    { key: 'corruption', label: '中央纪委机关和检察机关提供的扶贫领域腐败案件查办情况', sign: -1, max: 10 },
  ],
};
