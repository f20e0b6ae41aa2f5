import type { FieldError } from '../shared/errors';

/** The village assembly's finding on a comparison hit. */
export const DECISIONS = ['属实', '不属实'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MAX_OUTCOME = 1000;

/**
 * A hit is a lead, never a verdict (seed 004): “对疑似问题，要逐户核实，经查证属实的，也要避免政府主导，坚决防止出现‘几不准’等
 * 一刀切性质的提法，将问题线索重新提交村民代表大会评议，真正把决策权交给群众”; “比对结果必须结合农户实际家庭生活情况合理掌握运用，
 * 并以村民评议结果为最终依据”. So what is recorded is the assembly's decision (属实 / 不属实) with its outcome in words —
 * what was verified and what the assembly concluded — and nothing else follows from it automatically.
 */
export function checkDecision(input: { decision?: string | null; outcome?: string | null }): FieldError[] {
  const out: FieldError[] = [];
  if (!input.decision || !(DECISIONS as readonly string[]).includes(input.decision))
    out.push({ field: 'decision', label: '评议结果', message: '请选择“属实”或“不属实”' });
  const outcome = (input.outcome ?? '').trim();
  if (outcome === '') out.push({ field: 'outcome', label: '评议情况', message: '请填写核实和村民代表大会评议的情况（何时评议、结论和理由）' });
  else if (outcome.length > MAX_OUTCOME) out.push({ field: 'outcome', label: '评议情况', message: `不能超过 ${MAX_OUTCOME} 个字` });
  return out;
}

/** What a decision means for the household — in words only: no status or member is changed by a hit or a decision. */
export const DECISION_MEANING: Record<Decision, string> = {
  属实:
    '线索经核实属实。是否清退或不予识别，由村民代表大会结合其家庭实际生产生活条件评议决定：认为明显不符合识别标准的，按清退（或识别）程序办理；不得仅以“买车、买房”等理由清除。',
  不属实: '线索经核实不属实，保留其贫困户（申请）资格，不受比对结果影响。',
};
