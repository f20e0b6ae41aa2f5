import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../app/api';
import { showFieldErrors } from '../app/forms';

/**
 * After a failed request: the server's field errors go on the form's fields (`showFieldErrors`), among the endpoint's
 * `fields` those the form shows now, and the message to show above the form is returned — none when every problem
 * already stands beside its field.
 */
export function failureOf<T>(form: FormInstance<T>, error: unknown, fields: readonly string[]): string | null {
  const shown = new Set(Object.keys((form.getFieldsValue() as Record<string, unknown> | undefined) ?? {}));
  const rest = showFieldErrors(form, error, fields.filter((f) => shown.has(f)));
  const allPlaced = error instanceof ApiError && error.fields.length > 0 && rest.length === 0;
  return allPlaced ? null : errorMessage(error);
}
