import type { Auth } from '../auth/access';
import type { AuditRepo } from './repo';

/** Records whose changes are kept (who, when, before → after). */
export type AuditEntity =
  | 'org'
  | 'member'
  | 'user'
  | 'comparison_hit'
  | 'household'
  | 'person'
  | 'income'
  | 'status'
  | 'village'
  | 'helper'
  | 'assignment'
  | 'visit'
  | 'procedure'
  | 'procedure_definition'
  | 'poverty_line'
  | 'scheme'
  | 'round';
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
  | 'session_revoke';
type Snapshot = Record<string, unknown>;

/**
 * Changes between two snapshots, field by field, with the labels the user reads, in the order of `labels`
 * (jsonb does not keep the order keys were written in).
 */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null, labels: Record<string, string>) {
  const b = before ?? {};
  const a = after ?? {};
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .sort((x, y) => rank(x) - rank(y))
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, label: labels[k] ?? k, before: b[k] ?? null, after: a[k] ?? null }));
}

export function makeAuditService(deps: { repo: AuditRepo; now: () => Date }) {
  const { repo, now } = deps;
  return {
    async record(auth: Auth, entity: AuditEntity, entityId: number, action: 'create' | 'update' | 'delete', before: Snapshot | null, after: Snapshot | null) {
      await repo.insert({ entity, entityId, userId: auth.userId, userName: auth.displayName, action, before, after, at: now() });
    },
    /**
     * An access event. `actor` is the signed-in user, or null with `username` for a failed sign-in; `entityId` is the
     * actor's user id (0 when unknown).
     */
    async event(actor: Pick<Auth, 'userId' | 'displayName'> | null, kind: AccessEvent, details: { what?: string; rows?: number; username?: string; [key: string]: unknown }) {
      await repo.insert({
        entity: 'access',
        entityId: actor?.userId ?? 0,
        userId: actor?.userId ?? 0,
        userName: (actor?.displayName ?? details.username ?? '').slice(0, 50),
        action: kind,
        before: null,
        after: details,
        at: now(),
      });
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
  };
}
export type AuditService = ReturnType<typeof makeAuditService>;
