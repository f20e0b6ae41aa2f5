/**
 * Forms and the contract (issue 10): a form checks its values with the schema of the endpoint it calls, and the
 * server's field errors land on the same fields. One helper for both, so every form shows a problem beside its field.
 */
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import type { FieldError } from '../../domain/shared/errors';
import { ApiError, errorMessage } from './api';

/** `persons.0.idNumber` → ['persons', 0, 'idNumber'] (antd's name path). */
export function namePath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The problems zod finds in a value, in the server's shape (field path, label, Chinese reason). */
export function problemsOf(schema: z.ZodType, value: unknown, labels: Readonly<Record<string, string>> = {}): FieldError[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'body';
    const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : issue.code === 'invalid_type' && issue.input === undefined ? '必填' : '格式不正确';
    return { field, label: labels[field] ?? labels[field.split('.').pop() ?? ''] ?? field, message };
  });
}

/**
 * Puts field errors (the server's, from an ApiError, or `problemsOf`'s) on the form's fields. `fields` limits them to
 * the names given (default: the fields the form shows now — an error on a field that is not mounted would be seen by
 * nobody). Returns the errors it could not place, so the caller can show them above the form.
 */
export function showFieldErrors<T>(form: FormInstance<T>, error: unknown, fields?: readonly string[]): FieldError[] {
  const list = error instanceof ApiError ? error.fields : Array.isArray(error) ? (error as FieldError[]) : [];
  const known = fields ?? shownFields(form);
  const placed = list.filter((f) => known.includes(f.field) || known.includes(f.field.split('.')[0]!));
  const byName = new Map<string, string[]>();
  for (const f of placed) byName.set(f.field, [...(byName.get(f.field) ?? []), f.message]);
  form.setFields([...byName].map(([field, errors]) => ({ name: namePath(field) as never, errors })));
  return list.filter((f) => !placed.includes(f));
}

/** The names of the fields a form shows now (mounted `Form.Item`s; nested lists by their top name). */
function shownFields<T>(form: FormInstance<T>): string[] {
  return Object.keys((form.getFieldsValue() as Record<string, unknown> | undefined) ?? {});
}

/**
 * After a failed request: the field errors go beside their fields (among `fields`, those the form shows now), and the
 * message to show above the form is returned — none when every problem already stands beside its field.
 */
export function failureMessage<T>(form: FormInstance<T>, error: unknown, fields: readonly string[]): string | null {
  const shown = new Set(shownFields(form));
  const rest = showFieldErrors(form, error, fields.filter((f) => shown.has(f)));
  const allPlaced = error instanceof ApiError && error.fields.length > 0 && rest.length === 0;
  return allPlaced ? null : errorMessage(error);
}

/** An antd rule that checks one field with its schema from the contract (e.g. `rulesOf(userInput.shape.username)`). */
export function schemaRule(schema: z.ZodType, toValue: (v: unknown) => unknown = (v) => (v === '' ? undefined : v)): FormRule {
  return {
    validator: async (_rule, value) => {
      const problem = problemsOf(schema, toValue(value))[0];
      if (problem) throw new Error(problem.message);
    },
  };
}
