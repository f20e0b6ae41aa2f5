/** Issue 15 (rosters slice) as the pages use it: the 防返贫 list and the 扶贫手册“四个三” check. Shapes from the contract. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HandbookCheckResult, ReturnRiskPage, ReturnRiskRow } from '../../contract/rosters';
import { get } from '../app/api';

export type { HandbookCheckResult, ReturnRiskPage, ReturnRiskRow };

const KEY = ['rosters'] as const;

export function useReturnRisks(region: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'risks', region, page, pageSize],
    queryFn: ({ signal }) => get<ReturnRiskPage>('/api/rosters/return-risks', { region, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHandbookCheck(householdId: number) {
  return useQuery({
    queryKey: [...KEY, 'handbook', householdId],
    queryFn: ({ signal }) => get<HandbookCheckResult>(`/api/rosters/households/${householdId}/handbook-check`, undefined, signal),
  });
}
