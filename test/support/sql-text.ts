import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/**
 * The text of named queries as PostgreSQL receives them (placeholders and their parameters), for a checked-in
 * `queries.sql` beside a repository: a change to a query, or to a domain constant it is built from, shows in review.
 */
export function renderQueries(header: string, queries: Record<string, SQL>): string {
  const blocks = Object.entries(queries).map(([name, query]) => {
    const { sql, params } = dialect.sqlToQuery(query);
    const lines = sql
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l, i) => (i === 0 ? l : `  ${l}`));
    return [`-- ${name}`, `-- params: ${JSON.stringify(params)}`, `${lines.join('\n')};`].join('\n');
  });
  return `${header
    .split('\n')
    .map((l) => `-- ${l}`.trimEnd())
    .join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
