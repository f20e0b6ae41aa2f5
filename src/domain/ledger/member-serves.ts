/**
 * Seed 000: “有特殊情况不能履职的委员应在系统内‘委员信息管理’里对委员状态进行标注，不再填写参与情况。”
 * A member marked 特殊情况不能履职 from a date does not serve from that date on: left out of participation figures
 * and not added to new entries. Dates are ISO `YYYY-MM-DD` strings. The maintained participation counts apply the same
 * rule in SQL (`ledger_serving_until`, migration 0023: a member serves on d iff serving_until > d).
 */
export type MemberStatus = 'normal' | 'unable';

export interface MemberServiceState {
  status: MemberStatus;
  unableFrom: string | null;
}

export function memberServes(member: MemberServiceState, onDate: string): boolean {
  if (member.status === 'normal') return true;
  if (!member.unableFrom) return false;
  return member.unableFrom > onDate;
}
