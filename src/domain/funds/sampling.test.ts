import { describe, expect, it } from 'vitest';
import { drawSample } from './sampling';

// Seed 004 国家考评要求: “从全国扶贫信息系统中随机抽取若干个项目进行实地抽查，按照项目实施和资金使用的流程一查到底”.
describe('drawing projects for the field check (seed 004)', () => {
  const ids = Array.from({ length: 500 }, (_, i) => 1000 + i * 3);

  it('draws the same projects for the same seed, whatever order the projects come in', () => {
    const a = drawSample(ids, 10, '2017-国家考评-四川');
    expect(drawSample([...ids].reverse(), 10, '2017-国家考评-四川')).toEqual(a);
    expect(new Set(a).size).toBe(10);
    for (const id of a) expect(ids).toContain(id);
  });

  it('draws other projects for another seed', () => {
    expect(drawSample(ids, 10, '2017-国家考评-贵州')).not.toEqual(drawSample(ids, 10, '2017-国家考评-四川'));
  });

  it.each([
    [0, 0],
    [3, 3],
    [600, 500],
    [-2, 0],
  ])('draws min(%d, the projects) = %d, without repeats', (n, len) => {
    const s = drawSample(ids, n, 'x');
    expect(s).toHaveLength(len);
    expect(new Set(s).size).toBe(len);
  });

  it('draws every project about equally often', () => {
    const small = [1, 2, 3, 4, 5];
    const counts = new Map<number, number>();
    for (let i = 0; i < 5000; i++) for (const id of drawSample(small, 1, `seed-${i}`)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of small) expect(counts.get(id)!).toBeGreaterThan(850);
  });
});
