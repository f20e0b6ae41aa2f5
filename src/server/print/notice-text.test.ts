import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../domain/procedures/definitions';
import { noticeWordOf } from '../../contract/print-lists';
import { villageCommittee, villageShortName } from './list-format';
import { decisionPart, issuerOf, noticeDoc, type NoticeInput } from './notice-text';
import { standingPasses } from './list-service';

const places = { village: '俄尔古取村', township: '新城镇', county: '昭觉县' };
const household = {
  township: '新城镇',
  village: '俄尔古取村',
  head: '吉克阿呷',
  number: '0001',
  attribute: '一般贫困户',
  mainCause: '缺技术',
  members: [
    { name: '吉克阿呷', relation: '户主', idNumber: '5134**********0119' },
    { name: '吉克阿芝', relation: '配偶', idNumber: '5134**********0222' },
  ],
  perCapita: 4500,
};
const exitSteps = DEFAULT_DEFINITIONS.find((d) => d.kind === 'exit')!.steps;
const input = (over: Partial<NoticeInput>): NoticeInput => ({
  kind: 'exit',
  word: '公示',
  level: '村',
  year: 2020,
  stepName: '村内公示',
  before: exitSteps.slice(0, 2).map((s) => ({ name: s.name, word: noticeWordOf(s) })),
  places,
  period: { from: '2020-06-30', to: '2020-07-06', days: 7 },
  issuedOn: '2020-06-30',
  households: [household],
  villages: [],
  ...over,
});

describe('which steps post a notice', () => {
  // Seed 004: “两评议两公示一比对一公告” — the two 公示 and the one 公告 of identification.
  it('finds the 公示 and 公告 of each procedure in its definition', () => {
    const words = (kind: string) =>
      DEFAULT_DEFINITIONS.find((d) => d.kind === kind)!.steps.flatMap((s) => {
        const w = noticeWordOf(s);
        return w ? [`${s.name}:${w}`] : [];
      });
    expect(words('identification')).toEqual(['村民代表大会评议并公示:公示', '乡镇审核并公示:公示', '县级审定并公告:公告']);
    expect(words('exit')).toEqual(['村内公示:公示', '乡镇审核并公示:公示', '乡镇审定公告:公告']);
    expect(words('removal')).toEqual(['村级评议公示:公示']);
    expect(words('village_exit')).toEqual(['县级核查并在主要媒体公示:公示', '公告退出:公告']);
  });

  it.each([
    ['乡镇审核并公示', '乡镇审核'],
    ['县级核查并在主要媒体公示', '县级核查'],
    ['县级审定并公告', '县级审定'],
    ['乡镇审定公告', '乡镇审定'],
    ['村级评议公示', '村级评议'],
    ['村内公示', null],
    ['公告退出', null],
  ])('the decision named in “%s” is %s', (name, part) => {
    expect(decisionPart(name)).toBe(part);
  });
});

describe('the wording of a notice', () => {
  it('names the steps before, the period, the office and the households (seed 004: 在村内进行公示)', () => {
    const n = noticeDoc(input({}));
    expect(n.title).toBe('俄尔古取村关于2020年拟脱贫户名单的公示');
    expect(n.paragraphs[0]).toBe('经村两委民主评议、村两委和驻村工作队核实、拟退出户认可，现将俄尔古取村2020年拟脱贫户名单（共 1 户 2 人）予以公示（见下表）。公示期为2020年6月30日至2020年7月6日，共 7 天。');
    expect(n.paragraphs[1]).toContain('向俄尔古取村村民委员会或新城镇人民政府实名反映');
    expect(n.columns).toEqual(['序号', '户主姓名', '户编号', '家庭人口', '家庭成员及身份证号', '贫困户属性', '人均纯收入（元）']);
    expect(n.rows).toEqual([['1', '吉克阿呷', '0001', '2', '吉克阿呷（户主）5134**********0119\n吉克阿芝（配偶）5134**********0222', '一般贫困户', '4,500']]);
    // Seed 003 names the 12317 扶贫监督举报 line.
    expect(n.supervision).toContain('12317');
    expect(n.issuer).toBe('俄尔古取村村民委员会');
  });

  it('words the township’s 公告 after the notices passed without objection (seed 004: 公示无异议的,由乡镇党委、政府审定并公告)', () => {
    const n = noticeDoc(input({ word: '公告', level: '乡', stepName: '乡镇审定公告', before: exitSteps.slice(0, 4).map((s) => ({ name: s.name, word: noticeWordOf(s) })), period: null, issuedOn: '2020-07-14' }));
    expect(n.title).toBe('新城镇关于2020年脱贫户名单的公告');
    expect(n.paragraphs).toEqual(['经村两委民主评议、村两委和驻村工作队核实、拟退出户认可、村内公示无异议、乡镇审核并公示无异议、乡镇审定，确定以下 1 户 2 人为2020年脱贫户（见下表），现予以公告。']);
    expect(n.columns.slice(0, 3)).toEqual(['序号', '乡镇', '村']);
    expect(n.issuer).toBe('新城镇人民政府');
  });

  it('lists villages for a village exit, posted by the county (seed 004: 在县级主要媒体进行公示)', () => {
    const n = noticeDoc(input({ kind: 'village_exit', level: '县', stepName: '县级核查并在主要媒体公示', before: [{ name: '村级申请', word: null }, { name: '乡镇审核（审核报告）', word: null }], households: [], villages: [{ township: '新城镇', village: '俄尔古取村', facts: '贫困发生率：1.5%' }] }));
    expect(n.title).toBe('昭觉县关于2020年拟出列贫困村名单的公示');
    expect(n.rows).toEqual([['1', '新城镇', '俄尔古取村', '贫困发生率：1.5%']]);
    expect(n.issuer).toBe('昭觉县扶贫开发领导小组');
  });

  it.each([
    ['村', '俄尔古取村村民委员会'],
    ['乡', '新城镇人民政府'],
    ['县', '昭觉县扶贫开发领导小组'],
  ] as const)('a notice of the %s level is posted by %s', (level, office) => {
    expect(issuerOf(level, places)).toBe(office);
  });

  it.each([
    ['俄尔古取村村民委员会', '俄尔古取村', '俄尔古取村村民委员会'],
    ['城关社区居民委员会', '城关社区', '城关社区居民委员会'],
    ['新村', '新村', '新村村民委员会'],
  ])('the village %s is printed as %s, its committee %s', (name, short, committee) => {
    expect(villageShortName(name)).toBe(short);
    expect(villageCommittee(villageShortName(name))).toBe(committee);
  });
});

describe('the passes that stand', () => {
  const e = (stepIndex: number, outcome: 'start' | 'pass' | 'return', returnTo: number | null = null) =>
    ({ stepIndex, outcome, returnTo, id: 0, procedureId: 1, stepKey: '', reason: '', noticeFrom: null, noticeTo: null, objections: null, representatives: null, present: null, votesFor: null, votesAgainst: null, data: {}, userId: 1, userName: '', userRole: '', userLevel: '乡', at: '' }) as const;
  it('drops the passes a return voided, keeps those passed again', () => {
    const passes = standingPasses([e(0, 'start'), e(0, 'pass'), e(1, 'pass'), e(2, 'pass'), e(3, 'return', 1), e(1, 'pass')] as never);
    expect([...passes.keys()].sort()).toEqual([0, 1]);
  });
});
