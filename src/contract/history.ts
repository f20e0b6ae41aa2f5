/**
 * A record's change history as the detail pages show it (bodies, members, ledger entries, comparison hits): who,
 * when, and each field before → after in the words the user reads. Built by the audit service's `diffSnapshots`: the
 * audit log's item, cut down to what a record's page shows.
 */
import { z } from 'zod';
import { auditItem } from './audit';

export const fieldChange = auditItem.shape.changes.element;
export type FieldChange = z.output<typeof fieldChange>;

/** One step of a record's history; `action` is the audit log's (`create`, `update`, `delete`…). */
export const historyItem = auditItem.pick({ id: true, action: true, userName: true, at: true, changes: true });
export type HistoryItem = z.output<typeof historyItem>;
export const history = z.object({ items: z.array(historyItem) });
