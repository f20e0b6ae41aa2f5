/**
 * A record's change history as the detail pages show it (ledger entries, comparison hits): who, when, and each field
 * before → after in the words the user reads. Built by the audit service's `diffSnapshots`.
 */
import { z } from 'zod';

export const fieldChange = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.output<typeof fieldChange>;

/** One step of a record's history; `action` is the audit log's (`create`, `update`, `delete`…). */
export const historyItem = z.object({ id: z.number(), action: z.string(), userName: z.string(), at: z.string(), changes: z.array(fieldChange) });
export type HistoryItem = z.output<typeof historyItem>;
