import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { ApiError, del, get, patch, post } from '../app/api';

export type Role = 'sysadmin' | 'org_admin' | 'member';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  memberId: number | null;
  /** After an administrator's reset or a generated first password: nothing else works until it is changed. */
  mustChangePassword: boolean;
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
  disabled?: boolean;
  locked?: boolean;
  mustChangePassword?: boolean;
}

export interface SessionInfo {
  id: number;
  createdAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
  /** Only in the list of one's own sessions: the session of this browser. */
  current?: boolean;
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

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => post<void>('/api/auth/change-password', input),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useOwnSessions() {
  return useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: ({ signal }) => get<{ items: SessionInfo[] }>('/api/auth/sessions', undefined, signal),
  });
}

export function useRevokeOwnSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/auth/sessions/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, displayName }: { id: number; displayName: string }) => patch<User>(`/api/users/${id}`, { displayName }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Resets a user's password: the one given, or a generated one returned once. */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password?: string }) => post<{ password?: string }>(`/api/users/${id}/reset-password`, password ? { password } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useSetUserDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: number; disabled: boolean }) => post<{ id: number; disabled: boolean }>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUserSessions(id: number | null) {
  return useQuery({
    queryKey: ['users', id, 'sessions'],
    enabled: id !== null,
    queryFn: ({ signal }) => get<{ items: SessionInfo[] }>(`/api/users/${id}/sessions`, undefined, signal),
  });
}

/** Ends one session of a user, or all of them when no session is named. */
export function useRevokeUserSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sessionId }: { id: number; sessionId?: number }) =>
      del<{ ended: number }>(sessionId === undefined ? `/api/users/${id}/sessions` : `/api/users/${id}/sessions/${sessionId}`),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['users', v.id, 'sessions'] }),
  });
}
