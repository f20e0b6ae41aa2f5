/**
 * 帮扶措施 and 脱贫规划 (issue 15) as the pages use it: a household's measures and plan, and the 脱贫规划 of a village
 * or a township against what happened. Every shape and schema is the contract's (`src/contract/measures.ts`).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HouseholdMeasures, HouseholdPlanInput, Measure, MeasureInput, MeasureUpdate, PlanVsActual, RegionPlanInput } from '../../contract/measures';
import { del, get, patch, post, put } from '../app/api';

export type { HouseholdMeasures, HouseholdPlanInput, Measure, MeasureInput, MeasureUpdate, PlanVsActual, PlanYear, RegionPlanInput } from '../../contract/measures';
export { householdPlanInput, measureInput, measureUpdate, regionPlanInput } from '../../contract/measures';
export { MEASURE_KIND_NAMES, MEASURE_KINDS, MEASURE_STATES } from '../../domain/measures/catalog';

export const MEASURES_KEY = 'measures';

/** The labels of the measure and plan forms' fields, for the messages of the contract's checks. */
export const MEASURE_FIELD_LABELS: Record<string, string> = {
  kind: '措施类别',
  state: '状态',
  on: '日期',
  helperId: '帮扶责任人',
  unit: '责任单位',
  cost: '投入资金（元）',
  projectId: '项目',
  note: '备注',
  version: '版本',
  targetYear: '脱贫时限',
  plan: '脱贫计划',
  plannedHouseholds: '计划脱贫户数',
  plannedPersons: '计划脱贫人口',
  plannedVillageExits: '计划出列村数',
  plannedPerCapita: '计划年末人均纯收入（元）',
};

export const useHouseholdMeasures = (householdId: number) =>
  useQuery({ queryKey: [MEASURES_KEY, 'household', householdId], queryFn: ({ signal }) => get<HouseholdMeasures>(`/api/measures/households/${householdId}`, undefined, signal) });

/**
 * A change of a household's measures or plan: afterwards its measures are read again (refused as stale too, so the
 * newest shows), and the 扶贫手册“四个三” check, whose 帮扶措施 part they fill.
 */
function useMeasuresChange<I, O>(send: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: [MEASURES_KEY] }), qc.invalidateQueries({ queryKey: ['rosters', 'handbook'] })]);
  return useMutation({ mutationFn: send, onSettled: refresh });
}

export const useAddMeasure = (householdId: number) => useMeasuresChange((input: MeasureInput) => post<Measure>(`/api/measures/households/${householdId}`, input));
export const useUpdateMeasure = () => useMeasuresChange(({ id, ...input }: MeasureUpdate & { id: number }) => patch<Measure>(`/api/measures/${id}`, input));
export const useDeleteMeasure = () => useMeasuresChange((m: { id: number; version: number }) => del(`/api/measures/${m.id}`, { version: m.version }));
export const useSaveHouseholdPlan = (householdId: number) =>
  useMeasuresChange((input: HouseholdPlanInput) => put<HouseholdMeasures>(`/api/measures/households/${householdId}/plan`, input));

/** The 脱贫规划 of a village or township, `from`–`to` (at most 12 years). */
export function usePlans(region: string | undefined, from: number, to: number) {
  return useQuery({
    queryKey: [MEASURES_KEY, 'plans', region, from, to],
    queryFn: ({ signal }) => get<PlanVsActual>('/api/measures/plans', { region, from, to }, signal),
    enabled: region !== undefined,
    placeholderData: keepPreviousData,
  });
}

export const useSaveRegionPlan = () =>
  useMeasuresChange(({ code, year, ...input }: RegionPlanInput & { code: string; year: number }) => put<PlanVsActual>(`/api/measures/plans/${code}/${year}`, input));

export const yuanText = (n: number | null | undefined) => (n == null ? '—' : `${n.toLocaleString('zh-CN')} 元`);
