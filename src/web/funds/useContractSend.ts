import type { FormInstance } from 'antd';
import type { ZodType } from 'zod';
import { problemsOf, showFieldErrors } from '../app/forms';
import { useFormSend } from '../app/useFormSend';
import { FIELD_LABELS } from './labels';

/**
 * A funds form's submit: the values are checked with the endpoint's schema from the contract first (its problems
 * beside their fields, nothing sent), then sent through `useFormSend` (the server's field errors, a 负面清单 refusal
 * among them, beside their fields too; its message above the form).
 */
export function useContractSend<V>(form: FormInstance<V>, schema: ZodType, fields: readonly string[]) {
  const sender = useFormSend(form, fields);
  const submit = async <I, R>(input: I, request: (input: I) => Promise<R>, done: (answer: R) => void): Promise<void> => {
    sender.setError(null);
    const problems = problemsOf(schema, input, FIELD_LABELS);
    if (problems.length) {
      const rest = showFieldErrors(form, problems, fields);
      sender.setError(rest.length ? rest.map((p) => `${p.label}：${p.message}`).join('；') : '请按提示修改后再提交');
      return;
    }
    await sender.send(() => request(input), done);
  };
  return { error: sender.error, setError: sender.setError, submit, saved: sender.saved };
}
