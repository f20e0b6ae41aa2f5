import type { Database } from './db/connection';
import { computeRollup, writeRollup } from './registry/rollup';
import { makeRollupRepo } from './registry/rollup-repo';

/**
 * The start-up rebuild of the maintained statistics (issue 13): after an upgrade that introduced the rollup, or with
 * an emptied one, `serve` starts listening first and rebuilds it here as a background job with progress. While it
 * runs, `/api/health` reports it, the statistics answer 503 with the percentage (never zeros from a half-built
 * rollup), and writes answer 503 too: a household changed while its page was already read would be missing from the
 * rebuilt figures.
 *
 * The pages (20,000 households each) are read outside a transaction, each after a turn of the event loop, so that
 * requests interleave with the rebuild; on PGlite, with its one connection, a transaction would hold every other
 * query back for the whole rebuild. What the rebuild writes (clearing and filling the rollup) is computed first
 * (`computeRollup`) and written at the end in one transaction (`writeRollup`), so a crash half-way leaves the rollup
 * empty, to be rebuilt at the next start.
 */
export class RollupRebuild {
  private state: { done: number; total: number } | null = null;
  private job: Promise<number | null> | null = null;

  /** `{ done, total }` households while the rebuild runs, else null. */
  get progress(): { done: number; total: number } | null {
    return this.state && { ...this.state };
  }

  get running(): boolean {
    return this.state !== null;
  }

  /** How far it is, in whole percent (0–99 while running). */
  percent(): number {
    const s = this.state;
    if (!s || s.total === 0) return 0;
    return Math.min(99, Math.floor((s.done / s.total) * 100));
  }

  /** The rollup must be rebuilt: it is empty while households exist. */
  static async needed(database: Database): Promise<boolean> {
    const repo = makeRollupRepo(database.db);
    return (await repo.rollupIsEmpty()) && (await repo.maxHouseholdId()) > 0;
  }

  /**
   * Starts the rebuild in the background when it is needed; resolves with the households counted, or null when nothing
   * was to be done. `beforePage` is awaited before each page is read (tests hold the rebuild there).
   */
  start(database: Database, options: { log?: (message: string) => void; beforePage?: () => Promise<void> } = {}): Promise<number | null> {
    if (this.job) return this.job;
    const log = options.log ?? (() => {});
    // Running from this moment (no request in between sees an empty rollup as zeros), until the job ends.
    this.state = { done: 0, total: 0 };
    this.job = (async () => {
      try {
        if (!(await RollupRebuild.needed(database))) return null;
        const started = Date.now();
        const max = await makeRollupRepo(database.db).maxHouseholdId();
        this.state = { done: 0, total: max };
        log(`正在后台重新计算建档立卡统计（共 ${max} 户编号）……计算完成前统计页面暂不可用`);
        let lastLog = Date.now();
        const yieldToRequests = async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          await options.beforePage?.();
        };
        const computed = await computeRollup(
          makeRollupRepo(database.db),
          (done, total) => {
            this.state = { done, total };
            if (Date.now() - lastLog > 5000) {
              lastLog = Date.now();
              log(`……建档立卡统计已完成 ${this.percent()}%（${done} / ${total}）`);
            }
          },
          yieldToRequests,
        );
        const r = await database.db.transaction((tx) => writeRollup(makeRollupRepo(tx as unknown as Database['db']), computed, { ordered: false }));
        log(`建档立卡统计已按 ${r.households} 户的历史重新计算（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
        return r.households;
      } finally {
        this.state = null;
      }
    })();
    return this.job;
  }

  /** The running (or finished) job, if one was started. */
  finished(): Promise<number | null> {
    return this.job ?? Promise.resolve(null);
  }
}
