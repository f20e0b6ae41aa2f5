import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeepPovertyCounties, DeepPovertyCountyInput, RegionChild, RegionDetail, RegionHit, RegionLevel } from '../../contract/regions';
import { del, get, put } from '../app/api';

export type { DeepPovertyCounties, DeepPovertyCounty, RegionChild, RegionDetail, RegionHit, RegionLevel } from '../../contract/regions';

export const LEVEL_NAMES: Record<RegionLevel, string> = { 1: '省', 2: '市', 3: '县', 4: '乡镇', 5: '村' };

export function fetchChildren(code: string | null): Promise<RegionChild[]> {
  return get<{ items: RegionChild[] }>(`/api/regions/${code ?? 'root'}/children`).then((r) => r.items);
}

export function fetchRegion(code: string): Promise<RegionDetail> {
  return get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`);
}

export function searchRegions(q: string, options: { level?: RegionLevel; under?: string } = {}): Promise<RegionHit[]> {
  return get<{ items: RegionHit[] }>('/api/regions/search', { q, level: options.level, under: options.under }).then((r) => r.items);
}

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
