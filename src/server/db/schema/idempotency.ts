import { index, integer, jsonb, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * The answers to requests sent with an `Idempotency-Key` (issue 12: a phone's queued change is sent once even when the
 * answer is lost on the way). A row is claimed (status null) before the handler runs and filled with the first 2xx
 * answer; a non-2xx answer frees the key. Rows older than 7 days are deleted as new ones arrive.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer('user_id').notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    /** METHOD and URL of the request (query included), so a key reused for another request is refused. */
    request: text('request').notNull(),
    /** The kept answer's status; null while the first request is being handled. */
    status: smallint('status'),
    contentType: varchar('content_type', { length: 100 }),
    body: text('body'),
    headers: jsonb('headers'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
