import { expect } from 'vitest';
import { summarise } from '../../src/domain/registry/rollup';
import { directFigures, rebuildRollup } from '../../src/server/registry/rollup';
import { makeRollupRepo } from '../../src/server/registry/rollup-repo';
import type { TestApp } from './app';

const PREFIXES = ['', '51', '5134', '513431', '513431100', '513431101'];

/**
 * The maintained rollup agrees with a direct count from the history for every kept region and date, and a rebuild
 * from scratch changes nothing.
 */
export async function expectRollupConsistent(t: TestApp, dates: string[]): Promise<void> {
  const repo = makeRollupRepo(t.database.db);
  const read = async (direct: boolean) => {
    const out: Record<string, unknown> = {};
    for (const prefix of PREFIXES)
      for (const date of dates) {
        const year = Number(date.slice(0, 4)) - 1;
        out[`${prefix || '全部'}@${date}`] = summarise(direct ? await directFigures(repo, prefix, date, year) : await repo.rollupAsOf(prefix, date, year), year);
      }
    return out;
  };
  const maintained = await read(false);
  expect(maintained).toEqual(await read(true));
  await t.database.db.transaction((tx) => rebuildRollup(makeRollupRepo(tx as unknown as typeof t.database.db)));
  expect(await read(false)).toEqual(maintained);
}
