import type { HouseholdStatus } from '../registry/household-rules';

/**
 * The statuses whose households keep a helper (帮扶责任人), one list for pairing, data quality and the gaps page (seed
 * 004): the poor — “确保每个贫困户至少有一名帮扶责任人” — and the exited, whose help goes on after exit — “脱贫以后，……
 * 脱贫攻坚政策继续保持不变，支持力度不减” and “标注后的稳定脱贫户仍需安排帮扶联系人定期走访”. A household struck off (清退:
 * “坚决剔除违规纳入、识别不精准的建档立卡户”) is no longer helped: its assignments end and it counts toward no helper's limit.
 */
export const STATUSES_NEEDING_HELPER = ['未脱贫', '返贫', '已脱贫', '稳定脱贫'] as const satisfies readonly HouseholdStatus[];

/** Whether a household of this status keeps (and needs) a helper. */
export function needsHelper(status: string): boolean {
  return (STATUSES_NEEDING_HELPER as readonly string[]).includes(status);
}

/**
 * What a status change does to a household's open assignments: `keep` them (脱贫不脱帮扶), or `end` them on the day the
 * status takes effect (清退).
 */
export function assignmentsOnStatus(status: string): 'keep' | 'end' {
  return needsHelper(status) ? 'keep' : 'end';
}

/** The end reason kept on an assignment ended because its household was struck off. */
export function struckOffReason(why: string): string {
  const detail = why.trim();
  return detail ? `该户已清退（${detail}）` : '该户已清退';
}
