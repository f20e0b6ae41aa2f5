import { columnIndex, columnLetter, detectColumns, type ListColumns } from '../../domain/compare/columns';
import type { DecisionInput, DepartmentList, Hit, HitDetail, HitsQuery, ImportListResult, Run, RunRow as RunItem, RunScope } from '../../contract/compare';
import type { Page } from '../../contract/page';
import { checkDecision } from '../../domain/compare/decision';
import { DEPARTMENTS, isDepartment } from '../../domain/compare/departments';
import { normaliseIdNumber, readListRow, type ListRow, type ListRowInput } from '../../domain/compare/list-row';
import { checkIdNumber } from '../../domain/registry/id-number';
import type { HouseholdInput } from '../../domain/registry/validate-household';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { inRegion, regionOnLine, requireRegion, requireRole } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { AuditService } from '../audit/service';
import { pad12, prefixOf } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { CompareRepo, HitView, ListMeta, RunRow, Subject } from './repo';

/** What this feature needs of a procedure (the procedures feature's service answers; never its repository). */
export interface ProcedureSubject {
  id: number;
  householdId: number | null;
  villageCode: string;
  applicant: unknown;
}

export interface CompareDeps {
  repo: CompareRepo;
  transaction: <T>(fn: (repo: CompareRepo) => Promise<T>) => Promise<T>;
  regions: RegionsService;
  audit: AuditService;
  procedures: { get(auth: Auth, id: number): Promise<ProcedureSubject> };
  now: () => Date;
}

/** The rows of a list as the file gave them, in batches (the bench streams millions). */
export interface ListTableInput {
  headers: string[];
  rows: Iterable<ListRowInput[]> | AsyncIterable<ListRowInput[]>;
}

export interface ImportListInput {
  name: string;
  department: string;
  fileName: string;
  /** Column letters chosen by the user; absent: found from the headers. `-` for no name / the other cells as detail. */
  columns?: { id?: string; name?: string; detail?: string };
  /** Write the valid rows and list the others, instead of writing nothing when a row fails. */
  skipInvalid?: boolean;
}

/** Errors listed back to the user at most (the count is always exact). */
export const MAX_LISTED_ERRORS = 1000;
const MAX_LISTS_PER_RUN = 50;

const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The longest common prefix of region codes: the narrowest region that holds all of them. */
function commonPrefix(codes: string[]): string {
  if (codes.length === 0) return '';
  let p = codes[0]!;
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Cross-department comparison (一比对, seed 004 and issue 4). Lists from other departments are imported (every ID
 * number checked, all or nothing unless the user asks to skip bad rows); a comparison joins every member of every
 * household in a region — or a procedure's applicants — with the chosen lists on ID number, in one statement, and
 * keeps each match as a hit with its evidence. A hit goes back to the village assembly, whose decision (属实 / 不属实)
 * is recorded with the outcome. **A hit changes nothing in the registry**: seed 004 forbids 一刀切 (“几不准”) and makes
 * the villagers' assessment the final basis, so clearing a household is a removal procedure decided by the assembly.
 *
 * Scope: a list or run belongs to the region of the office that made it. Offices at or above it manage it; offices
 * below it may use the list and see the run — but only the hits of their own subtree.
 */
export function makeCompareService(deps: CompareDeps) {
  const { repo, transaction, regions, audit, procedures, now } = deps;

  const within = inRegion;
  const onLine = regionOnLine;
  const requireOnLine = (auth: Auth, prefix: string, what: string) => {
    if (!onLine(auth, prefix)) throw new AppError('FORBIDDEN', `无权访问${what}：不在您的管辖范围内`);
  };

  async function regionNames(prefixes: string[]): Promise<Map<string, string>> {
    const names = await regions.fullNames(prefixes.filter((p) => p !== '').map(pad12));
    return new Map(prefixes.map((p) => [p, p === '' ? '全国' : (names.get(pad12(p)) ?? p)]));
  }

  async function scopePrefix(auth: Auth, region: string | undefined): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(region);
    return prefixOf(r.code, r.level);
  }

  function listView(auth: Auth, l: ListMeta, names: Map<string, string>): DepartmentList {
    return {
      id: l.id,
      name: l.name,
      department: l.department,
      fileName: l.fileName,
      rows: l.rows,
      regionPrefix: l.regionPrefix,
      regionName: names.get(l.regionPrefix) ?? l.regionPrefix,
      userName: l.userName ?? '',
      at: toIso(l.at)!,
      /** Offices at or above the importer may view the rows and delete the list; offices below may only use it. */
      canManage: within(auth, l.regionPrefix),
    };
  }

  async function loadList(auth: Auth, id: number, manage: boolean): Promise<ListMeta> {
    const l = await repo.list(id);
    if (!l) throw new AppError('NOT_FOUND', `部门名单不存在（编号 ${id}）`);
    if (manage) requireRegion(auth, l.regionPrefix, '该名单');
    else requireOnLine(auth, l.regionPrefix, '该名单');
    return l;
  }

  /** The lists a comparison uses: at least one, each existing and usable by the user. */
  async function usableLists(auth: Auth, listIds: number[] | undefined): Promise<number[]> {
    const ids = [...new Set(listIds ?? [])];
    if (ids.length === 0) throw validationError([{ field: 'listIds', label: '比对名单', message: '请选择至少 1 份部门名单' }]);
    if (ids.length > MAX_LISTS_PER_RUN) throw validationError([{ field: 'listIds', label: '比对名单', message: `一次最多选择 ${MAX_LISTS_PER_RUN} 份名单` }]);
    for (const id of ids) await loadList(auth, id, false);
    return ids;
  }

  /** The columns of the file: the user's letters, or found from the headers. */
  function resolveColumns(headers: string[], chosen: ImportListInput['columns'] = {}): { columns: ListColumns | null; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const detected = detectColumns(headers);
    const pick = (letter: string | undefined, field: string, label: string, fallback: number | null): number | null => {
      if (letter === undefined || letter.trim() === '') return fallback;
      if (letter.trim() === '-') return null;
      const i = columnIndex(letter);
      if (i === null || i >= headers.length) {
        errors.push({ field, label, message: `“${letter}”不是文件中的列（共 ${headers.length} 列：A–${columnLetter(Math.max(headers.length - 1, 0))}）` });
        return null;
      }
      return i;
    };
    const id = pick(chosen.id, 'idColumn', '身份证号列', detected.id);
    if (id === null && !errors.length)
      errors.push({
        field: 'idColumn',
        label: '身份证号列',
        message: `未找到身份证号列（表头应为“身份证号”“公民身份号码”“证件号码”等），请选择身份证号所在的列。文件的表头为：${headers.map((h, i) => `${columnLetter(i)} ${h || '（空）'}`).join('、') || '（无）'}`,
      });
    const name = pick(chosen.name, 'nameColumn', '姓名列', detected.name);
    const detail = pick(chosen.detail, 'detailColumn', '详情列', null);
    if (id !== null && (name === id || detail === id)) errors.push({ field: name === id ? 'nameColumn' : 'detailColumn', label: name === id ? '姓名列' : '详情列', message: '不能与身份证号列相同' });
    return { columns: errors.length || id === null ? null : { id, name, detail }, errors };
  }

  /** A hit as the user reads it: its ID number and the ID numbers in its detail (a second ID column) masked unless the role may see them. */
  function hitView(h: HitView, auth: Auth) {
    return maskFor(auth, { ...h, decidedAt: toIso(h.decidedAt) });
  }

  async function runView(auth: Auth, run: RunRow & { userName: string | null }): Promise<Run> {
    const lists = await Promise.all(run.listIds.map((id) => repo.list(id)));
    const names = await regionNames([run.regionPrefix, ...lists.flatMap((l) => (l ? [l.regionPrefix] : []))]);
    const totals = await repo.hitTotals(run.id, auth.regionPrefix);
    return {
      id: run.id,
      scope: run.scope,
      procedureId: run.procedureId,
      regionPrefix: run.regionPrefix,
      regionName: names.get(run.regionPrefix) ?? run.regionPrefix,
      lists: run.listIds.map((id, i) => {
        const l = lists[i];
        return l ? { id, name: l.name, department: l.department, rows: l.rows, deleted: false } : { id, name: `已删除的名单（编号 ${id}）`, department: '', rows: 0, deleted: true };
      }),
      persons: run.persons,
      hits: run.hits,
      userName: run.userName ?? '',
      startedAt: toIso(run.startedAt)!,
      finishedAt: toIso(run.finishedAt),
      /** The hits inside the user's own scope (all of them for the office that ran it). */
      inScope: totals,
    };
  }

  async function loadRun(auth: Auth, id: number) {
    const run = await repo.run(id);
    if (!run) throw new AppError('NOT_FOUND', `比对记录不存在（编号 ${id}）`);
    requireOnLine(auth, run.regionPrefix, '该比对记录');
    return run;
  }

  /** Writes a run and its hits in one transaction: a run is there with all its hits, or not at all. */
  async function record(auth: Auth, run: { scope: RunScope; procedureId: number | null; regionPrefix: string; listIds: number[] }, compare: (tx: CompareRepo, runId: number) => Promise<{ persons: number; hits: number }>) {
    const id = await transaction(async (tx) => {
      const runId = await tx.insertRun({ ...run, userId: auth.userId, startedAt: now() });
      const { persons, hits } = await compare(tx, runId);
      await tx.finishRun(runId, persons, hits, now());
      return runId;
    });
    return runView(auth, (await repo.run(id))!);
  }

  const service = {
    departments: () => DEPARTMENTS,

    // --- department lists ------------------------------------------------------------------------------------------
    /** What the importer would do with a file: its headers, the columns found, the first rows. */
    preview(auth: Auth, table: { headers: string[]; rows: ListRowInput[] }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const detected = detectColumns(table.headers);
      const letter = (i: number | null) => (i === null ? null : columnLetter(i));
      return {
        headers: table.headers.map((header, i) => ({ letter: columnLetter(i), header })),
        detected: { idColumn: letter(detected.id), nameColumn: letter(detected.name), detailColumn: null },
        sample: table.rows.filter((r) => r.cells.some((c) => c.trim() !== '')).slice(0, 5),
        rows: table.rows.filter((r) => r.cells.some((c) => c.trim() !== '')).length,
      };
    },

    /**
     * Imports a department's list. Every row's ID number is checked (GB 11643); a bad row is reported by row and
     * column. Without `skipInvalid` nothing is written when any row fails (the rule of every import here); with it,
     * the valid rows are written and the skipped ones listed. The rows are bulk-written with COPY in one transaction.
     */
    async importList(auth: Auth, input: ImportListInput, table: ListTableInput, onProgress?: (rowsRead: number) => void): Promise<ImportListResult> {
      requireRole(auth, 'sysadmin', 'org_admin');
      const fields: FieldError[] = [];
      const name = (input.name ?? '').trim();
      if (!name) fields.push({ field: 'name', label: '名单名称', message: '请填写名单名称，如“2017年全县机动车登记”' });
      else if (name.length > 100) fields.push({ field: 'name', label: '名单名称', message: '不能超过 100 个字' });
      if (!isDepartment(input.department ?? '')) fields.push({ field: 'department', label: '部门', message: `应为${DEPARTMENTS.join('、')}之一` });
      const { columns, errors } = resolveColumns(table.headers, input.columns);
      fields.push(...errors);
      if (fields.length || !columns) throw validationError(fields);

      const today = now();
      const fileName = (input.fileName || '名单').slice(0, 200);
      const outcome = await transaction(async (tx) => {
        const listId = await tx.insertList({ name, department: input.department, fileName, regionPrefix: auth.regionPrefix, userId: auth.userId, at: today });
        const listed: FieldError[] = [];
        let failed = 0;
        let written = 0;
        let read = 0;
        for await (const batch of table.rows) {
          const good: ListRow[] = [];
          for (const r of batch) {
            const res = readListRow(r, table.headers, columns, today);
            if (!res) continue;
            if ('errors' in res) {
              failed++;
              for (const e of res.errors) if (listed.length < MAX_LISTED_ERRORS) listed.push(e);
            } else good.push(res.row);
          }
          read += batch.length;
          // Once a row has failed without skipInvalid, nothing will be kept: the rest is only checked, to list its errors.
          if (good.length && (input.skipInvalid || failed === 0)) {
            await tx.insertListRows(listId, good);
            written += good.length;
          }
          onProgress?.(read);
        }
        if (failed && !input.skipInvalid) {
          const more = failed > listed.length ? `（仅列出前 ${listed.length} 处）` : '';
          throw new AppError('VALIDATION', `导入失败：共 ${failed} 行有错误${more}，未写入任何数据；可改正后重新导入，或选择“跳过有错误的行”`, { fields: listed, failedRows: failed });
        }
        if (written === 0) throw validationError([{ field: 'file', label: '导入文件', message: '文件中没有可导入的数据行（表头下方应每行 1 人）' }]);
        await tx.setListRows(listId, written);
        return { listId, written, skipped: listed, skippedRows: failed };
      });
      await repo.analyzeListRows();
      const l = (await repo.list(outcome.listId))!;
      return {
        list: listView(auth, l, await regionNames([l.regionPrefix])),
        columns: { idColumn: columnLetter(columns.id), nameColumn: columns.name === null ? null : columnLetter(columns.name), detailColumn: columns.detail === null ? null : columnLetter(columns.detail) },
        written: outcome.written,
        skippedRows: outcome.skippedRows,
        skipped: outcome.skipped,
      };
    },

    async lists(auth: Auth) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const items = await repo.lists(auth.regionPrefix);
      const names = await regionNames([...new Set(items.map((l) => l.regionPrefix))]);
      return { items: items.map((l) => listView(auth, l, names)) };
    },

    async list(auth: Auth, id: number) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const l = await loadList(auth, id, false);
      return listView(auth, l, await regionNames([l.regionPrefix]));
    },

    /** A list's rows, page by page (offices at or above the importer only: the rows are another department's data). */
    async listRows(auth: Auth, id: number, q: { q?: string; page: number; pageSize: number }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      await loadList(auth, id, true);
      const { items, total } = await repo.listRows(id, { search: q.q?.trim() || undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: maskFor(auth, items), total, page: q.page, pageSize: q.pageSize };
    },

    async deleteList(auth: Auth, id: number) {
      requireRole(auth, 'sysadmin', 'org_admin');
      await loadList(auth, id, true);
      await transaction((tx) => tx.deleteList(id));
    },

    // --- comparisons -------------------------------------------------------------------------------------------------
    /** Compares every member of every household under a region (default: the user's scope) with the chosen lists. */
    async compareRegistry(auth: Auth, input: { region?: string; listIds: number[] }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const prefix = await scopePrefix(auth, input.region);
      const listIds = await usableLists(auth, input.listIds);
      return record(auth, { scope: 'registry', procedureId: null, regionPrefix: prefix, listIds }, async (tx, runId) => ({
        persons: await tx.countRegistryPersons(prefix, null),
        hits: await tx.insertRegistryHits(runId, prefix, listIds, { householdId: null, procedureId: null }),
      }));
    },

    /**
     * Compares persons the caller names — a new identification's applicants, before they are in the registry — with
     * the chosen lists. The procedures feature calls this (or `compareProcedure`) for its 县级比对 step.
     */
    async compareSubjects(auth: Auth, input: { procedureId?: number | null; listIds: number[]; subjects: Array<Partial<Subject>> }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const fields: FieldError[] = [];
      if (!input.subjects?.length) fields.push({ field: 'subjects', label: '比对对象', message: '没有要比对的人员' });
      const today = now();
      const seen = new Set<string>();
      const subjects: Subject[] = [];
      (input.subjects ?? []).forEach((s, i) => {
        const villageCode = (s.villageCode ?? '').trim();
        const idNumber = normaliseIdNumber(s.idNumber ?? '');
        if (!/^\d{12}$/.test(villageCode)) fields.push({ field: `subjects.${i}.villageCode`, label: '村级区划代码', message: '应为 12 位村级区划代码' });
        const check = checkIdNumber(idNumber, today);
        if (!check.ok) fields.push({ field: `subjects.${i}.idNumber`, label: '身份证号', message: check.message });
        if (!/^\d{12}$/.test(villageCode) || !check.ok || seen.has(idNumber)) return;
        seen.add(idNumber);
        subjects.push({ householdId: s.householdId ?? null, procedureId: s.procedureId ?? input.procedureId ?? null, villageCode, idNumber, name: (s.name ?? '').trim().slice(0, 50) });
      });
      if (fields.length) throw validationError(fields);
      for (const s of subjects) requireRegion(auth, s.villageCode, '该村');
      const listIds = await usableLists(auth, input.listIds);
      return record(auth, { scope: 'procedure', procedureId: input.procedureId ?? null, regionPrefix: commonPrefix(subjects.map((s) => s.villageCode)), listIds }, async (tx, runId) => ({
        persons: subjects.length,
        hits: await tx.insertSubjectHits(runId, listIds, subjects),
      }));
    },

    /**
     * Compares the persons of a procedure: the applicants of a new identification (from its application), or the
     * members of the household of any other procedure (from the registry).
     */
    async compareProcedure(auth: Auth, procedureId: number, input: { listIds: number[] }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const p = await procedures.get(auth, procedureId);
      if (p.householdId !== null) {
        const listIds = await usableLists(auth, input.listIds);
        const householdId = p.householdId;
        return record(auth, { scope: 'procedure', procedureId: p.id, regionPrefix: p.villageCode, listIds }, async (tx, runId) => ({
          persons: await tx.countRegistryPersons(p.villageCode, householdId),
          hits: await tx.insertRegistryHits(runId, p.villageCode, listIds, { householdId, procedureId: p.id }),
        }));
      }
      const applicant = p.applicant as HouseholdInput | null;
      if (!applicant?.persons?.length) throw new AppError('CONFLICT', `程序 ${p.id} 没有申请户或家庭成员，无需比对`);
      return service.compareSubjects(auth, {
        procedureId: p.id,
        listIds: input.listIds,
        subjects: applicant.persons.map((m) => ({ householdId: null, procedureId: p.id, villageCode: applicant.villageCode ?? p.villageCode, idNumber: m.idNumber, name: m.name })),
      });
    },

    /** Whether a comparison has been run over a procedure's persons (its 县级比对 step asks). */
    comparisonRun: (procedureId: number) => repo.hasRunForProcedure(procedureId),

    async runs(auth: Auth, q: { procedureId?: number; page: number; pageSize: number }): Promise<Page<RunItem>> {
      const { items, total } = await repo.runs({ prefix: auth.regionPrefix, procedureId: q.procedureId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const names = await regionNames([...new Set(items.map((r) => r.regionPrefix))]);
      return {
        items: items.map((r) => ({
          id: r.id,
          scope: r.scope,
          procedureId: r.procedureId,
          regionPrefix: r.regionPrefix,
          regionName: names.get(r.regionPrefix) ?? r.regionPrefix,
          listIds: r.listIds,
          persons: r.persons,
          hits: r.hits,
          hitsInScope: r.hitsInScope,
          undecided: r.undecided,
          userName: r.userName ?? '',
          startedAt: toIso(r.startedAt)!,
          finishedAt: toIso(r.finishedAt),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async run(auth: Auth, id: number) {
      return runView(auth, await loadRun(auth, id));
    },

    /** A run's hits per village (inside the user's scope), with the village names. */
    async villages(auth: Auth, id: number, q: { page: number; pageSize: number }) {
      await loadRun(auth, id);
      const items = await repo.villageSummary(id, auth.regionPrefix, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const totals = await repo.hitTotals(id, auth.regionPrefix);
      const names = await regions.fullNames(items.map((v) => v.villageCode));
      return { items: items.map((v) => ({ ...v, villageName: names.get(v.villageCode) ?? v.villageCode })), total: totals.villages, page: q.page, pageSize: q.pageSize };
    },

    /** A run's hits (inside the user's scope), in village → household → person order; ID numbers masked unless the role may see them. */
    async hits(auth: Auth, id: number, q: HitsQuery): Promise<Page<Hit>> {
      await loadRun(auth, id);
      if (q.village) requireRegion(auth, q.village, '该村');
      const { items, total } = await repo.hits(id, { prefix: auth.regionPrefix, village: q.village, decision: q.decision, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const names = await regions.fullNames([...new Set(items.map((h) => h.villageCode))]);
      return { items: items.map((h) => ({ ...hitView(h, auth), villageName: names.get(h.villageCode) ?? h.villageCode })), total, page: q.page, pageSize: q.pageSize };
    },

    /** One hit with the history of its decisions (who, when, before → after). */
    async hit(auth: Auth, id: number): Promise<HitDetail> {
      const h = await repo.hit(id);
      if (!h) throw new AppError('NOT_FOUND', `比对线索不存在（编号 ${id}）`);
      requireRegion(auth, h.villageCode, '该线索');
      const history = await audit.history('comparison_hit', id, { decision: '评议结果', outcome: '评议情况' });
      const villageName = (await regions.fullNames([h.villageCode])).get(h.villageCode) ?? h.villageCode;
      return { ...hitView(h, auth), villageName, history };
    },

    /**
     * Records the village assembly's decision on a hit (seed 004: 将问题线索重新提交村民代表大会评议 … 以村民评议结果为最终依据).
     * Only the hit changes: its decision, outcome, who and when. The household's status and members are untouched —
     * clearing a household is the removal procedure's work, decided there.
     */
    async decide(auth: Auth, id: number, input: DecisionInput): Promise<HitDetail> {
      requireRole(auth, 'sysadmin', 'org_admin');
      const h = await repo.hit(id);
      if (!h) throw new AppError('NOT_FOUND', `比对线索不存在（编号 ${id}）`);
      requireRegion(auth, h.villageCode, '该线索');
      const problems = checkDecision(input);
      if (problems.length) throw validationError(problems);
      const current = toIso(h.decidedAt);
      if (input.expectedDecidedAt && Number.isNaN(Date.parse(input.expectedDecidedAt)))
        throw validationError([{ field: 'expectedDecidedAt', label: '评议时间', message: '应为该线索上次评议的时间（首次评议为 null）' }]);
      const expected = input.expectedDecidedAt ? toIso(input.expectedDecidedAt) : null;
      const stale = () => new AppError('STALE_VERSION', '该线索的评议结果已被他人更新，请刷新后重试', { currentDecidedAt: current });
      if (expected !== current) throw stale();
      const outcome = input.outcome.trim();
      if (!(await repo.decide(id, current, { decision: input.decision, outcome, userId: auth.userId, at: now() }))) throw stale();
      await audit.record(auth, 'comparison_hit', id, 'update', { decision: h.decision, outcome: h.outcome }, { decision: input.decision, outcome });
      return service.hit(auth, id);
    },
  };
  return service;
}

export type CompareService = ReturnType<typeof makeCompareService>;
