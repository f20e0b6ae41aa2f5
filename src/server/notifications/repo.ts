import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { notifications } from '../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

/** The notifications table: one user's rows at a time (every query names the user). */
export function makeNotificationsRepo(db: Db) {
  return {
    async insert(rows: Array<{ userId: number; kind: string; title: string; link: string; createdAt: Date }>): Promise<void> {
      if (rows.length) await db.insert(notifications).values(rows);
    },
    async list(q: { userId: number; unread: boolean; limit: number; offset: number }) {
      const where = and(eq(notifications.userId, q.userId), q.unread ? isNull(notifications.readAt) : undefined);
      const items = await db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.limit).offset(q.offset);
      const [count] = await db
        .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int` })
        .from(notifications)
        .where(eq(notifications.userId, q.userId));
      const total = q.unread ? (count?.unread ?? 0) : (count?.total ?? 0);
      return { items, total, unread: count?.unread ?? 0 };
    },
    /** Marks one of the user's notifications read; false when the user has none of that id. */
    async markRead(userId: number, id: number, at: Date): Promise<boolean> {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length === 1;
    },
    async markAllRead(userId: number, at: Date): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
export type NotificationsRepo = ReturnType<typeof makeNotificationsRepo>;
