/**
 * Whether a declared use of poverty-alleviation funds may be paid (issue 14, seed 004 “严格扶贫资金使用管理”): it is
 * classified under the 正面清单, or, when it is not, a reason is given; and nothing of it falls under the 负面清单. The
 * same check runs when a project is declared and when money is paid to it.
 */
import { NEGATIVE_CLAUSE_TEXT, NEGATIVE_CLAUSE_WORDS, NEGATIVE_CLAUSES, POSITIVE_USE_LABELS, type NegativeClause, type PositiveUse } from './catalog';

export interface DeclaredUse {
  /** The 正面清单 category, or null for a use the list does not name. */
  use: PositiveUse | null;
  /** Why an unclassified use serves 脱贫攻坚 (required when `use` is null). */
  reason?: string | null;
  /** What the money buys, as written: the project's name and content, a payment's purpose. */
  texts: Array<{ field: string; text: string }>;
}

export type UseCheck =
  | { ok: true; label: string }
  | { ok: false; field: string; clause: NegativeClause | null; message: string };

/** The first 负面清单 clause a text falls under, with the words that matched. */
export function negativeClauseOf(text: string): { clause: NegativeClause; word: string } | null {
  for (const clause of NEGATIVE_CLAUSES) {
    const word = NEGATIVE_CLAUSE_WORDS[clause].find((w) => text.includes(w));
    if (word) return { clause, word };
  }
  return null;
}

export function checkUse(d: DeclaredUse): UseCheck {
  for (const { field, text } of d.texts) {
    const hit = negativeClauseOf(text);
    if (hit)
      return {
        ok: false,
        field,
        clause: hit.clause,
        message: `“${hit.word}”属于负面清单“不得用于${NEGATIVE_CLAUSE_TEXT[hit.clause]}”，扶贫资金不得用于此项支出`,
      };
  }
  if (d.use === null) {
    if (!(d.reason ?? '').trim()) return { ok: false, field: 'useReason', clause: null, message: '资金用途不在正面清单内，请说明用于脱贫攻坚的理由' };
    return { ok: true, label: '正面清单以外（已说明理由）' };
  }
  return { ok: true, label: POSITIVE_USE_LABELS[d.use] };
}
