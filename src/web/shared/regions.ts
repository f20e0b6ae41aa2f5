/** Regions as every feature reads them (the pickers, a region's name and path): GET /api/regions/*. */
import type { RegionChild, RegionDetail, RegionHit, RegionLevel } from '../../contract/regions';
import { get } from '../app/api';

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
