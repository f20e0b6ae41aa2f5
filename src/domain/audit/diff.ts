import { canonicalJson } from './chain';
import { PERSON_FIELD_LABELS } from './labels';

export type Snapshot = Record<string, unknown>;

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** Lists of records inside a snapshot (a household's persons) and the labels of their items' fields. */
const NESTED: Record<string, { item: string; labels: Record<string, string> }> = {
  persons: { item: '第 {n} 位成员', labels: PERSON_FIELD_LABELS },
};

const isRecordList = (v: unknown): v is Snapshot[] => Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));

/**
 * Changes between two snapshots, field by field, with the labels the user reads, in the order of `labels` (jsonb does
 * not keep the order keys were written in). A list of records (a household's persons) is compared item by item, so a
 * person's new name reads “第 2 位成员姓名：张三 → 张叁” rather than two whole lists.
 */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null, labels: Record<string, string>): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const changes: FieldChange[] = [];
  for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => rank(x) - rank(y))) {
    const bv = b[k] ?? null;
    const av = a[k] ?? null;
    if (canonicalJson(bv) === canonicalJson(av)) continue;
    const nested = NESTED[k];
    if (nested && (bv === null || isRecordList(bv)) && (av === null || isRecordList(av))) {
      const bl = (bv ?? []) as Snapshot[];
      const al = (av ?? []) as Snapshot[];
      for (let i = 0; i < Math.max(bl.length, al.length); i++) {
        const item = nested.item.replace('{n}', String(i + 1));
        if (i >= bl.length || i >= al.length) {
          changes.push({ field: `${k}.${i}`, label: `${item}${i >= bl.length ? '（新增）' : '（删除）'}`, before: bl[i] ?? null, after: al[i] ?? null });
          continue;
        }
        for (const c of diffSnapshots(bl[i]!, al[i]!, nested.labels)) changes.push({ ...c, field: `${k}.${i}.${c.field}`, label: `${item}${c.label}` });
      }
      continue;
    }
    changes.push({ field: k, label: labels[k] ?? k, before: bv, after: av });
  }
  return changes;
}
