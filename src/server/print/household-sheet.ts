/**
 * What the household forms print (扶贫手册, 贫困户登记表, 明白卡): one household as the registry and the pairing service
 * answer it for the user (scope checked, ID numbers already masked for a role without idNumbers.view), with each income
 * year's poverty line and verdict, and the visits' signature images as data: URLs. Pure pieces the forms share.
 */
import type { Household, HouseholdIncome, Person } from '../../contract/registry/households';
import type { Assignment, Visit } from '../../contract/pairing';
import type { HouseholdMeasures } from '../../contract/measures';
import type { HandoverNote } from '../../domain/pairing/handovers';
import { html, type Html } from './html';

/** How one year's per-capita net income stands against the line (compared exactly: net ? line × size). */
export type LineVerdict = '高于' | '低于' | '等于';

export interface IncomeYear extends HouseholdIncome {
  /** The poverty line that applies to the household that year (most local scope first), or null when none is set. */
  line: { year: number; scope: string; yuan: number; source: string } | null;
  verdict: LineVerdict | null;
}

/** A signature file of a visit: an image embedded as a data: URL, or null for a PDF or a file too large to embed. */
export interface SignatureImage {
  fileName: string;
  dataUrl: string | null;
}

export interface HouseholdPairingPrint {
  assignments: Assignment[];
  notes: HandoverNote[];
  visits: Visit[];
}

export interface HouseholdSheet {
  household: Household;
  incomes: IncomeYear[];
  /** Null when the user's role may not read 帮扶责任人 and visits (no pairing.read). */
  pairing: HouseholdPairingPrint | null;
  /** By visit id. */
  signatures: Record<number, SignatureImage[]>;
  /** The day printed (Beijing date). */
  printedOn: string;
  /** issue 15: the household's 帮扶措施 and plan; null when the role may not read them. */
  measures?: HouseholdMeasures | null;
}

/** The exact comparison of `household-rules`: net income against line × household size. */
export function lineVerdict(income: Pick<HouseholdIncome['result'], 'netIncome' | 'householdSize'>, lineYuan: number): LineVerdict | null {
  if (income.householdSize <= 0) return null;
  const bound = lineYuan * income.householdSize;
  return income.netIncome > bound ? '高于' : income.netIncome < bound ? '低于' : '等于';
}

export const yuan = (n: number): string => `${n.toLocaleString('zh-CN')} 元`;

/** The village as a form names it: 俄尔古取村, not 俄尔古取村村民委员会 as the division list has it. */
export const villageName = (name: string): string => name.replace(/村?(村民委员会|村委会)$/, '村');

/** 省 / 市 / 县 / 乡 / 村 of the household's village, each as the forms name it. */
export function placeOf(h: Household): string {
  return h.village.path.map((p, i, all) => (i === all.length - 1 ? villageName(p.name) : p.name)).join('');
}

export const headOf = (h: Household): Person | undefined => h.persons.find((p) => p.relation === '户主');

/** Full years of age on a day, from the birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

export const schoolingText = (p: Person): string => (p.schooling === '辍学' && p.dropoutForPoverty ? '辍学（因贫）' : p.schooling || '—');
export const healthText = (p: Person): string => (p.health === '残疾' && p.disabilityGrade ? `残疾（${p.disabilityGrade} 级）` : p.health || '—');
export const workText = (p: Person): string => (p.workMonths ? `${p.workMonths} 个月${p.workPlace ? `，${p.workPlace}` : ''}，${yuan(p.workIncome)}` : '—');
export function insuranceText(p: Person): string {
  const parts = [
    !p.medicalEligible ? '基本医保（不适用）' : p.medicalInsured ? '基本医保' : '未参加基本医保',
    p.seriousIllnessInsured ? '大病保险' : null,
    p.pensionInsured ? '养老保险' : null,
  ];
  return parts.filter(Boolean).join('、');
}

/** The household's current helpers (held today) and how the page names a helper. */
export const currentHelpers = (s: HouseholdSheet): Assignment[] => s.pairing?.assignments.filter((a) => a.current) ?? [];

/** 两不愁三保障 as the household page shows it. */
export function securityFlags(h: Household): Array<{ label: string; ok: boolean }> {
  return [
    { label: '不愁吃', ok: h.foodSecure },
    { label: '不愁穿', ok: h.clothingSecure },
    { label: '住房安全', ok: h.housingSafe },
    { label: '饮水安全', ok: h.drinkingWaterSafe },
    { label: '义务教育（无因贫辍学）', ok: !h.persons.some((p) => p.schooling === '辍学' && p.dropoutForPoverty) },
    { label: '基本医疗（应保尽保）', ok: h.persons.every((p) => !p.medicalEligible || p.medicalInsured) },
  ];
}

export const flagsHtml = (h: Household): Html => html`${securityFlags(h).map((f, i) => html`${i ? '　' : ''}${f.label}：${f.ok ? '✓ 有保障' : '✗ 未保障'}`)}`;

/** One year's line and verdict in words: “国家标准 3,747 元，高于标准” (or why none can be said). */
export function lineText(y: IncomeYear): string {
  if (!y.line) return `缺少 ${y.year} 年适用的扶贫标准`;
  const verdict = y.verdict ? `，人均纯收入${y.verdict}标准` : '';
  return `${y.line.year} 年${y.line.scope} ${yuan(y.line.yuan)}${verdict}`;
}

/** A signature cell: the images kept with the visits, or blank lines to sign on. */
export function signatureCell(images: readonly SignatureImage[], blanks: readonly string[]): Html {
  const shown = images.filter((i) => i.dataUrl);
  const other = images.length - shown.length;
  if (!images.length) return html`${blanks.map((b) => html`<div class="sign-blank">${b}：<span class="signature-line"></span></div>`)}`;
  return html`${shown.map((i) => html`<img class="signature-image" src="${i.dataUrl}" alt="${i.fileName}">`)}${other ? html`<div class="muted">另有签字材料 ${other} 份（PDF 或大文件，见系统附件）</div>` : ''}`;
}

/** CSS the household forms share (after printDocument's own). */
export const HOUSEHOLD_CSS = `
.form-title { font-size: 20pt; text-align: center; margin: 0 0 3mm; letter-spacing: 0.2em; }
.subtitle { text-align: center; font-size: 10pt; margin: -2mm 0 3mm; }
.facts th { width: 18%; text-align: left; white-space: nowrap; }
.facts td { width: 32%; }
.members { font-size: 8.5pt; }
.nowrap { white-space: nowrap; }
.income th, .income td { padding: 0.7mm 1.6mm; }
.members th, .members td { padding: 1mm 1.2mm; }
.idno { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; white-space: nowrap; }
.sign-blank { margin: 1.5mm 0; white-space: nowrap; }
.sign-blank .signature-line { min-width: 26mm; height: 6mm; }
.signatures td { height: 16mm; }
.cover { text-align: center; padding-top: 40mm; }
.cover .form-title { font-size: 34pt; letter-spacing: 0.4em; margin-bottom: 12mm; }
.cover table { width: 70%; margin: 0 auto; font-size: 13pt; }
.cover th { width: 30%; }
.footnote { font-size: 8.5pt; color: #333; margin-top: 2mm; }
`;
