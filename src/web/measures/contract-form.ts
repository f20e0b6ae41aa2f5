/**
 * A measures form's submit: the values are checked with the endpoint's schema from the contract first (its problems
 * beside their fields, nothing sent), then sent; the server's field errors go beside their fields too, and what names
 * a field not shown (or the message without one) is returned for the alert above the form, in words naming the field.
 */
import type { FormInstance } from 'antd';
import type { ZodType } from 'zod';
import { ApiError, errorMessage } from '../app/api';
import { problemsOf, showFieldErrors } from '../app/forms';
import { MEASURE_FIELD_LABELS } from './api';

const listed = (problems: Array<{ label: string; message: string }>) => problems.map((p) => `${p.label}：${p.message}`).join('；');

/** The problems of `input` under `schema`, placed on the form; the text for above the form, or null when none. */
export function contractProblems<V>(form: FormInstance<V>, schema: ZodType, input: unknown, fields: readonly string[]): string | null {
  const problems = problemsOf(schema, input, MEASURE_FIELD_LABELS);
  if (!problems.length) return null;
  const rest = showFieldErrors(form, problems, fields);
  return rest.length ? listed(rest) : '请按提示修改后再提交';
}

/** After a refused request: its field errors beside their fields, and the text for above the form. */
export function failureText<V>(form: FormInstance<V>, e: unknown, fields: readonly string[]): string {
  const rest = showFieldErrors(form, e, fields);
  if (e instanceof ApiError && e.fields.length) return rest.length ? listed(rest) : `${errorMessage(e)}：${listed(e.fields)}`;
  return errorMessage(e);
}
