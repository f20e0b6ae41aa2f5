import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { defaultDefinition } from './definitions';
import { earliestNoticeStart, isCalendarDay, noticeBounds, noticeStartProblems, type BoundEvent, type NoticeBounds } from './notice-dates';

const exit = defaultDefinition('exit');
const identification = defaultDefinition('identification');
const names = (i: number) => exit.steps[i]!.name;
const ev = (stepIndex: number, outcome: string, on: string, notice?: [string, string]): BoundEvent => ({ stepIndex, outcome, on, noticeFrom: notice?.[0] ?? null, noticeTo: notice?.[1] ?? null });

describe('a notice starts on a day of the calendar (seed 004)', () => {
  // 种子文件 004（存在问题）：2014年建档立卡公示公告资料有错误……镇公示时间为9月31日等等。
  it.each([
    ['2017-09-31', false],
    ['2017-02-29', false],
    ['2016-02-29', true],
    ['2017-09-30', true],
    ['2017-13-01', false],
    ['2017-9-30', false],
  ])('%s is a day: %s', (day, real) => expect(isCalendarDay(day)).toBe(real));

  it('refuses 2017-09-31 as a notice start, at its field', () => {
    const d = decide(exit, { state: 'running', currentStep: 2 }, { type: 'pass', step: 2, record: { notice: { from: '2017-09-31' } } }, { today: '2017-10-20', userLevel: '村', bounds: { openedOn: '2017-09-01' } });
    expect(d.problems).toEqual([{ field: 'notice.from', message: '公示开始日期 2017-09-31 不存在，请核对' }]);
  });
});

describe('a notice cannot start before its step opened, nor before the earlier notice ended (seed 004)', () => {
  // 种子文件 004：贫困户脱贫由村“两委”组织民主评议后提出，经村“两委”和驻村扶贫工作队核实、拟退出贫困户认可后，在村内进行公示；
  // 公示无异议，报乡镇党委、政府审核，并将审核意见在村内进行公示。 And for a new identification, 两评议两公示一比对一公告：
  // 农户申请、村民小组评议、县级比对、村民代表大会评议公示、乡镇审核公示、县级审定公告 — the village's notice, then the township's.
  const village: NoticeBounds = { openedOn: '2020-06-30' };
  const township: NoticeBounds = { openedOn: '2020-07-07', previousNotice: { step: 2, from: '2020-06-30', to: '2020-07-06' } };
  it.each<[string, NoticeBounds, string, string | null]>([
    ['village notice on the day its step opened', village, '2020-06-30', null],
    ['village notice "started" 8 days before its step opened', village, '2020-06-22', '公示开始日期 2020-06-22 早于本步开始办理的日期 2020-06-30，公示应在上一步办结后开始，不能倒填日期'],
    ['township notice the day after the village notice ended', township, '2020-07-07', null],
    ['township notice over the village notice’s days', township, '2020-07-01', '公示开始日期 2020-07-01 早于“村内公示”的公示期满（2020-06-30 至 2020-07-06），应在其公示无异议后、2020-07-07 起公示'],
    ['township notice on the village notice’s last day', township, '2020-07-06', '公示开始日期 2020-07-06 早于“村内公示”的公示期满（2020-06-30 至 2020-07-06），应在其公示无异议后、2020-07-07 起公示'],
    ['township notice after the village one but before its own step opened', { ...township, openedOn: '2020-07-10' }, '2020-07-08', '公示开始日期 2020-07-08 早于本步开始办理的日期 2020-07-10，公示应在上一步办结后开始，不能倒填日期'],
  ])('%s', (_name, bounds, from, problem) => {
    expect(noticeStartProblems(from, bounds, names)[0]?.message ?? null).toBe(problem);
  });

  it.each<[string, NoticeBounds, string]>([
    ['the day the step opened', { openedOn: '2020-06-30' }, '2020-06-30'],
    ['the day after the earlier notice', { openedOn: '2020-07-01', previousNotice: { step: 2, from: '2020-06-25', to: '2020-07-05' } }, '2020-07-06'],
    ['the later of the two', { openedOn: '2020-07-09', previousNotice: { step: 2, from: '2020-06-30', to: '2020-07-06' } }, '2020-07-09'],
  ])('the earliest start is %s', (_name, bounds, day) => expect(earliestNoticeStart(bounds)).toBe(day));

  it('a backdated notice that would have run its days is refused on the day its step opens', () => {
    // The case of the issue: on 2020-06-30, the step opened that day, a notice "from" 2020-06-22 (days over on 06-28).
    const d = decide(exit, { state: 'running', currentStep: 2 }, { type: 'pass', step: 2, record: { notice: { from: '2020-06-22' } } }, { today: '2020-06-30', userLevel: '村', bounds: village });
    expect(d.ok).toBe(false);
    expect(d.problems[0]!.field).toBe('notice.from');
  });

  it('the township notice of an identification follows the village assembly’s notice', () => {
    const bounds = { openedOn: '2020-07-08', previousNotice: { step: 3, from: '2020-07-01', to: '2020-07-07' } };
    const pass = (from: string) => decide(identification, { state: 'running', currentStep: 4 }, { type: 'pass', step: 4, record: { notice: { from } } }, { today: '2020-07-20', userLevel: '乡', bounds });
    expect(pass('2020-06-20').problems[0]!.message).toContain('早于“村民代表大会评议并公示”的公示期满（2020-07-01 至 2020-07-07）');
    expect(pass('2020-07-08').ok).toBe(true);
  });
});

describe('the bounds come from the events', () => {
  it.each<[string, BoundEvent[], number, NoticeBounds | null]>([
    ['no events', [], 0, null],
    ['started: the first step opened with the start', [ev(0, 'start', '2020-06-01')], 0, { openedOn: '2020-06-01' }],
    [
      'the village notice passed: the township step opened then, after that notice',
      [ev(0, 'start', '2020-06-01'), ev(0, 'pass', '2020-06-02'), ev(1, 'pass', '2020-06-03'), ev(2, 'pass', '2020-06-11', ['2020-06-03', '2020-06-09'])],
      3,
      { openedOn: '2020-06-11', previousNotice: { step: 2, from: '2020-06-03', to: '2020-06-09' } },
    ],
    [
      'returned below the notice: it no longer stands for the step it reopened',
      [ev(0, 'start', '2020-06-01'), ev(0, 'pass', '2020-06-02'), ev(1, 'pass', '2020-06-03'), ev(2, 'pass', '2020-06-11', ['2020-06-03', '2020-06-09']), ev(3, 'return', '2020-06-12'), ev(1, 'pass', '2020-06-15')],
      2,
      { openedOn: '2020-06-15' },
    ],
    [
      'returned to the township step from a later one: it opened with the return',
      [ev(0, 'start', '2020-06-01'), ev(2, 'pass', '2020-06-11', ['2020-06-03', '2020-06-09']), ev(3, 'pass', '2020-06-20', ['2020-06-11', '2020-06-17']), ev(4, 'return', '2020-06-21')],
      3,
      { openedOn: '2020-06-21', previousNotice: { step: 2, from: '2020-06-03', to: '2020-06-09' } },
    ],
  ])('%s', (_name, events, step, bounds) => expect(noticeBounds(events, step)).toEqual(bounds));
});
