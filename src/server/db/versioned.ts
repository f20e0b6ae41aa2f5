import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './connection';

/** A table whose rows carry an integer `id` and the `version` of optimistic locking. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Writes `values` to row `id` if it is still at `version` (and `guard` holds), bumping its version in the same
 * statement. False when another write came first, the row is gone, or the guard fails: the caller's conflict.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
  version: number,
  values: PgUpdateSetSource<T>,
  guard?: SQL,
): Promise<boolean> {
  const rows = await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), eq(table.version, version), guard))
    .returning({ id: table.id });
  return rows.length === 1;
}
