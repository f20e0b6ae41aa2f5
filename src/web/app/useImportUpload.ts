import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorFromBody, errorMessage, get, uploadFile, type FieldError } from './api';

/** The server's progress of an import job: its phase (e.g. 校验, 写入) and how far it is through it. */
export interface ServerProgress {
  phase: string;
  done: number;
  total: number;
}

/** An import job as the server reports it (`GET <url>/<jobId>`). */
interface JobState<T> extends ServerProgress {
  status: 'running' | 'done' | 'failed';
  result?: T;
  error?: unknown;
}

/**
 * Where a spreadsheet import stands: uploading (with progress), being checked and written (with the server's
 * progress when the import runs as a job), done, or failed by row.
 */
export type ImportPhase<T> =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing'; server?: ServerProgress }
  | { kind: 'done'; result: T }
  | { kind: 'failed'; message: string; fields: FieldError[] };

export interface ImportUploadOptions {
  /**
   * The endpoint starts a job: it answers 202 `{ jobId }` once the file is read, and the job at `<url>/<jobId>` is
   * polled every `pollMs` until it is done or failed.
   */
  job?: boolean;
  pollMs?: number;
}

/** Consecutive failed polls (no connection) tolerated before the import is shown as failed. */
const POLL_RETRIES = 10;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Uploads a file to an import endpoint with progress, and keeps the outcome: the result, or every row error sorted
 * by row. In job mode it then follows the server's progress. Cancels the upload (and stops polling) when the page
 * goes away; refreshes the queries under `invalidate` on success.
 */
export function useImportUpload<T>(url: string, invalidate: string, options: ImportUploadOptions = {}) {
  const { job = false, pollMs = 500 } = options;
  const qc = useQueryClient();
  const [phase, setPhase] = useState<ImportPhase<T>>({ kind: 'idle' });
  const abortRef = useRef<(() => void) | null>(null);
  /** Each import gets a number; answers for an older one (or after the page went away) are ignored. */
  const runRef = useRef(0);
  useEffect(
    () => () => {
      runRef.current++;
      abortRef.current?.();
    },
    [],
  );

  /** Polls the job until it ends: its result, or the import's error (row-by-row fields kept); null once stale. */
  async function follow(jobId: string, run: number): Promise<{ result: T } | null> {
    let misses = 0;
    for (;;) {
      let state: JobState<T>;
      try {
        state = await get<JobState<T>>(`${url}/${encodeURIComponent(jobId)}`);
        misses = 0;
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'NETWORK') || ++misses > POLL_RETRIES) throw e;
        await sleep(pollMs);
        continue;
      }
      if (run !== runRef.current) return null;
      if (state.status === 'done') return { result: state.result as T };
      if (state.status === 'failed') throw errorFromBody(0, { error: state.error });
      setPhase({ kind: 'processing', server: { phase: state.phase, done: state.done, total: state.total } });
      await sleep(pollMs);
      if (run !== runRef.current) return null;
    }
  }

  const start = (file: File, query?: Record<string, string | number | undefined>) => {
    const run = ++runRef.current;
    setPhase({ kind: 'uploading', percent: 0 });
    const { promise, abort } = uploadFile<unknown>(
      url,
      file,
      (p) => {
        if (run === runRef.current) setPhase(p.percent >= 100 ? { kind: 'processing' } : { kind: 'uploading', percent: p.percent });
      },
      query,
    );
    abortRef.current = abort;
    promise
      .then(async (body) => {
        if (!job) return { result: body as T };
        // The file is on the server: the job cannot be cancelled from here, only followed.
        abortRef.current = null;
        return follow((body as { jobId: string }).jobId, run);
      })
      .then((outcome) => {
        if (run !== runRef.current || !outcome) return;
        setPhase({ kind: 'done', result: outcome.result });
        void qc.invalidateQueries({ queryKey: [invalidate] });
      })
      .catch((e: unknown) => {
        if (run !== runRef.current) return;
        if (e instanceof ApiError && e.code === 'ABORTED') setPhase({ kind: 'idle' });
        else
          setPhase({
            kind: 'failed',
            message: errorMessage(e),
            fields: e instanceof ApiError ? [...e.fields].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) : [],
          });
      })
      .finally(() => {
        if (run === runRef.current) abortRef.current = null;
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
    /** Whether `abort` can still stop the import: while uploading, or while a synchronous import is answered. */
    canAbort: phase.kind === 'uploading' || (phase.kind === 'processing' && !job),
  };
}
