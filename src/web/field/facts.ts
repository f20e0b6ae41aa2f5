/**
 * What a conflict shows side by side (issue 12: “conflicts (the record changed on the server meanwhile) shown to the
 * user, never silently overwritten”): the facts of a household or procedure as label → text, as the phone had them
 * when the change was made and as the server has them now. Pure.
 */
import type { Procedure } from '../../contract/procedures';
import type { Household } from '../../contract/registry/households';
import type { Basis } from './queue';

export function householdHead(h: Pick<Household, 'persons'>): string {
  return h.persons.find((p) => p.relation === '户主')?.name ?? h.persons[0]?.name ?? '（无成员）';
}

export function householdBasis(h: Household): Basis {
  return {
    version: h.version,
    facts: {
      户主: householdHead(h),
      户编号: h.number,
      状态: h.status,
      户属性: h.attribute,
      主要致贫原因: h.mainCause,
      家庭人口: `${h.persons.length}人`,
      家庭成员: h.persons.map((p) => `${p.name}（${p.relation}）`).join('、'),
      住房安全: h.housingSafe ? '有保障' : '无保障',
      饮水安全: h.drinkingWaterSafe ? '有保障' : '无保障',
    },
  };
}

/** The open step's name (or the state when the procedure is no longer running). */
export function openStepName(p: Pick<Procedure, 'state' | 'currentStep' | 'definition'>): string {
  if (p.state === 'completed') return '已办结';
  if (p.state === 'withdrawn') return '已撤销';
  return p.definition.steps[p.currentStep]?.name ?? `第${p.currentStep + 1}步`;
}

export function procedureBasis(p: Procedure): Basis {
  return { version: p.version, facts: { 程序: p.kindLabel, 当前步骤: openStepName(p), 办理状态: p.state === 'running' ? '办理中' : openStepName(p) } };
}

/** The labels of both sides, each once, in the phone's order first; `changed` marks those whose text differs. */
export function compareFacts(before: Basis['facts'], now: Basis['facts']): Array<{ label: string; before: string; now: string; changed: boolean }> {
  const labels = [...Object.keys(before), ...Object.keys(now).filter((k) => !(k in before))];
  return labels.map((label) => {
    const b = before[label] ?? '—';
    const n = now[label] ?? '—';
    return { label, before: b, now: n, changed: b !== n };
  });
}
