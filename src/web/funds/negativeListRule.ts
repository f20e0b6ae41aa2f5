import type { FormRule } from 'antd';
import { checkUse } from '../../domain/funds/uses';

/**
 * A form rule: the text names nothing on the 负面清单 — the domain's own check of a declared use, with its message,
 * which the server runs again (its refusal then lands on the same field). Only the texts are checked here; the
 * category has its own field.
 */
export const negativeListRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || !value) return;
    const check = checkUse({ use: 'industry', texts: [{ field: 'text', text: value }] });
    if (!check.ok) throw new Error(check.message);
  },
};
