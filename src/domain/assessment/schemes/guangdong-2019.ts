/**
 * What the two Guangdong 2019 city schemes share (seed 003, 附件 1: 《2019年地级以上市党委和政府扶贫开发工作成效考核方案》,
 * 粤农扶组〔2019〕31号): the three assessment methods and their weights, the grade descriptions of 附件 1-1, the
 * consequence of 六(五), and the two-level 考核内容 column of the indicator tables (附件 1-2, 1-3).
 */
import { SCALE_NATIONAL, type Weighted } from '../engine';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, type Content, type Scheme } from '../scheme';
import { citeShort } from '../../shared/sources';
import type { Consequence } from './consequence';

/**
 * 五、考核方式 names the methods; 六(四) gives the weights: “交叉考核、第三方评估和日常工作情况，分别按 40%、30%、30% 的权重，
 * 形成综合评价结果。”
 */
export const GUANGDONG_2019_METHODS: Weighted[] = [
  { key: 'cross', label: '交叉考核', weight: 40 },
  { key: 'third', label: '第三方评估', weight: 30 },
  { key: 'daily', label: '日常工作情况', weight: 30 },
];

/** 附件 1-1：2019 年地级以上市党委和政府扶贫开发工作成效考核等次评价标准 (verbatim). */
export const GUANGDONG_2019_GRADE_DESCRIPTIONS: Record<string, string> = {
  好: '年度扶贫成效显著，完成年度减贫任务且质量高，脱贫攻坚责任和扶贫政策措施落实到位，重点工作进展明显，扶贫资金使用率高、管理规范、效益突出，相对贫困人口动态管理精准，因村因户帮扶工作群众满意度高，无重大违纪违规问题。',
  较好: '年度扶贫成效较好，完成年度减贫任务且质量较高，脱贫攻坚责任和扶贫政策措施落实到位，重点工作进展较好，扶贫资金使用率较高、管理较规范、效益较突出，相对贫困人口动态管理较精准，因村因户帮扶工作群众满意度较高，无重大违纪违规问题。',
  一般: '年度扶贫成效一般，完成年度减贫任务和质量一般，脱贫攻坚责任和扶贫政策措施落实、重点工作推进、扶贫资金使用管理、相对贫困人口动态管理等方面表现一般，在某一或某些方面问题较多且较为突出，造成社会不良影响等。',
  较差: '年度扶贫成效不明显，完成年度减贫任务和质量较差、脱贫攻坚责任和扶贫政策措施落实、重点工作推进、扶贫资金使用管理、相对贫困人口动态管理等方面问题多且突出，社会影响恶劣等。',
};

/**
 * 六(五) 结果审定及运用 — a list that follows from the result, not a grade rule. (Its second half, “某些方面存在突出问题的”,
 * is a judgement outside the grades and is not listed.)
 */
export const GUANGDONG_2019_CONSEQUENCES: Consequence[] = [
  {
    grades: ['一般', '较差'],
    action: '谈话提醒',
    source: '对综合评价一般及以下或某些方面存在突出问题的地级以上市，由省扶贫开发领导小组对其进行谈话提醒',
  },
];

/**
 * One row group of an indicator table: the first-level 考核内容 (一、减贫成效 …, the numbering dropped), its second-level
 * 考核内容 (贫困地区减贫人口 …) and the rows [key, 考核指标 (numbering dropped), 数据来源].
 */
export interface TableContent {
  key: string;
  name: string;
  groups: Array<{ name: string; rows: Array<[key: string, name: string, source: string]> }>;
}

/** 一、减贫成效: the same two rows in 附件 1-2 (被帮扶市) and 附件 1-3 (对口帮扶市). */
export const GUANGDONG_2019_REDUCTION: TableContent = {
  key: 'reduction',
  name: '减贫成效',
  groups: [
    { name: '贫困地区减贫人口', rows: [['real_reduction', '实际减贫人口的真实情况', '各地提供和实地核查']] },
    { name: '贫困村增收成效', rows: [['village_income', '相对贫困村人均可支配收入情况', '扶贫和统计部门调查监测']] },
  ],
};

/**
 * The Scheme tree has one level of content; the tables have two. The first level becomes the content (a major item),
 * the second is kept beside the scheme (`secondLevel`: indicator key → its second-level 考核内容) for the table layout.
 */
export function fromTable(table: TableContent[]): { contents: Content[]; secondLevel: Record<string, string> } {
  const contents = table.map((c) => ({
    key: c.key,
    name: c.name,
    major: true,
    indicators: c.groups.flatMap((g) => g.rows.map(([key, name, source]) => ({ key, name, source, scoring: { kind: 'grade' as const } }))),
  }));
  const secondLevel = Object.fromEntries(table.flatMap((c) => c.groups.flatMap((g) => g.rows.map(([key]) => [key, g.name]))));
  return { contents, secondLevel };
}

/** The parts of a Guangdong 2019 city scheme that do not depend on the table. */
export const GUANGDONG_2019_COMMON: Pick<Scheme, 'year' | 'scale' | 'methods' | 'gradePoints' | 'gradeThresholds' | 'facts' | 'rules' | 'adjustments' | 'gradeDescriptions'> = {
  year: 2019,
  // 六(四): “综合评价结果分为好、较好、一般和较差四个等次（评价标准见附件）”; the tables' 考评等次 columns are the same four.
  scale: SCALE_NATIONAL,
  methods: GUANGDONG_2019_METHODS,
  // The seed grades indicators by words; averaging them needs points: the documented defaults.
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  // The scheme states no floor, cap or veto; 附件 1-1 describes the grades in words only.
  facts: [],
  rules: [],
  adjustments: [],
  gradeDescriptions: GUANGDONG_2019_GRADE_DESCRIPTIONS,
};

/**
 * A city scheme from its indicator table (附件 1-2 or 1-3, `tableTitle` as the document names it): cited with the
 * 考核方案 (附件 1) and its grade standard (附件 1-1), the parts above, and the table's second level beside it.
 */
export function cityScheme(head: Pick<Scheme, 'id' | 'name'>, tableTitle: string, table: TableContent[]): { scheme: Scheme; secondLevel: Record<string, string> } {
  const { contents, secondLevel } = fromTable(table);
  return {
    scheme: {
      ...head,
      unitKind: '地级市',
      source: `${citeShort('guangdong2019')} 附件 1《2019 年地级以上市党委和政府扶贫开发工作成效考核方案》，附件 1-1 等次评价标准，${tableTitle}`,
      ...GUANGDONG_2019_COMMON,
      contents,
    },
    secondLevel,
  };
}
