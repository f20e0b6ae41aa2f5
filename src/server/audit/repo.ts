import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog } from '../db/schema';

export function makeAuditRepo(db: Db) {
  return {
    async insert(row: { entity: string; entityId: number; userId: number; userName: string; action: string; before: unknown; after: unknown; at: Date }) {
      await db.insert(auditLog).values(row);
    },
    async list(entity: string, entityId: number) {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
        .orderBy(asc(auditLog.id));
    },
  };
}
export type AuditRepo = ReturnType<typeof makeAuditRepo>;
