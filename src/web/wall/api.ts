/** 上墙图表 (wall charts): the township's and the village's poster data; shapes are the contract's (src/contract/wall.ts). */
import { useQuery } from '@tanstack/react-query';
import type { TownshipWall, VillageWall } from '../../contract/wall';
import { get } from '../app/api';

export type { TownshipWall, VillageWall, WallOffice, WallPerson, WallPlanYear, WallVillage } from '../../contract/wall';

export function useTownshipWall(code: string) {
  return useQuery({ queryKey: ['wall', 'township', code], queryFn: ({ signal }) => get<TownshipWall>(`/api/wall/townships/${encodeURIComponent(code)}`, undefined, signal) });
}

export function useVillageWall(code: string) {
  return useQuery({ queryKey: ['wall', 'village', code], queryFn: ({ signal }) => get<VillageWall>(`/api/wall/villages/${encodeURIComponent(code)}`, undefined, signal) });
}

/** The A3 PDFs another part of the print path makes (贫困户精准扶贫一览表, 贫困户登记表). */
export const villageOverviewPdfUrl = (code: string) => `/api/print/villages/${encodeURIComponent(code)}/overview.pdf`;
export const householdRegistrationPdfUrl = (id: number) => `/api/print/households/${id}/registration.pdf`;

/** Where a chart's A3 poster page is (opened in a new tab, it prints itself). */
export const printUrl = (level: 'townships' | 'villages', code: string, chart: string) => `/wall/${level}/${encodeURIComponent(code)}/print/${chart}`;

/** A village's name as a wall shows it: 俄尔古取村村民委员会 → 俄尔古取村, 兴果村委会 → 兴果村. */
export function shortVillageName(name: string): string {
  return name
    .replace(/社区居民委员会$/, '社区')
    .replace(/居民委员会$/, '社区')
    .replace(/村?村民委员会$/, '村')
    .replace(/村?村委会$/, '村');
}
