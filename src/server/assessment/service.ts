import { award, AWARD_THRESHOLDS } from '../../domain/assessment/engine';
import { checkEntry } from '../../domain/assessment/entry';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../domain/assessment/labels';
import { evaluateRound, type Entry, type UnitInput } from '../../domain/assessment/round';
import { indicators, schemeProblems, SYSTEM_SOURCES, type Scheme } from '../../domain/assessment/scheme';
import { unitsFollowing, type Consequence } from '../../domain/assessment/schemes/consequence';
import { SHIPPED_CONSEQUENCES, SHIPPED_SCHEMES } from '../../domain/assessment/schemes/index';
import { isRealDate, yearOf } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requireInScope, requireRegion, requireRole } from '../auth/access';
import { buildGridXlsx, buildResultsXlsx, parseGridXlsx } from './excel';
import type { AssessmentRepo, RoundRow, SchemeRow, UnitRow } from './repo';

/** What the system holds about an assessed CPPCC body for a year (the ledger): funds and goods raised, participation. */
export interface OrgFigures {
  orgKind: string;
  fundsYuan: number;
  entries: number;
  participation: { members: number; active: number; rate: number };
}

export interface AssessmentDeps {
  repo: AssessmentRepo;
  transaction: <T>(fn: (repo: AssessmentRepo) => Promise<T>) => Promise<T>;
  now: () => Date;
  /** The ledger's figures of a body for a year (wired to the ledger service), for units of kind org. */
  orgFigures?: (auth: Auth, orgId: number, year: number) => Promise<OrgFigures>;
  /** The registry's and the data-quality checks' figures of a region at the end of a year, for cities and counties. */
  regionFigures?: (auth: Auth, regionCode: string, year: number) => Promise<RegionFigures>;
  /** Refuses (403/404) a body outside the user's scope: a round's units may only name bodies the user holds. */
  requireOrg?: (auth: Auth, orgId: number) => Promise<unknown>;
}

/** 减贫成效 and 日常工作 from the system: exits of the year, poverty incidence at its end, data-quality findings. */
export interface RegionFigures {
  exitedHouseholds: number;
  exitedPersons: number;
  poorPersons: number;
  incidence: number | null;
  qualityFindings: number | null;
}

/** Seed 002 评优标准 by body: 委组 (委员组), 经促分会, 工商联企业或商会. */
const AWARD_KIND: Record<string, keyof typeof AWARD_THRESHOLDS> = { 委员组: '委组', 经促分会: '经促分会', 工商联: '工商联', 商会: '工商联' };

/** A scheme as stored: the Scheme itself and what follows from a grade (the shipped ones keep it beside the scheme). */
export type StoredScheme = Scheme & { consequences?: Consequence[] };

export interface RoundUnitInput {
  unitKey: string;
  name: string;
  kind: string;
  ref?: string;
}
export interface CreateRoundInput {
  schemeId: number;
  name: string;
  year: number;
  units: RoundUnitInput[];
  deadlines?: { selfEvaluation?: string; methods?: Record<string, string> };
}
export interface GridEntry {
  unitKey: string;
  methodKey: string;
  indicatorKey: string;
  /** null clears the cell. */
  entry: unknown;
}

/** How many missing cells a result lists by name (the count is always exact). */
const MAX_LISTED_MISSING = 20;

function schemeOf(row: SchemeRow): StoredScheme {
  return { ...(row.data as unknown as StoredScheme), id: row.code };
}

function schemeView(row: SchemeRow) {
  const scheme = schemeOf(row);
  const { consequences, ...rest } = scheme;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    year: row.year,
    unitKind: row.unitKind,
    shipped: row.shipped,
    locked: row.locked,
    version: row.version,
    at: new Date(row.at).toISOString(),
    scheme: rest as Scheme,
    consequences: consequences ?? SHIPPED_CONSEQUENCES[row.code] ?? [],
  };
}

export function makeAssessmentService(deps: AssessmentDeps) {
  const { repo, transaction, now } = deps;
  const ROLES = ['sysadmin', 'org_admin'] as const;

  async function loadScheme(id: number): Promise<SchemeRow> {
    const row = await repo.scheme(id);
    if (!row) throw new AppError('NOT_FOUND', `考核方案不存在（编号 ${id}）`);
    return row;
  }
  async function loadRound(auth: Auth, id: number): Promise<{ round: RoundRow; schemeRow: SchemeRow; scheme: StoredScheme; units: UnitRow[] }> {
    const round = await repo.round(id);
    if (!round) throw new AppError('NOT_FOUND', `考核轮次不存在（编号 ${id}）`);
    // A round belongs to the body that runs it: administrators of that body and of the bodies above it see it.
    requireInScope(auth, round.orgPath, '该考核轮次');
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

  function unitInputs(scheme: Scheme, units: UnitRow[], scores: Array<{ unitKey: string; methodKey: string; indicatorKey: string; entry: unknown }>) {
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

  function compute(scheme: StoredScheme, units: UnitRow[], scores: Array<{ unitKey: string; methodKey: string; indicatorKey: string; entry: unknown }>) {
    const { inputs, missing, missingCount } = unitInputs(scheme, units, scores);
    const distribution = scheme.scale.map((grade) => ({ grade, count: 0 }));
    if (missingCount > 0 || units.length === 0) return { complete: false, missingCount, missing, units: [], consequences: [], vetoes: [], distribution };
    const names = new Map(units.map((u) => [u.unitKey, u]));
    const results = evaluateRound(scheme, inputs).map((r) => ({ ...r, unitKey: r.unit, name: names.get(r.unit)!.name, kind: names.get(r.unit)!.kind }));
    for (const r of results) distribution.find((d) => d.grade === r.grade)!.count++;
    const vetoIds = new Set(scheme.rules.filter((r) => r.kind === 'veto').map((r) => r.id));
    const consequences = (scheme.consequences ?? SHIPPED_CONSEQUENCES[scheme.id] ?? []).map((c) => ({
      ...c,
      units: unitsFollowing(c, [...results].sort((a, b) => a.rank - b.rank).map((r) => ({ unit: r.name, grade: r.grade }))),
    }));
    const vetoes = results.flatMap((r) => r.steps.filter((s) => vetoIds.has(s.rule)).map((s) => ({ unit: r.name, rule: s.text, input: s.input })));
    return { complete: true, missingCount: 0, missing: [], units: results.map(({ unit: _unit, ...r }) => r), consequences, vetoes, distribution };
  }

  function checkScheme(input: StoredScheme): FieldError[] {
    const out: FieldError[] = schemeProblems(input).map((message) => ({ field: 'scheme', label: '考核方案', message }));
    if (!input.name.trim()) out.push({ field: 'scheme.name', label: '方案名称', message: '必填' });
    const methodKeys = new Set<string>();
    for (const m of input.methods) {
      if (methodKeys.has(m.key)) out.push({ field: 'scheme.methods', label: '考核方式', message: `代码 ${m.key} 重复` });
      methodKeys.add(m.key);
    }
    for (let i = 1; i < input.gradeThresholds.length; i++)
      if (input.gradeThresholds[i]! >= input.gradeThresholds[i - 1]!) out.push({ field: 'scheme.gradeThresholds', label: '等次分数线', message: '应从高到低排列' });
    for (const c of input.consequences ?? []) for (const g of c.grades) if (!input.scale.includes(g)) out.push({ field: 'scheme.consequences', label: `“${c.action}”`, message: `等次“${g}”不在等次表中` });
    return out;
  }

  return {
    /** Stores the shipped schemes (at every start; those present are left as they are). */
    async ensureShippedSchemes(): Promise<number> {
      let added = 0;
      for (const s of SHIPPED_SCHEMES) {
        const data: StoredScheme = { ...structuredClone(s), consequences: structuredClone(SHIPPED_CONSEQUENCES[s.id] ?? []) };
        const row = await repo.insertScheme({ code: s.id, name: s.name, year: s.year, unitKind: s.unitKind, data: data as unknown as Record<string, unknown>, shipped: true }, true);
        if (row) added++;
      }
      return added;
    },

    async listSchemes(auth: Auth) {
      requireRole(auth, ...ROLES);
      return (await repo.listSchemes()).map((row) => {
        const s = schemeOf(row);
        return {
          id: row.id,
          code: row.code,
          name: row.name,
          year: row.year,
          unitKind: row.unitKind,
          shipped: row.shipped,
          locked: row.locked,
          version: row.version,
          indicators: indicators(s).length,
          methods: s.methods.map((m) => `${m.label} ${m.weight}%`).join('、'),
        };
      });
    },
    async getScheme(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      return schemeView(await loadScheme(id));
    },
    /** A copy to edit (system administrators): the whole scheme, deep, under a new code. */
    async copyScheme(auth: Auth, id: number, input: { code?: string; name?: string }) {
      requireRole(auth, 'sysadmin');
      const src = await loadScheme(id);
      let code = input.code?.trim();
      if (code !== undefined && code !== '') {
        if (!/^[a-z0-9][a-z0-9-]{1,59}$/.test(code)) throw validationError([{ field: 'code', label: '方案代码', message: '应为 2–60 位小写字母、数字或连字符' }]);
        if (await repo.schemeByCode(code)) throw new AppError('DUPLICATE', `方案代码 ${code} 已被使用`, { fields: [{ field: 'code', label: '方案代码', message: '已被使用' }] });
      } else {
        const base = src.code.slice(0, 50);
        let n = 1;
        while (await repo.schemeByCode(`${base}-copy-${n}`)) n++;
        code = `${base}-copy-${n}`;
      }
      const data = structuredClone(schemeOf(src));
      data.id = code;
      data.name = input.name?.trim() || `${src.name}（副本）`;
      data.consequences = data.consequences ?? structuredClone(SHIPPED_CONSEQUENCES[src.code] ?? []);
      const row = await repo.insertScheme({ code, name: data.name.slice(0, 200), year: data.year, unitKind: data.unitKind.slice(0, 20), data: data as unknown as Record<string, unknown>, shipped: false, userId: auth.userId });
      return schemeView(row!);
    },
    /** Saves an edited copy: refused for a shipped scheme or one a closed round used; checked with `schemeProblems`. */
    async updateScheme(auth: Auth, id: number, input: { scheme: StoredScheme; version: number }) {
      requireRole(auth, 'sysadmin');
      const row = await loadScheme(id);
      if (row.shipped) throw new AppError('CONFLICT', `“${row.name}”是系统内置方案，不能修改；请先复制再修改副本`);
      if (row.locked) throw new AppError('CONFLICT', `“${row.name}”已被已结束的考核轮次使用，不能再修改；可复制后修改副本`);
      if (row.version !== input.version) throw new AppError('STALE_VERSION', '该方案已被他人修改，请刷新后重试', { currentVersion: row.version });
      const data: StoredScheme = { ...structuredClone(input.scheme), id: row.code };
      const fields = checkScheme(data);
      if (fields.length) throw validationError(fields);
      const ok = await repo.updateScheme(id, input.version, { name: data.name.slice(0, 200), year: data.year, unitKind: data.unitKind.slice(0, 20), data: data as unknown as Record<string, unknown>, userId: auth.userId, at: now() });
      if (!ok) throw new AppError('STALE_VERSION', '该方案已被他人修改或已锁定，请刷新后重试');
      return schemeView((await repo.scheme(id))!);
    },

    // --- rounds --------------------------------------------------------------------------------------------------------
    async listRounds(auth: Auth) {
      requireRole(auth, ...ROLES);
      return (await repo.listRounds(auth.orgPath)).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    },
    async createRound(auth: Auth, input: CreateRoundInput) {
      requireRole(auth, ...ROLES);
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
    async getRound(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      const { round, schemeRow, scheme, units } = await loadRound(auth, id);
      const scores = await repo.scores(id);
      const { missingCount } = unitInputs(scheme, units, scores);
      return {
        ...round,
        at: new Date(round.at).toISOString(),
        scheme: schemeView(schemeRow),
        units: units.map((u) => ({ unitKey: u.unitKey, name: u.name, kind: u.kind, ref: u.ref, facts: u.facts, adjustments: u.adjustments })),
        scores: scores.map((s) => ({ unitKey: s.unitKey, methodKey: s.methodKey, indicatorKey: s.indicatorKey, entry: s.entry, origin: s.origin })),
        missingCount,
      };
    },
    /**
     * Saves a batch of grid entries: every entry is checked against the scheme first (unit, method, indicator, and the
     * value for the indicator's scoring); one bad entry refuses the batch and nothing is written.
     */
    async saveScores(auth: Auth, id: number, input: { entries: GridEntry[]; version?: number }, origin: 'manual' | 'import' | 'system' = 'manual') {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const unitByKey = new Map(units.map((u) => [u.unitKey, u]));
      const all = new Map(indicators(scheme).map((i) => [i.key, i]));
      const fields: FieldError[] = [];
      const rows: Array<{ roundId: number; unitKey: string; methodKey: string; indicatorKey: string; entry: Record<string, unknown>; origin: string; userId: number; at: Date }> = [];
      const clear: GridEntry[] = [];
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
    async saveUnit(auth: Auth, id: number, unitKey: string, input: { facts?: Record<string, boolean>; adjustments?: Record<string, number>; version?: number }) {
      requireRole(auth, ...ROLES);
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
    async fillFromSystem(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const mapped = indicators(scheme).filter((i) => i.system);
      if (!mapped.length) throw new AppError('CONFLICT', '本方案没有取系统数据的指标（可在方案副本中为按中位法评价的指标指定系统数据来源）');
      const fields: FieldError[] = [];
      const entries: GridEntry[] = [];
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
    async results(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      const r = compute(scheme, units, await repo.scores(id));
      // From the system: each CPPCC body's ledger figures for the round's year, and the awards they reach (seed 002).
      const system: Array<OrgFigures & { unitKey: string; name: string }> = [];
      const awards: Array<{ unitKey: string; name: string; kind: string; yuan: number; awarded: boolean; reason: string }> = [];
      if (deps.orgFigures)
        for (const u of units.filter((x) => x.kind === 'org' && /^\d+$/.test(x.ref))) {
          const f = await deps.orgFigures(auth, Number(u.ref), round.year);
          system.push({ unitKey: u.unitKey, name: u.name, ...f });
          const kind = AWARD_KIND[f.orgKind];
          if (kind) awards.push({ unitKey: u.unitKey, name: u.name, kind, yuan: f.fundsYuan, ...award(kind, f.fundsYuan) });
        }
      const regions: Array<RegionFigures & { unitKey: string; name: string; regionCode: string }> = [];
      if (deps.regionFigures)
        for (const u of units.filter((x) => (x.kind === 'city' || x.kind === 'county') && /^\d{12}$/.test(x.ref)))
          regions.push({ unitKey: u.unitKey, name: u.name, regionCode: u.ref, ...(await deps.regionFigures(auth, u.ref, round.year)) });
      return { roundId: round.id, name: round.name, year: round.year, state: round.state, scale: scheme.scale, gradeDescriptions: scheme.gradeDescriptions ?? {}, ...r, system, awards, regions };
    },
    /** The grid as .xlsx: one sheet per method, a row per unit, a column per indicator. */
    async gridXlsx(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      return { fileName: `${round.name}评分表.xlsx`, buffer: await buildGridXlsx(round.name, scheme, units, await repo.scores(id)) };
    },
    /** Reads a filled grid: every cell checked (sheet, row and column in each error); one error and nothing is written. */
    async importGrid(auth: Auth, id: number, buffer: Buffer) {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      requireOpen(round);
      const parsed = await parseGridXlsx(buffer, scheme, units);
      if (parsed.errors.length) throw validationError(parsed.errors);
      return this.saveScores(auth, id, { entries: parsed.entries }, 'import');
    },
    /** The results as .xlsx: the summary, and each unit in the seed's indicator-table layout. */
    async resultsXlsx(auth: Auth, id: number) {
      requireRole(auth, ...ROLES);
      const { round, scheme, units } = await loadRound(auth, id);
      const r = compute(scheme, units, await repo.scores(id));
      if (!r.complete) throw new AppError('CONFLICT', `评分尚未录入完整（缺 ${r.missingCount} 项），不能导出结果`);
      return { fileName: `${round.name}考核结果.xlsx`, buffer: await buildResultsXlsx(round.name, scheme, r.units) };
    },
    /** Closes a complete round: its scores cannot change any more and its scheme is locked. */
    async closeRound(auth: Auth, id: number, input: { version: number }) {
      requireRole(auth, ...ROLES);
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
