/**
 * Assessment rounds (考核轮次, issue 5): a round's units and deadlines, the score grid, facts and adjustments, filling from
 * the system, results with their explanations, the .xlsx grid and results, closing. The schemes are scheme-service.ts;
 * answers are the contract's shapes (src/contract/assessment).
 */
import type { AssessorsInput, CreateRoundInput, GridEntryInput, OrgFigures, RegionFigures, Results, Round, RoundSummary, ScoresSaved, UnitSaved } from '../../contract/assessment/rounds';
import { award, AWARD_THRESHOLDS } from '../../domain/assessment/engine';
import { checkEntry } from '../../domain/assessment/entry';
import { UNIT_KIND_LABELS, UNIT_KINDS, type EntryOrigin, type RoundState, type UnitKind } from '../../domain/assessment/labels';
import { evaluateRound, type Entry, type UnitInput } from '../../domain/assessment/round';
import { indicators, SYSTEM_SOURCES, type Scheme } from '../../domain/assessment/scheme';
import { unitsFollowing } from '../../domain/assessment/schemes/consequence';
import { SHIPPED_CONSEQUENCES } from '../../domain/assessment/schemes/index';
import { isRealDate, yearOf } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { can, inRegion, requireInScope, requirePermission, requireRegion } from '../auth/access';
import { buildGridXlsx, buildResultsXlsx, parseGridXlsx } from './excel';
import type { Notifier } from '../notifications/service';
import type { AssessmentRepo, RoundRow, SchemeRow, UnitRow } from './repo';
import { makeSchemeService, schemeOf, schemeView } from './scheme-service';

export type { OrgFigures, RegionFigures } from '../../contract/assessment/rounds';
type FundPoints = Omit<Results['funds'][number], 'unitKey' | 'name' | 'regionCode'>;

export interface AssessmentDeps {
  repo: AssessmentRepo;
  /** Tells the 考核员 a round names (issue 11's notifications), after the transaction. */
  notify?: Notifier;
  transaction: <T>(fn: (repo: AssessmentRepo) => Promise<T>) => Promise<T>;
  now: () => Date;
  /** The ledger's figures of a body for a year (wired to the ledger service), for units of kind org. */
  orgFigures?: (auth: Auth, orgId: number, year: number) => Promise<OrgFigures>;
  /** The registry's and the data-quality checks' figures of a region at the end of a year, for cities and counties. */
  regionFigures?: (auth: Auth, regionCode: string, year: number) => Promise<RegionFigures>;
  /** The 资金支出进度 points (7 + 3 + 2) of a region from the funds data (issue 14), for a scheme with a method `funds`. */
  fundPoints?: (auth: Auth, regionCode: string, year: number) => Promise<FundPoints>;
  /** Refuses (403/404) a body outside the user's scope: a round's units may only name bodies the user holds. */
  requireOrg?: (auth: Auth, orgId: number) => Promise<unknown>;
  /**
   * The users of the caller's scope among `ids` (wired to the users' service), with the permissions of their role
   * (null when unknown): a round's assessors are named from these.
   */
  usersInScope?: (auth: Auth, ids: number[]) => Promise<Array<{ id: number; displayName: string; permissions: readonly string[] | null }>>;
}

/** Seed 002 评优标准 by body: 委组 (委员组), 经促分会, 工商联企业或商会. */
const AWARD_KIND: Record<string, keyof typeof AWARD_THRESHOLDS> = { 委员组: '委组', 经促分会: '经促分会', 工商联: '工商联', 商会: '工商联' };

/** How many missing cells a result lists by name (the count is always exact). */
const MAX_LISTED_MISSING = 20;

type ScoreCell = { unitKey: string; methodKey: string; indicatorKey: string; entry: unknown };
/** Rows hold what the service wrote: states, kinds and origins from the domain's lists. */
const stateOf = (row: RoundRow) => row.state as RoundState;
const kindOf = (row: UnitRow) => row.kind as UnitKind;

export function makeAssessmentService(deps: AssessmentDeps) {
  const { repo, transaction, now } = deps;
  const schemes = makeSchemeService({ repo, now });
  const { loadScheme } = schemes;

  async function loadRound(auth: Auth, id: number): Promise<{ round: RoundRow; schemeRow: SchemeRow; scheme: ReturnType<typeof schemeOf>; units: UnitRow[] }> {
    const round = await repo.round(id);
    // A 考核员 sees only the rounds they are named in (issue 11: 考核员 “scores the units of their round”); another is not there.
    if (!round || (auth.own === 'rounds' && !(await repo.isAssessor(id, auth.userId)))) throw new AppError('NOT_FOUND', `考核轮次不存在（编号 ${id}）`);
    // A round belongs to the body that runs it: administrators of that body and of the bodies above it see it.
    if (auth.own !== 'rounds') requireInScope(auth, round.orgPath, '该考核轮次');
    const schemeRow = await loadScheme(round.schemeId);
    return { round, schemeRow, scheme: schemeOf(schemeRow), units: await repo.units(id) };
  }
  function requireOpen(round: RoundRow) {
    if (round.state !== 'open') throw new AppError('CONFLICT', `“${round.name}”已结束，不能再修改评分`);
  }
  /** Runs a write of an open round: the round's version moves, so a closed or changed round is noticed in the transaction. */
  async function writeOpen(round: RoundRow, version: number | undefined, fn: (tx: AssessmentRepo) => Promise<void>): Promise<void> {
    await transaction(async (tx) => {
      if (!(await tx.touchOpenRound(round.id, version ?? round.version))) {
        const now = await tx.round(round.id);
        if (now && now.state !== 'open') throw new AppError('CONFLICT', `“${round.name}”已结束，不能再修改评分`);
        throw new AppError('STALE_VERSION', '该轮考核已被他人修改，请刷新后重试', { currentVersion: now?.version });
      }
      await fn(tx);
    });
  }

  function unitInputs(scheme: Scheme, units: UnitRow[], scores: ScoreCell[]) {
    const byUnit = new Map<string, UnitInput>(units.map((u) => [u.unitKey, { unit: u.unitKey, entries: {}, facts: u.facts, adjustments: u.adjustments }]));
    for (const s of scores) {
      const u = byUnit.get(s.unitKey);
      if (!u) continue;
      (u.entries[s.methodKey] ??= {})[s.indicatorKey] = s.entry as Entry;
    }
    const missing: string[] = [];
    let missingCount = 0;
    for (const u of units)
      for (const m of scheme.methods)
        for (const i of indicators(scheme))
          if (!byUnit.get(u.unitKey)!.entries[m.key]?.[i.key]) {
            missingCount++;
            if (missing.length < MAX_LISTED_MISSING) missing.push(`${u.name}“${i.name}”（${m.label}）`);
          }
    return { inputs: [...byUnit.values()], missing, missingCount };
  }

  function compute(scheme: ReturnType<typeof schemeOf>, units: UnitRow[], scores: ScoreCell[]): Omit<Results, 'roundId' | 'name' | 'year' | 'state' | 'scale' | 'gradeDescriptions' | 'system' | 'awards' | 'regions' | 'funds'> {
    const { inputs, missing, missingCount } = unitInputs(scheme, units, scores);
    const distribution = scheme.scale.map((grade) => ({ grade, count: 0 }));
    if (missingCount > 0 || units.length === 0) return { complete: false, missingCount, missing, units: [], consequences: [], vetoes: [], distribution };
    const names = new Map(units.map((u) => [u.unitKey, u]));
    const results = evaluateRound(scheme, inputs).map((r) => ({ ...r, unitKey: r.unit, name: names.get(r.unit)!.name, kind: kindOf(names.get(r.unit)!) }));
    for (const r of results) distribution.find((d) => d.grade === r.grade)!.count++;
    const vetoIds = new Set(scheme.rules.filter((r) => r.kind === 'veto').map((r) => r.id));
    const consequences = (scheme.consequences ?? SHIPPED_CONSEQUENCES[scheme.id] ?? []).map((c) => ({
      ...c,
      units: unitsFollowing(c, [...results].sort((a, b) => a.rank - b.rank).map((r) => ({ unit: r.name, grade: r.grade }))),
    }));
    const vetoes = results.flatMap((r) => r.steps.filter((s) => vetoIds.has(s.rule)).map((s) => ({ unit: r.name, rule: s.text, input: s.input })));
    return { complete: true, missingCount: 0, missing: [], units: results.map(({ unit: _unit, ...r }) => r), consequences, vetoes, distribution };
  }

  return {
    ...schemes,

    // --- rounds --------------------------------------------------------------------------------------------------------
    async listRounds(auth: Auth): Promise<RoundSummary[]> {
      requirePermission(auth, 'assessment.read');
      return (await repo.listRounds(auth.orgPath, auth.own === 'rounds' ? auth.userId : null)).map((r) => ({ ...r, state: r.state as RoundState, at: new Date(r.at).toISOString() }));
    },
    /**
     * Scores due in the caller's rounds (issue 11's to-do “scores due in my rounds”): the unit × method × indicator cells
     * still empty in the open rounds the caller sees — for a 考核员 the rounds naming them. One list query, then the
     * units and scores of each open round (rounds are few).
     */
    async scoresDue(auth: Auth): Promise<{ count: number; rounds: number }> {
      requirePermission(auth, 'assessment.score');
      const open = (await repo.listRounds(auth.orgPath, auth.own === 'rounds' ? auth.userId : null)).filter((r) => r.state === 'open');
      let count = 0;
      for (const r of open) {
        const { scheme, units } = await loadRound(auth, r.id);
        count += unitInputs(scheme, units, await repo.scores(r.id)).missingCount;
      }
      return { count, rounds: open.length };
    },
    async createRound(auth: Auth, input: CreateRoundInput): Promise<Round> {
      requirePermission(auth, 'assessment.manage');
      const schemeRow = await loadScheme(input.schemeId);
      const scheme = schemeOf(schemeRow);
      const fields: FieldError[] = [];
      if (!input.name.trim()) fields.push({ field: 'name', label: '轮次名称', message: '必填' });
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > yearOf(now()) + 1) fields.push({ field: 'year', label: '考核年度', message: `应在 2000 至 ${yearOf(now()) + 1} 年之间` });
      if (input.units.length === 0) fields.push({ field: 'units', label: '考核对象', message: '至少应有 1 个' });
      const keys = new Set<string>();
      input.units.forEach((u, i) => {
        const label = `第 ${i + 1} 个考核对象${u.name?.trim() ? `“${u.name.trim()}”` : ''}`;
        if (!/^[A-Za-z0-9_-]{1,40}$/.test(u.unitKey)) fields.push({ field: `units.${i}.unitKey`, label, message: '代码应为 1–40 位字母、数字、下划线或连字符' });
        else if (keys.has(u.unitKey)) fields.push({ field: `units.${i}.unitKey`, label, message: `代码 ${u.unitKey} 重复` });
        keys.add(u.unitKey);
        if (!u.name?.trim() || u.name.trim().length > 100) fields.push({ field: `units.${i}.name`, label, message: '名称必填，不超过 100 字' });
        if (!(UNIT_KINDS as readonly string[]).includes(u.kind)) fields.push({ field: `units.${i}.kind`, label, message: `类别应为${UNIT_KINDS.map((k) => `${k}（${UNIT_KIND_LABELS[k]}）`).join('、')}之一` });
        if ((u.ref ?? '').length > 40) fields.push({ field: `units.${i}.ref`, label, message: '系统对应编码不超过 40 位' });
      });
      const d = input.deadlines ?? {};
      if (d.selfEvaluation !== undefined && !isRealDate(d.selfEvaluation)) fields.push({ field: 'deadlines.selfEvaluation', label: '自评截止日期', message: '应为日期（YYYY-MM-DD）' });
      for (const [k, v] of Object.entries(d.methods ?? {})) {
        const m = scheme.methods.find((x) => x.key === k);
        if (!m) fields.push({ field: `deadlines.methods.${k}`, label: '考核方式截止日期', message: `方案中没有考核方式 ${k}` });
        else if (!isRealDate(v)) fields.push({ field: `deadlines.methods.${k}`, label: `${m.label}截止日期`, message: '应为日期（YYYY-MM-DD）' });
      }
      if (fields.length) throw validationError(fields);
      // The scope of what a round names is checked against its creator's, like every new record's.
      for (const u of input.units) {
        const ref = u.ref ?? '';
        if ((u.kind === 'city' || u.kind === 'county') && ref) requireRegion(auth, ref, `考核对象“${u.name.trim()}”的地区`);
        if (u.kind === 'org' && /^\d+$/.test(ref)) await deps.requireOrg?.(auth, Number(ref));
      }
      const id = await transaction(async (tx) => {
        const round = await tx.insertRound({ schemeId: schemeRow.id, name: input.name.trim().slice(0, 200), year: input.year, state: 'open', deadlines: { ...(d.selfEvaluation ? { selfEvaluation: d.selfEvaluation } : {}), methods: d.methods ?? {} }, orgPath: auth.orgPath, userId: auth.userId });
        await tx.insertUnits(input.units.map((u) => ({ roundId: round.id, unitKey: u.unitKey, name: u.name.trim(), kind: u.kind, ref: u.ref ?? '' })));
        return round.id;
      });
      return this.getRound(auth, id);
    },
    /** A round with its scheme, units (facts, adjustments) and the grid's entries. */
    async getRound(auth: Auth, id: number): Promise<Round> {
      requirePermission(auth, 'assessment.read');
      const { round, schemeRow, scheme, units } = await loadRound(auth, id);
      const scores = await repo.scores(id);
      const { missingCount } = unitInputs(scheme, units, scores);
      return {
        id: round.id,
        schemeId: round.schemeId,
        name: round.name,
        year: round.year,
        state: stateOf(round),
        deadlines: round.deadlines as Round['deadlines'],
        version: round.version,
        at: new Date(round.at).toISOString(),
        scheme: schemeView(schemeRow),
        units: units.map((u) => ({ unitKey: u.unitKey, name: u.name, kind: kindOf(u), ref: u.ref, facts: u.facts, adjustments: u.adjustments })),
        scores: scores.map((s) => ({ unitKey: s.unitKey, methodKey: s.methodKey, indicatorKey: s.indicatorKey, entry: s.entry as Entry, origin: s.origin as EntryOrigin })),
        missingCount,
        assessors: await repo.assessors(id),
      };
    },
    /**
     * Names a round's 考核员 (the whole list): users of the manager's scope whose role may score (assessment.score).
     * An unknown user, or one outside the scope, is refused by its position alone (nothing of another scope told).
     */
    async setAssessors(auth: Auth, id: number, input: AssessorsInput): Promise<Round> {
      requirePermission(auth, 'assessment.manage');
      const { round } = await loadRound(auth, id);
      const ids = [...new Set(input.userIds)];
      const found = new Map((await (deps.usersInScope?.(auth, ids) ?? Promise.resolve([]))).map((u) => [u.id, u]));
      const fields: FieldError[] = [];
      input.userIds.forEach((userId, n) => {
        const u = found.get(userId);
        if (!u) fields.push({ field: `userIds.${n}`, label: '考核员', message: `用户（编号 ${userId}）不存在或不在您的管辖范围内` });
        else if (!u.permissions?.includes('assessment.score')) fields.push({ field: `userIds.${n}`, label: `考核员“${u.displayName}”`, message: '该用户的角色没有“录入评分”权限' });
      });
      if (fields.length) throw validationError(fields);
      const named = await transaction(async (tx) => {
        if (!(await tx.updateRound(id, round.version, {}))) throw new AppError('STALE_VERSION', '该轮考核已被他人修改，请刷新后重试');
        const before = new Set((await tx.assessors(id)).map((a) => a.userId));
        await tx.setAssessors(id, ids);
        return ids.filter((u) => !before.has(u));
      });
      // The newly named 考核员 are told (issue 11: “scores due in my rounds”).
      await deps.notify?.users(named, { kind: 'assessor', title: `您被指定为“${round.name}”的考核员`, link: `/assessment/rounds/${id}`, from: auth.userId });
      return this.getRound(auth, id);
    },
    /**
     * Saves a batch of grid entries: every entry is checked against the scheme first (unit, method, indicator, and the
     * value for the indicator's scoring); one bad entry refuses the batch and nothing is written.
     */
    async saveScores(auth: Auth, id: number, input: { entries: GridEntryInput[]; version?: number }, origin: EntryOrigin = 'manual'): Promise<ScoresSaved> {
      requirePermission(auth, 'assessment.score');
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const unitByKey = new Map(units.map((u) => [u.unitKey, u]));
      const all = new Map(indicators(scheme).map((i) => [i.key, i]));
      const fields: FieldError[] = [];
      const rows: Array<{ roundId: number; unitKey: string; methodKey: string; indicatorKey: string; entry: Record<string, unknown>; origin: string; userId: number; at: Date }> = [];
      const clear: GridEntryInput[] = [];
      input.entries.forEach((e, n) => {
        const u = unitByKey.get(e.unitKey);
        const m = scheme.methods.find((x) => x.key === e.methodKey);
        const i = all.get(e.indicatorKey);
        if (!u) return fields.push({ field: `entries.${n}.unitKey`, label: '考核对象', message: `本轮没有考核对象“${e.unitKey}”` });
        if (!m) return fields.push({ field: `entries.${n}.methodKey`, label: `${u.name}的考核方式`, message: `方案中没有考核方式“${e.methodKey}”` });
        if (!i) return fields.push({ field: `entries.${n}.indicatorKey`, label: `${u.name}的考核指标`, message: `方案中没有考核指标“${e.indicatorKey}”` });
        if (e.entry === null || e.entry === undefined) return clear.push(e);
        const c = checkEntry(scheme, i, e.entry);
        if (!c.ok) return fields.push({ field: `entries.${n}.entry`, label: `${u.name}“${i.name}”（${m.label}）`, message: c.message });
        rows.push({ roundId: id, unitKey: u.unitKey, methodKey: m.key, indicatorKey: i.key, entry: c.entry as Record<string, unknown>, origin, userId: auth.userId, at: now() });
      });
      if (fields.length) throw validationError(fields);
      await writeOpen(round, input.version, async (tx) => {
        await tx.upsertScores(rows);
        for (const e of clear) await tx.deleteScore({ roundId: id, unitKey: e.unitKey, methodKey: e.methodKey, indicatorKey: e.indicatorKey });
      });
      return { saved: rows.length, cleared: clear.length, version: round.version + 1 };
    },
    /** A unit's yes/no facts (完成全国和省目标要求, 一票否决事项 …) and points of adjustments (加分、扣分). */
    async saveUnit(auth: Auth, id: number, unitKey: string, input: { facts?: Record<string, unknown>; adjustments?: Record<string, unknown>; version?: number }): Promise<UnitSaved> {
      requirePermission(auth, 'assessment.score');
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const unit = units.find((u) => u.unitKey === unitKey);
      if (!unit) throw new AppError('NOT_FOUND', `本轮没有考核对象“${unitKey}”`);
      const fields: FieldError[] = [];
      const facts: Record<string, boolean> = { ...unit.facts };
      for (const [k, v] of Object.entries(input.facts ?? {})) {
        if (!scheme.facts.some((f) => f.key === k)) fields.push({ field: `facts.${k}`, label: `${unit.name}的认定事项`, message: `方案中没有事项“${k}”` });
        else if (typeof v !== 'boolean') fields.push({ field: `facts.${k}`, label: `${unit.name}“${k}”`, message: '应为是或否' });
        else facts[k] = v;
      }
      const adjustments: Record<string, number> = { ...unit.adjustments };
      for (const [k, v] of Object.entries(input.adjustments ?? {})) {
        const a = scheme.adjustments.find((x) => x.key === k);
        if (!a) fields.push({ field: `adjustments.${k}`, label: `${unit.name}的加减分`, message: `方案中没有加减分项“${k}”` });
        else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > a.max) fields.push({ field: `adjustments.${k}`, label: `${unit.name}“${a.label}”`, message: `应为 0 至 ${a.max} 分` });
        else adjustments[k] = v;
      }
      if (fields.length) throw validationError(fields);
      await writeOpen(round, input.version, (tx) => tx.updateUnit(id, unitKey, { facts, adjustments }));
      return { unitKey, facts, adjustments, version: round.version + 1 };
    },
    /**
     * Fills the grid from the system for the indicators mapped to a system source (every method): ledger figures for
     * bodies (kind org, ref = body id), registry and data-quality figures for cities and counties (ref = region code).
     */
    async fillFromSystem(auth: Auth, id: number): Promise<ScoresSaved> {
      requirePermission(auth, 'assessment.manage');
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const mapped = indicators(scheme).filter((i) => i.system);
      if (!mapped.length) throw new AppError('CONFLICT', '本方案没有取系统数据的指标（可在方案副本中为按中位法评价的指标指定系统数据来源）');
      const fields: FieldError[] = [];
      const entries: GridEntryInput[] = [];
      for (const u of units) {
        const org = u.kind === 'org' && /^\d+$/.test(u.ref) && deps.orgFigures ? await deps.orgFigures(auth, Number(u.ref), round.year) : null;
        const region = (u.kind === 'city' || u.kind === 'county') && /^\d{12}$/.test(u.ref) && deps.regionFigures ? await deps.regionFigures(auth, u.ref, round.year) : null;
        for (const i of mapped) {
          const src = i.system!;
          const value =
            src === 'ledger.funds' && org ? org.fundsYuan / 10_000
            : src === 'ledger.participation' && org ? Math.round(org.participation.rate * 10_000) / 100
            : src === 'registry.exitedPersons' && region ? region.exitedPersons
            : src === 'registry.incidence' && region ? (region.incidence === null ? null : Math.round(region.incidence * 1_000_000) / 10_000)
            : src === 'quality.findings' && region ? region.qualityFindings
            : undefined;
          if (value === undefined || value === null) {
            fields.push({ field: `units.${u.unitKey}`, label: u.name, message: `没有“${SYSTEM_SOURCES[src]}”（${value === null ? '系统中缺少该数据' : '考核对象未关联相应的单位或地区'}），请手工录入“${i.name}”` });
            continue;
          }
          for (const m of scheme.methods) entries.push({ unitKey: u.unitKey, methodKey: m.key, indicatorKey: i.key, entry: { value } });
        }
      }
      if (fields.length) throw validationError(fields);
      return this.saveScores(auth, id, { entries }, 'system');
    },
    /** The results of the round (evaluateRound), the lists that follow from them, and the grade distribution. */
    async results(auth: Auth, id: number): Promise<Results> {
      requirePermission(auth, 'assessment.read');
      const { round, scheme, units } = await loadRound(auth, id);
      const r = compute(scheme, units, await repo.scores(id));
      // From the system: each CPPCC body's ledger figures for the round's year, and the awards they reach (seed 002).
      const system: Array<OrgFigures & { unitKey: string; name: string }> = [];
      const awards: Array<{ unitKey: string; name: string; kind: string; yuan: number; awarded: boolean; reason: string }> = [];
      // The system's figures are shown to those who may read them there (not to a 考核员, who sees the round alone).
      if (deps.orgFigures && can(auth, 'ledger.read'))
        for (const u of units.filter((x) => x.kind === 'org' && /^\d+$/.test(x.ref))) {
          const f = await deps.orgFigures(auth, Number(u.ref), round.year);
          system.push({ unitKey: u.unitKey, name: u.name, ...f });
          const kind = AWARD_KIND[f.orgKind];
          if (kind) awards.push({ unitKey: u.unitKey, name: u.name, kind, yuan: f.fundsYuan, ...award(kind, f.fundsYuan) });
        }
      const regions: Array<RegionFigures & { unitKey: string; name: string; regionCode: string }> = [];
      if (deps.regionFigures && can(auth, 'registry.read'))
        for (const u of units.filter((x) => (x.kind === 'city' || x.kind === 'county') && /^\d{12}$/.test(x.ref)))
          regions.push({ unitKey: u.unitKey, name: u.name, regionCode: u.ref, ...(await deps.regionFigures(auth, u.ref, round.year)) });
      // 扶贫资金绩效考评 (issue 14): each region unit's 资金支出进度 points from the funds data, beside the result typed in.
      const funds: Results['funds'] = [];
      if (deps.fundPoints && can(auth, 'funds.read') && scheme.methods.some((m) => m.key === 'funds'))
        for (const u of units.filter((x) => x.kind !== 'org' && x.kind !== 'member' && /^\d{12}$/.test(x.ref) && inRegion(auth, x.ref)))
          funds.push({ unitKey: u.unitKey, name: u.name, regionCode: u.ref, ...(await deps.fundPoints(auth, u.ref, round.year)) });
      return { roundId: round.id, name: round.name, year: round.year, state: stateOf(round), scale: scheme.scale, gradeDescriptions: scheme.gradeDescriptions ?? {}, ...r, system, awards, regions, funds };
    },
    /** The grid as .xlsx: one sheet per method, a row per unit, a column per indicator. */
    async gridXlsx(auth: Auth, id: number) {
      requirePermission(auth, 'assessment.read');
      const { round, scheme, units } = await loadRound(auth, id);
      return { fileName: `${round.name}评分表.xlsx`, buffer: await buildGridXlsx(round.name, scheme, units, await repo.scores(id)) };
    },
    /** Reads a filled grid: every cell checked (sheet, row and column in each error); one error and nothing is written. */
    async importGrid(auth: Auth, id: number, buffer: Buffer): Promise<ScoresSaved> {
      requirePermission(auth, 'assessment.score');
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const parsed = await parseGridXlsx(buffer, scheme, units);
      if (parsed.errors.length) throw validationError(parsed.errors);
      return this.saveScores(auth, id, { entries: parsed.entries }, 'import');
    },
    /** The results as .xlsx: the summary, and each unit in the seed's indicator-table layout. */
    async resultsXlsx(auth: Auth, id: number) {
      requirePermission(auth, 'assessment.read');
      const { round, scheme, units } = await loadRound(auth, id);
      const r = compute(scheme, units, await repo.scores(id));
      if (!r.complete) throw new AppError('CONFLICT', `评分尚未录入完整（缺 ${r.missingCount} 项），不能导出结果`);
      return { fileName: `${round.name}考核结果.xlsx`, buffer: await buildResultsXlsx(round.name, scheme, r.units) };
    },
    /** Closes a complete round: its scores cannot change any more and its scheme is locked. */
    async closeRound(auth: Auth, id: number, input: { version: number }): Promise<Round> {
      requirePermission(auth, 'assessment.manage');
      const { round, schemeRow, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      if (round.version !== input.version) throw new AppError('STALE_VERSION', '该轮考核已被他人修改，请刷新后重试', { currentVersion: round.version });
      const r = compute(scheme, units, await repo.scores(id));
      if (!r.complete) throw new AppError('CONFLICT', `评分尚未录入完整（缺 ${r.missingCount} 项，如 ${r.missing.slice(0, 3).join('、')}），不能结束本轮考核`, { missing: r.missing, missingCount: r.missingCount });
      await transaction(async (tx) => {
        if (!(await tx.updateRound(id, input.version, { state: 'closed' }))) throw new AppError('STALE_VERSION', '该轮考核已被他人修改，请刷新后重试');
        await tx.lockScheme(schemeRow.id);
      });
      return this.getRound(auth, id);
    },
  };
}
export type AssessmentService = ReturnType<typeof makeAssessmentService>;
