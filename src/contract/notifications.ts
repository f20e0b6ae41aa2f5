/**
 * In-app notifications (issue 11: “In-app notifications (a bell with unread count) when something lands on my list”):
 * what GET /api/notifications answers and what the web's bell shows. Each user sees their own only.
 */
import { z } from 'zod';
import { page, pageSize } from './zod';

/** What landed on the list: a procedure step opened at the user's level, a household assigned to the helper, a round naming the assessor, a comparison run with hits to decide. */
export const NOTIFICATION_KINDS = ['procedureStep', 'assignment', 'assessor', 'compareHits', /* issue 15: screening */ 'screeningFlags'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationItem = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  /** The web path that opens the record. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.output<typeof notificationItem>;

export const notificationQuery = z.object({
  /** Only the unread ones. */
  unread: z.enum(['1', 'true']).optional(),
  page,
  pageSize,
});

/** A page of the user's notifications, newest first, with the number still unread (the bell's badge). */
export const notificationPage = z.object({
  items: z.array(notificationItem),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  unread: z.number().int().nonnegative(),
});
export type NotificationPage = z.output<typeof notificationPage>;

export const readAllResult = z.object({ marked: z.number().int().nonnegative() });
