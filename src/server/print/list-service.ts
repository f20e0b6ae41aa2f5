/**
 * The village lists and the notices as printed forms (issue 12): each gathers its data from the owning features'
 * services with the caller's own auth (so another scope's village or procedure is refused by them, and a 帮扶责任人
 * sees only the households they hold), words it (list-*.ts, notice-*.ts) and renders it (PDF by the shared renderer,
 * .docx for the notices).
 */
import { noticeWordOf, ROSTER_LABELS, type RosterKind } from '../../contract/print-lists';
import type { Household } from '../../contract/registry/households';
import type { Procedure } from '../../contract/procedures';
import { noticeLastDay } from '../../domain/procedures/decide';
import { DEFAULT_NOTICE_DAYS, type Level, type ProcedureKind } from '../../domain/procedures/definitions';
import { householdExit } from '../../domain/registry/household-rules';
import { maskIdNumber } from '../../domain/registry/id-number';
import { applicableLine } from '../../domain/registry/poverty-lines';
import { SCOPE_LABELS } from '../../domain/registry/poverty-lines';
import { isoDate, yearOf } from '../../domain/shared/dates';
import { AppError } from '../../domain/shared/errors';
import { inRegion, requirePermission, requireRegion, type Auth } from '../auth/access';
import { maskFor } from '../auth/masking';
import { changeTotals, populationChanges } from '../../domain/rosters/population-change';
import { plannedRoster, trainingRoster } from '../rosters/hooks';
import type { ProceduresService } from '../procedures/service';
import type { RegistryService } from '../registry/service';
import type { RosterService } from '../registry/roster-service';
import type { PdfRenderer } from './pdf';
import type { RegionsService } from '../regions/service';
import { confirmationHtml, type ConfirmationPrint } from './list-confirmation';
import { overviewHtml } from './list-overview';
import { rosterHtml, type RosterHousehold, type RosterPrint } from './list-rosters';
import { villageShortName, yuanText } from './list-format';
import { noticeDocx } from './docx';
import { noticeHtml } from './notice-html';
import { noticeDoc, type NoticeDoc, type NoticeHousehold, type NoticePlaces, type NoticeVillage, type NoticeWord } from './notice-text';

export interface ListPrintDeps {
  roster: Pick<RosterService, 'villageOverview'>;
  registry: Pick<RegistryService, 'household' | 'village' | 'lines'>;
  procedures: Pick<ProceduresService, 'get' | 'exportList'>;
  /** The helpers of a village's households today, by household id (pairing's, with the caller's auth). */
  helpersOf: (auth: Auth, villageCode: string) => Promise<ReadonlyMap<number, ReadonlyArray<{ name: string; unit: string }>>>;
  /** A region and the regions under it (a township's villages). */
  regions: Pick<RegionsService, 'get' | 'children'>;
  pdf: Pick<PdfRenderer, 'render'>;
  now: () => Date;
  /** issue 15: the households a village's projects of the year reach (the funds' project_households), with the project. */
  beneficiariesOf?: (villageCode: string, year: number) => Promise<Array<{ householdId: number; project: string; reach: string; paid: number }>>;
  /** issue 15: the households of a village whose 脱贫时限 is the year (the measures' household plans). */
  plannedOf?: (auth: Auth, villageCode: string, year: number) => Promise<Array<{ householdId: number; targetYear: number | null }>>;
  /** issue 15: the 技能培训 measures of a village in the year. */
  trainingOf?: (auth: Auth, villageCode: string, year: number) => Promise<Array<{ householdId: number; on: string; state: string; note: string }>>;
}

export interface PrintedFile {
  fileName: string;
  content: Buffer;
}

/** At most this many procedures are looked at for the households posted on one notice together with the asked one. */
const COMPANION_LIMIT = 300;

const helperText = (x: { name: string; unit: string }) => (x.unit ? `${x.name}（${x.unit}）` : x.name);

/** The places of a procedure's village from its region path (村, 乡镇, 县). */
function placesOf(p: Pick<Procedure, 'village'>): NoticePlaces {
  const at = (level: number) => p.village.path.find((s) => s.level === level)?.name ?? '';
  return { village: villageShortName(p.village.name), township: at(4), county: at(3) };
}

/** A household on a notice (the registry's, or a new identification's applicant), its members' ID numbers masked. */
function noticeHousehold(
  places: NoticePlaces,
  h: { number: string; attribute: string; mainCause: string; persons: ReadonlyArray<{ name: string; relation: string; idNumber: string }> },
  perCapita: number | null,
): NoticeHousehold {
  return {
    township: places.township,
    village: places.village,
    head: h.persons.find((m) => m.relation === '户主')?.name ?? '',
    number: h.number,
    attribute: h.attribute,
    mainCause: h.mainCause,
    members: h.persons.map((m) => ({ name: m.name, relation: m.relation, idNumber: maskIdNumber(m.idNumber) })),
    perCapita,
  };
}

/** The passes of a procedure still standing: a return to step t voids the passes of t and after. */
export function standingPasses(events: Procedure['events']): Map<number, Procedure['events'][number]> {
  const passed = new Map<number, Procedure['events'][number]>();
  for (const e of events) {
    if (e.outcome === 'pass') passed.set(e.stepIndex, e);
    if (e.outcome === 'return' && e.returnTo !== null) for (const k of [...passed.keys()]) if (k >= e.returnTo) passed.delete(k);
  }
  return passed;
}

/** What a passed step recorded, in words (the notice's days, the assembly's votes, who confirmed, the reason). */
function recordText(e: Procedure['events'][number]): string {
  const parts: string[] = [];
  if (e.noticeFrom && e.noticeTo) parts.push(`公示 ${e.noticeFrom} 至 ${e.noticeTo}，${e.objections ? `异议：${e.objections}` : '无异议'}`);
  if (e.representatives !== null) parts.push(`应到 ${e.representatives} 人，实到 ${e.present ?? 0} 人，同意 ${e.votesFor ?? 0} 票，反对 ${e.votesAgainst ?? 0} 票`);
  if (e.data.confirmedBy) parts.push(`确认人：${e.data.confirmedBy}`);
  if (e.reason) parts.push(e.reason);
  return parts.join('；');
}

export function makeListPrintService(deps: ListPrintDeps) {
  const { roster, registry, procedures, pdf, now } = deps;
  const today = () => isoDate(now());

  async function overviewData(auth: Auth, code: string) {
    requirePermission(auth, 'registry.read');
    return roster.villageOverview(auth, code);
  }

  /** The registry's households of the overview with their whole record (history, incomes), those `want` keeps. */
  async function details(auth: Auth, list: Array<{ id: number; status: string; attribute: string }>, want: (h: { id: number; status: string; attribute: string }) => boolean): Promise<Household[]> {
    const out: Household[] = [];
    for (const h of list) if (want(h)) out.push(await registry.household(auth, h.id));
    return out;
  }

  const membersOf = (h: Pick<Household, 'persons'>) => h.persons.map((m) => ({ name: m.name, relation: m.relation, sex: m.sex, idNumber: m.idNumber, birthDate: m.birthDate }));

  /** A roster's data, its ID numbers masked for a role that may not see them (the PDF and the .xlsx alike). */
  async function rosterData(auth: Auth, code: string, kind: RosterKind, yearAsked: number | undefined): Promise<RosterPrint> {
    return maskFor(auth, await rosterRows(auth, code, kind, yearAsked));
  }

  async function rosterRows(auth: Auth, code: string, kind: RosterKind, yearAsked: number | undefined): Promise<RosterPrint> {
    const o = await overviewData(auth, code);
    const year = yearAsked ?? yearOf(now());
    const base = { kind, village: o.village, printedOn: today() };
    const name = villageShortName(o.village.name);
    const list = o.households as Array<(typeof o.households)[number] & { id: number }>;
    if (kind === 'poor') {
      const households: RosterHousehold[] = list.map((h) => ({ number: h.number, attribute: h.attribute, status: h.status, members: h.members, extra: [h.mainCause, h.status, h.helpers.join('、')] }));
      return { ...base, title: `${name}贫困户花名册`, year: null, summary: '', columns: ['主要致贫原因', '状态', '帮扶责任人'], households };
    }
    if (kind === 'exited') {
      // 减贫人口: the households whose status history has them exit (已脱贫) in the year, with the persons counted then.
      const full = await details(auth, list, (h) => h.status !== '未脱贫');
      const households: RosterHousehold[] = [];
      for (const h of full) {
        const exit = [...h.history].reverse().find((r) => r.status === '已脱贫' && r.year === year);
        if (exit) households.push({ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), extra: [`${year}年`, String(exit.persons), exit.effectiveOn, h.status] });
      }
      const persons = households.reduce((n, h) => n + Number(h.extra[1]), 0);
      return { ...base, title: `${name}${year}年减贫人口花名册`, year, summary: `${year}年减贫 ${households.length} 户 ${persons} 人`, columns: ['脱贫年度', '脱贫人口', '脱贫日期', '现状态'], households };
    }
    if (kind === 'estimated') {
      // 测算减贫人口: households still poor whose facts of the year meet the exit standard (seed 004 贫困人口脱贫标准).
      const [full, lines, village] = [await details(auth, list, (h) => h.status === '未脱贫' || h.status === '返贫'), await registry.lines(), await registry.village(auth, code)];
      const line = applicableLine(lines, year, code);
      const households: RosterHousehold[] = [];
      for (const h of full) {
        const income = h.incomes.find((i) => i.year === year);
        if (!income || !line) continue;
        const verdict = householdExit({ ...h, income: income.result, members: h.persons.map((m) => ({ ...m, schooling: m.schooling as never })) }, line.yuan);
        if (verdict.passed) households.push({ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), extra: [yuanText(income.result.netIncome), yuanText(income.result.perCapita), yuanText(line.yuan)] });
      }
      const plan = village.years.find((y) => y.year === year);
      const persons = households.reduce((n, h) => n + h.members.length, 0);
      const planText = plan && (plan.plannedHouseholds !== null || plan.plannedPersons !== null) ? `；村级计划减贫 ${plan.plannedHouseholds ?? '—'} 户 ${plan.plannedPersons ?? '—'} 人` : '';
      return {
        ...base,
        title: `${name}${year}年测算减贫人口花名册`,
        year,
        summary: `测算达到脱贫标准 ${households.length} 户 ${persons} 人${planText}`,
        note: line
          ? `注：按 ${year} 年登记的收入测算，人均纯收入超过扶贫标准（${yuanText(line.yuan)}，${SCOPE_LABELS[line.scope]}）且“两不愁三保障”均达到的未脱贫户；尚须按脱贫程序评议、公示、审定。`
          : `注：缺少 ${year} 年适用于该村的扶贫标准，无法测算。`,
        columns: ['家庭纯收入', '人均纯收入', '扶贫标准'],
        households,
      };
    }
    // issue 15: rosters — 人口增减表: the households whose dated status history adds them (新识别, 返贫) or removes
    // them (脱贫, 清退) in the year, with the persons counted then.
    if (kind === 'population-change') {
      const full = await details(auth, list, () => true);
      const households: RosterHousehold[] = [];
      const all = [];
      for (const h of full) {
        for (const c of populationChanges(h.history, year)) {
          all.push(c);
          households.push({ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), extra: [c.direction, c.kind, String(c.persons), c.effectiveOn, c.reason] });
        }
      }
      const t = changeTotals(all);
      return {
        ...base,
        title: `${name}${year}年贫困人口增减表`,
        year,
        summary: `${year}年增加 ${t.addedHouseholds} 户 ${t.addedPersons} 人，减少 ${t.removedHouseholds} 户 ${t.removedPersons} 人`,
        columns: ['增减', '类别', '人数', '日期', '原因'],
        households,
      };
    }
    if (kind === 'project-beneficiaries') {
      // 项目受益花名册: the households the village's projects of the year reach (登记到户受益), one row per project and household.
      const reached = deps.beneficiariesOf ? await deps.beneficiariesOf(code, year) : [];
      const wanted = new Set(reached.map((r) => r.householdId));
      const byId = new Map((await details(auth, list, (h) => wanted.has(h.id))).map((h) => [h.id, h]));
      const households: RosterHousehold[] = [];
      for (const r of reached) {
        const h = byId.get(r.householdId);
        if (h) households.push({ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), extra: [r.project, r.reach, yuanText(r.paid)] });
      }
      const persons = households.reduce((n, h) => n + h.members.length, 0);
      return { ...base, title: `${name}${year}年项目受益花名册`, year, summary: `${year}年项目受益 ${wanted.size} 户（${households.length} 户次 ${persons} 人次）`, columns: ['项目名称', '项目类别', '已拨付到户'], households };
    }
    // issue 15: measures — 计划减贫人口花名册 (脱贫时限 in the year) and 培训花名册 (the year's 技能培训 measures).
    if (kind === 'planned' || kind === 'training') {
      const village = { ...o.village, name };
      if (kind === 'planned') {
        const due = deps.plannedOf ? await deps.plannedOf(auth, code, year) : [];
        const wanted = new Set(due.map((d) => d.householdId));
        const rows = (await details(auth, list, (h) => wanted.has(h.id))).map((h) => ({ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), deadline: `${year}年` }));
        return plannedRoster(village, year, rows, today());
      }
      const trained = deps.trainingOf ? await deps.trainingOf(auth, code, year) : [];
      const byId = new Map((await details(auth, list, (h) => trained.some((t) => t.householdId === h.id))).map((h) => [h.id, h]));
      const rows = trained.flatMap((t) => {
        const h = byId.get(t.householdId);
        return h ? [{ number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), training: t.note || '技能培训', on: t.on, state: t.state }] : [];
      });
      return trainingRoster(village, year, rows, today());
    }
    // 低保户 / 五保户: the attributes 低保贫困户 and 特困供养贫困户 (五保 = 特困人员供养), with the year's payment.
    const attribute = kind === 'minimum-living' ? '低保贫困户' : '特困供养贫困户';
    const full = await details(auth, list, (h) => h.attribute === attribute && h.status !== '清退');
    const households: RosterHousehold[] = full.map((h) => {
      const items = h.incomes.find((i) => i.year === year)?.items;
      const paid = items ? (kind === 'minimum-living' ? items.minimumLiving : items.extremePoverty) : null;
      return { number: h.number, attribute: h.attribute, status: h.status, members: membersOf(h), extra: [paid === null ? '未登记' : yuanText(paid), h.status] };
    });
    return {
      ...base,
      title: `${name}${ROSTER_LABELS[kind]}`,
      year,
      summary: '',
      columns: [`${year}年${kind === 'minimum-living' ? '低保金' : '特困供养金'}`, '状态'],
      households,
    };
  }

  // --- procedures ---------------------------------------------------------------------------------------------------

  async function procedureOf(auth: Auth, id: number): Promise<Procedure> {
    requirePermission(auth, 'procedures.read');
    return procedures.get(auth, id);
  }

  /** The notice step asked (`step`), or the open step when it posts one, or the last notice step passed. */
  function noticeStep(p: Procedure, step: number | undefined): { index: number; word: NoticeWord; passed: Procedure['events'][number] | undefined } {
    const passes = standingPasses(p.events);
    const words = p.definition.steps.map((s) => noticeWordOf(s));
    let index = step;
    if (index === undefined) {
      if (p.state === 'running' && words[p.currentStep]) index = p.currentStep;
      else index = [...passes.keys()].filter((k) => words[k]).sort((a, b) => b - a)[0];
    }
    if (index === undefined) throw new AppError('CONFLICT', '该程序尚无可生成公示、公告的步骤');
    const s = p.definition.steps[index];
    const word = words[index];
    if (!s || !word) throw new AppError('VALIDATION', `第 ${index + 1} 步不是公示或公告步骤`, { fields: [{ field: 'step', label: '步骤', message: `第 ${index + 1} 步不是公示或公告步骤` }] });
    const passed = passes.get(index);
    const open = p.state === 'running' && p.currentStep === index;
    if (!passed && !open) throw new AppError('CONFLICT', `“${s.name}”尚未办理到，不能生成${word}`);
    return { index, word, passed };
  }

  /**
   * The procedures posted on the same notice: of the same kind, under the office that posts it (the village, the
   * township or the county, as far as the caller's scope reaches), that passed the step with the same notice days (公示)
   * or on the same day (公告) — or, for an open step, that wait at it now.
   */
  async function companions(auth: Auth, p: Procedure, index: number, word: NoticeWord, passed: Procedure['events'][number] | undefined): Promise<Procedure[]> {
    const level = p.definition.steps[index]!.level;
    const officeCode = level === '村' ? p.villageCode : level === '乡' ? `${p.villageCode.slice(0, 9)}000` : `${p.villageCode.slice(0, 6)}000000`;
    const region = inRegion(auth, officeCode) ? officeCode : p.villageCode;
    const key = (e: Procedure['events'][number]) => (word === '公示' ? `${e.noticeFrom}:${e.noticeTo}` : isoDate(new Date(e.at)));
    const out: Procedure[] = [p];
    let seen = 0;
    for await (const batch of procedures.exportList(auth, { region, kind: p.kind })) {
      for (const item of batch) {
        if (item.id === p.id || item.state === 'withdrawn' || seen >= COMPANION_LIMIT) continue;
        if (!passed && (item.state !== 'running' || item.currentStep !== index)) continue;
        if (passed && item.state === 'running' && item.currentStep <= index) continue;
        seen += 1;
        const c = await procedures.get(auth, item.id);
        if (c.definition.steps[index]?.key !== p.definition.steps[index]!.key) continue;
        const cp = standingPasses(c.events).get(index);
        if (passed ? cp && key(cp) === key(passed) : true) out.push(c);
      }
      if (seen >= COMPANION_LIMIT) break;
    }
    return out.sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.id - b.id);
  }

  async function noticeData(auth: Auth, id: number, step: number | undefined): Promise<NoticeDoc> {
    const p = await procedureOf(auth, id);
    const { index, word, passed } = noticeStep(p, step);
    const s = p.definition.steps[index]!;
    const list = await companions(auth, p, index, word, passed);
    const days = s.minDays ?? DEFAULT_NOTICE_DAYS;
    let period: { from: string; to: string; days: number } | null = null;
    let issuedOn: string;
    if (passed) {
      if (passed.noticeFrom && passed.noticeTo) period = { from: passed.noticeFrom, to: passed.noticeTo, days };
      issuedOn = word === '公示' && passed.noticeFrom ? passed.noticeFrom : isoDate(new Date(passed.at));
    } else {
      // The open step: the notice as it would run from the first day it may start on (not before today).
      const from = [p.noticeEarliest ?? today(), today()].sort().at(-1)!;
      if (word === '公示') period = { from, to: noticeLastDay(from, days), days };
      issuedOn = from;
    }
    const households: NoticeHousehold[] = [];
    const villages: NoticeVillage[] = [];
    for (const c of list) {
      const places = placesOf(c);
      if (c.kind === 'village_exit') {
        const v = await registry.village(auth, c.villageCode);
        villages.push({ township: places.township, village: places.village, facts: v.exitCheck.criteria.map((k) => `${k.label}：${k.reason}`).join('；') });
        continue;
      }
      // ID numbers on a notice are always masked, whatever the printing role may see: the sheet is posted in public
      // and the members are named; the practice the seeds record (公示 with 身份证号 partly hidden) is followed, and a
      // role's right to read full numbers on screen is not a right to publish them.
      if (c.householdId) {
        const h = await registry.household(auth, c.householdId);
        const income = h.incomes.find((i) => i.year === c.year);
        households.push(noticeHousehold(places, h, income ? income.result.perCapita : null));
      } else if (c.applicant) {
        households.push(noticeHousehold(places, c.applicant, null));
      }
    }
    return noticeDoc({
      kind: p.kind as ProcedureKind,
      word,
      level: s.level as Level,
      year: p.year ?? yearOf(now()),
      stepName: s.name,
      before: p.definition.steps.slice(0, index).map((b) => ({ name: b.name, word: noticeWordOf(b) })),
      places: placesOf(p),
      period,
      issuedOn,
      households,
      villages,
    });
  }

  async function confirmationData(auth: Auth, id: number): Promise<ConfirmationPrint> {
    const p = await procedureOf(auth, id);
    if (p.kind !== 'exit' || !p.householdId) throw new AppError('NOT_FOUND', '该程序不是贫困户脱贫程序，没有脱贫确认表');
    const h = await registry.household(auth, p.householdId);
    const year = p.year;
    const income = year === null ? undefined : h.incomes.find((i) => i.year === year);
    const line = year === null ? undefined : applicableLine(await registry.lines(), year, h.villageCode);
    const criteria =
      income && line ? householdExit({ ...h, income: income.result, members: h.persons.map((m) => ({ ...m, schooling: m.schooling as never })) }, line.yuan).criteria : [];
    const passes = standingPasses(p.events);
    const helpers = (await deps.helpersOf(auth, h.villageCode)).get(h.id) ?? [];
    const names = placesOf(p);
    return {
      procedureId: p.id,
      year,
      village: [names.county, names.township, names.village].filter(Boolean).join(''),
      household: { number: h.number, attribute: h.attribute, mainCause: h.mainCause, head: h.persons.find((m) => m.relation === '户主')?.name ?? '', size: h.persons.length },
      members: h.persons.map((m) => ({ name: m.name, relation: m.relation, sex: m.sex, idNumber: m.idNumber, health: m.health, labour: m.labour, schooling: m.schooling, medicalInsured: m.medicalInsured })),
      income: income ? income.result : null,
      line: line ? { year: line.year, scope: SCOPE_LABELS[line.scope], yuan: line.yuan } : null,
      criteria: criteria.map((k) => ({ label: k.label, passed: k.passed, reason: k.reason })),
      steps: p.definition.steps.map((s, i) => {
        const e = passes.get(i);
        return { name: s.name, level: s.level, on: e ? isoDate(new Date(e.at)) : null, by: e ? `${e.userName}（${e.userLevel}级）` : '', record: e ? recordText(e) : '' };
      }),
      helpers: helpers.map(helperText),
      certificateNo: p.certificateNo,
      printedOn: today(),
    };
  }

  /**
   * A township's roster: one sheet per village that has households of the kind (for a user whose scope covers the
   * whole township), for one PDF or one workbook.
   */
  async function townshipRosterData(auth: Auth, code: string, kind: RosterKind, year?: number): Promise<{ title: string; sheets: RosterPrint[] }> {
    requirePermission(auth, 'registry.read');
    requireRegion(auth, code, '该乡镇');
    const township = await deps.regions.get(code);
    if (township.level !== 4) throw new AppError('VALIDATION', `“${township.name}”不是乡级行政区划`, { fields: [{ field: 'code', label: '乡镇', message: '应为乡级行政区划代码' }] });
    const sheets: RosterPrint[] = [];
    for (const v of await deps.regions.children(code)) {
      if (v.level !== 5) continue;
      const r = await rosterData(auth, v.code, kind, year);
      if (r.households.length) sheets.push(r);
    }
    const shown = year ?? yearOf(now());
    const title = `${township.name}${kind === 'poor' ? '' : `${shown}年`}${ROSTER_LABELS[kind]}`;
    const fullName = [...township.path.filter((p) => p.code !== code).map((p) => p.name), township.name].join('');
    if (!sheets.length) sheets.push({ kind, title, village: { code, name: township.name, fullName }, year: kind === 'poor' ? null : shown, summary: '共 0 户 0 人', columns: [], households: [], printedOn: today() });
    return { title, sheets };
  }

  return {
    overviewData,
    rosterData,
    noticeData,
    confirmationData,
    async overviewPdf(auth: Auth, code: string): Promise<PrintedFile> {
      const o = await overviewData(auth, code);
      const content = await pdf.render(overviewHtml({ ...o, printedOn: today() }), { paper: 'A3', landscape: true });
      return { fileName: `${villageShortName(o.village.name)}贫困户精准扶贫一览表.pdf`, content };
    },
    async rosterPdf(auth: Auth, code: string, kind: RosterKind, year?: number): Promise<PrintedFile> {
      const r = await rosterData(auth, code, kind, year);
      return { fileName: `${r.title}.pdf`, content: await pdf.render(rosterHtml(r.title, [r]), { paper: 'A4', landscape: true }) };
    },
    /**
     * A township's roster: one sheet per village that has households of the kind (for a user whose scope covers the
     * whole township), in one PDF.
     */
    townshipRosterData,
    async townshipRosterPdf(auth: Auth, code: string, kind: RosterKind, year?: number): Promise<PrintedFile> {
      const { title, sheets } = await townshipRosterData(auth, code, kind, year);
      return { fileName: `${title}.pdf`, content: await pdf.render(rosterHtml(title, sheets), { paper: 'A4', landscape: true }) };
    },
    async confirmationPdf(auth: Auth, id: number): Promise<PrintedFile> {
      const c = await confirmationData(auth, id);
      return { fileName: `脱贫确认表（${c.household.head}）.pdf`, content: await pdf.render(confirmationHtml(c), { paper: 'A4' }) };
    },
    async noticePdf(auth: Auth, id: number, step?: number): Promise<PrintedFile> {
      const n = await noticeData(auth, id, step);
      return { fileName: `${n.title}.pdf`, content: await pdf.render(noticeHtml(n), { paper: 'A4' }) };
    },
    async noticeDocx(auth: Auth, id: number, step?: number): Promise<PrintedFile> {
      const n = await noticeData(auth, id, step);
      return { fileName: `${n.title}.docx`, content: await noticeDocx(n) };
    },
  };
}
export type ListPrintService = ReturnType<typeof makeListPrintService>;
