import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberInput, MemberPatch, MemberQuery } from '../../contract/members';
import type { Page } from '../../contract/page';
import { get, patch, post } from '../app/api';

export { MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberStatus } from '../../domain/shared/members';
export type { Member, MemberInput, MemberPatch, MemberQuery } from '../../contract/members';
export { useAllMembers } from '../shared/members';

export function useMembers(query: MemberQuery, enabled = true) {
  return useQuery({
    queryKey: ['members', query],
    queryFn: ({ signal }) => get<Page<Member>>('/api/members', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
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
