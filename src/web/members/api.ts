import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../app/api';

export type MemberStatus = 'normal' | 'unable';

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  normal: '正常',
  unable: '特殊情况不能履职',
};

export interface Member {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  sector: string | null;
  phone: string | null;
  skills: string | null;
  status: MemberStatus;
  unableReason: string | null;
  unableFrom: string | null;
  version: number;
}

export interface MemberQuery {
  orgId?: number;
  q?: string;
  status?: MemberStatus;
  page: number;
  pageSize: number;
}

export function useMembers(query: MemberQuery, enabled = true) {
  return useQuery({
    queryKey: ['members', query],
    queryFn: ({ signal }) => get<{ items: Member[]; total: number }>('/api/members', { ...query }, signal),
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
        const res = await get<{ items: Member[]; total: number }>('/api/members', { orgId, page, pageSize }, signal);
        items.push(...res.items);
        if (res.items.length === 0 || items.length >= res.total) break;
      }
      return items;
    },
  });
}

export interface MemberInput {
  orgId: number;
  name: string;
  sector?: string;
  phone?: string;
  skills?: string;
}

export interface MemberPatch {
  name?: string;
  sector?: string;
  phone?: string;
  skills?: string;
  status?: MemberStatus;
  unableReason?: string | null;
  unableFrom?: string | null;
  version: number;
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
