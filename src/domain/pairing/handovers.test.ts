import { describe, expect, it } from 'vitest';
import { handoverNotes, heldOn, splitReason, withEndReason, type AssignmentSpan } from './handovers';

const span = (helperName: string, fromOn: string, toOn: string | null, reason = ''): AssignmentSpan => ({ helperName, fromOn, toOn, reason });

// Seed 004: “扶贫手册帮扶责任人有调整的，在后面备注从何时调整更换”.
describe('handoverNotes', () => {
  it.each([
    ['a first helper', [span('张三', '2019-01-01', null, '确定帮扶责任人')], [['2019-01-01', 'start', '自 2019-01-01 起由张三担任帮扶责任人', '确定帮扶责任人']]],
    [
      'a replacement on one day',
      [span('张三', '2019-01-01', '2020-03-01'), span('李四', '2020-03-01', null, '原帮扶责任人工作调动')],
      [
        ['2019-01-01', 'start', '自 2019-01-01 起由张三担任帮扶责任人', ''],
        ['2020-03-01', 'replace', '自 2020-03-01 起由李四接替张三', '原帮扶责任人工作调动'],
      ],
    ],
    [
      'an end with its reason',
      [span('张三', '2019-01-01', '2020-05-01', withEndReason('', '该户已清退'))],
      [
        ['2019-01-01', 'start', '自 2019-01-01 起由张三担任帮扶责任人', ''],
        ['2020-05-01', 'end', '自 2020-05-01 起张三不再担任帮扶责任人', '该户已清退'],
      ],
    ],
    [
      'two helpers taking over together',
      [span('张三', '2019-01-01', '2020-03-01'), span('李四', '2020-03-01', null, '调整'), span('王五', '2020-03-01', null, '调整')],
      [
        ['2019-01-01', 'start', '自 2019-01-01 起由张三担任帮扶责任人', ''],
        ['2020-03-01', 'replace', '自 2020-03-01 起由李四、王五接替张三', '调整'],
      ],
    ],
    [
      'an assignment ended on its first day (a mistake corrected)',
      [span('张三', '2020-03-01', '2020-03-01'), span('李四', '2020-03-01', null)],
      [['2020-03-01', 'start', '自 2020-03-01 起由李四担任帮扶责任人', '']],
    ],
    ['no helper yet', [], []],
  ])('%s', (_name, spans, notes) => {
    expect(handoverNotes(spans).map((n) => [n.on, n.kind, n.text, n.reason])).toEqual(notes);
  });
});

describe('heldOn and the end reason', () => {
  it.each([
    ['2020-02-29', true],
    ['2020-03-01', false], // the day it ends the successor holds the household
    ['2018-12-31', false],
    ['2019-01-01', true],
  ])('an assignment 2019-01-01 → 2020-03-01 holds on %s: %s', (day, held) => {
    expect(heldOn({ fromOn: '2019-01-01', toOn: '2020-03-01' }, day)).toBe(held);
  });
  it('keeps the reason made and the reason ended apart', () => {
    expect(splitReason(withEndReason('确定帮扶责任人', '该户已清退'))).toEqual({ start: '确定帮扶责任人', end: '该户已清退' });
    expect(splitReason(withEndReason('确定帮扶责任人', ' '))).toEqual({ start: '确定帮扶责任人', end: '' });
  });
});
