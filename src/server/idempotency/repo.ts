import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { idempotencyKeys } from '../db/schema';

export type KeptAnswer = { status: number; contentType: string | null; body: string; headers: Record<string, string> };

export type Claim = { kind: 'claimed' } | { kind: 'kept'; answer: KeptAnswer } | { kind: 'busy' } | { kind: 'other' };

/** The idempotency_keys table: one user's keys at a time (every query names the user). */
export function makeIdempotencyRepo(db: Db) {
  const repo = {
    /**
     * Claims `key` for `request`, or tells why not: its first answer is kept, it is being handled (claimed after
     * `staleBefore` and not answered yet), or it was used for another request. A claim older than `staleBefore` with no
     * answer (the process stopped while handling it) is taken over.
     */
    async claim(userId: number, key: string, request: string, now: Date, staleBefore: Date): Promise<Claim> {
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ userId, key, request, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) return { kind: 'claimed' };
      const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      if (!row) return repo.claim(userId, key, request, now, staleBefore);
      if (row.request !== request) return { kind: 'other' };
      if (row.status !== null) {
        return { kind: 'kept', answer: { status: row.status, contentType: row.contentType, body: row.body ?? '', headers: (row.headers as Record<string, string> | null) ?? {} } };
      }
      if (row.createdAt >= staleBefore) return { kind: 'busy' };
      const taken = await db
        .update(idempotencyKeys)
        .set({ createdAt: now })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status), lt(idempotencyKeys.createdAt, staleBefore)))
        .returning({ key: idempotencyKeys.key });
      return taken.length ? { kind: 'claimed' } : { kind: 'busy' };
    },
    async keep(userId: number, key: string, answer: KeptAnswer): Promise<void> {
      await db
        .update(idempotencyKeys)
        .set({ status: answer.status, contentType: answer.contentType, body: answer.body, headers: answer.headers })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    },
    /** Frees a claim whose request did not succeed: a resend is decided afresh. */
    async release(userId: number, key: string): Promise<void> {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)));
    },
    async purge(before: Date): Promise<void> {
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
    },
    async count(userId: number): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
      return row?.n ?? 0;
    },
  };
  return repo;
}
export type IdempotencyRepo = ReturnType<typeof makeIdempotencyRepo>;
