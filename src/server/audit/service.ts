import { AsyncLocalStorage } from 'node:async_hooks';
import { verifyChain, type ChainVerdict } from '../../domain/audit/chain';
import { diffSnapshots, type Snapshot } from '../../domain/audit/diff';
import { ACTION_LABELS, ENTITY_LABELS, fieldLabelsOf } from '../../domain/audit/labels';
import { isRealDate, startOfDay } from '../../domain/shared/dates';
import { AppError } from '../../domain/shared/errors';
import type { MutualAidEntity } from '../../domain/funds/mutual-aid-labels';
// issue 15: measures
import type { MeasuresEntity } from '../../domain/measures/audit-labels';
import type { Auth } from '../auth/access';
import { maySeeIdNumbers, requirePermission } from '../auth/access';
import { maskIdNumber } from '../../domain/registry/id-number';
import type { Db } from '../db/connection';
import { makeAuditRepo, type AuditFilter, type AuditInsert, type AuditRow, type AuditScope } from './repo';

export { diffSnapshots };

/** Records whose changes are kept (who, when, before → after). */
export type AuditEntity =
  | 'org'
  | 'member'
  | 'user'
  | 'role'
  | 'comparison_hit'
  | 'household'
  | 'person'
  | 'income'
  | 'status'
  | 'village'
  | 'helper'
  | 'assignment'
  | 'visit'
  | 'leader_village'
  | 'procedure'
  | 'procedure_definition'
  | 'poverty_line'
  | 'scheme'
  | 'round'
  | 'report'
  | 'correction'
  | 'change_request'
  | 'change_rule'
  | MutualAidEntity
  | 'fund_allocation'
  | 'project'
  | 'fund_payment'
  | 'audit_finding'
  | 'fund_sample'
  // issue 15: screening
  | 'screening_flag'
  // issue 15: measures
  | MeasuresEntity;
/**
 * What is recorded besides changes (DESIGN: “exports and uploads of personal data recorded”): sign-ins, exports and
 * uploads, account actions. Stored with entity `access`; `details` says what (e.g. `{ what: '花名册导出', rows: 812 }`).
 */
export type AccessEvent =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'export'
  | 'upload'
  | 'password_change'
  | 'password_reset'
  | 'user_disable'
  | 'user_enable'
  | 'session_revoke'
  | 'token_create'
  | 'token_revoke'
  | 'token_use';

/**
 * Where a changed record lies, so administrators of that subtree see its history: the body's materialised path and,
 * for registry records, the village (region) code. Without it the row is scoped to the acting user's body.
 */
export interface AuditRecordScope {
  orgPath?: string;
  regionCode?: string;
}

/** Who acted: a signed-in user (an `Auth`), or just the id and name; their body's path is looked up when absent. */
export type AuditActor = Pick<Auth, 'userId' | 'displayName'> & Partial<Pick<Auth, 'orgPath'>>;

/** The open transaction of the current call chain, and the audit rows recorded in it, appended just before it commits. */
interface TransactionContext {
  tx: Db;
  pending: AuditInsert[];
}
const transactionContext = new AsyncLocalStorage<TransactionContext>();
const BOUND = Symbol.for('taizhang.audit.boundTransactions');

/**
 * Makes every `db.transaction(...)` carry its transaction as the audit context: an `audit.record` inside it is kept
 * and appended in that same transaction when its callback has finished, just before the commit (a rolled-back change
 * leaves no audit row; on PGlite, with its one connection, a write outside the open transaction would wait forever).
 * Appending last means the chain head is locked only for the last statements, after every other lock the transaction
 * takes, so the head never takes part in a lock cycle. Patches the database object once, in place.
 * (A savepoint, `tx.transaction`, that rolls back while its outer transaction commits keeps its audit rows.)
 */
function bindTransactions(db: Db): void {
  const target = db as Db & { [BOUND]?: true };
  if (target[BOUND]) return;
  const original = db.transaction.bind(db);
  target.transaction = ((fn: (tx: never) => Promise<unknown>, config?: unknown) =>
    original(async (tx) => {
      const context: TransactionContext = { tx: tx as unknown as Db, pending: [] };
      const result = await transactionContext.run(context, () => fn(tx as never));
      if (context.pending.length) await makeAuditRepo(context.tx).appendAll(context.pending.splice(0));
      return result;
    }, config as never)) as Db['transaction'];
  target[BOUND] = true;
}

/** Administrators' filters of the audit page. */
export interface AuditQuery {
  entity?: string;
  action?: string;
  userId?: number;
  user?: string;
  entityId?: number;
  /** Dates (YYYY-MM-DD, Beijing time), both included. */
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** ID numbers inside snapshots, masked for a reader whose role may not see them (DESIGN: personal data). */
function maskIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskIds) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'idNumber' && typeof v === 'string' ? maskIdNumber(v) : maskIds(v)])) as T;
  return value;
}

const maskChange = (field: string, v: unknown) => (/(^|\.)idNumber$/.test(field) && typeof v === 'string' ? maskIdNumber(v) : maskIds(v));

function view(r: AuditRow, showIds: boolean) {
  const before = (showIds ? r.before : maskIds(r.before)) as Snapshot | null;
  const after = (showIds ? r.after : maskIds(r.after)) as Snapshot | null;
  const labels = fieldLabelsOf(r.entity);
  return {
    id: r.id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    userId: r.userId,
    userName: r.userName,
    entity: r.entity,
    entityLabel: ENTITY_LABELS[r.entity] ?? r.entity,
    entityId: r.entityId,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    regionCode: r.regionCode,
    before,
    after,
    changes: r.entity === 'access' ? [] : diffSnapshots(r.before as Snapshot | null, r.after as Snapshot | null, labels).map((c) => (showIds ? c : { ...c, before: maskChange(c.field, c.before), after: maskChange(c.field, c.after) })),
    details: r.entity === 'access' ? (after ?? {}) : null,
  };
}
export type AuditView = ReturnType<typeof view>;

export type AuditVerifyResult =
  | { ok: true; count: number; message: string }
  | { ok: false; count: number; id: number | null; seq: number | null; at: string | null; problem: string; message: string; expected: string; actual: string };

export function makeAuditService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  bindTransactions(db);
  const repo = makeAuditRepo(db);

  /**
   * Appends in the transaction the caller is in (when its callback ends), in the given one (now), or in a new one. The
   * chain head stays locked until that transaction commits.
   */
  async function append(tx: Db | undefined, row: AuditInsert): Promise<void> {
    const context = transactionContext.getStore();
    if (context && (tx === undefined || tx === context.tx)) {
      context.pending.push(row);
      return;
    }
    if (tx) return void (await makeAuditRepo(tx).appendAll([row]));
    await db.transaction((t) => makeAuditRepo(t as unknown as Db).appendAll([row]));
  }

  /** Lookups go through the open transaction, if any (PGlite: one connection). */
  const reader = (tx?: Db) => {
    const inTx = tx ?? transactionContext.getStore()?.tx;
    return inTx ? makeAuditRepo(inTx) : repo;
  };

  async function changeRow(auth: AuditActor, entity: AuditEntity, entityId: number, action: string, before: Snapshot | null, after: Snapshot | null, scope?: AuditRecordScope, tx?: Db): Promise<AuditInsert> {
    return {
      entity,
      entityId,
      userId: auth.userId,
      userName: auth.displayName.slice(0, 50),
      action,
      before,
      after,
      at: now(),
      orgPath: scope?.orgPath ?? auth.orgPath ?? (await reader(tx).orgPathOfUser({ userId: auth.userId })),
      regionCode: scope?.regionCode ?? null,
    };
  }

  async function eventRow(actor: AuditActor | null, kind: AccessEvent, details: Record<string, unknown>, tx?: Db): Promise<AuditInsert> {
    const lookup = reader(tx);
    const username = typeof details.username === 'string' ? details.username : undefined;
    const orgPath = actor?.orgPath ?? (actor?.userId ? await lookup.orgPathOfUser({ userId: actor.userId }) : await lookup.orgPathOfUser({ username }));
    return {
      entity: 'access',
      entityId: actor?.userId ?? 0,
      userId: actor?.userId ?? 0,
      userName: (actor?.displayName ?? username ?? '').slice(0, 50),
      action: kind,
      before: null,
      after: details,
      at: now(),
      orgPath,
      regionCode: null,
    };
  }

  async function verify(batch = 2000): Promise<AuditVerifyResult> {
    const head = await repo.head();
    let from = { seq: 0, hash: '' };
    let count = 0;
    let verdict: ChainVerdict;
    for (;;) {
      const rows = await repo.chainAfter(from.seq, batch);
      const last = rows.length < batch;
      verdict = verifyChain(rows, { from, head: last ? head : undefined });
      if (!verdict.ok) break;
      count += verdict.count;
      from = { seq: verdict.lastSeq, hash: verdict.lastHash };
      if (last) break;
    }
    if (!verdict.ok) {
      return {
        ok: false,
        count: count + verdict.count,
        id: verdict.id,
        seq: verdict.seq,
        at: verdict.atMs === null ? null : new Date(verdict.atMs).toISOString(),
        problem: verdict.problem,
        message: verdict.message,
        expected: verdict.expected,
        actual: verdict.actual,
      };
    }
    const unchained = await repo.firstUnchained();
    if (unchained)
      return { ok: false, count, id: unchained.id, seq: null, at: new Date(unchained.atMs).toISOString(), problem: 'unchained', message: '该记录尚未入链（缺少哈希）', expected: '已入链', actual: '未入链' };
    return { ok: true, count, message: `审计日志完整：共 ${count} 条记录，哈希链无断点` };
  }

  return {
    /** A change of a record: who, when, before → after (snapshots of plain field values; labels applied on reading). */
    async record(auth: AuditActor, entity: AuditEntity, entityId: number, action: 'create' | 'update' | 'delete', before: Snapshot | null, after: Snapshot | null, scope?: AuditRecordScope) {
      await append(undefined, await changeRow(auth, entity, entityId, action, before, after, scope));
    },
    /** The same, written in the given transaction (`tx` from `db.transaction`). */
    async recordIn(tx: Db, auth: AuditActor, entity: AuditEntity, entityId: number, action: 'create' | 'update' | 'delete', before: Snapshot | null, after: Snapshot | null, scope?: AuditRecordScope) {
      await append(tx, await changeRow(auth, entity, entityId, action, before, after, scope, tx));
    },
    /**
     * An access event. `actor` is the signed-in user, or null with `username` for a failed sign-in; `entityId` is the
     * actor's user id (0 when unknown).
     */
    async event(actor: AuditActor | null, kind: AccessEvent, details: { what?: string; rows?: number; username?: string; [key: string]: unknown }) {
      await append(undefined, await eventRow(actor, kind, details));
    },
    async eventIn(tx: Db, actor: AuditActor | null, kind: AccessEvent, details: { what?: string; rows?: number; username?: string; [key: string]: unknown }) {
      await append(tx, await eventRow(actor, kind, details, tx));
    },
    async history(entity: AuditEntity, entityId: number, labels: Record<string, string>) {
      const rows = await repo.list(entity, entityId);
      return rows.map((r) => ({
        id: r.id,
        action: r.action,
        userName: r.userName,
        at: new Date(r.at).toISOString(),
        changes: diffSnapshots(r.before as Snapshot | null, r.after as Snapshot | null, labels),
      }));
    },

    /**
     * The audit page: a system administrator sees everything; a body's administrator the events and changes of the
     * users and records in their subtree (the row's body path, or its region within theirs); members nothing.
     */
    async search(auth: Auth, q: AuditQuery) {
      requirePermission(auth, 'audit.read');
      // The whole log is the system administrator's scope (a data scope, not a permission: no role defined below
      // the system's own has it).
      const scope: AuditScope = auth.role === 'sysadmin' ? null : { orgPath: auth.orgPath, regionPrefix: auth.regionPrefix };
      for (const [field, label, v] of [['from', '开始日期', q.from], ['to', '结束日期', q.to]] as const)
        if (v !== undefined && !isRealDate(v))
          throw new AppError('VALIDATION', `${label}：应为有效日期 YYYY-MM-DD`, { fields: [{ field, label, message: '应为有效日期 YYYY-MM-DD' }] });
      const filter: AuditFilter = {
        entity: q.entity || undefined,
        action: q.action || undefined,
        userId: q.userId,
        userName: q.user?.trim() || undefined,
        entityId: q.entityId,
        from: q.from ? startOfDay(q.from) : undefined,
        to: q.to ? new Date(startOfDay(q.to).getTime() + 86_400_000) : undefined,
        q: q.q?.trim() || undefined,
      };
      const { items, total } = await repo.search(scope, filter, q.pageSize, (q.page - 1) * q.pageSize);
      const showIds = maySeeIdNumbers(auth);
      return { items: items.map((r) => view(r, showIds)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Recomputes the whole chain: OK with the count, or the first broken link. */
    verify,
    async verifyAs(auth: Auth) {
      // The chain spans every office's rows: only a role meant for the whole log (the system administrator's) verifies it.
      requirePermission(auth, 'audit.verify');
      return verify();
    },

    /** Start-up step: links the rows written before the chain existed (an upgraded installation). */
    async chainLegacy(): Promise<number> {
      if (!(await repo.firstUnchained())) return 0;
      return db.transaction((tx) => makeAuditRepo(tx as unknown as Db).linkUnchained());
    },
  };
}
export type AuditService = ReturnType<typeof makeAuditService>;
