/**
 * An assessment scheme (考核方案, issue 5) as data, declared once: the server checks an edited copy with these schemas,
 * answers with them, the domain takes its types from them (src/domain/assessment/scheme.ts, engine.ts) and the web's
 * scheme editor checks its draft with them before it sends it. Lists come from the domain (src/domain/assessment/labels).
 * Rules that need the whole scheme (weights summing to 100 %, grades on the scale, references between parts) are the
 * domain's `schemeProblems`, applied after these.
 */
import { z } from 'zod';
import { SYSTEM_SOURCE_KEYS, type ScoringKind } from '../../domain/assessment/labels';
import { bool, int, key, list, name, smallInt, text } from '../zod';

/** A number of a scheme (weights, points, thresholds): finite and of a sensible size. */
const real = () => z.number({ error: '应为数字' }).min(-1e9, { error: '数值超出范围' }).max(1e9, { error: '数值超出范围' });
/** A code or label that cannot be blank. */
const label = (max: number) => name(max).min(1, { error: '必填' });

/** Band edges of the median method as ratios of value to median, best grade first (engine.ts `gradeByMedian`). */
export const medianBands = z.object({ edges: list(real(), 100), lowerIsBetter: bool().optional() });
export type MedianBands = z.output<typeof medianBands>;

/** How an indicator is scored: a grade, points out of `max`, a quantity against the median (中位法), done or not. */
export const scoring = z.discriminatedUnion('kind', [
  /** The assessor gives a grade of the scheme's scale. */
  z.object({ kind: z.literal('grade') }),
  /** The assessor gives points from 0 to `max`. */
  z.object({ kind: z.literal('points'), max: real().positive({ error: '应大于 0' }) }),
  /** A quantity, graded against the median of the assessed units (中位法). */
  z.object({ kind: z.literal('median'), unit: name(20).optional(), bands: medianBands.optional() }),
  /** Done or not: done → the grade the assessor picks among `doneGrades`, not done → `notDoneGrade`. */
  z.object({ kind: z.literal('done'), doneGrades: list(label(20), 20).min(1, { error: '至少选 1 个' }), notDoneGrade: name(20) }),
]);
export type Scoring = z.output<typeof scoring>;
// The union's kinds are the domain's list (SCORING_KINDS): a kind added to one and not the other fails to compile.
const _kinds: [ScoringKind] extends [Scoring['kind']] ? ([Scoring['kind']] extends [ScoringKind] ? true : never) : never = true;
void _kinds;

/** An assessment method (自评、交叉考核、第三方评估 …) with its weight in percent. */
export const method = z.object({ key: label(30), label: label(50), weight: real() });
export type Weighted = z.output<typeof method>;

export const indicator = z.object({
  key: label(40),
  name: label(200),
  /** 数据来源 / 具体说明, in the seed's words. */
  source: text(2000),
  scoring,
  /** Values taken from the system (median-graded indicators only). */
  system: z.enum(SYSTEM_SOURCE_KEYS, { error: '系统数据来源未定义' }).optional(),
});
export type Indicator = z.output<typeof indicator>;

/** A content (考核内容) and its indicators; `major` counts it as a major item (大项) for the cap rules. */
export const content = z.object({ key: label(40), name: label(200), major: bool().optional(), indicators: list(indicator, 200).min(1, { error: '至少应有 1 个指标' }) });
export type Content = z.output<typeof content>;

/** A yes/no fact the rules use (完成全国和省目标要求, 有重大违法、违纪问题, …). */
export const fact = z.object({ key: label(40), label: label(200) });
export type Fact = z.output<typeof fact>;

/** The grade rules (engine.ts `applyGradeRules`): floors raise, caps lower, vetoes set the worst grade. */
export const gradeRule = z.discriminatedUnion('kind', [
  /** Raise to at least `min` when the fact holds. */
  z.object({ kind: z.literal('floor'), id: name(40), fact: name(40), min: name(20), text: text(2000) }),
  /** At most `max` when any major item is graded `when` or worse. */
  z.object({ kind: z.literal('cap'), id: name(40), items: z.literal('major'), when: name(20), max: name(20), text: text(2000) }),
  /** The worst grade when the fact holds. */
  z.object({ kind: z.literal('veto'), id: name(40), fact: name(40), text: text(2000) }),
]);
export type GradeRule = z.output<typeof gradeRule>;

/** Points added or taken off the composite, at most `max`. */
export const adjustment = z.object({ key: label(40), label: label(200), sign: z.union([z.literal(1), z.literal(-1)]), max: real().nonnegative({ error: '应不小于 0' }) });
export type Adjustment = z.output<typeof adjustment>;

/** What follows from a unit's final grade (谈话提醒, 表扬, 约谈 …), in the seed's words; it does not change a grade. */
export const consequence = z.object({ grades: list(name(20), 20), action: label(2000), source: text(2000) });
export type Consequence = z.output<typeof consequence>;

export const scheme = z.object({
  id: name(60),
  name: label(200),
  year: smallInt(),
  /** Who is assessed: 地级市, 省直单位, 省（区、市）, 委组, 委员 … */
  unitKind: name(20),
  source: text(2000),
  /** The grades, best first. */
  scale: list(label(20), 20).min(2, { error: '至少应有 2 个等次' }).readonly(),
  methods: list(method, 20).min(1, { error: '至少应有 1 个考核方式' }),
  contents: list(content, 100).min(1, { error: '至少应有 1 项' }),
  /** Points of each grade when indicator grades are averaged into a method score. */
  gradePoints: z.record(key(20), real()),
  /** Composite score → grade: the lowest score of each grade but the last, best first. */
  gradeThresholds: list(real(), 20),
  facts: list(fact, 100),
  rules: list(gradeRule, 100),
  adjustments: list(adjustment, 100),
  /** Descriptions of the grades (e.g. 附件 1-1), shown with the results. */
  gradeDescriptions: z.record(key(20), text(2000)).optional(),
});
export type Scheme = z.output<typeof scheme>;

/** A scheme as stored and as an edited copy is sent: with what follows from its grades; the id is the server's. */
export const storedScheme = scheme.extend({ id: name(60).optional(), consequences: list(consequence, 100).optional() });
export type StoredScheme = z.output<typeof storedScheme>;

// --- routes ---------------------------------------------------------------------------------------------------------

const schemeHead = {
  id: z.number(),
  /** The shipped scheme's id, or the copy's own code. */
  code: z.string(),
  name: z.string(),
  year: z.number(),
  unitKind: z.string(),
  shipped: z.boolean(),
  /** Used by a closed round: cannot change any more. */
  locked: z.boolean(),
  version: z.number(),
};

/** GET /api/assessment/schemes: one line per scheme. */
export const schemeSummary = z.object({ ...schemeHead, indicators: z.number(), methods: z.string() });
export type SchemeSummary = z.output<typeof schemeSummary>;
export const schemeList = z.array(schemeSummary);

/** A scheme with its record: GET /api/assessment/schemes/:id, and the answer of a copy or an edit. */
export const schemeView = z.object({ ...schemeHead, at: z.string(), scheme, consequences: z.array(consequence) });
export type SchemeView = z.output<typeof schemeView>;

/** POST /api/assessment/schemes/:id/copy */
export const schemeCopyBody = z.object({ code: name(60).optional(), name: name(200).optional() });
export type SchemeCopyInput = z.output<typeof schemeCopyBody>;

/** PUT /api/assessment/schemes/:id */
export const schemeUpdateBody = z.object({ scheme: storedScheme, version: int() });
export type SchemeUpdateInput = z.output<typeof schemeUpdateBody>;
