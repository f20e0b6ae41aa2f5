/**
 * What the two schemes of the Guangdong East–West cooperation evaluation share (seed 003, 附件 2:《广东省东西部扶贫协作
 * 成效评价办法》): the scale, the one method, the two ways of scoring an item (七), the vetoes, the bonus, and the
 * consequences (八).
 */
import { SCALE_EAST_WEST, type GradeRule, type Weighted } from '../engine';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, type Adjustment, type Content, type Fact, type Indicator, type Scheme, type Scoring } from '../scheme';
import { citeShort } from '../../shared/sources';
import type { Consequence } from './consequence';

/**
 * 七: “(一) 对于有明确量化衡量标准的分项，按照中位法进行评价。… (二) 对于没有明确衡量标准的分项，只要任务完成，评为“好”或“较好”等次。”
 * An item is quantified when its 具体说明 names a count, amount, rate or county average to compare; otherwise it is a
 * task, done or not. The seed does not say what an unfinished task gets; this scheme gives the worst grade, 差
 * (an administrator's copy may choose 一般).
 */
export const quantified = (unit?: string): Scoring => ({ kind: 'median', ...(unit ? { unit } : {}) });
export const task: Scoring = { kind: 'done', doneGrades: ['好', '较好'], notDoneGrade: '差' };

export const row = (key: string, name: string, source: string, scoring: Scoring): Indicator => ({ key, name, source, scoring });

/** A 成效评价内容 of a table and its indicators. */
export const content = (key: string, name: string, indicators: Indicator[]): Content => ({ key, name, indicators });

/** A content that the cap rules count (`items: 'major'`): one of the pairing cities' 六大项 (七(一)3). */
export const majorContent = (key: string, name: string, indicators: Indicator[]): Content => ({ key, name, major: true, indicators });

/**
 * The seed gives no methods or weights for this evaluation: the 成效评价组 scores each item from the 自评报告, its
 * 分组成效评价 and 核查结果, and “根据综合评议确定成效评价名次” (八). One method, 100 %.
 */
export const EAST_WEST_METHODS: Weighted[] = [{ key: 'review', label: '综合评议', weight: 100 }];

/** 七(一)2 — both vetoes hold for every 成效评价对象. Fact keys are shown as the input of a rule in explanations. */
export const EAST_WEST_VETO_FACTS: Fact[] = [
  { key: '有重大违法、违纪问题', label: '有重大违法、违纪问题' },
  { key: '弄虚作假、虚报数据', label: '弄虚作假、虚报数据' },
];
export const EAST_WEST_VETOES: GradeRule[] = [
  { kind: 'veto', id: 'violation', fact: '有重大违法、违纪问题', text: '有重大违法、违纪问题的，实行一票否决权，评为“差”的等次' },
  { kind: 'veto', id: 'falsified', fact: '弄虚作假、虚报数据', text: '对弄虚作假、虚报数据的，实行一票否决权，评为“差”的等次' },
];

/**
 * 四: “对成效评价对象在东西部扶贫协作工作中发挥优势、开展精准帮扶、创新帮扶方式方面，有特色、有示范的经验和做法，得到中央领导
 * 同志批示肯定的，给予适当加分。” “适当” has no number: at most 5 points, a documented placeholder.
 */
export const CENTRAL_ENDORSEMENT_BONUS: Adjustment = { key: 'central_endorsement', label: '经验和做法得到中央领导同志批示肯定', sign: 1, max: 5 };

/** 八、结果及运用. */
export const EAST_WEST_CONSEQUENCES: Consequence[] = [
  { grades: ['好', '较好'], action: '表扬', source: '对年度成效评价等次为“好”和“较好”的进行表扬' },
  {
    grades: ['差'],
    action: '约谈',
    source: '对于年度成效评价等次为“差”的，由省扶贫开发领导小组组长分别对市的主要领导、分管领导、省直相关单位主要负责同志进行约谈，省纪委、省委组织部一名负责同志参加',
  },
];

/** A scheme's `source`: the 评价办法 (附件 2), then the indicator table (附件 2-1 or 2-2) as the document names it. */
export const eastWestSource = (tableTitle: string) => `${citeShort('guangdong2019')} 附件 2《广东省东西部扶贫协作成效评价办法》，${tableTitle}`;

export const EAST_WEST_COMMON: Pick<Scheme, 'year' | 'scale' | 'methods' | 'gradePoints' | 'gradeThresholds'> = {
  // Issued 2019-12-10; 五: “2019、2020 年度实施…第三方评估”.
  year: 2019,
  // 八: “成效评价结果分为“好、较好、一般、差”四个等次。”
  scale: SCALE_EAST_WEST,
  methods: EAST_WEST_METHODS,
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
};
