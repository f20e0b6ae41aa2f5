/**
 * What a 帮扶责任人's record must hold (seed 004: the 扶贫手册 names each household's helper with “工作单位、职务、联系电话”,
 * and the helper must qualify: `helperEligibilityProblem`). Every problem names its field.
 */
import type { FieldError } from '../shared/errors';
import { helperEligibilityProblem } from './helper-eligibility';

/** A telephone number as offices write them: digits, +, -, brackets and spaces, 5 to 20 characters. */
export const HELPER_PHONE = /^[0-9+\-() ]{5,20}$/;

export interface HelperRecord {
  name: string;
  unit: string;
  kind: string;
  level: string;
  post?: string | null;
  phone?: string | null;
}

export function helperRecordProblems(v: HelperRecord): FieldError[] {
  const out: FieldError[] = [];
  if (!v.name.trim()) out.push({ field: 'name', label: '姓名', message: '请填写帮扶责任人姓名' });
  else if (v.name.length > 50) out.push({ field: 'name', label: '姓名', message: '不能超过 50 字' });
  if (!v.unit.trim()) out.push({ field: 'unit', label: '工作单位', message: '请填写工作单位' });
  else if (v.unit.length > 100) out.push({ field: 'unit', label: '工作单位', message: '不能超过 100 字' });
  const eligibility = helperEligibilityProblem(v.kind, v.level);
  if (eligibility) out.push(eligibility);
  if ((v.post ?? '').length > 50) out.push({ field: 'post', label: '职务', message: '不能超过 50 字' });
  if (v.phone && !HELPER_PHONE.test(v.phone)) out.push({ field: 'phone', label: '联系电话', message: '电话号码格式不正确' });
  return out;
}
