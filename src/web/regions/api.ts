import { useQuery } from '@tanstack/react-query';
import type { DeepPovertyCounties, DeepPovertyCountyInput } from '../../contract/regions';
import { del, get, put } from '../app/api';
import { useChange } from '../app/mutations';

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
  return useChange(({ countyCode, note }: DeepPovertyCountyInput & { countyCode: string }) => put<DeepPovertyCounties>(`/api/regions/deep-poverty-counties/${encodeURIComponent(countyCode)}`, note ? { note } : {}), ['regions']);
}

export function useDeleteDeepPovertyCounty() {
  return useChange((countyCode: string) => del(`/api/regions/deep-poverty-counties/${encodeURIComponent(countyCode)}`), ['regions']);
}
