import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { ApiError, get, post } from '../app/api';

export type Role = 'sysadmin' | 'org_admin' | 'member';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  memberId: number | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName?: string;
  memberId?: number | null;
  memberName?: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  org_admin: '单位管理员',
  member: '委员',
};

export const ME_KEY = ['auth', 'me'] as const;

/** The logged-in user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        const res = await get<{ user: Me }>('/api/auth/me', undefined, signal);
        return res.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function isAdmin(me: Me | null | undefined): boolean {
  return me?.role === 'sysadmin' || me?.role === 'org_admin';
}

export function isSysadmin(me: Me | null | undefined): boolean {
  return me?.role === 'sysadmin';
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => post<{ user: Me }>('/api/auth/login', input),
    onSuccess: (res) => {
      qc.clear();
      qc.setQueryData(ME_KEY, res.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>('/api/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => get<{ items: User[] }>('/api/users', undefined, signal),
  });
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgId: number;
  memberId?: number;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => post<User>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}
