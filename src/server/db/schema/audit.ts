import { bigint, index, integer, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { bigTotal, change, id } from './columns';

/**
 * Who changed which record, when, before → after, and the access events (sign-ins, exports, uploads) (DESIGN: history).
 * Append-only and hash-chained (issue 9): `seq` is the row's place in the chain, `hash` = sha256 over the previous hash
 * and the row's fields (src/domain/audit/chain.ts); a trigger refuses UPDATE, DELETE and TRUNCATE. Ledger entries keep
 * their own history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    entity: varchar('entity', { length: 20 }).notNull(),
    entityId: integer('entity_id').notNull(),
    ...change(20),
    /** Scope of the row, so administrators' lists filter without joins: the body (materialised path) … */
    orgPath: text('org_path'),
    /** … and, for registry records, the region code (a village's 12 digits). */
    regionCode: varchar('region_code', { length: 12 }),
    /** Place in the chain (1, 2, …); null only for rows written before the chain, until the start-up step links them. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** The head of the audit chain (one row): locked by each append, so the chain has no forks; its hash anchors the tail. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  seq: bigTotal('seq'),
  hash: varchar('hash', { length: 64 }).notNull().default(''),
});
