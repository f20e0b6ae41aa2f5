import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, type FieldError } from '../../domain/shared/errors';
import { postgresDataError, uniqueViolationError } from './errors';

/**
 * Long imports as jobs, kept in memory: the upload answers at once with a job id, and the client polls the job for
 * its phase, its progress and then its result or error. A job is visible only to the user who started it (anyone
 * else gets 404, as for a job that never existed) and is forgotten 15 minutes after it finished. Jobs live in this
 * process only: a restart loses them (the imports are all or nothing, so no file is ever left half written).
 */

export type JobStatus = 'running' | 'done' | 'failed';

export interface JobProgress<Phase extends string = string> {
  phase: Phase;
  done: number;
  total: number;
  /** A job committed batch by batch (a national-size roster, by village): batches written, failed, skipped so far. */
  batches?: JobBatches;
}

export interface JobBatches {
  done: number;
  failed: number;
  skipped: number;
  /** Rows (persons) read so far. */
  rows: number;
}

/** A failed job's error, as the API's error body carries it: code, message, row-by-row `fields` and any extras. */
export interface JobError {
  code: string;
  message: string;
  fields?: FieldError[];
  [key: string]: unknown;
}

export interface JobView<Result, Phase extends string = string> extends JobProgress<Phase> {
  status: JobStatus;
  result?: Result;
  error?: JobError;
}

export const JOB_TTL_MS = 15 * 60 * 1000;

export interface JobRegistryOptions {
  /** How long a finished job stays readable (default 15 minutes). */
  ttlMs?: number;
  /** Milliseconds since the epoch; tests move it forward. */
  clock?: () => number;
  /** Called with an error that is not an AppError (the client only sees “服务器内部错误”). */
  onUnexpectedError?: (err: unknown) => void;
  /** Told when a job finishes, is read by its owner after finishing, or is forgotten (the workbench's to-do). */
  board?: JobBoard;
}

/**
 * The finished jobs (done or failed) their owner has not read since they finished, per owner, for the workbench's
 * to-do “failed or finished import jobs” (issue 11). Like the jobs, it lives in this process only: a restart, or
 * another server process, does not know them; a job leaves it when its owner reads it or when it expires.
 */
export class JobBoard {
  private readonly unseen = new Map<number, Map<string, JobStatus>>();

  finished(owner: number, id: string, status: JobStatus): void {
    const mine = this.unseen.get(owner) ?? new Map<string, JobStatus>();
    mine.set(id, status);
    this.unseen.set(owner, mine);
  }
  /** The owner read the job (or it expired): no longer waiting for them. */
  seen(owner: number, id: string): void {
    this.unseen.get(owner)?.delete(id);
  }
  /** How many of the owner's jobs finished unread, and how many of those failed. */
  count(owner: number): { total: number; failed: number } {
    const statuses = [...(this.unseen.get(owner)?.values() ?? [])];
    return { total: statuses.length, failed: statuses.filter((s) => s === 'failed').length };
  }
}

interface Job<Result, Phase extends string> {
  owner: number;
  view: JobView<Result, Phase>;
  finishedAt: number | null;
}

/** The error body of any failure, the way `registerErrorHandler` would send it. */
export function jobErrorOf(thrown: unknown): JobError {
  // The same mapping as a request's: a unique key taken meanwhile is a 409, bad data for the database a 400.
  const err = uniqueViolationError(thrown) ?? thrown;
  if (err instanceof AppError) {
    const { fields, ...extra } = err.details;
    return { code: err.code, message: err.message, ...(fields ? { fields } : {}), ...extra };
  }
  const data = postgresDataError(err);
  if (data) return { code: 'VALIDATION', message: data.message, ...(data.fields ? { fields: data.fields } : {}) };
  return { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
}

export class JobRegistry<Result, Phase extends string = string> {
  private readonly jobs = new Map<string, Job<Result, Phase>>();
  private readonly ttlMs: number;
  private readonly clock: () => number;
  private readonly onUnexpectedError: (err: unknown) => void;
  private readonly board: JobBoard | undefined;

  constructor(options: JobRegistryOptions = {}) {
    this.ttlMs = options.ttlMs ?? JOB_TTL_MS;
    this.clock = options.clock ?? Date.now;
    this.onUnexpectedError = options.onUnexpectedError ?? (() => {});
    this.board = options.board;
  }

  /** A new running job of `owner` (a user id); returns its id (random, not guessable). */
  create(owner: number, progress: JobProgress<Phase>): string {
    this.expire();
    const id = randomUUID();
    this.jobs.set(id, { owner, view: { status: 'running', ...clamp(progress) }, finishedAt: null });
    return id;
  }

  /** Creates a job and runs `work` on the next turn of the event loop (so the caller can answer first). */
  start(owner: number, initial: JobProgress<Phase>, work: (report: (p: JobProgress<Phase>) => void) => Promise<Result>): string {
    const id = this.create(owner, initial);
    setImmediate(() => {
      Promise.resolve()
        .then(() => work((p) => this.progress(id, p)))
        .then(
          (result) => this.finish(id, result),
          (err: unknown) => this.fail(id, err),
        );
    });
    return id;
  }

  /** Moves a running job on; a finished job keeps its final state. */
  progress(id: string, progress: JobProgress<Phase>): void {
    const job = this.jobs.get(id);
    if (!job || job.view.status !== 'running') return;
    job.view = { ...job.view, ...clamp(progress) };
  }

  finish(id: string, result: Result): void {
    const job = this.jobs.get(id);
    if (!job || job.view.status !== 'running') return;
    job.view = { ...job.view, status: 'done', result };
    job.finishedAt = this.clock();
    this.board?.finished(job.owner, id, 'done');
  }

  /** Ends a job with an error: an AppError keeps its code, message and fields (row and column of each). */
  fail(id: string, err: unknown): void {
    const job = this.jobs.get(id);
    if (!job || job.view.status !== 'running') return;
    if (!(err instanceof AppError)) this.onUnexpectedError(err);
    job.view = { ...job.view, status: 'failed', error: jobErrorOf(err) };
    job.finishedAt = this.clock();
    this.board?.finished(job.owner, id, 'failed');
  }

  /** The job as its owner sees it; 404 for anyone else, an unknown id or an expired job. */
  get(owner: number, id: string): JobView<Result, Phase> {
    this.expire();
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new AppError('NOT_FOUND', '导入任务不存在或已过期（完成 15 分钟后不再保留）');
    if (job.finishedAt !== null) this.board?.seen(owner, id);
    return { ...job.view };
  }

  /** Jobs held, running or finished and not yet expired. */
  get size(): number {
    this.expire();
    return this.jobs.size;
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && now - job.finishedAt >= this.ttlMs) {
        this.jobs.delete(id);
        this.board?.seen(job.owner, id);
      }
  }
}

function clamp<Phase extends string>(p: JobProgress<Phase>): JobProgress<Phase> {
  const total = Math.max(0, Math.trunc(p.total));
  return { phase: p.phase, total, done: Math.min(Math.max(0, Math.trunc(p.done)), total), ...(p.batches ? { batches: { ...p.batches } } : {}) };
}

// --- schemas for the routes (OpenAPI) -------------------------------------------------------------------------------

const fieldErrorSchema = z.object({
  field: z.string(),
  label: z.string(),
  message: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});

export const jobErrorSchema = z
  .looseObject({ code: z.string(), message: z.string(), fields: z.array(fieldErrorSchema).optional() })
  .describe('失败原因：与同步接口的错误体相同（code、message，表格错误的 fields 含行号 row 与列 column）');

export const jobCreatedSchema = z.object({ jobId: z.string().describe('导入任务编号，用于查询进度') });

export const jobParams = z.object({ id: z.string().max(60) });

/** The polled state of a job whose phases are `phases` and whose result is `result`. */
export function jobViewSchema<const P extends readonly [string, ...string[]], R extends z.ZodType>(phases: P, result: R) {
  return z.object({
    status: z.enum(['running', 'done', 'failed']).describe('running 进行中，done 完成，failed 失败'),
    phase: z.enum(phases).describe('当前阶段'),
    done: z.number().int().min(0).describe('本阶段已完成的数量'),
    total: z.number().int().min(0).describe('本阶段的总数'),
    batches: z
      .object({
        done: z.number().int().describe('已写入（或校验通过）的批次（村）'),
        failed: z.number().int().describe('有错误未写入的批次（村）'),
        skipped: z.number().int().describe('此前已写入、本次跳过的批次（村）'),
        rows: z.number().int().describe('已读取的行数'),
      })
      .optional()
      .describe('分批提交的任务（按村写入的花名册）的批次进度'),
    result: result.optional().describe('完成时的结果'),
    error: jobErrorSchema.optional(),
  });
}
