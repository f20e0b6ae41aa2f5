import { describe, expect, it } from 'vitest';
import { addDays, assemblyProblems, decide, type Action } from './decide';
import { defaultDefinition, DEFAULT_DEFINITIONS, levelOfPrefix } from './definitions';

const exit = defaultDefinition('exit');
const running = (currentStep: number) => ({ state: 'running' as const, currentStep });
const quorum = { representatives: 30, present: 20, votesFor: 11, votesAgainst: 9 };
/** The open step opened early in June 2020 (the notice rules of their own are in notice-dates.test.ts). */
const bounds = { openedOn: '2020-06-01' };

describe('procedure definitions (seed 004)', () => {
  // 种子文件 004：贫困户脱贫由村“两委”组织民主评议后提出，经村“两委”和驻村扶贫工作队核实、拟退出贫困户认可后，在村内进行公示；
  // 公示无异议，报乡镇党委、政府审核，并将审核意见在村内进行公示……审定公告……备案标注……颁发脱贫光荣证。
  it.each([
    ['exit', ['村两委民主评议', '村两委和驻村工作队核实、拟退出户认可', '村内公示', '乡镇审核并公示', '乡镇审定公告', '县级备案标注', '颁发脱贫光荣证']],
    ['identification', ['农户申请', '村民小组评议', '县级比对', '村民代表大会评议并公示', '乡镇审核并公示', '县级审定并公告', '入户采集录入']],
    // 种子文件 004：清退的和标注稳定脱贫的贫困人口要按照入户核实信息、告知本人、村级评议公示、乡镇审核、县级备案的程序进行。
    ['removal', ['入户核实', '告知本人', '村级评议公示', '乡镇审核', '县级备案']],
    ['stable_exit', ['入户核实', '告知本人', '村级评议公示', '乡镇审核', '县级备案']],
    ['relapse', ['农户或村报告', '村民小组评议', '县级比对', '村民代表大会评议并公示', '乡镇审核并公示', '县级审定并公告', '入户采集录入']],
    ['village_exit', ['村级申请', '乡镇审核（审核报告）', '县级核查并在主要媒体公示', '县级党委政府审定', '公告退出', '备案标注']],
  ] as const)('%s has the steps of the seed', (kind, names) => {
    expect(defaultDefinition(kind).steps.map((s) => s.name)).toEqual(names);
  });
  it('gives every step a unique key within its procedure', () => {
    for (const d of DEFAULT_DEFINITIONS) expect(new Set(d.steps.map((s) => s.key)).size).toBe(d.steps.length);
  });
  it.each([
    ['', '省'],
    ['51', '省'],
    ['5134', '市'],
    ['513431', '县'],
    ['513431100', '乡'],
    ['513431100200', '村'],
  ] as const)('a user of region prefix %j acts at level %s', (prefix, level) => expect(levelOfPrefix(prefix)).toBe(level));
});

describe('decide: steps in order, by the right office', () => {
  const ctx = { today: '2020-06-30', userLevel: '县' as const, bounds };
  it.each<[string, number, Action, string | null]>([
    ['passes the open step with its assembly', 0, { type: 'pass', step: 0, record: { assembly: quorum } }, null],
    ['cannot skip a step', 0, { type: 'pass', step: 2, record: {} }, '当前应办理第 1 步“村两委民主评议”，不能跳过步骤办理“村内公示”'],
    ['cannot do a step twice', 3, { type: 'pass', step: 1, record: { confirmedBy: '户主' } }, '当前应办理第 4 步“乡镇审核并公示”，不能重复办理“村两委和驻村工作队核实、拟退出户认可”'],
    ['needs the confirmation a step requires', 1, { type: 'pass', step: 1, record: {} }, '请填写确认人'],
    ['returns to an earlier step with a reason', 3, { type: 'return', step: 3, to: 1, reason: '公示有异议，重新核实' }, null],
    ['cannot return forward', 3, { type: 'return', step: 3, to: 4, reason: 'x' }, '只能退回到第 1 至第 3 步'],
    ['cannot return without a reason', 3, { type: 'return', step: 3, to: 0, reason: ' ' }, '请填写退回原因'],
    ['cannot return from the first step', 0, { type: 'return', step: 0, to: 0, reason: 'x' }, '第一步不能退回'],
  ])('%s', (_name, at, action, problem) => {
    const d = decide(exit, running(at), action, ctx);
    expect(d.problems[0]?.message ?? null).toBe(problem);
    if (!problem && action.type === 'return') expect(d.next).toEqual({ state: 'running', currentStep: action.to });
    if (!problem && action.type === 'pass') expect(d.next).toEqual({ state: 'running', currentStep: at + 1 });
  });

  it('lets only an office of the step level or above do it', () => {
    const village = decide(exit, running(5), { type: 'pass', step: 5, record: {} }, { today: '2020-06-30', userLevel: '乡', bounds });
    expect(village.problems[0]!.message).toBe('“县级备案标注”应由县级及以上办理');
    expect(decide(exit, running(0), { type: 'pass', step: 0, record: { assembly: quorum } }, { today: '2020-06-30', userLevel: '村', bounds }).ok).toBe(true);
  });

  it('completes on the last step, and nothing happens after', () => {
    const d = decide(exit, running(6), { type: 'pass', step: 6, record: {} }, ctx);
    expect(d.next).toEqual({ state: 'completed', currentStep: 6 });
    expect(decide(exit, { state: 'completed', currentStep: 6 }, { type: 'pass', step: 6, record: {} }, ctx).problems[0]!.message).toBe('该程序已办结');
  });
});

describe('decide: a public notice runs its days and has no objection', () => {
  // The notice step of the exit (村内公示) lasts 7 days by default: from 2020-06-20 it runs to 2020-06-26 inclusive.
  it.each([
    ['2020-06-26', '2020-06-20', '', '公示期 7 天（2020-06-20 至 2020-06-26）未满，2020-06-27 起方可办理'],
    ['2020-06-27', '2020-06-20', '', null],
    ['2020-06-27', '2020-06-20', '有村民反映其家中新购车辆', '公示期间有异议，不能通过；请核实后退回相应步骤重新办理'],
    ['2020-06-27', '', '', '请填写公示开始日期'],
  ])('on %s, notice from %j, objections %j', (today, from, objections, problem) => {
    const d = decide(exit, running(2), { type: 'pass', step: 2, record: { notice: { from, objections } } }, { today, userLevel: '村', bounds });
    expect(d.problems[0]?.message ?? null).toBe(problem);
    if (!problem) expect(d.next).toEqual({ state: 'running', currentStep: 3, noticeTo: '2020-06-26' });
  });
  it('takes the minimum length from the definition (a province may lengthen it)', () => {
    const longer = { ...exit, steps: exit.steps.map((s, i) => (i === 2 ? { ...s, minDays: 10 } : s)) };
    expect(decide(longer, running(2), { type: 'pass', step: 2, record: { notice: { from: '2020-06-20' } } }, { today: '2020-06-29', userLevel: '村', bounds }).ok).toBe(false);
    expect(decide(longer, running(2), { type: 'pass', step: 2, record: { notice: { from: '2020-06-20' } } }, { today: '2020-06-30', userLevel: '村', bounds }).ok).toBe(true);
    expect(addDays('2020-02-25', 7)).toBe('2020-03-03');
  });
});

describe('assembly: two-thirds present, a majority of those present (村民委员会组织法 第二十六条)', () => {
  // “村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意。” 以上 includes the number.
  it.each([
    [{ representatives: 30, present: 20, votesFor: 11, votesAgainst: 9 }, null],
    [{ representatives: 30, present: 19, votesFor: 19, votesAgainst: 0 }, '实到 19 人，不足应到 30 人的三分之二，会议不能召开，评议无效'],
    [{ representatives: 31, present: 20, votesFor: 11, votesAgainst: 9 }, '实到 20 人，不足应到 31 人的三分之二，会议不能召开，评议无效'],
    [{ representatives: 31, present: 21, votesFor: 11, votesAgainst: 10 }, null],
    [{ representatives: 30, present: 20, votesFor: 10, votesAgainst: 10 }, '同意 10 票，未超过实到 20 人的半数，未获通过'],
    [{ representatives: 30, present: 31, votesFor: 20, votesAgainst: 0 }, '实到人数 31 多于应到人数 30'],
    [{ representatives: 30, present: 20, votesFor: 15, votesAgainst: 6 }, '表决票数 21 多于实到人数 20'],
  ])('%j', (a, problem) => {
    expect(assemblyProblems(a)[0]?.message ?? null).toBe(problem);
  });
  it('fails the step without a quorum', () => {
    const d = decide(exit, running(0), { type: 'pass', step: 0, record: { assembly: { representatives: 30, present: 10, votesFor: 6, votesAgainst: 4 } } }, { today: '2020-06-30', userLevel: '村', bounds });
    expect(d.ok).toBe(false);
    expect(d.problems[0]!.field).toBe('assembly.present');
  });
});
