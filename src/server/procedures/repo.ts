import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_NOTICE_DAYS } from '../../domain/procedures/definitions';
import { attachmentMeta, type AttachmentMeta } from '../db/attachments';
import { insertOne } from '../db/rows';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { updateAtVersion } from '../db/versioned';
import { attachments, certificateCounters, procedureDefinitions, procedureEvents, procedures } from '../db/schema';

export type DefinitionRow = typeof procedureDefinitions.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type EventRow = typeof procedureEvents.$inferSelect;
export type { AttachmentMeta };

/**
 * What waits at a level (issue 11: “procedure steps waiting at my level, notices ending today or ended, assemblies to
 * record”): a running procedure whose open step (its definition's step at `current_step`) is of the level; of those,
 * the steps that record an assembly, and the steps with a notice whose minimum days, counted from the day the step
 * opened (the last start, pass or return, in 北京时间), are over by `today` — the earliest a notice begun on that day
 * could end (a notice is recorded when its step is passed, so its own dates are not known before).
 */
export interface Waiting {
  what: 'steps' | 'notices' | 'assemblies';
  level: string;
  today: string;
}

function waitingWhere(w: Waiting & { prefix?: string }): SQL {
  const step = sql`(select d.steps -> ${procedures.currentStep} from ${procedureDefinitions} d where d.id = ${procedures.definitionId})`;
  const atLevel = sql`${procedures.state} = 'running' and ${step} ->> 'level' = ${w.level}`;
  if (w.what === 'steps') return atLevel;
  if (w.what === 'assemblies') return sql`${atLevel} and (${step} -> 'requires') @> '["assembly"]'::jsonb`;
  const opened = sql`(select max((e.at at time zone 'Asia/Shanghai')::date) from ${procedureEvents} e where e.procedure_id = ${procedures.id} and e.outcome in ('start', 'pass', 'return'))`;
  return sql`${atLevel} and (${step} -> 'requires') @> '["notice"]'::jsonb and ${opened} + (coalesce((${step} ->> 'minDays')::int, ${DEFAULT_NOTICE_DAYS}) - 1) <= ${w.today}::date`;
}

export function makeProceduresRepo(db: Db) {
  return {
    // --- definitions -----------------------------------------------------------------------------------------------
    listDefinitions: () => db.select().from(procedureDefinitions).where(eq(procedureDefinitions.active, true)).orderBy(asc(procedureDefinitions.kind), asc(procedureDefinitions.regionPrefix)),
    async definition(id: number): Promise<DefinitionRow | undefined> {
      const [row] = await db.select().from(procedureDefinitions).where(eq(procedureDefinitions.id, id));
      return row;
    },
    /** The active definition of a kind for a province: its own adjustment, else the national one. */
    async activeDefinition(kind: string, province: string): Promise<DefinitionRow | undefined> {
      const rows = await db
        .select()
        .from(procedureDefinitions)
        .where(and(eq(procedureDefinitions.kind, kind), eq(procedureDefinitions.active, true), inArray(procedureDefinitions.regionPrefix, [province, ''])))
        .orderBy(desc(procedureDefinitions.regionPrefix));
      return rows[0];
    },
    /**
     * A new version of a kind's definition for a region prefix; the previous one stops being active. Run it inside a
     * transaction: the rows of the kind and prefix are locked first, so two saves at once number their versions in turn
     * and a failed insert leaves the previous version active.
     */
    async insertDefinition(d: { kind: string; regionPrefix: string; name: string; steps: unknown[]; source: string }): Promise<DefinitionRow> {
      const scope = and(eq(procedureDefinitions.kind, d.kind), eq(procedureDefinitions.regionPrefix, d.regionPrefix));
      const existing = await db.select({ version: procedureDefinitions.version }).from(procedureDefinitions).where(scope).for('update');
      await db.update(procedureDefinitions).set({ active: false }).where(and(scope, eq(procedureDefinitions.active, true)));
      const [row] = await db
        .insert(procedureDefinitions)
        .values({ ...d, version: Math.max(0, ...existing.map((e) => e.version)) + 1, active: true })
        .returning();
      return row!;
    },

    // --- procedures --------------------------------------------------------------------------------------------------
    async procedure(id: number): Promise<ProcedureRow | undefined> {
      const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
      return row;
    },
    /** A running procedure of the same subject (one at a time per household, or per village for 出列). */
    async runningFor(subject: { householdId: number } | { villageCode: string; kind: string }): Promise<ProcedureRow | undefined> {
      const where =
        'householdId' in subject
          ? and(eq(procedures.householdId, subject.householdId), eq(procedures.state, 'running'))
          : and(eq(procedures.villageCode, subject.villageCode), eq(procedures.kind, subject.kind), eq(procedures.state, 'running'));
      const [row] = await db.select().from(procedures).where(where).limit(1);
      return row;
    },
    async insertProcedure(p: Omit<typeof procedures.$inferInsert, 'id'>): Promise<ProcedureRow> {
      return await insertOne(db, procedures, p);
    },
    async updateProcedure(id: number, version: number, values: Partial<typeof procedures.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, procedures, id, version, values);
    },
    async list(q: { prefix: string; kind?: string; state?: string; householdId?: number; waiting?: Waiting; limit: number; offset: number }) {
      const where = and(
        underPrefix(procedures.villageCode, q.prefix),
        q.kind ? eq(procedures.kind, q.kind) : undefined,
        q.state ? eq(procedures.state, q.state) : undefined,
        q.householdId ? eq(procedures.householdId, q.householdId) : undefined,
        q.waiting ? waitingWhere(q.waiting) : undefined,
      );
      const items = await db.select().from(procedures).where(where).orderBy(desc(procedures.id)).limit(q.limit).offset(q.offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(procedures).where(where);
      return { items, total: count?.n ?? 0 };
    },
    /**
     * The running procedures of a region prefix whose open step waits at a level (issue 11's to-dos), counted in one
     * query: all of them, those whose step records an assembly, and those whose notice has run its days by `today`.
     */
    async waitingCounts(q: { prefix: string; level: string; today: string }): Promise<{ steps: number; notices: number; assemblies: number }> {
      const base = { prefix: q.prefix, level: q.level, today: q.today };
      const [row] = await db
        .select({
          steps: sql<number>`count(*)::int`,
          notices: sql<number>`(count(*) filter (where ${waitingWhere({ ...base, what: 'notices' })}))::int`,
          assemblies: sql<number>`(count(*) filter (where ${waitingWhere({ ...base, what: 'assemblies' })}))::int`,
        })
        .from(procedures)
        .where(and(underPrefix(procedures.villageCode, q.prefix), waitingWhere({ ...base, what: 'steps' })));
      return row ?? { steps: 0, notices: 0, assemblies: 0 };
    },
    /** Household heads and numbers for a page of procedures (reads the registry's tables; names only). */
    async householdLabels(ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await queryRows<{ id: number; number: string; head: string | null }>(
        db,
        sql`select h.id, h.number, (select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1) as head
            from households h where h.id = any(${sql.param(ids)}::int[])`,
      );
      return new Map(rows.map((r) => [r.id, `${r.head ?? '（无户主）'}户（${r.number}）`]));
    },
    /** A lock on a procedure's subject (a household, a village) until the transaction ends (starts one at a time). */
    async lockSubject(key: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`procedure-subject:${key}`}))`);
    },
    /** The procedure's row, locked until the transaction ends: transitions of one procedure happen one after another. */
    async lockProcedure(id: number): Promise<ProcedureRow | undefined> {
      const [row] = await db.select().from(procedures).where(eq(procedures.id, id)).for('update');
      return row;
    },
    /** The next 脱贫光荣证 number of a county and year (inside the completing transaction: its row stays locked). */
    async nextCertificate(county: string, year: number): Promise<number> {
      const [row] = await db
        .insert(certificateCounters)
        .values({ county, year, last: 1 })
        .onConflictDoUpdate({ target: [certificateCounters.county, certificateCounters.year], set: { last: sql`${certificateCounters.last} + 1` } })
        .returning({ last: certificateCounters.last });
      return row!.last;
    },

    // --- events and evidence -----------------------------------------------------------------------------------------
    events: (procedureId: number) => db.select().from(procedureEvents).where(eq(procedureEvents.procedureId, procedureId)).orderBy(asc(procedureEvents.id)),
    async insertEvent(e: Omit<typeof procedureEvents.$inferInsert, 'id'>): Promise<void> {
      await db.insert(procedureEvents).values(e);
    },
    attachments: (procedureId: number) =>
      db
        .select(attachmentMeta)
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'procedure'), eq(attachments.ownerId, procedureId)))
        .orderBy(asc(attachments.id)),
    async insertAttachment(a: Omit<typeof attachments.$inferInsert, 'id'>): Promise<AttachmentMeta> {
      const [row] = await db.insert(attachments).values(a).returning(attachmentMeta);
      return row!;
    },
    async attachment(id: number) {
      const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), eq(attachments.ownerType, 'procedure')));
      return row;
    },
  };
}
export type ProceduresRepo = ReturnType<typeof makeProceduresRepo>;
