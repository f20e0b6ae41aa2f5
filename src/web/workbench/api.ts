/**
 * 工作台 (GET /api/workbench) as the pages use it: the user's to-dos with their counts and the key figures of their
 * scope. Every shape is the contract's (`src/contract/workbench.ts`).
 */
import { useQuery } from '@tanstack/react-query';
import type { Todo, Workbench } from '../../contract/workbench';
import { get } from '../app/api';

export type { Todo, TodoKey, Workbench } from '../../contract/workbench';

const KEY = ['workbench'] as const;

/** The workbench: refreshed when the user comes back to it, and at most every half minute otherwise. */
export function useWorkbench() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => get<Workbench>('/api/workbench', undefined, signal), staleTime: 30_000 });
}

/**
 * The to-dos for the menu's count badge: the sum of their counts (a to-do counted within another, `partOf`, is not
 * added again) and the to-dos themselves (empty while loading).
 */
export function useTodoCounts(): { total: number; items: Todo[] } {
  const { data } = useWorkbench();
  const items = data?.todos ?? [];
  return { total: items.reduce((a, t) => a + (t.partOf ? 0 : t.count), 0), items };
}
