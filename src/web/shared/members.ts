/** The members of a body's subtree, as the participant and member pickers of every feature read them. */
import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../contract/members';
import type { Page } from '../../contract/page';
import { get } from '../app/api';

/** Every member of a body's subtree (for the participants select); pages through the list. */
export function useAllMembers(orgId: number | undefined) {
  return useQuery({
    queryKey: ['members', 'all', orgId],
    enabled: orgId !== undefined,
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const pageSize = 100;
      const items: Member[] = [];
      for (let page = 1; page <= 50; page++) {
        const res = await get<Page<Member>>('/api/members', { orgId, page, pageSize }, signal);
        items.push(...res.items);
        if (res.items.length === 0 || items.length >= res.total) break;
      }
      return items;
    },
  });
}
