import type { Auth } from '../auth/access';
import type { AuditRepo } from './repo';

export type AuditEntity = 'org' | 'member' | 'user' | 'comparison_hit';
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
