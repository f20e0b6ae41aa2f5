/**
 * Seed 000 (委员信息管理): a member is 正常 or marked 特殊情况不能履职. One list for the server's checks, the contract's
 * schemas and the web's labels.
 */
export const MEMBER_STATUSES = ['normal', 'unable'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { normal: '正常', unable: '特殊情况不能履职' };
