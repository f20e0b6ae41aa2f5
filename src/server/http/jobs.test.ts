import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/shared/errors';
import { JobBoard, JobRegistry } from './jobs';

// Issue 11's to-do “failed or finished import jobs”: a job waits on its owner's list from when it finishes until the
// owner reads it (or it expires), and never on anyone else's.
describe('JobBoard', () => {
  it('counts a finished or failed job for its owner until they read it, or it expires', () => {
    let now = 0;
    const board = new JobBoard();
    const jobs = new JobRegistry<string>({ board, ttlMs: 1000, clock: () => now });
    const a = jobs.create(1, { phase: '读取', done: 0, total: 1 });
    const b = jobs.create(1, { phase: '读取', done: 0, total: 1 });
    const c = jobs.create(2, { phase: '读取', done: 0, total: 1 });
    // Read while running: nothing waits yet.
    jobs.get(1, a);
    expect(board.count(1)).toEqual({ total: 0, failed: 0 });
    jobs.finish(a, 'ok');
    jobs.fail(b, new AppError('VALIDATION', '第 3 行身份证号有误'));
    jobs.finish(c, 'ok');
    expect(board.count(1)).toEqual({ total: 2, failed: 1 });
    expect(board.count(2)).toEqual({ total: 1, failed: 0 });
    // Another user's read changes nothing (and is refused).
    expect(() => jobs.get(2, a)).toThrow(AppError);
    expect(board.count(1)).toEqual({ total: 2, failed: 1 });
    jobs.get(1, a);
    expect(board.count(1)).toEqual({ total: 1, failed: 1 });
    // Expired unread: forgotten with the job.
    now = 1000;
    expect(jobs.size).toBe(0);
    expect(board.count(1)).toEqual({ total: 0, failed: 0 });
    expect(board.count(2)).toEqual({ total: 0, failed: 0 });
  });
});
