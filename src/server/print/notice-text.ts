/**
 * The text of a procedure step's 公示 or 公告 (issue 12), the same for the PDF and the Word file: the title, the
 * paragraph that says which steps came before and the notice period, the list of households (or villages), the
 * supervision line and the issuing office with the date. Pure: the service gathers the procedures and the registry's
 * facts, this words them.
 *
 * Seed 004 names the notices and who posts them: “农户申请、村民小组评议、县级比对、村民代表大会评议公示、乡镇审核公示、
 * 县级审定公告”; “在村内进行公示；公示无异议，报乡镇党委、政府审核，并将审核意见在村内进行公示……由乡镇党委、政府审定并公告”;
 * “对拟出列的贫困村在县级主要媒体进行公示……由县级扶贫开发领导小组向社会公告退出”. The supervision line gives the
 * 12317 扶贫监督举报 number seed 003 names, and a blank for the local office's own telephone.
 */
import type { Level, ProcedureKind } from '../../domain/procedures/definitions';
import { chineseDate, villageCommittee } from './list-format';

export type NoticeWord = '公示' | '公告';

/** Who the list names, per kind: what a 公示 (before the decision) and a 公告 (after it) call them. */
const PHRASES: Record<ProcedureKind, Record<NoticeWord, string>> = {
  identification: { 公示: '拟新识别贫困户', 公告: '新识别贫困户' },
  exit: { 公示: '拟脱贫户', 公告: '脱贫户' },
  removal: { 公示: '拟清退贫困户', 公告: '清退贫困户' },
  stable_exit: { 公示: '拟标注稳定脱贫户', 公告: '稳定脱贫户' },
  relapse: { 公示: '拟返贫户', 公告: '返贫户' },
  village_exit: { 公示: '拟出列贫困村', 公告: '出列贫困村' },
  project: { 公示: '拟安排扶贫项目', 公告: '扶贫项目' },
};

export interface NoticePlaces {
  village: string;
  township: string;
  county: string;
}

export interface NoticeHousehold {
  township: string;
  village: string;
  head: string;
  number: string;
  attribute: string;
  mainCause: string;
  /** Members with their ID numbers as printed (masked: see the service). */
  members: Array<{ name: string; relation: string; idNumber: string }>;
  /** 人均纯收入 of the procedure's year (exit notices), yuan. */
  perCapita: number | null;
}

export interface NoticeVillage {
  township: string;
  village: string;
  /** The exit standard's criteria as checked (贫困发生率、特色产业、集体经济收入、基础设施). */
  facts: string;
}

export interface NoticeInput {
  kind: ProcedureKind;
  word: NoticeWord;
  level: Level;
  year: number;
  /** The step's name and the names (with their notice word) of the steps before it. */
  stepName: string;
  before: Array<{ name: string; word: NoticeWord | null }>;
  places: NoticePlaces;
  /** The notice period (公示), from the step's record or, for the open step, as it would run from its earliest day. */
  period: { from: string; to: string; days: number } | null;
  issuedOn: string;
  households: NoticeHousehold[];
  villages: NoticeVillage[];
}

export interface NoticeDoc {
  word: NoticeWord;
  title: string;
  paragraphs: string[];
  columns: string[];
  /** Cells; a line break inside a cell is `\n`. */
  rows: string[][];
  supervision: string;
  issuer: string;
  issuedOn: string;
}

/** The office that posts a notice of a level (村民委员会, 乡镇人民政府, 县扶贫开发领导小组). */
export function issuerOf(level: Level, places: NoticePlaces): string {
  if (level === '村') return villageCommittee(places.village);
  if (level === '乡') return `${places.township}人民政府`;
  return `${places.county}扶贫开发领导小组`;
}

function higherOffice(level: Level, places: NoticePlaces): string {
  if (level === '村') return issuerOf('乡', places);
  if (level === '乡') return issuerOf('县', places);
  return '上级扶贫开发领导小组';
}

/** A step's name without its notice words: 乡镇审核并公示 → 乡镇审核; kept only when what is left names a decision. */
export function decisionPart(name: string): string | null {
  const left = name.replace(/并?(在.*)?(公示|公告)$/, '');
  return /(申请|报告|评议|审核|审定|核查|核实|比对|认可|告知本人)$/.test(left) ? left : null;
}

/** What came before the notice, in the order it happened: “经农户申请、村民小组评议、……村内公示无异议、乡镇审核”. */
function priorText(input: NoticeInput): string {
  const parts = input.before.map((s) => (s.word === '公示' ? `${s.name}无异议` : s.name));
  const own = decisionPart(input.stepName);
  if (own) parts.push(own);
  return parts.length ? `经${parts.join('、')}，` : '';
}

export function noticeDoc(input: NoticeInput): NoticeDoc {
  const phrase = PHRASES[input.kind][input.word];
  const issuer = issuerOf(input.level, input.places);
  const place = input.level === '村' ? input.places.village : input.level === '乡' ? input.places.township : input.places.county;
  const villageSubject = input.kind === 'village_exit';
  const count = villageSubject ? `${input.villages.length} 个村` : `${input.households.length} 户 ${input.households.reduce((n, h) => n + h.members.length, 0)} 人`;
  const prior = priorText(input);
  const paragraphs: string[] = [];
  if (input.word === '公示') {
    const period = input.period ? `公示期为${chineseDate(input.period.from)}至${chineseDate(input.period.to)}，共 ${input.period.days} 天。` : '';
    paragraphs.push(`${prior}现将${place}${input.year}年${phrase}名单（共 ${count}）予以公示（见下表）。${period}`);
    paragraphs.push(`公示期间，任何单位和个人如有异议，可以书面、电话或当面方式向${issuer}或${higherOffice(input.level, input.places)}实名反映，反映情况应实事求是。`);
  } else {
    paragraphs.push(`${prior}确定以下 ${count}为${input.year}年${phrase}（见下表），现予以公告。`);
  }
  const wide = input.level !== '村';
  let columns: string[];
  let rows: string[][];
  if (villageSubject) {
    columns = ['序号', '乡镇', '村', '出列标准达到情况'];
    rows = input.villages.map((v, i) => [String(i + 1), v.township, v.village, v.facts]);
  } else {
    const own = input.kind === 'exit' ? ['人均纯收入（元）'] : input.kind === 'identification' || input.kind === 'relapse' ? ['主要致贫原因'] : [];
    columns = ['序号', ...(wide ? ['乡镇', '村'] : []), '户主姓名', '户编号', '家庭人口', '家庭成员及身份证号', '贫困户属性', ...own];
    rows = input.households.map((h, i) => [
      String(i + 1),
      ...(wide ? [h.township, h.village] : []),
      h.head,
      h.number,
      String(h.members.length),
      h.members.map((m) => `${m.name}（${m.relation}）${m.idNumber}`).join('\n'),
      h.attribute,
      ...(input.kind === 'exit' ? [h.perCapita === null ? '' : h.perCapita.toLocaleString('en-US')] : input.kind === 'identification' || input.kind === 'relapse' ? [h.mainCause] : []),
    ]);
  }
  return {
    word: input.word,
    title: `${place}关于${input.year}年${phrase}名单的${input.word}`,
    paragraphs,
    columns,
    rows,
    supervision: '监督电话：____________\u3000\u3000扶贫监督举报电话：12317',
    issuer,
    issuedOn: input.issuedOn,
  };
}
