import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessage } from './api';
import { showFieldErrors } from './forms';

/**
 * A form that sends one request (a dialog's, a card's): `error` is the failure shown above it. `send(request, done)`
 * sends and hands the answer to `done`; on a failure the server's field errors go beside their fields (among `fields`)
 * and its message into `error`. `saved(text, then)` is the usual `done`: it says so, empties the form and runs `then`
 * (a dialog's close).
 */
export function useFormSend<V>(form: FormInstance<V>, fields: readonly string[]) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const send = async <R>(request: () => Promise<R>, done: (answer: R) => void): Promise<void> => {
    try {
      done(await request());
    } catch (e) {
      showFieldErrors(form, e, fields);
      setError(errorMessage(e));
    }
  };
  const saved = (text: string, then?: () => void) => {
    void message.success(text);
    form.resetFields();
    then?.();
  };
  return { error, setError, send, saved };
}
