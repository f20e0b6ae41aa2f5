/**
 * Assessment schemes (考核方案, issue 5): the shipped ones stored at every start, the list, one scheme with its record,
 * copies for system administrators and the edit of a copy (refused for a shipped scheme or one a closed round used).
 * Answers are the contract's shapes (src/contract/assessment/scheme.ts).
 */
import type { SchemeSummary, SchemeView, StoredScheme } from '../../contract/assessment/scheme';
import { indicators, storedSchemeProblems } from '../../domain/assessment/scheme';
import { SHIPPED_CONSEQUENCES, SHIPPED_SCHEMES } from '../../domain/assessment/schemes/index';
import { AppError, validationError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requirePermission } from '../auth/access';
import type { AssessmentRepo, SchemeRow } from './repo';

/**
 * Schemes are shared by every office (no scope of their own): copies and their edits stay with the system
 * administrator, as before the permissions (issue 11) — `assessment.manage` is also held by 单位管理员, whose edit of a
 * shared copy would change other offices' rounds.
 */
function requireSchemeEditor(auth: Auth): void {
  requirePermission(auth, 'assessment.manage');
  if (auth.role !== 'sysadmin') throw new AppError('FORBIDDEN', '考核方案的复制和修改只能由系统管理员进行');
}

/** A scheme as stored: the Scheme itself (its id is the row's code) and what follows from a grade. */
export function schemeOf(row: SchemeRow): StoredScheme & { id: string } {
  return { ...(row.data as unknown as StoredScheme), id: row.code };
}

/** The row's own fields, as every answer about a scheme has them. */
function schemeHead(row: SchemeRow) {
  return { id: row.id, code: row.code, name: row.name, year: row.year, unitKind: row.unitKind, shipped: row.shipped, locked: row.locked, version: row.version };
}

export function schemeView(row: SchemeRow): SchemeView {
  const { consequences, ...scheme } = schemeOf(row);
  return { ...schemeHead(row), at: new Date(row.at).toISOString(), scheme, consequences: consequences ?? SHIPPED_CONSEQUENCES[row.code] ?? [] };
}

export function makeSchemeService({ repo, now }: { repo: AssessmentRepo; now: () => Date }) {
  async function loadScheme(id: number): Promise<SchemeRow> {
    const row = await repo.scheme(id);
    if (!row) throw new AppError('NOT_FOUND', `考核方案不存在（编号 ${id}）`);
    return row;
  }
  const stored = (s: StoredScheme) => s as unknown as Record<string, unknown>;

  return {
    loadScheme,
    /** Stores the shipped schemes (at every start; those present are left as they are). */
    async ensureShippedSchemes(): Promise<number> {
      let added = 0;
      for (const s of SHIPPED_SCHEMES) {
        const data: StoredScheme = { ...structuredClone(s), consequences: structuredClone(SHIPPED_CONSEQUENCES[s.id] ?? []) };
        const row = await repo.insertScheme({ code: s.id, name: s.name, year: s.year, unitKind: s.unitKind, data: stored(data), shipped: true }, true);
        if (row) added++;
      }
      return added;
    },

    async listSchemes(auth: Auth): Promise<SchemeSummary[]> {
      requirePermission(auth, 'assessment.read');
      return (await repo.listSchemes()).map((row) => {
        const s = schemeOf(row);
        return { ...schemeHead(row), indicators: indicators(s).length, methods: s.methods.map((m) => `${m.label} ${m.weight}%`).join('、') };
      });
    },
    async getScheme(auth: Auth, id: number): Promise<SchemeView> {
      requirePermission(auth, 'assessment.read');
      return schemeView(await loadScheme(id));
    },
    /** A copy to edit (system administrators): the whole scheme, deep, under a new code. */
    async copyScheme(auth: Auth, id: number, input: { code?: string; name?: string }): Promise<SchemeView> {
      requireSchemeEditor(auth);
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
      const row = await repo.insertScheme({ code, name: data.name.slice(0, 200), year: data.year, unitKind: data.unitKind.slice(0, 20), data: stored(data), shipped: false, userId: auth.userId });
      return schemeView(row!);
    },
    /** Saves an edited copy: refused for a shipped scheme or one a closed round used; checked with `storedSchemeProblems`. */
    async updateScheme(auth: Auth, id: number, input: { scheme: StoredScheme; version: number }): Promise<SchemeView> {
      requireSchemeEditor(auth);
      const row = await loadScheme(id);
      if (row.shipped) throw new AppError('CONFLICT', `“${row.name}”是系统内置方案，不能修改；请先复制再修改副本`);
      if (row.locked) throw new AppError('CONFLICT', `“${row.name}”已被已结束的考核轮次使用，不能再修改；可复制后修改副本`);
      if (row.version !== input.version) throw new AppError('STALE_VERSION', '该方案已被他人修改，请刷新后重试', { currentVersion: row.version });
      const data: StoredScheme = { ...structuredClone(input.scheme), id: row.code };
      const fields = storedSchemeProblems(data);
      if (fields.length) throw validationError(fields);
      const ok = await repo.updateScheme(id, input.version, { name: data.name.slice(0, 200), year: data.year, unitKind: data.unitKind.slice(0, 20), data: stored(data), userId: auth.userId, at: now() });
      if (!ok) throw new AppError('STALE_VERSION', '该方案已被他人修改或已锁定，请刷新后重试');
      return schemeView((await repo.scheme(id))!);
    },
  };
}
