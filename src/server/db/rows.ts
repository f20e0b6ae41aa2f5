import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connection';

/** Inserts one row and answers it as stored (defaults, serial id and all). */
export async function insertOne<T extends PgTable>(db: Db, table: T, values: PgInsertValue<T>): Promise<T['$inferSelect']> {
  const [row] = (await db.insert(table).values(values).returning()) as Array<T['$inferSelect']>;
  if (!row) throw new Error('insert answered no row');
  return row;
}
