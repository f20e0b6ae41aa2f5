import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Member, MemberInput, MemberPatch, MemberQuery } from '../../contract/members';
import type { Page } from '../../contract/page';
import { get, patch, post } from '../app/api';
import { useChange } from '../app/mutations';

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
  return useChange((input: MemberInput) => post<Member>('/api/members', input), ['members']);
}

export function useUpdateMember() {
  return useChange(({ id, ...input }: MemberPatch & { id: number }) => patch<Member>(`/api/members/${id}`, input), ['members'], { always: true });
}
