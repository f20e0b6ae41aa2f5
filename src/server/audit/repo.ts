import { and, asc, desc, eq, gt, gte, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { chainHash, type ChainLinkRow, type ChainRow } from '../../domain/audit/chain';
import { queryRows, type Db } from '../db/connection';
import { auditChainHead, auditLog, orgs, users } from '../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;

/** A row as the service hands it over: everything but its place in the chain. */
export interface AuditInsert {
  entity: string;
  entityId: number;
  userId: number;
  userName: string;
  action: string;
  before: unknown;
  after: unknown;
  at: Date;
  orgPath: string | null;
  regionCode: string | null;
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  userId?: number;
  /** Part of the user's name. */
  userName?: string;
  entityId?: number;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Text anywhere in the user's name or the before/after values. */
  q?: string;
}

/** Which rows an administrator sees: everything (null), or a body's subtree and a region's code prefix. */
export type AuditScope = null | { orgPath: string; regionPrefix: string };

const atMs = sql<number>`floor(extract(epoch from ${auditLog.at}) * 1000)::bigint`.mapWith(Number);

const chainColumns = {
  id: auditLog.id,
  seq: auditLog.seq,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  userId: auditLog.userId,
  userName: auditLog.userName,
  action: auditLog.action,
  orgPath: auditLog.orgPath,
  regionCode: auditLog.regionCode,
  before: auditLog.before,
  after: auditLog.after,
  atMs,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function makeAuditRepo(db: Db) {
  /** Locks the chain head for the rest of the transaction (appends are serialised) and returns it. */
  async function lockHead(): Promise<{ seq: number; hash: string }> {
    const [head] = await queryRows<{ seq: number | string; hash: string }>(db, sql`select seq, hash from ${auditChainHead} where id = 1 for update`);
    if (head) return { seq: Number(head.seq), hash: head.hash };
    await db.insert(auditChainHead).values({ id: 1, seq: 0, hash: '' }).onConflictDoNothing();
    return lockHead();
  }

  return {
    /**
     * Appends rows to the chain, in order. Must run inside a transaction (the caller's, or one the service opens): the head
     * stays locked until it commits, so no two rows get the same place and a rolled-back change leaves no row.
     */
    async appendAll(rows: AuditInsert[]): Promise<void> {
      if (rows.length === 0) return;
      let head = await lockHead();
      const values = rows.map((row) => {
        const seq = head.seq + 1;
        const chained: ChainRow = { ...row, id: 0, seq, atMs: row.at.getTime() };
        const hash = chainHash(head.hash, chained);
        const prevHash = head.hash;
        head = { seq, hash };
        return { ...row, seq, prevHash, hash };
      });
      await db.insert(auditLog).values(values);
      await db.update(auditChainHead).set(head).where(eq(auditChainHead.id, 1));
    },
    /**
     * Links rows written before the chain existed, in id order, after the current head (inside a transaction). The
     * append-only trigger lets exactly this update through: hash, previous hash and place set once.
     */
    async linkUnchained(batch = 1000): Promise<number> {
      let head = await lockHead();
      let linked = 0;
      for (;;) {
        const rows = await db.select(chainColumns).from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id)).limit(batch);
        if (rows.length === 0) break;
        for (const r of rows) {
          const seq = head.seq + 1;
          const hash = chainHash(head.hash, { ...r, seq });
          await db.update(auditLog).set({ seq, prevHash: head.hash, hash }).where(eq(auditLog.id, r.id));
          head = { seq, hash };
          linked++;
        }
      }
      if (linked) await db.update(auditChainHead).set(head).where(eq(auditChainHead.id, 1));
      return linked;
    },
    async head(): Promise<{ seq: number; hash: string }> {
      const [h] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
      return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: '' };
    },
    /** One batch of the chain in order, after `afterSeq`. */
    async chainAfter(afterSeq: number, limit: number): Promise<ChainLinkRow[]> {
      return (await db.select(chainColumns).from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit)) as ChainLinkRow[];
    },
    /** The first row not linked into the chain, if any. */
    async firstUnchained(): Promise<ChainLinkRow | undefined> {
      const [row] = await db.select(chainColumns).from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(1);
      return row as ChainLinkRow | undefined;
    },
    /** The body of a user (by id or by user name), for the scope of access events whose caller gave none. */
    async orgPathOfUser(by: { userId?: number; username?: string }): Promise<string | null> {
      const where = by.userId ? eq(users.id, by.userId) : by.username ? eq(users.username, by.username) : undefined;
      if (!where) return null;
      const [row] = await db.select({ path: orgs.path }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where).limit(1);
      return row?.path ?? null;
    },
    async list(entity: string, entityId: number) {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
        .orderBy(asc(auditLog.id));
    },
    /** The administrators' list: newest first, filtered, within the scope. */
    async search(scope: AuditScope, f: AuditFilter, limit: number, offset: number) {
      const conditions: Array<SQL | undefined> = [
        f.entity ? eq(auditLog.entity, f.entity) : undefined,
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.userId !== undefined ? eq(auditLog.userId, f.userId) : undefined,
        f.entityId !== undefined ? eq(auditLog.entityId, f.entityId) : undefined,
        f.userName ? like(auditLog.userName, `%${escapeLike(f.userName)}%`) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        f.q
          ? or(
              like(auditLog.userName, `%${escapeLike(f.q)}%`),
              sql`${auditLog.before}::text like ${`%${escapeLike(f.q)}%`}`,
              sql`${auditLog.after}::text like ${`%${escapeLike(f.q)}%`}`,
            )
          : undefined,
      ];
      if (scope)
        conditions.push(
          scope.regionPrefix
            ? or(like(auditLog.orgPath, `${escapeLike(scope.orgPath)}%`), like(auditLog.regionCode, `${escapeLike(scope.regionPrefix)}%`))
            : like(auditLog.orgPath, `${escapeLike(scope.orgPath)}%`),
        );
      const where = and(...conditions);
      const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
      return { items, total: count?.n ?? 0 };
    },
  };
}
export type AuditRepo = ReturnType<typeof makeAuditRepo>;
