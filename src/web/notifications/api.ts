/**
 * The bell's notifications (GET /api/notifications, issue 11): the user's own, newest first, with the unread count.
 * Every shape is the contract's (`src/contract/notifications.ts`).
 */
import { useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '../../contract/notifications';
import { get, post } from '../app/api';
import { useChange } from '../app/mutations';

export type { NotificationItem, NotificationPage } from '../../contract/notifications';

const KEY = ['notifications'] as const;

/** The latest notifications and the unread count: asked again every minute and when the window regains focus. */
export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => get<NotificationPage>('/api/notifications', { pageSize: 20 }, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkRead() {
  return useChange((id: number) => post<void>(`/api/notifications/${id}/read`), KEY);
}

export function useMarkAllRead() {
  return useChange(() => post<{ marked: number }>('/api/notifications/read-all'), KEY);
}
