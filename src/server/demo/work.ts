import { halfYearOf, halfYear } from '../../domain/pairing/half-year-visit';
import { checkCharacter } from '../../domain/registry/id-number';
import { addDays, isoDate } from '../../domain/shared/dates';
import type { ActionInput, Procedure, StartInput } from '../../contract/procedures';
import type { Auth } from '../auth/access';
import type { Services } from '../services';
import type { DemoHousehold, DemoRegistry } from './registry';

/** The demo's clock: the services the demo acts through read it, so a procedure's steps can be days apart. */
export interface DemoClock {
  at: Date;
  /** Moves the clock to `days` after the day the demo started. */
  day(days: number): void;
}

export interface DemoActors {
  village: Auth;
  township: Auth;
  county: Auth;
  department: Auth;
  assessor: Auth;
  /** The 考核办's manager: the system acting at that office. */
  assessmentOffice: Auth;
}

const QUORUM = { representatives: 31, present: 26, votesFor: 23, votesAgainst: 2 };

/**
 * Procedures at different steps (seed 004's sequences): days pass between steps with notices (公示), so the demo
 * starts each procedure on day 0 and the clock moves on to day 8 and day 16; today is day 30. Each main role finds
 * one waiting at its level.
 */
export async function loadProceduresDemo(s: Services, clock: DemoClock, who: DemoActors, reg: DemoRegistry): Promise<number> {
  const byVillage = (t: number, v: number) => reg.households.filter((h) => h.villageCode === reg.townships[t]!.villages[v]!.code);
  const pick = (t: number, v: number, plan: DemoHousehold['plan']) => byVillage(t, v).find((h) => h.plan === plan)!;
  const start = (a: Auth, input: StartInput) => s.procedures.start(a, input);
  const pass = (a: Auth, p: Procedure, record: ActionInput['record'] = {}) => s.procedures.act(a, p.id, { type: 'pass', step: p.currentStep, version: p.version, record });
  clock.day(0);
  const day0 = isoDate(clock.at);
  const day8 = addDays(day0, 8);

  // 村: a stable-exit marking waiting at 入户核实 (no record needed), a household exit at 村两委民主评议 (an assembly).
  await start(who.village, { kind: 'stable_exit', householdId: pick(0, 0, 'exited').id });
  await start(who.village, { kind: 'exit', householdId: pick(0, 0, 'poorAbove').id, year: 2019 });
  // 村: a new identification (新识别) of the demo township's second village, waiting at 村民小组评议.
  const applicant = await start(who.county, {
    kind: 'identification',
    year: 2019,
    applicant: {
      villageCode: reg.townships[0]!.villages[1]!.code,
      number: '0101',
      attribute: '一般贫困户',
      identifiedYear: 2019,
      mainCause: '因病',
      secondaryCauses: ['缺资金'],
      housingSafe: true,
      drinkingWaterSafe: true,
      foodSecure: true,
      clothingSecure: true,
      persons: [
        { name: '俄底日者', idNumber: id('19780312', '951'), relation: '户主', labour: '普通劳动力', workMonths: 4, workIncome: 3000, medicalInsured: true },
        { name: '俄底阿支', idNumber: id('20120509', '962'), relation: '之女', labour: '无劳动力', schooling: '在校', medicalInsured: true },
      ],
    },
  });
  await pass(who.county, applicant);
  // 乡: a village exit (贫困村出列) applied for by the demo village, waiting at 乡镇审核.
  const villageExit = await start(who.village, { kind: 'village_exit', villageCode: reg.townships[0]!.villages[0]!.code, year: 2019 });
  await pass(who.village, villageExit);
  // Household exits started by the county office for other villages: [0] will wait at 乡镇审核并公示, [1] at 县级备案标注,
  // [2] (another township) at 核实、拟退出户认可.
  const exits = [];
  for (const h of [pick(0, 1, 'poorAbove'), pick(0, 2, 'poorAbove'), pick(1, 0, 'poorAbove')]) {
    const p = await start(who.county, { kind: 'exit', householdId: h.id, year: 2019 });
    exits.push({ h, p: await pass(who.county, p, { assembly: QUORUM }) });
  }
  for (const e of exits.slice(0, 2)) e.p = await pass(who.county, e.p, { confirmedBy: e.h.head });

  clock.day(8);
  for (const e of exits.slice(0, 2)) e.p = await pass(who.county, e.p, { notice: { from: day0 } });

  clock.day(16);
  const atTownship = await pass(who.township, exits[1]!.p, { notice: { from: day8 } });
  await pass(who.township, atTownship);
  return 4 + exits.length;
}

/** An ID number of 昭觉县 (GB 11643) for a birth date and a sequence. */
function id(birth: string, seq: string): string {
  const body = `513431${birth}${seq}`;
  return `${body}${checkCharacter(body)}`;
}

const HELPERS: Array<[string, string, string, string]> = [
  ['李志强', '昭觉县农业农村局', '县', '副局长'],
  ['王秀英', '昭觉县教育体育和科学技术局', '县', '科员'],
  ['阿苦拉则', '昭觉县卫生健康局', '县', '股长'],
  ['张海波', '昭觉县交通运输局', '县', '科员'],
  ['马文杰', '昭觉县人力资源和社会保障局', '县', '副主任科员'],
  ['吉木子洛', '新城镇人民政府', '乡', '副镇长'],
  ['刘春梅', '竹核镇人民政府', '乡', '党政办主任'],
  ['沙马伍呷', '三岔河镇人民政府', '乡', '组织委员'],
  ['周建国', '昭觉县住房和城乡建设局', '县', '科员'],
  ['杨丽华', '昭觉县民政局', '县', '股长'],
  ['何俊', '昭觉县水务局', '县', '科员'],
  ['曲比阿木', '昭觉县自然资源局', '县', '科员'],
];

/**
 * 帮扶: a helper for every household that needs one but one (无帮扶责任人), at most three households each; visits this
 * half-year for the exited households but a few (本半年未回访), which were visited the half-year before. The first
 * helper holds the demo village's households and is the demo helper account's record.
 */
export async function loadPairingDemo(s: Services, county: Auth, reg: DemoRegistry): Promise<{ helperIds: number[]; unvisited: number[]; withoutHelper: number }> {
  const helperIds: number[] = [];
  for (const [name, unit, level, post] of HELPERS) {
    const h = await s.pairing.createHelper(county, { name, unit, kind: 'cadre', level, post, phone: `0834-83${String(helperIds.length).padStart(5, '1')}`, regionCode: reg.county.regionCode });
    helperIds.push(h.id);
  }
  const today = isoDate(s.now());
  const now = halfYearOf(today);
  const before = now.half === 1 ? halfYear(now.year - 1, 2) : halfYear(now.year, 1);
  const needing = reg.households.filter((h) => h.plan !== 'removed');
  // The household left without a helper: a poor one of the demo township's second village.
  const without = needing.find((h) => h.township === reg.townships[0]!.code && h.villageCode === reg.townships[0]!.villages[1]!.code && h.plan === 'poor')!;
  const paired = needing.filter((h) => h !== without);
  // Exited households not visited this half-year: one of the demo helper's, and one in each other township.
  const unvisited = new Set<number>([paired.find((h) => h.plan === 'exited')!.id]);
  for (const t of reg.townships.slice(1)) unvisited.add(paired.find((h) => h.township === t.code && h.plan === 'exited')!.id);
  const exitedOn = (h: DemoHousehold) => h.plan === 'exited' || h.plan === 'stable';
  for (const [i, h] of paired.entries()) {
    const helperId = helperIds[Math.floor(i / 3)]!;
    await s.pairing.assign(county, h.id, { helperId, fromOn: '2019-03-01', reason: '按县里结对安排确定帮扶责任人' });
    if (!exitedOn(h)) continue;
    if (unvisited.has(h.id))
      await s.pairing.addVisit(county, h.id, { kind: '帮扶走访', helperId, visitedOn: addDays(before.from, 20), content: '上门回访，了解家庭收入和“两不愁三保障”情况，宣讲产业扶持政策' });
    else
      await s.pairing.addVisit(county, h.id, { kind: '帮扶走访', helperId, visitedOn: today, content: '半年回访：核实务工收入，落实产业奖补，家庭无返贫风险' });
  }
  return { helperIds, unvisited: [...unvisited], withoutHelper: without.id };
}

/**
 * 一比对: the 公安局's vehicle list (some of it demo household members, the rest strangers), a comparison of the whole
 * county by the county office with its hits undecided, and a data-quality run.
 */
export async function loadCompareDemo(s: Services, who: DemoActors, reg: DemoRegistry): Promise<{ listId: number; runId: number; hits: number }> {
  const onList = reg.households.filter((h) => h.plan === 'poor' || h.plan === 'relapsed').slice(0, 4);
  const people = await Promise.all(onList.map(async (h) => (await s.registry.household(who.county, h.id)).persons[0]!));
  const strangers = ['110105197505050117', '510104198203031239'].map((x) => x.slice(0, 17) + checkCharacter(x.slice(0, 17)));
  const rows = [
    ...people.map((p, i) => ({ row: i + 2, cells: [String(i + 1), p.name, p.idNumber, `川W${String(20000 + i * 731).padStart(5, '0')}`, '小型普通客车'] })),
    ...strangers.map((x, i) => ({ row: people.length + i + 2, cells: [String(people.length + i + 1), `外县车主${i + 1}`, x, `川A${String(30000 + i * 17)}`, '轻型货车'] })),
  ];
  const imported = await s.compare.importList(who.department, { name: '2019年昭觉县机动车登记信息', department: '车辆', fileName: '机动车登记信息.xlsx' }, { headers: ['序号', '机动车所有人', '身份证明号码', '号牌号码', '车辆类型'], rows: [rows] });
  const run = await s.compare.compareRegistry(who.county, { listIds: [imported.list.id] });
  return { listId: imported.list.id, runId: run.id, hits: run.hits };
}

/** 考核: a round of the 州 考核办 over three counties, open, with its 考核员 named and only some scores entered. */
export async function loadAssessmentDemo(s: Services, who: DemoActors, assessorUserId: number): Promise<number> {
  const scheme = (await s.assessment.listSchemes(who.assessmentOffice)).find((x) => x.code === 'guangdong-2019-aided')!;
  const round = await s.assessment.createRound(who.assessmentOffice, {
    schemeId: scheme.id,
    name: '2019年度凉山州脱贫攻坚成效考核（演示）',
    year: 2019,
    units: [
      { unitKey: 'zhaojue', name: '昭觉县', kind: 'county', ref: '513431000000' },
      { unitKey: 'meigu', name: '美姑县', kind: 'county', ref: '513436000000' },
      { unitKey: 'butuo', name: '布拖县', kind: 'county', ref: '513429000000' },
    ],
  });
  await s.assessment.setAssessors(who.assessmentOffice, round.id, { userIds: [assessorUserId] });
  await s.assessment.saveScores(who.assessor, round.id, {
    entries: [
      { unitKey: 'zhaojue', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '好' } },
      { unitKey: 'meigu', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '较好' } },
    ],
  });
  return round.id;
}
