/**
 * Anhua county CPPCC 2018 (seed 002, 安协发〔2018〕2号《政协安化县委员会2018年“脱贫攻坚专项行动”实施方案》, 六、考核奖惩):
 * the participation of 委组 and 委员 in poverty work as a first-level indicator of 30 points in the 2018 performance
 * assessment of the CPPCC system, with three one-vote vetoes.
 *
 * Awards (六3 严格评优标准) follow from the funds and goods raised, not from the grade: `award` and `AWARD_THRESHOLDS` in
 * ../engine — 委组 ≥ 5 万元, 经促分会 ≥ 20 万元, 工商联企业或商会 ≥ 20 万元 (“以上” includes the number).
 *
 * The seed names no grades. The scheme uses the national four (好 / 较好 / 一般 / 较差) with the documented default
 * thresholds on the indicator's points converted to 100, so that a veto has a worst grade to give; a placeholder an
 * administrator's copy may change.
 */
import { SCALE_NATIONAL } from '../engine';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, type Scheme } from '../scheme';
import { cite } from '../../shared/sources';

const NO_BASE = '没有创建产业扶贫基地的乡镇联工委';
const NO_VISIT = '没有开展扶贫下乡活动的县直委员组';
const NOT_IN_ACTION = '没有参与“三个一”扶贫行动的委员';

export const ANHUA_2018: Scheme = {
  id: 'anhua-cppcc-2018',
  name: '政协安化县委员会2018年“脱贫攻坚专项行动”考核',
  // “将委组、委员参与脱贫攻坚工作作为2018年政协系统绩效考核重要内容”: 委组 are the 乡镇政协联络工作委员会 and 县直委员组.
  unitKind: '委组、委员',
  source: `${cite('anhua2018')}六、考核奖惩`,
  year: 2018,
  scale: SCALE_NATIONAL,
  // The seed's only method is the performance assessment itself.
  methods: [{ key: 'performance', label: '2018年政协系统绩效考核', weight: 100 }],
  contents: [
    {
      key: 'participation',
      name: '委组、委员参与脱贫攻坚工作',
      major: true,
      indicators: [
        {
          key: 'participation',
          name: '参与脱贫攻坚工作',
          source: '将委组、委员参与脱贫攻坚工作作为2018年政协系统绩效考核重要内容,列为一级考核指标,分值设置为30分。',
          scoring: { kind: 'points', max: 30 },
        },
      ],
    },
  ],
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  // “对于没有创建产业扶贫基地的乡镇联工委,没有开展扶贫下乡活动的县直委员组,没有参与“三个一”扶贫行动的委员,实行一票否决。” —
  // one sentence, one rule per unit kind. Each fact applies to one kind of unit; for the others it stays false.
  facts: [
    { key: NO_BASE, label: NO_BASE },
    { key: NO_VISIT, label: NO_VISIT },
    { key: NOT_IN_ACTION, label: NOT_IN_ACTION },
  ],
  rules: [
    { kind: 'veto', id: 'no_base', fact: NO_BASE, text: '对于没有创建产业扶贫基地的乡镇联工委,实行一票否决' },
    { kind: 'veto', id: 'no_visit', fact: NO_VISIT, text: '对于没有开展扶贫下乡活动的县直委员组,实行一票否决' },
    { kind: 'veto', id: 'not_in_action', fact: NOT_IN_ACTION, text: '对于没有参与“三个一”扶贫行动的委员,实行一票否决' },
  ],
  adjustments: [],
};
