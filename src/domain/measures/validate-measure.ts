/**
 * A household's measure (帮扶措施) as entered: its kind, 状态 (计划 / 已实施), the planned or done date, who is
 * responsible (a 帮扶责任人 of the household or a unit), the cost in integer yuan, the project it belongs to. Field
 * errors name each field; a new 增收类 / 发展类 measure of a 稳定脱贫户 is refused by seed 004's rule.
 */
import { isRealDate } from '../shared/dates';
import type { FieldError } from '../shared/errors';
import { refusalForStatus } from '../support/policy';
import { isMeasureKind, MEASURE_KINDS, MEASURE_STATES } from './catalog';

export interface MeasureFields {
  kind: string;
  state: string;
  /** 计划实施日期 (计划) or 实施日期 (已实施), YYYY-MM-DD. */
  on: string;
  helperId?: number | null;
  unit?: string | null;
  cost: number;
  projectId?: number | null;
  note?: string | null;
}

export interface MeasureContext {
  /** The household's status (未脱贫, 已脱贫, 稳定脱贫 …). */
  status: string;
  /** The household's current helpers' ids (a helper named must be one of them). */
  helperIds: readonly number[];
  /** Whether the measure is new (only new arrangements are refused for a 稳定脱贫户; 原有的 stay), or its old kind. */
  previousKind?: string | null;
}

export function checkMeasure(m: MeasureFields, ctx: MeasureContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!isMeasureKind(m.kind)) errors.push({ field: 'kind', label: '措施类别', message: `未知的措施类别“${m.kind}”` });
  if (!(MEASURE_STATES as readonly string[]).includes(m.state)) errors.push({ field: 'state', label: '状态', message: '状态应为“计划”或“已实施”' });
  if (!isRealDate(m.on)) errors.push({ field: 'on', label: m.state === '已实施' ? '实施日期' : '计划实施日期', message: '应为 YYYY-MM-DD 格式的日期' });
  const unit = (m.unit ?? '').trim();
  if (m.helperId == null && !unit) errors.push({ field: 'unit', label: '帮扶责任人或单位', message: '请选择该户的帮扶责任人或填写责任单位' });
  if (m.helperId != null && !ctx.helperIds.includes(m.helperId)) errors.push({ field: 'helperId', label: '帮扶责任人', message: '该帮扶责任人不是该户现任的帮扶责任人' });
  if (unit.length > 60) errors.push({ field: 'unit', label: '责任单位', message: '责任单位不超过 60 字' });
  if (!Number.isSafeInteger(m.cost) || m.cost < 0) errors.push({ field: 'cost', label: '投入资金（元）', message: '应为不小于 0 的整数（元）' });
  if ((m.note ?? '').length > 500) errors.push({ field: 'note', label: '备注', message: '备注不超过 500 字' });
  if (isMeasureKind(m.kind) && m.kind !== ctx.previousKind) {
    const refusal = refusalForStatus(ctx.status, MEASURE_KINDS[m.kind].policy);
    if (refusal) errors.push({ field: 'kind', label: '措施类别', message: refusal });
  }
  return errors;
}

/** 脱贫时限 (target year) and 脱贫计划 of a household. */
export function checkHouseholdPlan(p: { targetYear: number | null; plan: string }, identifiedYear: number): FieldError[] {
  const errors: FieldError[] = [];
  if (p.targetYear != null && (!Number.isInteger(p.targetYear) || p.targetYear < identifiedYear || p.targetYear > 2030))
    errors.push({ field: 'targetYear', label: '脱贫时限', message: `脱贫时限应为 ${identifiedYear}（识别年度）至 2030 年之间的年份` });
  if (p.plan.length > 2000) errors.push({ field: 'plan', label: '脱贫计划', message: '脱贫计划不超过 2000 字' });
  return errors;
}
