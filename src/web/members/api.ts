import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberInput, MemberPatch, MemberQuery } from '../../contract/members';
import type { Page } from '../../contract/page';
import { get, patch, post } from '../app/api';

export { MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberStatus } from '../../domain/shared/members';
export type { Member, MemberInput, MemberPatch, MemberQuery } from '../../contract/members';

export function useMembers(query: MemberQuery, enabled = true) {
  return useQuery({
    queryKey: ['members', query],
    queryFn: ({ signal }) => get<Page<Member>>('/api/members', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

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

export function useCreateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberInput) => post<Member>('/api/members', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
}

export function useUpdateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: MemberPatch & { id: number }) => patch<Member>(`/api/members/${id}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
}
