import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The code that follows every code starting with `prefix` in order: '5101' → '5102', '5199' → '52', '99' → null (no
 * code follows). Region codes are digits only.
 */
export function prefixEnd(prefix: string): string | null {
  let p = prefix;
  while (p.endsWith('9')) p = p.slice(0, -1);
  if (!p) return null;
  return p.slice(0, -1) + String(Number(p.at(-1)) + 1);
}

/**
 * `column` starts with the region-code `prefix` ('' = everything), written as a range so a plain b-tree index on a
 * char(12) or varchar code answers it: `like 'prefix%'` on bpchar keys cannot use one and scans the table (issue 13).
 */
export function underPrefix(column: AnyPgColumn | SQL, prefix: string): SQL {
  if (!/^\d{0,12}$/.test(prefix)) throw new Error(`underPrefix: not a region-code prefix: ${JSON.stringify(prefix)}`);
  if (!prefix) return sql`true`;
  const end = prefixEnd(prefix);
  return end === null ? sql`${column} >= ${prefix}` : sql`(${column} >= ${prefix} and ${column} < ${end})`;
}
