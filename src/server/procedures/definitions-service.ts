/**
 * The procedures' definitions (issue 4: procedures as data): the shipped ones, a province's adjusted versions, and the
 * version a procedure runs by. Part of the procedures service (`makeProceduresService` spreads it).
 */
import type { Definition, DefinitionInput } from '../../contract/procedures';
import {
  DEFAULT_DEFINITIONS,
  defaultDefinition,
  KIND_LABELS,
  LEVELS,
  PROCEDURE_KINDS,
  REQUIREMENTS,
  type ProcedureDefinition,
  type ProcedureKind,
  type StepDefinition,
} from '../../domain/procedures/definitions';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requirePermission } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { DefinitionRow, ProceduresRepo } from './repo';

function toDefinition(row: DefinitionRow): Definition & ProcedureDefinition {
  const base = defaultDefinition(row.kind as ProcedureKind);
  return { id: row.id, version: row.version, regionPrefix: row.regionPrefix, kind: row.kind as ProcedureKind, name: row.name, subject: base.subject, steps: row.steps as StepDefinition[], source: row.source };
}

/** Checks an adjusted step list (a province's version): names, levels, requirements, notice days. */
function checkSteps(steps: unknown): FieldError[] {
  if (!Array.isArray(steps) || steps.length === 0) return [{ field: 'steps', label: '步骤', message: '至少应有 1 个步骤' }];
  const out: FieldError[] = [];
  const keys = new Set<string>();
  steps.forEach((s: Partial<StepDefinition>, i) => {
    const at = (field: string, message: string) => out.push({ field: `steps.${i}.${field}`, label: `第 ${i + 1} 步`, message });
    if (!s.key || !/^[a-z_]{2,30}$/.test(s.key)) at('key', '步骤代码应为 2–30 位小写字母或下划线');
    else if (keys.has(s.key)) at('key', `步骤代码 ${s.key} 重复`);
    else keys.add(s.key);
    if (!s.name?.trim()) at('name', '请填写步骤名称');
    if (!s.level || !(LEVELS as readonly string[]).includes(s.level)) at('level', `办理层级应为${LEVELS.join('、')}之一`);
    if (!Array.isArray(s.requires) || s.requires.some((r) => !(REQUIREMENTS as readonly string[]).includes(r))) at('requires', `要求应为 ${REQUIREMENTS.join('、')} 中的若干项`);
    if (s.minDays !== undefined && (!Number.isInteger(s.minDays) || s.minDays < 1 || s.minDays > 60)) at('minDays', '公示天数应为 1–60 的整数');
    if (typeof s.name === 'string' && s.name.trim().length > 50) at('name', '步骤名称不能超过 50 个字');
  });
  return out;
}

/** NUL and other control characters (tab and line breaks allowed) in any string of a value: jsonb and text refuse NUL. */
function hasControlCharacters(value: unknown): boolean {
  // eslint-disable-next-line no-control-regex
  if (typeof value === 'string') return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value);
  if (Array.isArray(value)) return value.some(hasControlCharacters);
  if (value && typeof value === 'object') return Object.values(value).some(hasControlCharacters);
  return false;
}

export function makeDefinitionsService(deps: { repo: ProceduresRepo; transaction: <T>(fn: (repo: ProceduresRepo) => Promise<T>) => Promise<T>; audit: AuditService }) {
  const { repo, transaction, audit } = deps;
  return {
    /** The shipped definitions, each written once: into an empty database, and a kind added later (issue 14's `project`) into one that lacks it. */
    async ensureDefaults() {
      const have = new Set((await repo.listDefinitions()).map((d) => d.kind));
      for (const d of DEFAULT_DEFINITIONS) if (!have.has(d.kind)) await repo.insertDefinition({ kind: d.kind, regionPrefix: '', name: d.name, steps: d.steps, source: d.source });
    },
    /** The active definitions (national and provinces'). */
    async list(): Promise<Definition[]> {
      return (await repo.listDefinitions()).map(toDefinition);
    },
    /** The version a procedure runs by. */
    async byId(id: number) {
      return toDefinition((await repo.definition(id))!);
    },
    /** The definition a new procedure of a kind in a village follows: its province's adjustment, else the national one. */
    async activeFor(kind: ProcedureKind, villageCode: string) {
      const row = await repo.activeDefinition(kind, villageCode.slice(0, 2));
      if (!row) throw new AppError('NOT_FOUND', `没有“${KIND_LABELS[kind]}”的程序定义`);
      return toDefinition(row);
    },
    /** A province adjusts a procedure (system administrators): a new version; running procedures keep theirs. */
    async save(auth: Auth, kind: string, input: Omit<DefinitionInput, 'steps'> & { steps: unknown }): Promise<Definition> {
      requirePermission(auth, 'procedures.define');
      if (!(PROCEDURE_KINDS as readonly string[]).includes(kind)) throw new AppError('NOT_FOUND', `没有这种程序：${kind}`);
      // Everything is checked before anything is written; the old version is retired and the new one inserted in one
      // transaction (issue 9: a failed save used to leave the kind without an active definition).
      const fields = checkSteps(input.steps);
      const prefix = input.regionPrefix ?? '';
      if (prefix !== '' && !/^\d{2}$/.test(prefix)) fields.push({ field: 'regionPrefix', label: '适用省份', message: '应为空（全国）或 2 位省级代码' });
      if ((input.name?.trim().length ?? 0) > 50) fields.push({ field: 'name', label: '程序名称', message: '不能超过 50 个字' });
      if ((input.source?.length ?? 0) > 2000) fields.push({ field: 'source', label: '依据', message: '不能超过 2000 个字' });
      if (hasControlCharacters([input.name, input.source, input.steps])) fields.push({ field: 'steps', label: '程序定义', message: '含有不可见的控制字符，请删除后重试' });
      if (fields.length) throw validationError(fields);
      const base = defaultDefinition(kind as ProcedureKind);
      return transaction(async (tx) => {
        const saved = toDefinition(await tx.insertDefinition({ kind, regionPrefix: prefix, name: input.name?.trim() || base.name, steps: input.steps as unknown[], source: input.source ?? '' }));
        await audit.record(auth, 'procedure_definition', saved.id, 'create', null, { kind, regionPrefix: prefix, name: saved.name, steps: input.steps, source: input.source ?? '' });
        return saved;
      });
    },
  };
}
