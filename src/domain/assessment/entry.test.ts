import { describe, expect, it } from 'vitest';
import { SCALE_NATIONAL } from './engine';
import { checkEntry, entryFromText } from './entry';
import type { Scoring } from './scheme';

// Issue 5: “Scores are entered per unit × indicator × method in a grid”; a grade of the scale (好 / 较好 / 一般 / 较差),
// points with thresholds, a quantity for the median method, or done / not done.
const scheme = { scale: SCALE_NATIONAL };
const grade: Scoring = { kind: 'grade' };
const points: Scoring = { kind: 'points', max: 30 };
const median: Scoring = { kind: 'median', unit: '人' };
const done: Scoring = { kind: 'done', doneGrades: ['好', '较好'], notDoneGrade: '较差' };

describe('checkEntry', () => {
  it.each<[string, Scoring, unknown, unknown]>([
    ['a grade of the scale', grade, { grade: '较好' }, { grade: '较好' }],
    ['points at 0', points, { points: 0 }, { points: 0 }],
    ['points at the maximum', points, { points: 30 }, { points: 30 }],
    ['a quantity', median, { value: 12.5 }, { value: 12.5 }],
    ['done without a grade', done, { done: true }, { done: true }],
    ['done with a grade', done, { done: true, grade: '较好' }, { done: true, grade: '较好' }],
    ['not done (a grade is dropped)', done, { done: false, grade: '好' }, { done: false }],
  ])('accepts %s', (_what, scoring, entry, clean) => {
    expect(checkEntry(scheme, { scoring }, entry)).toEqual({ ok: true, entry: clean });
  });

  it.each<[string, Scoring, unknown, string]>([
    ['a grade outside the scale', grade, { grade: '差' }, '等次应为好、较好、一般、较差之一，不能为“差”'],
    ['no grade', grade, {}, '等次应为好、较好、一般、较差之一'],
    ['points above the maximum', points, { points: 30.5 }, '分数应在 0 至 30 之间，不能为 30.5'],
    ['negative points', points, { points: -1 }, '分数应在 0 至 30 之间，不能为 -1'],
    ['points as text', points, { points: '20' }, '应填写 0 至 30 之间的分数'],
    ['a quantity as text', median, { value: 'abc' }, '应填写数值（人）'],
    ['done as text', done, { done: 'yes' }, '应选择完成或未完成'],
    ['done with a grade not allowed', done, { done: true, grade: '一般' }, '已完成的等次应为好、较好之一'],
    ['not an object', grade, '好', '录入格式不正确'],
  ])('refuses %s', (_what, scoring, entry, message) => {
    expect(checkEntry(scheme, { scoring }, entry)).toEqual({ ok: false, message });
  });
});

describe('entryFromText (a cell of the grid spreadsheet)', () => {
  it.each<[Scoring, string, unknown]>([
    [grade, ' 较好 ', { grade: '较好' }],
    [grade, '', undefined],
    [points, '27.5', { points: 27.5 }],
    [points, '二十', { points: '二十' }],
    [median, '-3', { value: -3 }],
    [done, '完成', { done: true }],
    [done, '是', { done: true }],
    [done, '较好', { done: true, grade: '较好' }],
    [done, '未完成', { done: false }],
    [done, '否', { done: false }],
    [done, '一般', { done: '一般' }],
  ])('%o: “%s” → %o', (scoring, text, entry) => {
    expect(entryFromText({ scoring }, text)).toEqual(entry);
  });

  it('refuses what checkEntry refuses', () => {
    expect(checkEntry(scheme, { scoring: points }, entryFromText({ scoring: points }, '二十'))).toEqual({ ok: false, message: '应填写 0 至 30 之间的分数' });
    expect(checkEntry(scheme, { scoring: done }, entryFromText({ scoring: done }, '一般'))).toEqual({ ok: false, message: '应选择完成或未完成' });
  });
});
