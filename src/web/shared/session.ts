/** The signed-in user, as every feature reads it (who may do what is decided by the server; the web only shows). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contract/auth';
import type { Permission } from '../../domain/auth/permissions';
import { ApiError, get, post } from '../app/api';
import { rememberUser } from './remembered-user';

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

/** Whether the signed-in user's role holds a permission: the web shows an action only then (the server decides). */
export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>('/api/auth/logout'),
    onSettled: () => {
      rememberUser(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}
