import type { HouseholdStatus } from './household-rules';

export const STATUSES: HouseholdStatus[] = ['未脱贫', '已脱贫', '稳定脱贫', '返贫', '清退'];

/**
 * Which status changes exist (seed 004): exit from 未脱贫 or 返贫 (贫困人口脱贫); 稳定脱贫 marked on an exited household;
 * 返贫 of an exited or stable household (“凡是尚未完全解决‘两不愁、三保障’的,必须及时返贫”); 清退 of a household
 * wrongly identified (“坚决剔除违规纳入、识别不精准的建档立卡户”) from any status but 清退 itself.
 * The rule checks that decide whether a change may happen (exit standard, stable-exit marking) are separate.
 */
export function statusChangeProblem(from: HouseholdStatus, to: HouseholdStatus): string | null {
  if (from === to) return `已经是“${to}”`;
  if (from === '清退') return '已清退的户不能再变更状态';
  const allowed: Record<HouseholdStatus, HouseholdStatus[]> = {
    未脱贫: ['已脱贫', '清退'],
    已脱贫: ['稳定脱贫', '返贫', '清退'],
    稳定脱贫: ['返贫', '清退'],
    返贫: ['已脱贫', '清退'],
    清退: [],
  };
  return allowed[from].includes(to) ? null : `“${from}”不能直接变更为“${to}”`;
}
