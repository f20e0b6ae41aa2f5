/**
 * How many households one helper may hold (seed 004, 皖政办秘〔2017〕152号): “每名帮扶联系人所联系的贫困家庭一般不超过3户”
 * and “2017年6月后……每人帮扶联系贫困家庭不超过3户”. Enforced as a hard limit; the number is a parameter. Pairing and the
 * data-quality check `helper_over_limit` both count against it, and count only households that keep a helper
 * (`STATUSES_NEEDING_HELPER`: a 清退 household frees its helper's place).
 */
export const MAX_HOUSEHOLDS_PER_HELPER = 3;

/** A household a helper holds now, as the error names it (e.g. “俄尔古取村 0001 户（吉克阿呷）”). */
export interface HeldHousehold {
  householdId: number;
  label: string;
}

/**
 * Null when the helper may take one more household, otherwise the reason naming the helper and the households they
 * hold. `held` are the households held now (the one being assigned not among them).
 */
export function helperLimitProblem(helperName: string, held: readonly HeldHousehold[], limit = MAX_HOUSEHOLDS_PER_HELPER): string | null {
  if (held.length < limit) return null;
  return `帮扶责任人“${helperName}”已联系 ${held.length} 户（${held.map((h) => h.label).join('、')}），每名帮扶责任人联系的贫困户不超过 ${limit} 户，请先办理更换或结束帮扶`;
}
