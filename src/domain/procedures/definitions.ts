/**
 * The procedures of seed 004 as data (issue 4): each kind is a sequence of steps, each step done by an office of a
 * level and recording what it requires. A province may adjust a sequence (a new definition version); the rules of
 * `decide` apply to whatever steps a definition has.
 */
import { citeWords } from '../shared/sources';

export const PROCEDURE_KINDS = ['identification', 'exit', 'removal', 'stable_exit', 'relapse', 'village_exit', 'project'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const KIND_LABELS: Record<ProcedureKind, string> = {
  identification: '贫困户识别',
  exit: '贫困户脱贫',
  removal: '清退',
  stable_exit: '稳定脱贫标注',
  relapse: '返贫',
  village_exit: '贫困村出列',
  project: '扶贫项目审批',
};

/** Office levels, lowest first: a step is done at its level or by an office above it. */
export const LEVELS = ['村', '乡', '县', '市', '省'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What a step must record before it can be passed:
 * - `notice`: a public notice (公示): first day, minimum length in days, objections; no pass before it ends or with
 *   objections.
 * - `assembly`: an assembly (村民代表大会 / 评议): representatives, present, votes; two-thirds present, majority of
 *   those present.
 * - `comparison`: the cross-department comparison (一比对) has been run over the applicants.
 * - `confirmation`: a written confirmation (e.g. 拟退出户认可, 告知本人): who confirmed, in the record.
 */
export const REQUIREMENTS = ['notice', 'assembly', 'comparison', 'confirmation'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface StepDefinition {
  key: string;
  name: string;
  level: Level;
  requires: Requirement[];
  /** For a notice: the minimum number of days (default 7). */
  minDays?: number;
}

/**
 * Who a procedure is about: a registered household, a village, an applicant not yet in the registry, or a project of
 * the funds' project library (issue 14; started by the project's declaration, not on its own).
 */
export const SUBJECTS = ['household', 'village', 'applicant', 'project'] as const;

export interface ProcedureDefinition {
  kind: ProcedureKind;
  name: string;
  subject: (typeof SUBJECTS)[number];
  steps: StepDefinition[];
  source: string;
}

export const DEFAULT_NOTICE_DAYS = 7;

/** The key of a project's 县审批 step: a project is payable once its procedure is past it (issue 14). */
export const PROJECT_APPROVAL_STEP = 'county_approval';

const step = (key: string, name: string, level: Level, requires: Requirement[] = [], minDays?: number): StepDefinition => ({
  key,
  name,
  level,
  requires,
  ...(minDays ? { minDays } : {}),
});

/** The identification steps (两评议两公示一比对一公告) after the opening one, shared by new identification and 返贫. */
const identificationSteps = (first: StepDefinition): StepDefinition[] => [
  first,
  step('group_review', '村民小组评议', '村', ['assembly']),
  step('county_comparison', '县级比对', '县', ['comparison']),
  step('village_assembly', '村民代表大会评议并公示', '村', ['assembly', 'notice'], DEFAULT_NOTICE_DAYS),
  step('township_review', '乡镇审核并公示', '乡', ['notice'], DEFAULT_NOTICE_DAYS),
  step('county_decision', '县级审定并公告', '县'),
  step('data_entry', '入户采集录入', '村'),
];

/** Seed 004's removal and stable-exit marking: 入户核实信息、告知本人、村级评议公示、乡镇审核、县级备案. */
const removalSteps = (): StepDefinition[] => [
  step('home_check', '入户核实', '村'),
  step('inform', '告知本人', '村', ['confirmation']),
  step('village_review', '村级评议公示', '村', ['assembly', 'notice'], DEFAULT_NOTICE_DAYS),
  step('township_review', '乡镇审核', '乡'),
  step('county_filing', '县级备案', '县'),
];

export const DEFAULT_DEFINITIONS: ProcedureDefinition[] = [
  {
    kind: 'identification',
    name: '新识别贫困户（两评议两公示一比对一公告）',
    subject: 'applicant',
    steps: identificationSteps(step('application', '农户申请', '村')),
    source: citeWords('maanshan2017', '农户申请、村民小组评议、县级比对、村民代表大会评议公示、乡镇审核公示、县级审定公告……村级对已确定的贫困户进行入户信息采集，填写贫困户登记表，并录入系统。'),
  },
  {
    kind: 'exit',
    name: '贫困户脱贫',
    subject: 'household',
    steps: [
      step('village_review', '村两委民主评议', '村', ['assembly']),
      step('verification', '村两委和驻村工作队核实、拟退出户认可', '村', ['confirmation']),
      step('village_notice', '村内公示', '村', ['notice'], DEFAULT_NOTICE_DAYS),
      step('township_review', '乡镇审核并公示', '乡', ['notice'], DEFAULT_NOTICE_DAYS),
      step('township_decision', '乡镇审定公告', '乡'),
      step('county_filing', '县级备案标注', '县'),
      step('certificate', '颁发脱贫光荣证', '县'),
    ],
    source: citeWords('maanshan2017', '贫困户脱贫由村“两委”组织民主评议后提出，经村“两委”和驻村扶贫工作队核实、拟退出贫困户认可后，在村内进行公示；公示无异议，报乡镇党委、政府审核，并将审核意见在村内进行公示……审定公告……备案标注……颁发脱贫光荣证。'),
  },
  {
    kind: 'removal',
    name: '清退',
    subject: 'household',
    steps: removalSteps(),
    source: citeWords('maanshan2017', '清退的和标注稳定脱贫的贫困人口要按照入户核实信息、告知本人、村级评议公示、乡镇审核、县级备案的程序进行。'),
  },
  {
    kind: 'stable_exit',
    name: '稳定脱贫标注',
    subject: 'household',
    steps: removalSteps(),
    source: citeWords('maanshan2017', '清退的和标注稳定脱贫的贫困人口要按照入户核实信息、告知本人、村级评议公示、乡镇审核、县级备案的程序进行。'),
  },
  {
    kind: 'relapse',
    name: '返贫',
    subject: 'household',
    steps: identificationSteps(step('report', '农户或村报告', '村')),
    source: citeWords('maanshan2017', '凡是尚未完全解决“两不愁、三保障”的，必须及时返贫；各地对贫困人口识别、清退和返贫每一步程序的资料都要收集齐全，资料要与每一步程序相对印。') + '本系统：返贫按识别的步骤进行，由农户或村报告开始。',
  },
  {
    kind: 'village_exit',
    name: '贫困村出列',
    subject: 'village',
    steps: [
      step('application', '村级申请', '村'),
      step('township_review', '乡镇审核（审核报告）', '乡'),
      step('county_check', '县级核查并在主要媒体公示', '县', ['notice'], DEFAULT_NOTICE_DAYS),
      step('county_decision', '县级党委政府审定', '县'),
      step('announcement', '公告退出', '县'),
      step('filing', '备案标注', '县'),
    ],
    source: citeWords('maanshan2017', '（1）村级申请……（2）乡镇审核……形成审核报告……（3）县级审定。县级扶贫开发领导小组组织相关部门进行核查，对拟出列的贫困村在县级主要媒体进行公示，公示无异议的，报县级党委、政府审定……'),
  },
  {
    kind: 'project',
    name: '扶贫项目申报审批（户申请、村申报、乡镇审查、县审批）',
    subject: 'project',
    // 户申请、村申报 at the village, 乡镇审查, 县审批; then 实施 in the village, the county's 验收 and 备案/公告.
    steps: (
      [
        ['household_application', '户申请', '村'],
        ['village_declaration', '村申报', '村'],
        ['township_review', '乡镇审查', '乡'],
        [PROJECT_APPROVAL_STEP, '县审批', '县'],
        ['implementation', '实施', '村'],
        ['acceptance', '验收', '县'],
        ['filing', '备案/公告', '县'],
      ] as const
    ).map(([key, name, level]) => step(key, name, level)),
    source: `${citeWords('maanshan2017', '严格对照“户申请、村申报、乡镇审查、县审批”的机制安排扶贫资金项目。')}各步留存：${citeWords(
      'maanshan2017',
      '下发的到村、到户项目申报通知；县研究镇上报到村、到户项目会议研究记录或会议纪要；到村、到户项目审批材料；资金安排及拨付、使用情况凭证材料；项目验收材料……项目扶持资金到户证明',
    )}`,
  },
];

export function defaultDefinition(kind: ProcedureKind): ProcedureDefinition {
  return DEFAULT_DEFINITIONS.find((d) => d.kind === kind)!;
}

/** The office level of a user from their region prefix ('' = whole country, treated as 省 and above). */
export function levelOfPrefix(prefix: string): Level {
  return prefix.length >= 12 ? '村' : prefix.length >= 9 ? '乡' : prefix.length >= 6 ? '县' : prefix.length >= 4 ? '市' : '省';
}
