import { index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { bytea, id, recordedBy } from './columns';

/** Files kept as evidence: a procedure step's minutes, photos and notices; a visit's signatures. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    /** procedure | visit */
    ownerType: varchar('owner_type', { length: 20 }).notNull(),
    ownerId: integer('owner_id').notNull(),
    stepIndex: integer('step_index'),
    /** What a visit's file is: photo (走访照片), household (贫困户签字), helper (帮扶责任人签字); null = evidence / 签字材料. */
    kind: varchar('kind', { length: 20 }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    ...recordedBy(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);
