import { keepPreviousData, useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, Me, OwnSession, ResetPasswordAnswer, SessionInfo, User, UserAccount, UserInput, UserPatch } from '../../contract/auth';
import type { HelperList } from '../../contract/pairing';
import type { PermissionGroups, RoleInput, RoleItem, RolePatch } from '../../contract/roles';
import type { TokenCreated, TokenInput, TokenItem } from '../../contract/tokens';
import { del, get, patch, post } from '../app/api';
import { useChange } from '../app/mutations';

export type { Me, OwnSession, SessionInfo, User, UserInput, UserPatch } from '../../contract/auth';
export type { PermissionGroups, RoleInput, RoleItem, RolePatch } from '../../contract/roles';
export type { TokenCreated, TokenInput, TokenItem } from '../../contract/tokens';
export { can, ME_KEY, useLogout, useMe } from '../shared/session';
import { ME_KEY } from '../shared/session';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => post<{ user: Me }>('/api/auth/login', input),
    onSuccess: (res) => {
      qc.clear();
      qc.setQueryData(ME_KEY, res.user);
    },
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => get<{ items: User[] }>('/api/users', undefined, signal),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => post<UserAccount>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useChangePassword() {
  return useChange((input: ChangePasswordInput) => post<void>('/api/auth/change-password', input));
}

export function useOwnSessions() {
  return useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: ({ signal }) => get<{ items: OwnSession[] }>('/api/auth/sessions', undefined, signal),
  });
}

export function useRevokeOwnSession() {
  return useChange((id: number) => del(`/api/auth/sessions/${id}`), ['auth', 'sessions']);
}

/** Changes a user: the name, the role, the office, the links (the parts given). */
export function useUpdateUser() {
  return useChange(({ id, ...body }: UserPatch & { id: number }) => patch<UserAccount>(`/api/users/${id}`, body), ['users']);
}

// --- roles (issue 11) ----------------------------------------------------------------------------------------------

const ROLES_KEY = ['roles'] as const;

/** The permission list by module (reference data: fetched once per session). */
export function usePermissionGroups() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => get<PermissionGroups>('/api/permissions', undefined, signal),
    staleTime: Infinity,
  });
}

/** Shipped and defined roles, each marked `grantable` for the signed-in user. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    enabled,
    queryFn: ({ signal }) => get<{ items: RoleItem[] }>('/api/roles', undefined, signal),
  });
}

export function useCreateRole() {
  return useChange((input: RoleInput) => post<RoleItem>('/api/roles', input), ROLES_KEY);
}

export function useUpdateRole() {
  return useChange(({ id, ...body }: RolePatch & { id: number }) => patch<RoleItem>(`/api/roles/${id}`, body), ROLES_KEY);
}

export function useDeleteRole() {
  return useChange((id: number) => del(`/api/roles/${id}`), ROLES_KEY);
}

/** Resets a user's password: the one given, or a generated one returned once. */
export function useResetPassword() {
  return useChange(({ id, password }: { id: number; password?: string }) => post<ResetPasswordAnswer>(`/api/users/${id}/reset-password`, password ? { password } : {}), ['users']);
}

export function useSetUserDisabled() {
  return useChange(({ id, disabled }: { id: number; disabled: boolean }) => post<{ id: number; disabled: boolean }>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`), ['users']);
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

/** The active 帮扶责任人 records the signed-in user sees, for linking a helper's account (first 50 matching `q`). */
export function useHelperChoices(q: string) {
  return useQuery({
    queryKey: ['pairing', 'helpers', 'choices', q],
    queryFn: ({ signal }) => get<HelperList>('/api/pairing/helpers', { q: q || undefined, active: true, page: 1, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

// --- API tokens (issue 11) -----------------------------------------------------------------------------------------

const TOKENS_KEY = ['auth', 'tokens'] as const;

export function useOwnTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => get<{ items: TokenItem[] }>('/api/auth/tokens', undefined, signal),
  });
}

/** A new token: the answer holds the token itself, shown once. */
export function useCreateToken() {
  return useChange((input: TokenInput) => post<TokenCreated>('/api/auth/tokens', input), TOKENS_KEY);
}

export function useRevokeToken() {
  return useChange((id: number) => del(`/api/auth/tokens/${id}`), TOKENS_KEY);
}
