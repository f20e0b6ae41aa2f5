import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeepPovertyCounties, DeepPovertyCountyInput } from '../../contract/regions';
import { del, get, put } from '../app/api';

export { fetchChildren, fetchRegion, LEVEL_NAMES, searchRegions } from '../shared/regions';
export type { DeepPovertyCounties, DeepPovertyCounty, RegionChild, RegionDetail, RegionHit, RegionLevel } from '../../contract/regions';

const DEEP_KEY = ['regions', 'deep-poverty-counties'] as const;

export function useDeepPovertyCounties() {
  return useQuery({
    queryKey: DEEP_KEY,
    queryFn: ({ signal }) =>
      get<DeepPovertyCounties>('/api/regions/deep-poverty-counties', undefined, signal),
  });
}

export function usePutDeepPovertyCounty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ countyCode, note }: DeepPovertyCountyInput & { countyCode: string }) =>
      put<DeepPovertyCounties>(`/api/regions/deep-poverty-counties/${encodeURIComponent(countyCode)}`, note ? { note } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}

export function useDeleteDeepPovertyCounty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (countyCode: string) => del(`/api/regions/deep-poverty-counties/${encodeURIComponent(countyCode)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}
