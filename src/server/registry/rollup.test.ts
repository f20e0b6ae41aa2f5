import { describe, expect, it } from 'vitest';
import { RollupBatch } from './rollup';

describe('RollupBatch', () => {
  it('lists the same rows when it pauses, pausing once per 500 towns and regions carried', async () => {
    const batch = new RollupBatch();
    // 600 towns of one county, one household each, counted on two days.
    for (let t = 0; t < 600; t++) {
      const village = `513431${String(100 + t).padStart(3, '0')}201`;
      batch.add(village, [
        { on: '2016-01-01', dim: 'status', key: '未脱贫', households: 1, persons: 3, amount: 0 },
        { on: '2018-06-30', dim: 'status', key: '未脱贫', households: -1, persons: -3, amount: 0 },
        { on: '2018-06-30', dim: 'status', key: '已脱贫', households: 1, persons: 3, amount: 0 },
      ]);
    }
    let pauses = 0;
    const paused = await batch.listPausing(async () => {
      pauses++;
    });
    const key = (r: { region: string; on: string; dim: string; key: string }) => `${r.region}|${r.on}|${r.dim}|${r.key}`;
    expect(paused.map(key).sort()).toEqual(batch.list().map(key).sort());
    // The whole registry, the province, the city and the county each count the 600 households; each town its one.
    expect(paused.find((r) => r.region === '5134' && r.on === '2018-06-30' && r.key === '已脱贫')).toMatchObject({ households: 600, persons: 1800 });
    // 600 towns + (600 towns + 4 regions above them) written out = 1,204 steps → 2 pauses.
    expect(pauses).toBe(2);
  });
});
