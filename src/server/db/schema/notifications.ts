// Issue 11: in-app notifications (“a bell with unread count when something lands on my list”).
import { index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from './columns';

/** One notification of one user: what landed on their list, where to open it, and when they read it. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: integer('user_id').notNull(),
    /** procedureStep | assignment | assessor | compareHits (src/contract/notifications.ts) */
    kind: varchar('kind', { length: 20 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    /** The web path that opens the record. */
    link: varchar('link', { length: 200 }).notNull(),
    createdAt: createdAt(),
    readAt: timestamptz('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
);
