import { describe, expect, it } from 'vitest';
import { difference, figuresOf, householdChanges, identifiedChange, identifiedOf, labourCounts, rollupRegions, summarise, UNDATED, type Change, type Snapshot } from './rollup';

const labour = (o = 0, s = 0, l = 0, n = 0) => ({ 普通劳动力: o, 技能劳动力: s, 丧失劳动力: l, 无劳动力: n });
const snap = (over: Partial<Snapshot>): Snapshot => ({
  effectiveOn: '2014-12-31',
  status: '未脱贫',
  year: 2014,
  persons: 3,
  attribute: '一般贫困户',
  mainCause: '因病',
  labour: labour(2, 0, 0, 1),
  ...over,
});
const pick = (list: Change[], dim: string) =>
  list
    .filter((c) => c.dim === dim)
    .map((c) => [c.on, c.key, c.households, c.persons, c.amount])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));

describe('figuresOf: what a household counts for while a snapshot is in force', () => {
  // Seed 004: 家庭年人均纯收入=纯收入/户人口数.
  it.each([
    { persons: 3, net: 9000, amount: 3_000_000 },
    { persons: 3, net: 10000, amount: 3_333_333 },
    { persons: 2, net: -1001, amount: -500_500 },
  ])('per-capita net income of $net over $persons persons in thousandths: $amount', ({ persons, net, amount }) => {
    const income = figuresOf(snap({ persons }), [{ year: 2019, net }]).find((f) => f.dim === 'income');
    expect(income).toEqual({ dim: 'income', key: '2019', households: 1, persons, amount });
  });
  it('counts a household of no persons in no income figure', () => {
    expect(figuresOf(snap({ persons: 0, labour: labour() }), [{ year: 2019, net: 5000 }]).filter((f) => f.dim === 'income' || f.dim === 'labour')).toEqual([]);
  });
  it('counts persons by labour ability and households by status, attribute and main cause', () => {
    const f = figuresOf(snap({}), []);
    expect(f.map((x) => [x.dim, x.key, x.households, x.persons])).toEqual([
      ['status', '未脱贫', 1, 3],
      ['attribute', '一般贫困户', 1, 3],
      ['cause', '因病', 1, 3],
      ['labour', '普通劳动力', 0, 2],
      ['labour', '无劳动力', 0, 1],
    ]);
  });
});

describe('householdChanges: a timeline as dated changes', () => {
  const identified = snap({});
  const exited = snap({ effectiveOn: '2019-12-20', status: '已脱贫', year: 2019 });
  const grown = snap({ effectiveOn: '2020-03-01', status: '已脱贫', year: 2019, persons: 4, labour: labour(2, 0, 0, 2) });
  const relapsed = snap({ effectiveOn: '2020-05-01', status: '返贫', year: 2019, persons: 4, labour: labour(2, 0, 0, 2) });
  const again = snap({ effectiveOn: '2020-06-01', status: '已脱贫', year: 2019, persons: 4, labour: labour(2, 0, 0, 2) });
  const changes = householdChanges([identified, exited, grown, relapsed, again], [{ year: 2019, net: 12000 }]);

  it.each([
    {
      dim: 'status',
      expected: [
        ['2014-12-31', '未脱贫', 1, 3, 0],
        ['2019-12-20', '已脱贫', 1, 3, 0],
        ['2019-12-20', '未脱贫', -1, -3, 0],
        ['2020-03-01', '已脱贫', 0, 1, 0],
        ['2020-05-01', '已脱贫', -1, -4, 0],
        ['2020-05-01', '返贫', 1, 4, 0],
        ['2020-06-01', '已脱贫', 1, 4, 0],
        ['2020-06-01', '返贫', -1, -4, 0],
      ],
    },
    { dim: 'attribute', expected: [['2014-12-31', '一般贫困户', 1, 3, 0], ['2020-03-01', '一般贫困户', 0, 1, 0]] },
    { dim: 'labour', expected: [['2014-12-31', '无劳动力', 0, 1, 0], ['2014-12-31', '普通劳动力', 0, 2, 0], ['2020-03-01', '无劳动力', 0, 1, 0]] },
    // 12,000 元 over 3 persons is 4,000 per person, over 4 it is 3,000: the change on the day the household grew.
    { dim: 'income', expected: [['2014-12-31', '2019', 1, 3, 4_000_000], ['2020-03-01', '2019', 0, 1, -1_000_000]] },
    // Exited in 2019 once, whatever happened after: the first 已脱贫 of a year is the exit.
    { dim: 'exit', expected: [['2019-12-20', '2019', 1, 3, 0]] },
  ])('$dim', ({ dim, expected }) => {
    expect(pick(changes, dim)).toEqual(expected);
  });

  it('sums, as of any date, to the figures of the snapshot then in force', () => {
    for (const [date, s] of [
      ['2018-01-01', identified],
      ['2019-12-31', exited],
      ['2020-04-01', grown],
      ['2020-05-15', relapsed],
      ['2020-06-30', again],
    ] as const) {
      const upTo = summarise(changes.filter((c) => c.on <= date), 2019);
      const direct = summarise([...figuresOf(s, [{ year: 2019, net: 12000 }]), { dim: 'exit', key: '2019', households: 1, persons: 3, amount: 0 }], 2019);
      expect({ ...upTo, exitsByYear: [] }).toEqual({ ...direct, exitsByYear: [] });
    }
  });

  it('difference keeps only what changed', () => {
    const before = householdChanges([identified, exited], [{ year: 2019, net: 12000 }]);
    const after = householdChanges([identified, exited], [{ year: 2019, net: 15000 }]);
    expect(difference(before, after).map((c) => [c.on, c.dim, c.key, c.households, c.amount])).toEqual([['2014-12-31', 'income', '2019', 0, 1_000_000]]);
    expect(difference(before, before)).toEqual([]);
  });
});

describe('summarise', () => {
  it('gives the mean per-capita net income of a year over the households that have one', () => {
    const s = summarise([...figuresOf(snap({ persons: 2 }), [{ year: 2019, net: 7000 }]), ...figuresOf(snap({ persons: 4 }), [{ year: 2019, net: 10000 }, { year: 2018, net: 1 }])], 2019);
    expect(s.meanPerCapita).toEqual({ mean: 3000, households: 2 });
    expect(summarise([], 2019).meanPerCapita).toEqual({ mean: null, households: 0 });
  });
});

describe('helpers', () => {
  it('counts members by labour ability and names the regions a village is kept under', () => {
    expect(labourCounts([{ labour: '普通劳动力' }, { labour: '无劳动力' }, { labour: '无劳动力' }])).toEqual(labour(1, 0, 0, 2));
    expect(rollupRegions('513431100200')).toEqual(['', '51', '5134', '513431', '513431100']);
  });
});

describe('households identified in a year (a report’s 当年识别: “先将新识别贫困人口姓名、身份证号信息汇总”, seed 004)', () => {
  it('counts a household once under its identified year with its persons now, undated, and follows a correction of either', () => {
    const first = snap({ status: '未脱贫', year: 2015, persons: 2 });
    // Created (the roster import's way): the first snapshot is the identification.
    expect(identifiedChange([first])).toEqual([{ on: UNDATED, dim: 'identified', key: '2015', households: 1, persons: 2, amount: 0 }]);
    const grown = { ...first, effectiveOn: '2020-07-10', persons: 3 };
    expect(identifiedChange([first, grown])[0]).toMatchObject({ key: '2015', persons: 3 });
    // Read with its household: the identified year and persons as registered.
    const before = householdChanges([first], [], { year: 2015, persons: 2 });
    const after = householdChanges([first], [], { year: 2014, persons: 2 });
    expect(difference(before, after).filter((c) => c.dim === 'identified')).toEqual([
      { on: UNDATED, dim: 'identified', key: '2014', households: 1, persons: 2, amount: 0 },
      { on: UNDATED, dim: 'identified', key: '2015', households: -1, persons: -2, amount: 0 },
    ]);
    expect(identifiedOf([...after, ...householdChanges([first], [], { year: 2014, persons: 5 })], 2014)).toEqual({ households: 2, persons: 7 });
  });
});
