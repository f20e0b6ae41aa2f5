import type { EntriesQuery, EntryAction, EntryFilters, ImportResult } from '../../contract/ledger';
import { CODEBOOK } from '../../domain/ledger/codebook';
import { proposeDeepPoverty } from '../../domain/ledger/deep-poverty';
import { FIELD_LABELS, FUND_LABELS, labelOf } from '../../domain/ledger/fields';
import { targetKey } from '../../domain/ledger/target-key';
import { validateEntry, type EntryValues, type RawEntry } from '../../domain/ledger/validate-entry';
import { lastYear, yearsOverlap } from '../../domain/ledger/years-overlap';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { diffSnapshots } from '../audit/service';
import type { Auth } from '../auth/access';
import { canChangeEntry, canSeeEntry, requireInScope, requirePermission, scopeOf } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { UploadLimit } from '../http/upload';
import type { MembersService } from '../members/service';
import type { OrgsService } from '../orgs/service';
import type { RegionsService } from '../regions/service';
import { ImportFileError, parseImport } from './excel';
import type { EntryFilter, EntryListRow, EntryWrite, LedgerRepo } from './repo';
import { duplicateError, memberDeltas, rawFromRow, snapshot, toDto, totalsDelta, type Snapshot } from './entry-records';
import { makeLedgerSummaryService } from './summary-service';

export interface LedgerDeps {
  repo: LedgerRepo;
  /** Runs `fn` in one database transaction with a repository bound to it. */
  transaction: <T>(fn: (repo: LedgerRepo) => Promise<T>) => Promise<T>;
  orgs: OrgsService;
  members: MembersService;
  regions: RegionsService;
  now: () => Date;
}


/** One spreadsheet row handed to `importEntries`: the raw entry, where it came from, and column letters by field. */
export interface ImportRow {
  row: number;
  raw: RawEntry;
  columns: Record<string, string>;
  /** Errors the sheet parser already found (e.g. an unknown category name). */
  errors: FieldError[];
}

export function makeLedgerService(deps: LedgerDeps) {
  const { repo, transaction, orgs, members, regions, now } = deps;

  async function targetLabels(rows: Array<{ targetRegionCode: string | null }>): Promise<Map<string, string>> {
    const codes = rows.map((r) => r.targetRegionCode).filter((c): c is string => !!c);
    return codes.length ? regions.fullNames(codes) : new Map();
  }

  async function loadVisible(auth: Auth, id: number): Promise<EntryListRow> {
    const row = await repo.findById(id);
    if (!row) throw new AppError('NOT_FOUND', `事项不存在（编号 ${id}）`);
    if (!canSeeEntry(auth, row)) throw new AppError('FORBIDDEN', `无权访问事项 ${id}：不在您的管辖范围内`);
    return row;
  }

  /** Everything a write needs beyond the pure checks: the body in scope, the target region, the deep-poverty flag. */
  async function resolve(auth: Auth, v: EntryValues): Promise<{ write: EntryWrite; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const org = await orgs.getUnchecked(v.orgId).catch(() => undefined);
    if (!org) errors.push({ field: 'orgId', label: labelOf('orgId'), message: `单位编号 ${v.orgId} 不存在` });
    else requireInScope(auth, org.path, `单位（编号 ${org.id}）`);
    if (v.target.kind === 'region') {
      const region = await regions.get(v.target.regionCode).catch(() => undefined);
      if (!region) errors.push({ field: 'target.regionCode', label: labelOf('target.regionCode'), message: `行政区划代码 ${v.target.regionCode} 不存在` });
      else if (v.subtypeCode === '0701' && region.level !== 5)
        errors.push({ field: 'target.regionCode', label: labelOf('target.regionCode'), message: '结对帮扶贫困村应选择到村一级' });
      else if (region.level < 3) errors.push({ field: 'target.regionCode', label: labelOf('target.regionCode'), message: '帮扶对象应选择到县、乡镇或村' });
    }
    const deep = await regions.deepCounties();
    const deepPoverty = v.deepPoverty ?? proposeDeepPoverty(v.target.kind === 'region' ? v.target.regionCode : null, deep);
    const write: EntryWrite = {
      orgId: v.orgId,
      orgPath: org?.path ?? '',
      categoryCode: v.categoryCode,
      subtypeCode: v.subtypeCode,
      unit: v.unit,
      count: v.count,
      targetRegionCode: v.target.kind === 'region' ? v.target.regionCode : null,
      targetText: v.target.kind === 'text' ? v.target.text : null,
      targetKey: targetKey(v.target),
      content: v.content,
      fundDonation: v.funds.donation,
      fundPersonal: v.funds.personal,
      fundSocial: v.funds.social,
      fundBank: v.funds.bank,
      fundFiscal: v.funds.fiscal,
      beneficiaries: v.beneficiaries,
      deepPoverty,
      startYear: v.startYear,
      endYear: v.endYear,
      documentNumber: v.documentNumber,
      createdBy: auth.userId,
    };
    return { write, errors };
  }

  /** Inserts one checked entry inside a transaction: lock, duplicate check, row, totals, history. */
  async function insertChecked(tx: LedgerRepo, auth: Auth, write: EntryWrite, memberIds: number[]): Promise<number> {
    await tx.lock(`ledger:${write.orgId}:${write.subtypeCode}:${write.targetKey}`);
    const existing = await tx.findOverlapping({ ...write, lastYear: lastYear(write) });
    if (existing) throw duplicateError(existing, write.subtypeCode);
    const id = await tx.insert(write, memberIds);
    await tx.applyTotals([totalsDelta(write, 1)]);
    await tx.applyMemberTotals(memberDeltas(write, memberIds, 1));
    return id;
  }

  /**
   * Writes the history row inside the transaction. `labels` are the target names, looked up before the transaction
   * began: the embedded database has one connection, so nothing outside `tx` may be queried while it is open.
   */
  async function recordHistory(tx: LedgerRepo, auth: Auth, entryId: number, action: EntryAction, before: Snapshot | null, labels: Map<string, string>) {
    const row = action === 'delete' ? undefined : await tx.findById(entryId);
    const after = row ? snapshot(toDto(row, labels)) : null;
    await tx.insertHistory({ entryId, userId: auth.userId, userName: auth.displayName, action, before, after, at: now() });
  }

  function validateOrThrow(raw: RawEntry) {
    const result = validateEntry(raw, now());
    if (!result.ok) throw validationError(result.errors);
    return result.value;
  }

  async function filterOf(auth: Auth, q: EntryFilters): Promise<EntryFilter> {
    const org = q.orgId ? await orgs.get(auth, q.orgId) : undefined;
    return {
      orgPath: org?.path ?? auth.orgPath,
      yearFrom: q.yearFrom,
      yearTo: q.yearTo,
      categoryCode: q.categoryCode,
      subtypeCode: q.subtypeCode,
      deepPoverty: q.deepPoverty,
      q: q.q,
    };
  }

  const service = {
    ...makeLedgerSummaryService({ repo, orgs, now }),

    codebook() {
      return { categories: CODEBOOK };
    },

    async list(auth: Auth, query: EntriesQuery) {
      const filter = await filterOf(auth, query);
      const scope = scopeOf(auth);
      // Without a text search or a member's own-entries rule, the number of matching entries is already in the
      // maintained totals: no count over the entries (which takes a quarter second at a province's million rows).
      const countable = !filter.q?.trim() && scope.ownMemberId === null;
      const offset = (query.page - 1) * query.pageSize;
      const { items, total } = countable
        ? {
            items: await repo.page(filter, scope, query.pageSize, offset),
            total: await repo.countFromTotals(query.orgId ?? auth.orgId, filter),
          }
        : await repo.list(filter, scope, query.pageSize, offset);
      const labels = await targetLabels(items);
      return { items: items.map((r) => toDto(r, labels)), total, page: query.page, pageSize: query.pageSize };
    },

    async get(auth: Auth, id: number) {
      const row = await loadVisible(auth, id);
      return toDto(row, await targetLabels([row]));
    },

    async create(auth: Auth, raw: RawEntry) {
      requirePermission(auth, 'ledger.write');
      const v = validateOrThrow(raw);
      const { write, errors } = await resolve(auth, v);
      if (errors.length) throw validationError(errors);
      if (auth.own === 'entries' && auth.memberId && !v.memberIds.includes(auth.memberId)) v.memberIds.unshift(auth.memberId);
      await members.requireServing(v.memberIds, write.orgPath);
      const labels = await targetLabels([write]);
      const id = await transaction(async (tx) => {
        const id = await insertChecked(tx, auth, write, v.memberIds);
        await recordHistory(tx, auth, id, 'create', null, labels);
        return id;
      });
      return service.get(auth, id);
    },

    async update(auth: Auth, id: number, patch: RawEntry & { version: number }) {
      requirePermission(auth, 'ledger.write');
      const current = await loadVisible(auth, id);
      if (!canChangeEntry(auth, current)) throw new AppError('FORBIDDEN', '委员只能修改自己录入的事项');
      const merged: RawEntry = { ...rawFromRow(current) };
      for (const [k, val] of Object.entries(patch)) if (k !== 'version' && val !== undefined) (merged as Record<string, unknown>)[k] = val;
      if (patch.funds) merged.funds = { ...rawFromRow(current).funds, ...patch.funds };
      // The body and sub-type define the deed; a different deed is a new entry.
      const v = validateOrThrow(merged);
      const { write, errors } = await resolve(auth, v);
      if (errors.length) throw validationError(errors);
      write.createdBy = current.createdBy;
      // Only members newly added are checked: one marked unable later stays on the entries made before.
      await members.requireServing(v.memberIds.filter((m) => !current.memberIds.includes(m)), write.orgPath);
      const labels = await targetLabels([current, write]);
      const before = snapshot(toDto(current, labels));
      await transaction(async (tx) => {
        await tx.lock(`ledger:${write.orgId}:${write.subtypeCode}:${write.targetKey}`);
        const existing = await tx.findOverlapping({ ...write, lastYear: lastYear(write), excludeId: id });
        if (existing) throw duplicateError(existing, write.subtypeCode);
        if (!(await tx.update(id, patch.version, write, v.memberIds, now())))
          throw new AppError('STALE_VERSION', '该事项已被他人修改，请刷新后查看最新内容再修改', { currentVersion: current.version });
        await tx.applyTotals([totalsDelta(current, -1), totalsDelta(write, 1)]);
        await tx.applyMemberTotals([...memberDeltas(current, current.memberIds, -1), ...memberDeltas(write, v.memberIds, 1)]);
        await recordHistory(tx, auth, id, 'update', before, labels);
      });
      return service.get(auth, id);
    },

    async remove(auth: Auth, id: number, version: number) {
      requirePermission(auth, 'ledger.write');
      const current = await loadVisible(auth, id);
      if (!canChangeEntry(auth, current)) throw new AppError('FORBIDDEN', '委员只能删除自己录入的事项');
      const before = snapshot(toDto(current, await targetLabels([current])));
      await transaction(async (tx) => {
        if (!(await tx.delete(id, version)))
          throw new AppError('STALE_VERSION', '该事项已被他人修改，请刷新后再删除', { currentVersion: current.version });
        await tx.applyTotals([totalsDelta(current, -1)]);
        await tx.applyMemberTotals(memberDeltas(current, current.memberIds, -1));
        await recordHistory(tx, auth, id, 'delete', before, new Map());
      });
    },

    async history(auth: Auth, id: number) {
      const rows = await repo.history(id);
      if (rows.length === 0) throw new AppError('NOT_FOUND', `事项不存在（编号 ${id}）`);
      const live = await repo.findById(id);
      if (live) await loadVisible(auth, id);
      else {
        // A deleted entry: its last snapshot says whose it was.
        const last = rows[rows.length - 1]!;
        if (auth.role !== 'sysadmin' && last.userId !== auth.userId) throw new AppError('FORBIDDEN', `无权访问事项 ${id} 的历史`);
      }
      return {
        items: rows.map((h) => ({
          id: h.id,
          action: h.action as EntryAction,
          userName: h.userName,
          at: new Date(h.at).toISOString(),
          changes: diffSnapshots(h.before as Snapshot | null, h.after as Snapshot | null, FIELD_LABELS),
        })),
      };
    },

    /**
     * The import of a filled template (POST /api/ledger/import, `taizhang import`), in two steps: who may import into
     * which body is decided first (before a byte of the file is read); then `run` parses the file (within `limit`),
     * resolves bodies and members by name within the user's scope, and imports the rows all or nothing. A file that
     * cannot be read is a field error on `file`.
     */
    async importer(auth: Auth, orgId?: number) {
      requirePermission(auth, 'ledger.write');
      const defaultOrg = await orgs.get(auth, orgId || auth.orgId);
      const orgsInScope = await orgs.list(auth);
      const resolveMembers = async (rowOrgId: number, names: string[]) => {
        const org = orgsInScope.find((o) => o.id === rowOrgId) ?? defaultOrg;
        const ids: number[] = [];
        const unknown: string[] = [];
        for (const name of names) {
          const found = await members.list(auth, { orgId: org.id, q: name, page: 1, pageSize: 50 });
          const exact = found.items.filter((m) => m.name === name);
          if (exact.length === 1) ids.push(exact[0]!.id);
          else unknown.push(exact.length > 1 ? `${name}（重名，请在系统中选择）` : name);
        }
        return { ids, unknown };
      };
      return {
        org: { id: defaultOrg.id, name: defaultOrg.name },
        async run(bytes: Uint8Array, limit?: UploadLimit): Promise<ImportResult> {
          let rows: ImportRow[];
          try {
            rows = await parseImport(bytes, { defaultOrgId: defaultOrg.id, orgIdByName: new Map(orgsInScope.map((o) => [o.name, o.id])), resolveMembers }, limit);
          } catch (err) {
            if (err instanceof ImportFileError) throw new AppError('VALIDATION', err.message, { fields: [{ field: 'file', label: '导入文件', message: err.message }] });
            throw err;
          }
          return service.importEntries(auth, rows);
        },
      };
    },

    /**
     * Imports spreadsheet rows all or nothing: every row is checked and every error reported with its row and column;
     * only when none has an error are they written, in one transaction (a duplicate found there undoes them all).
     */
    async importEntries(auth: Auth, rows: ImportRow[]): Promise<ImportResult> {
      const errors: FieldError[] = [];
      const at = (r: ImportRow, e: FieldError): FieldError => ({ ...e, row: r.row, column: r.columns[e.field] ?? r.columns[e.field.split('.')[0] ?? ''] ?? '' });
      const checked: Array<{ row: ImportRow; write: EntryWrite; memberIds: number[] }> = [];
      /** The rows checked so far by body, sub-type and target: a row whose years overlap one of them is the same deed. */
      const sameTarget = new Map<string, typeof checked>();
      for (const r of rows) {
        r.errors.forEach((e) => errors.push(at(r, e)));
        const result = validateEntry(r.raw, now());
        if (!result.ok) {
          // What the sheet already reported (e.g. an unknown 小类) is not reported again under the API's field name.
          const reported = new Set(r.errors.map((p) => (p.field === 'categoryName' || p.field === 'subtypeName' ? 'subtypeCode' : p.field)));
          result.errors.filter((e) => !reported.has(e.field)).forEach((e) => errors.push(at(r, e)));
          continue;
        }
        if (r.errors.length) continue;
        let resolved: Awaited<ReturnType<typeof resolve>>;
        try {
          resolved = await resolve(auth, result.value);
          await members.requireServing(result.value.memberIds, resolved.write.orgPath);
        } catch (err) {
          if (err instanceof AppError) {
            (err.details.fields ?? [{ field: 'orgId', label: labelOf('orgId'), message: err.message }]).forEach((e) => errors.push(at(r, e)));
            continue;
          }
          throw err;
        }
        resolved.errors.forEach((e) => errors.push(at(r, e)));
        if (resolved.errors.length) continue;
        const key = `${resolved.write.orgId}:${resolved.write.subtypeCode}:${resolved.write.targetKey}`;
        const group = sameTarget.get(key) ?? [];
        const twin = group.find((c) => yearsOverlap(c.write, resolved.write));
        if (twin) {
          errors.push(at(r, { field: 'subtypeCode', label: labelOf('subtypeCode'), message: `与第 ${twin.row.row} 行是同一事项（同一单位、类别、对象和年度），同一事项只录入 1 次` }));
          continue;
        }
        const entry = { row: r, write: resolved.write, memberIds: result.value.memberIds };
        checked.push(entry);
        group.push(entry);
        sameTarget.set(key, group);
      }
      if (errors.length === 0 && checked.length === 0)
        errors.push({ field: 'file', label: '导入文件', message: '文件中没有可导入的事项（请从第 3 行起填写）' });
      if (errors.length) throw new AppError('VALIDATION', `导入失败：共 ${errors.length} 处错误，未写入任何事项`, { fields: errors });
      const labels = await targetLabels(checked.map((c) => c.write));
      const ids = await transaction(async (tx) => {
        const ids: number[] = [];
        for (const c of checked) {
          try {
            const id = await insertChecked(tx, auth, c.write, c.memberIds);
            await recordHistory(tx, auth, id, 'create', null, labels);
            ids.push(id);
          } catch (err) {
            if (err instanceof AppError && err.code === 'DUPLICATE')
              throw new AppError('VALIDATION', `导入失败：第 ${c.row.row} 行${err.message}未写入任何事项`, {
                fields: [at(c.row, { field: 'subtypeCode', label: labelOf('subtypeCode'), message: err.message })],
              });
            throw err;
          }
        }
        return ids;
      });
      return { imported: ids.length, ids };
    },

    /** Recomputes the maintained totals from the entries (system administrators; also `taizhang recompute`). */
    async rebuildTotals(auth: Auth) {
      if (auth.role !== 'sysadmin') throw new AppError('FORBIDDEN', '此操作需要系统管理员权限');
      await transaction((tx) => tx.rebuildTotals());
    },

    /** The filtered ledger in pages, as DTOs, for the streaming export. */
    async *exportRows(auth: Auth, query: EntryFilters) {
      const filter = await filterOf(auth, query);
      for await (const batch of repo.iterate(filter, scopeOf(auth))) {
        const labels = await targetLabels(batch);
        yield maskFor(auth, batch.map((r) => toDto(r, labels)));
      }
    },
  };
  return service;
}
export type LedgerService = ReturnType<typeof makeLedgerService>;
export { FUND_LABELS };
