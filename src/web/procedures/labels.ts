/** Words the procedure pages share: what a step requires, what the last step does, file sizes. */
import type { ProcedureKind, StepDefinition } from './api';
import { DEFAULT_NOTICE_DAYS } from '../../domain/procedures/definitions';

/** What a step requires, in words (e.g. 公示 7 天、评议表决). */
export function requirementLabels(step: StepDefinition): string[] {
  return step.requires.map((r) =>
    r === 'notice' ? `公示 ${step.minDays ?? DEFAULT_NOTICE_DAYS} 天` : r === 'assembly' ? '会议评议表决' : r === 'confirmation' ? '书面确认' : '部门数据比对（一比对）',
  );
}

/** What completing the last step does to the registry. */
export const FINAL_EFFECT: Record<ProcedureKind, string> = {
  identification: '申请户将录入建档立卡，成为贫困户',
  exit: '该户状态将变更为“已脱贫”，并颁发脱贫光荣证',
  removal: '该户状态将变更为“清退”',
  stable_exit: '该户状态将标注为“稳定脱贫”',
  relapse: '该户状态将变更为“返贫”',
  village_exit: '该村将标注为已出列',
  project: '项目备案、公告，审批程序办结',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
