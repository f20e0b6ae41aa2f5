/**
 * Seed 002 (政协安化县委员会2018年“脱贫攻坚专项行动”实施方案, 一、帮扶对象): who in the CPPCC helps which poor village —
 * “主席、副主席按照县委统一安排帮扶联系贫困村” (named villages per leader), “县政协机关帮扶村” (the office's own village),
 * “各经促分会帮扶的贫困村”, and “县工商联所属乡镇基层商会、行业商会及会员企业帮扶的贫困村”.
 */
import { isRealDate } from '../shared/dates';
import type { FieldError } from '../shared/errors';

export const LEADER_VILLAGE_KINDS = ['领导联系村', '机关定点帮扶村', '经促分会帮扶村', '工商联商会帮扶村'] as const;
export type LeaderVillageKind = (typeof LEADER_VILLAGE_KINDS)[number];

export interface LeaderVillageInput {
  kind: string;
  memberId?: number | null;
  /** The chamber, 分会 or enterprise named when no member is. */
  holder?: string;
  fromOn: string;
  toOn?: string | null;
}

/** Every problem of a link, each naming its field. */
export function leaderVillageProblems(input: LeaderVillageInput): FieldError[] {
  const out: FieldError[] = [];
  const holder = input.holder?.trim() ?? '';
  if (!(LEADER_VILLAGE_KINDS as readonly string[]).includes(input.kind)) out.push({ field: 'kind', label: '帮扶类别', message: `应为${LEADER_VILLAGE_KINDS.join('、')}之一` });
  else if (input.kind === '领导联系村' && !input.memberId) out.push({ field: 'memberId', label: '联系领导', message: '领导联系村须选择联系的主席或副主席（委员）' });
  else if ((input.kind === '经促分会帮扶村' || input.kind === '工商联商会帮扶村') && !input.memberId && !holder)
    out.push({ field: 'holder', label: '帮扶单位', message: `${input.kind}须填写帮扶的${input.kind === '经促分会帮扶村' ? '经促分会' : '商会或会员企业'}名称，或选择委员` });
  if (holder.length > 100) out.push({ field: 'holder', label: '帮扶单位', message: '不能超过 100 字' });
  if (!isRealDate(input.fromOn)) out.push({ field: 'fromOn', label: '起始日期', message: '应为 YYYY-MM-DD' });
  if (input.toOn !== undefined && input.toOn !== null) {
    if (!isRealDate(input.toOn)) out.push({ field: 'toOn', label: '结束日期', message: '应为 YYYY-MM-DD' });
    else if (isRealDate(input.fromOn) && input.toOn < input.fromOn) out.push({ field: 'toOn', label: '结束日期', message: `不能早于起始日期 ${input.fromOn}` });
  }
  return out;
}
