import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, uploadFile, type FieldError } from './api';

/** Where a spreadsheet import stands: uploading (with progress), being checked and written, done, or failed by row. */
export type ImportPhase<T> =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; result: T }
  | { kind: 'failed'; message: string; fields: FieldError[] };

/**
 * Uploads a file to an import endpoint with progress, and keeps the outcome: the result, or every row error sorted
 * by row. Cancels the upload when the page goes away; refreshes the queries under `invalidate` on success.
 */
export function useImportUpload<T>(url: string, invalidate: string) {
  const qc = useQueryClient();
  const [phase, setPhase] = useState<ImportPhase<T>>({ kind: 'idle' });
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  const start = (file: File, query?: Record<string, string | number | undefined>) => {
    setPhase({ kind: 'uploading', percent: 0 });
    const { promise, abort } = uploadFile<T>(url, file, (p) => setPhase(p.percent >= 100 ? { kind: 'processing' } : { kind: 'uploading', percent: p.percent }), query);
    abortRef.current = abort;
    promise
      .then((result) => {
        setPhase({ kind: 'done', result });
        void qc.invalidateQueries({ queryKey: [invalidate] });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'ABORTED') setPhase({ kind: 'idle' });
        else
          setPhase({
            kind: 'failed',
            message: errorMessage(e),
            fields: e instanceof ApiError ? [...e.fields].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) : [],
          });
      })
      .finally(() => {
        abortRef.current = null;
      });
  };

  return {
    phase,
    reset: () => setPhase({ kind: 'idle' }),
    /** A failure found before uploading (e.g. the file is too large). */
    fail: (message: string) => setPhase({ kind: 'failed', message, fields: [] }),
    start,
    abort: () => abortRef.current?.(),
    busy: phase.kind === 'uploading' || phase.kind === 'processing',
  };
}
