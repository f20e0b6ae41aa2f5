import type { Snapshot } from '../../domain/audit/diff';
import { PERSON_FIELD_LABELS, recordedFieldsOf } from '../../domain/audit/labels';

/** The plain field values of a record that its history keeps: the fields the audit page has labels for. */
export function snapshotOf(entity: string, row: object | null | undefined): Snapshot | null {
  if (!row) return null;
  const values = row as Record<string, unknown>;
  const out: Snapshot = {};
  for (const k of recordedFieldsOf(entity)) if (values[k] !== undefined && k !== 'persons') out[k] = values[k] instanceof Date ? (values[k] as Date).toISOString() : values[k];
  return out;
}

/** A household with its persons (every field of each, the ID number in full: only administrators read the log). */
export function householdSnapshot(h: object | null | undefined, persons: object[]): Snapshot | null {
  if (!h) return null;
  return { ...snapshotOf('household', h), persons: persons.map((p) => snapshotOf('person', p) ?? {}) };
}

export { PERSON_FIELD_LABELS };
