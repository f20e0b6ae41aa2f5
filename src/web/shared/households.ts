/** A household as pages of several features show it (its status colour, its 扶贫手册 facts): the registry's answers. */
import { useQuery } from '@tanstack/react-query';
import type { Household } from '../../contract/registry/households';
import { get } from '../app/api';

export const STATUS_COLORS: Record<string, string> = {
  未脱贫: 'red',
  已脱贫: 'green',
  稳定脱贫: 'cyan',
  返贫: 'orange',
  清退: 'default',
};

export function useHousehold(id: number | undefined) {
  return useQuery({
    queryKey: ['registry', 'household', id],
    queryFn: ({ signal }) => get<Household>(`/api/registry/households/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}
