import type { DepartmentList, ImportListResult } from '../../contract/compare';
import { columnIndex, columnLetter, detectColumns, type ListColumns } from '../../domain/compare/columns';
import { DEPARTMENTS, isListKind, LIST_KINDS } from '../../domain/compare/departments';
import { readListRow, type ListRow, type ListRowInput } from '../../domain/compare/list-row';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { inRegion, regionOnLine, requirePermission, requireRegion } from '../auth/access';
import { maskFor } from '../auth/masking';
import { pad12 } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { CompareRepo, ListMeta } from './repo';

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

/**
 * The department a 部门数据员 is narrowed to (issue 11: “部门数据员 (uploads its department's lists, sees only its
 * comparison results)”): their account's department, or `''` (matching no list) for an account without one; null for
 * every other role.
 */
export function ownDepartment(auth: Auth): string | null {
  return auth.own === 'lists' ? (auth.department ?? '') : null;
}

/** Errors listed back to the user at most (the count is always exact). */
export const MAX_LISTED_ERRORS = 1000;

const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export interface ListServiceDeps {
  repo: CompareRepo;
  transaction: <T>(fn: (repo: CompareRepo) => Promise<T>) => Promise<T>;
  regions: RegionsService;
  now: () => Date;
}

/**
 * Department lists (一比对's other side): preview a file, import it (every ID number checked, all or nothing unless
 * the user asks to skip bad rows), list, page through and delete them. A list belongs to the region of the office
 * that imported it: offices at or above it manage it, offices below it may only use it in a comparison.
 */
export function makeListService({ repo, transaction, regions, now }: ListServiceDeps) {
  const within = inRegion;
  const onLine = regionOnLine;
  const requireOnLine = (auth: Auth, prefix: string, what: string) => {
    if (!onLine(auth, prefix)) throw new AppError('FORBIDDEN', `无权访问${what}：不在您的管辖范围内`);
  };

  async function regionNames(prefixes: string[]): Promise<Map<string, string>> {
    const names = await regions.fullNames(prefixes.filter((p) => p !== '').map(pad12));
    return new Map(prefixes.map((p) => [p, p === '' ? '全国' : (names.get(pad12(p)) ?? p)]));
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
    const dept = ownDepartment(auth);
    // Another department's list is not there for a department's clerk (nothing of it told).
    if (!l || (dept !== null && l.department !== dept)) throw new AppError('NOT_FOUND', `部门名单不存在（编号 ${id}）`);
    if (manage) requireRegion(auth, l.regionPrefix, '该名单');
    else requireOnLine(auth, l.regionPrefix, '该名单');
    return l;
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

  return {
    // Helpers of the comparisons (not routes): names of regions by prefix (`''` is 全国), access to a list.
    regionNames,
    loadList,
    requireOnLine,

    departments: () => DEPARTMENTS,

    // --- department lists ------------------------------------------------------------------------------------------
    /** What the importer would do with a file: its headers, the columns found, the first rows. */
    preview(auth: Auth, table: { headers: string[]; rows: ListRowInput[] }) {
      requirePermission(auth, 'compare.lists');
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
      requirePermission(auth, 'compare.lists');
      const fields: FieldError[] = [];
      const name = (input.name ?? '').trim();
      if (!name) fields.push({ field: 'name', label: '名单名称', message: '请填写名单名称，如“2017年全县机动车登记”' });
      else if (name.length > 100) fields.push({ field: 'name', label: '名单名称', message: '不能超过 100 个字' });
      // A department's clerk uploads its own department's lists only: the department is theirs, whatever is sent.
      const own = ownDepartment(auth);
      if (own === '') throw new AppError('FORBIDDEN', '您的账号未设置所属部门，不能上传部门名单；请联系管理员');
      const department = own ?? input.department ?? '';
      if (own !== null && input.department && input.department !== own)
        fields.push({ field: 'department', label: '部门', message: `只能上传本部门（${own}）的名单` });
      else if (!isListKind(department)) fields.push({ field: 'department', label: '部门', message: `应为${LIST_KINDS.join('、')}之一` });
      const { columns, errors } = resolveColumns(table.headers, input.columns);
      fields.push(...errors);
      if (fields.length || !columns) throw validationError(fields);

      const today = now();
      const fileName = (input.fileName || '名单').slice(0, 200);
      const outcome = await transaction(async (tx) => {
        const listId = await tx.insertList({ name, department, fileName, regionPrefix: auth.regionPrefix, userId: auth.userId, at: today });
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
      requirePermission(auth, 'compare.read');
      const items = await repo.lists(auth.regionPrefix, ownDepartment(auth));
      const names = await regionNames([...new Set(items.map((l) => l.regionPrefix))]);
      return { items: items.map((l) => listView(auth, l, names)) };
    },

    async list(auth: Auth, id: number) {
      requirePermission(auth, 'compare.read');
      const l = await loadList(auth, id, false);
      return listView(auth, l, await regionNames([l.regionPrefix]));
    },

    /** A list's rows, page by page (offices at or above the importer only: the rows are another department's data). */
    async listRows(auth: Auth, id: number, q: { q?: string; page: number; pageSize: number }) {
      requirePermission(auth, 'compare.read');
      await loadList(auth, id, true);
      const { items, total } = await repo.listRows(id, { search: q.q?.trim() || undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: maskFor(auth, items), total, page: q.page, pageSize: q.pageSize };
    },

    async deleteList(auth: Auth, id: number) {
      requirePermission(auth, 'compare.lists');
      await loadList(auth, id, true);
      await transaction((tx) => tx.deleteList(id));
    },

  };
}
