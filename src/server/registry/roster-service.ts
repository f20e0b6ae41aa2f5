import type { RosterBatchResult, RosterImportResult } from '../../contract/registry/roster';
import { CHANGE_KIND_LABELS, type ChangeKind } from '../../domain/registry/change-requests';
import { maskIdNumber } from '../../domain/registry/id-number';
import { checkHousehold, PERSON_LABELS, type CheckedPerson, type HouseholdInput } from '../../domain/registry/validate-household';
import { isoDate } from '../../domain/shared/dates';
import { AppError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { ID_NUMBER_TAKEN_ELSEWHERE, inRegion, requirePermission, requireRegion, scopedMessage } from '../auth/access';
import { maskFor } from '../auth/masking';
import { yieldToEventLoop } from '../http/upload';
import type { RegionsService } from '../regions/service';
import { ROSTER_LABELS, ROSTER_LETTERS, TEMPLATE_VILLAGE_LIMIT, villageLabel, type RosterExportRow, type RosterRow, type TemplateVillage } from './roster';
import type { ExistingHousehold, ExistingPerson, HouseholdWrite, RosterRepo, StatusWrite } from './roster-repo';
import { factChanges, RollupBatch, snapshotFacts, timelineChanges } from './rollup';
import { ownHouseholds, regionPrefix } from './service';
import { difference, householdChanges } from '../../domain/registry/rollup';

export interface RosterDeps {
  repo: RosterRepo;
  /** What the export reads through (`database.read`: a streaming replica where one is configured); default `repo`. */
  readRepo?: RosterRepo;
  transaction: <T>(fn: (repo: RosterRepo) => Promise<T>) => Promise<T>;
  regions: RegionsService;
  now: () => Date;
  /** The helpers of a village's households today, by household id (from the pairing service; none without it). */
  currentHelpers?: (auth: Auth, villageCode: string) => Promise<ReadonlyMap<number, ReadonlyArray<{ name: string; unit: string }>>>;
  /** The households a 帮扶责任人 holds today (pairing's current assignments): what their exports are narrowed to. */
  helperHouseholds?: (helperId: number) => Promise<number[]>;
  /**
   * Whether this user's change of a registered household (its facts, its members) must wait for the township's approval
   * (户情变更审批, issue 11): then the import refuses it — it cannot be split into change requests row by row.
   */
  approvalNeeded?: (auth: Auth, villageCode: string, kinds: readonly ChangeKind[]) => Promise<boolean>;
}

/** A village of a batched import: as the file names it (its code, or 所在村), its rows and persons. */
export interface VillageSpan {
  village: string;
  firstRow: number;
  lastRow: number;
  persons: number;
}

export interface RosterStreamOptions {
  /** The import's id: a retry with the same id and the same file skips the villages already written. */
  importId: string;
  /** `check`: every check, nothing written; `write`: batches written and committed one by one. */
  mode: 'check' | 'write';
  fileName: string;
  fileSha256: string;
  /** Persons per batch (whole villages: a batch ends at the first village boundary past this). */
  batchPersons?: number;
  onProgress?: (p: { phase: 'validate' | 'write'; persons: number; villages: { done: number; failed: number; skipped: number } }) => void;
}

/**
 * Persons per batch of a streamed import: whole villages gathered up to about this many, one transaction each (and
 * one look-up transaction before it). Each batch costs a dozen round trips and a few COPYs whatever its size; memory
 * holds two of them (one written while the next is read and checked): at 25,000 a 1,000,000-person file peaked at
 * 1,025 MiB RSS, so batches of about a hundred villages.
 */
const STREAM_BATCH_PERSONS = 10_000;
/** Errors and villages listed in a batched import's answer (the counts are always whole). */
const LISTED = 1000;

export interface RosterProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}


/**
 * Rows per write statement (a COPY, streamed in pieces on PostgreSQL) and per stretch of checking between two turns
 * of the event loop. PGlite runs in a worker thread, so a statement no longer holds Node's thread; the pieces keep the
 * write phase's progress and a bound on what one statement formats (all inside the one transaction: still all or
 * nothing). A streamed batch is written with one COPY per table.
 */
const WRITE_BATCH = STREAM_BATCH_PERSONS;
/**
 * Rows grouped or checked between two turns of the event loop: an import inside the server shares its thread with
 * every request (2,000 rows held it for 300–470 ms at a time on PGlite under a CPU profile, issue 13's health bench).
 */
const YIELD_EVERY = 500;


/** Household columns read from a household's first row; later rows may leave them blank or repeat them. */
const HOUSEHOLD_FIELDS = ['attribute', 'identifiedYear', 'mainCause', 'secondaryCauses', 'housingSafe', 'drinkingWaterSafe', 'foodClothingSecure'] as const;

const PERSON_KEYS: Array<keyof CheckedPerson> = [
  'name',
  'relation',
  'schooling',
  'dropoutForPoverty',
  'health',
  'disabilityGrade',
  'labour',
  'hasQualification',
  'workMonths',
  'workPlace',
  'workIncome',
  'medicalEligible',
  'medicalInsured',
  'seriousIllnessInsured',
  'pensionInsured',
  'sex',
  'birthDate',
];

function samePersons(a: CheckedPerson[], b: ExistingPerson[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((p) => [p.idNumber, p]));
  return a.every((p) => {
    const q = byId.get(p.idNumber);
    return !!q && PERSON_KEYS.every((k) => p[k] === q[k]);
  });
}

function sameFacts(w: HouseholdWrite, h: ExistingHousehold): boolean {
  return (
    w.attribute === h.attribute &&
    w.identifiedYear === h.identifiedYear &&
    w.mainCause === h.mainCause &&
    JSON.stringify(w.secondaryCauses) === JSON.stringify(h.secondaryCauses) &&
    w.housingSafe === h.housingSafe &&
    w.drinkingWaterSafe === h.drinkingWaterSafe &&
    w.foodSecure === h.foodSecure &&
    w.clothingSecure === h.clothingSecure
  );
}

interface Group {
  key: string;
  rows: RosterRow[];
  input: HouseholdInput;
  persons: CheckedPerson[];
}

/** A set of rows grouped into checked households, before any look-up. */
interface Grouped {
  order: Group[];
  groupOfId: Map<string, Group>;
  ids: string[];
  persons: number;
}

/** Two cells of a household column equal (a list of causes item by item), as the household's first row has it. */
function sameCell(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** What an import of a set of rows changes, once they are checked. */
interface Plan {
  order: Group[];
  created: Group[];
  updated: Array<{ g: Group; h: ExistingHousehold; before: number }>;
  unchanged: number;
  currentMembers: Map<number, ExistingPerson[]>;
  persons: number;
}

function householdWrite(g: Group): HouseholdWrite {
  return {
    villageCode: g.input.villageCode,
    number: g.input.number,
    attribute: g.input.attribute,
    identifiedYear: g.input.identifiedYear,
    identifiedOn: `${g.input.identifiedYear}-12-31`,
    mainCause: g.input.mainCause,
    secondaryCauses: g.input.secondaryCauses ?? [],
    housingSafe: !!g.input.housingSafe,
    drinkingWaterSafe: !!g.input.drinkingWaterSafe,
    foodSecure: !!g.input.foodSecure,
    clothingSecure: !!g.input.clothingSecure,
  };
}

/**
 * Roster import and export of the registry (issue 3, “Import and export”). The import validates every row in memory
 * with the domain checks, looks up existing ID numbers, households and regions in batches, and writes everything in
 * one transaction with array-bound statements — or nothing when any row fails.
 *
 * Re-import rule: households are matched on (村级区划代码, 户编号) and persons on ID number. A household whose facts and
 * members equal the file is left untouched (`unchanged`); one that differs has its facts updated and its members
 * replaced by the file's (`updated`, version + 1), with a status-history row when its size, attribute, main cause or
 * members' labour change — as RegistryService.updateHousehold does. Status and income are never changed by an import.
 * The statistics rollup is kept in the same transaction (decision 0006).
 */
export function makeRosterService(deps: RosterDeps) {
  const { repo, transaction, regions, now } = deps;

  async function scopePrefix(auth: Auth, region: string | undefined): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(region);
    return regionPrefix(r.code, r.level);
  }

  /**
   * 所在村 to village codes (issue 11: the template offers village names, not 12-digit codes): a name is “乡镇/村” as
   * the template's list gives it, or a village's own name when it is the only one of that name in the user's scope.
   * A row naming both a village and a code must name the same village. Fills `villageCode` of the rows it resolves.
   */
  async function resolveVillageNames(auth: Auth, rows: RosterRow[], problem: (row: number, field: string, message: string) => void): Promise<void> {
    const named = rows.filter((r) => r.villageName?.trim());
    if (named.length === 0) return;
    const split = (label: string) => {
      const parts = label.split('/').map((x) => x.trim());
      return parts.length >= 2 ? { township: parts.at(-2)!, name: parts.at(-1)! } : { township: null, name: label.trim() };
    };
    const names = [...new Set(named.map((r) => split(r.villageName!.trim()).name))];
    const found = await regions.villagesNamed(auth.regionPrefix, names);
    const byName = new Map<string, typeof found>();
    for (const v of found) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
    for (const r of named) {
      const label = r.villageName!.trim();
      const { township, name } = split(label);
      const candidates = (byName.get(name) ?? []).filter((v) => township === null || v.township === township);
      if (candidates.length === 0) problem(r.row, 'villageName', `您的管辖范围内没有“${label}”，请从下拉列表选择或填写村级区划代码`);
      else if (candidates.length > 1) problem(r.row, 'villageName', `“${label}”在您的管辖范围内有 ${candidates.length} 个同名村，请选择“乡镇/村”或填写村级区划代码`);
      else {
        const code = candidates[0]!.code;
        const given = (r.villageCode ?? '').trim();
        if (given && given !== code) problem(r.row, 'villageCode', `与所在村“${label}”（${code}）不一致`);
        else r.villageCode = code;
      }
    }
  }

  /** A field error at a row of the sheet, with the column letter of the field. */
  const at = (row: number, field: string, message: string, label?: string): FieldError => ({
    field,
    label: label ?? ROSTER_LABELS[field] ?? PERSON_LABELS[field] ?? field,
    message,
    row,
    column: ROSTER_LETTERS[field] ?? '',
  });

  /**
   * Steps 1–5 of an import over a set of rows (a whole small file, or one batch of villages of a large one): grouping
   * into households, the domain checks, region codes, and the look-ups of the registry (one join against a temporary
   * table of the rows' keys, in `tx`'s transaction). Errors are pushed to `errors`; when none, the plan says what
   * changes. `seenIds` carries the ID numbers of earlier batches (an ID twice in the file, whatever the batch).
   */
  async function checkRows(
    auth: Auth,
    rows: RosterRow[],
    tx: RosterRepo,
    errors: FieldError[],
    seenIds: Map<string, number>,
    onProgress?: (p: RosterProgress) => void,
  ): Promise<Plan> {
    return lookUpRows(auth, await groupRows(rows, errors, seenIds, onProgress), tx, errors, seenIds);
  }

  /**
   * Steps 1–2, in memory only (no statement): the rows grouped into households and every household checked with the
   * domain rules; an ID number seen before (in this set or an earlier batch's) is an error here.
   */
  async function groupRows(rows: RosterRow[], errors: FieldError[], seenIds: Map<string, number>, onProgress?: (p: RosterProgress) => void): Promise<Grouped> {
    const today = now();
    // 1. Group the rows into households by (village code, 户编号); household facts come from the first row.
    const groups = new Map<string, Group>();
    const order: Group[] = [];
    let seen = 0;
    for (const r of rows) {
      if (++seen % YIELD_EVERY === 0) await yieldToEventLoop();
      for (const e of r.errors ?? []) errors.push(at(r.row, e.field, e.message, e.label));
      const villageCode = (r.villageCode ?? '').trim();
      const number = (r.number ?? '').trim();
      const key = `${villageCode}:${number}`;
      let g = groups.get(key);
      if (!g) {
        g = {
          key,
          rows: [],
          persons: [],
          input: {
            villageCode,
            number,
            attribute: r.attribute ?? '',
            identifiedYear: r.identifiedYear ?? NaN,
            mainCause: r.mainCause ?? '',
            secondaryCauses: r.secondaryCauses ?? [],
            housingSafe: !!r.housingSafe,
            drinkingWaterSafe: !!r.drinkingWaterSafe,
            foodSecure: !!r.foodClothingSecure,
            clothingSecure: !!r.foodClothingSecure,
            persons: [],
          },
        };
        groups.set(key, g);
        order.push(g);
      } else {
        const first = g.rows[0]!;
        for (const f of HOUSEHOLD_FIELDS) {
          const v = r[f];
          if (v === undefined) continue;
          if (!sameCell(v, first[f]))
            errors.push(at(r.row, f, `与同一户（户编号 ${number}）第 ${first.row} 行的“${ROSTER_LABELS[f]}”不一致；户的信息填在该户第 1 行，其他行可留空`));
        }
      }
      g.rows.push(r);
      g.input.persons.push(r.person);
    }

    // 2. Every household with the domain checks (seed 004 causes and labour, GB 11643 IDs, one head).
    const groupOfId = new Map<string, Group>();
    const ids: string[] = [];
    let checkedRows = 0;
    for (const g of order) {
      if (checkedRows % YIELD_EVERY < g.rows.length) await yieldToEventLoop();
      const { persons, errors: found } = checkHousehold(g.input, today);
      const firstRow = g.rows[0]!.row;
      const heads = g.rows.filter((r) => r.person.relation === '户主');
      for (const e of found) {
        const m = /^persons\.(\d+)\.(.+)$/.exec(e.field);
        if (m) {
          const r = g.rows[Number(m[1])]!;
          errors.push(at(r.row, m[2]!, e.message));
        } else if (e.field === 'persons') {
          if (heads.length === 1) continue; // an ID twice in the household: reported below with both rows
          const targets = heads.length ? heads : [g.rows[0]!];
          for (const r of targets) errors.push(at(r.row, 'relation', `户编号 ${g.input.number} 的户${e.message}`, ROSTER_LABELS.relation));
        } else errors.push(at(firstRow, e.field, e.message));
      }
      g.persons = persons;
      for (const r of g.rows) {
        const id = (r.person.idNumber ?? '').trim().toUpperCase();
        if (!id) continue;
        const before = seenIds.get(id);
        if (before !== undefined) errors.push(at(r.row, 'idNumber', `身份证号与第 ${before} 行重复：一人只能录入 1 次、只能属于一户`));
        else {
          seenIds.set(id, r.row);
          groupOfId.set(id, g);
          ids.push(id);
        }
      }
      checkedRows += g.rows.length;
      if (onProgress && checkedRows % 10000 < g.rows.length) onProgress({ phase: 'validate', done: checkedRows, total: rows.length });
    }
    return { order, groupOfId, ids, persons: rows.length };
  }

  /** Steps 3–5 over grouped rows: region codes and the registry's look-ups in `tx`, then what changes. */
  async function lookUpRows(auth: Auth, grouped: Grouped, tx: RosterRepo, errors: FieldError[], seenIds: Map<string, number>): Promise<Plan> {
    const { order, groupOfId, ids } = grouped;

    // 3. Region codes: known, a village, within the user's scope.
    const codes = [...new Set(order.map((g) => g.input.villageCode).filter((c) => /^\d{12}$/.test(c)))];
    const known = new Map((await tx.regionsByCodes(codes)).map((r) => [r.code, r]));
    const foreign = new Set<string>();
    for (const g of order) {
      const code = g.input.villageCode;
      if (!/^\d{12}$/.test(code)) continue; // reported by checkHousehold
      const row = g.rows[0]!.row;
      const region = known.get(code);
      if (!region) errors.push(at(row, 'villageCode', `区划代码 ${code} 不存在，请核对村级区划代码`));
      else if (region.level !== 5) errors.push(at(row, 'villageCode', `区划代码 ${code}（${region.name}）不是村级区划，应填写 12 位村级区划代码`));
      else if (!inRegion(auth, code)) {
        errors.push(at(row, 'villageCode', `${region.name}（${code}）不在您的管辖范围内`));
        foreign.add(code);
      }
    }

    // 4. One person, one household: an ID number already in another household of the registry. The registry is asked
    //    in one join against a temporary table of the rows' keys (never about another scope's households: their rows
    //    are refused above, and looking them up would only tell what is there).
    const found = await tx.lookUpKeys(
      ids.filter((id) => /^\d{17}[\dX]$/.test(id)),
      order.filter((g) => g.input.number && !foreign.has(g.input.villageCode)).map((g) => ({ villageCode: g.input.villageCode, number: g.input.number })),
    );
    const existingHouseholds = new Map(found.households.map((h) => [`${h.villageCode}:${h.number}`, h]));
    for (const p of found.persons) {
      const row = seenIds.get(p.idNumber)!;
      const g = groupOfId.get(p.idNumber);
      const own = g ? existingHouseholds.get(g.key) : undefined;
      if (own?.id === p.householdId) continue;
      errors.push(at(row, 'idNumber', `${maskIdNumber(p.idNumber)}${scopedMessage(auth, p.villageCode, () => `（${p.name}）已在其他户（村代码 ${p.villageCode}，户编号 ${p.number}）中，一人只能属于一户`, `：${ID_NUMBER_TAKEN_ELSEWHERE}`)}`));
    }

    // 5. What changes: new households, changed households, unchanged ones.
    const currentMembers = new Map<number, ExistingPerson[]>();
    for (const p of found.members) {
      const l = currentMembers.get(p.householdId) ?? [];
      l.push(p);
      currentMembers.set(p.householdId, l);
    }
    const created: Group[] = [];
    const updated: Array<{ g: Group; h: ExistingHousehold; before: number }> = [];
    let unchanged = 0;
    for (const g of order) {
      const h = existingHouseholds.get(g.key);
      if (!h) created.push(g);
      else {
        const members = currentMembers.get(h.id) ?? [];
        if (sameFacts(householdWrite(g), h) && samePersons(g.persons, members)) unchanged++;
        else updated.push({ g, h, before: members.length });
      }
    }
    return { order, created, updated, unchanged, currentMembers, persons: grouped.persons };
  }

  /** The updates of registered households that must wait for the township's approval (户情变更审批, issue 11). */
  async function approvalErrors(auth: Auth, plan: Plan): Promise<FieldError[]> {
    const waiting: FieldError[] = [];
    if (!deps.approvalNeeded) return waiting;
    for (const { g, h } of plan.updated) {
      const kinds: ChangeKind[] = [];
      if (!sameFacts(householdWrite(g), h)) kinds.push('facts');
      if (!samePersons(g.persons, plan.currentMembers.get(h.id) ?? [])) kinds.push('members');
      if (await deps.approvalNeeded(auth, h.villageCode, kinds)) {
        const what = kinds.map((k) => CHANGE_KIND_LABELS[k]).join('、');
        waiting.push(at(g.rows[0]!.row, 'number', `该户已建档，文件中的${what}与系统不同；这类修改须经乡镇审核：请在该户页面修改并提交变更申请，或请乡镇审核员导入`));
      }
    }
    return waiting;
  }

  const resultOf = (plan: Plan): RosterImportResult => ({ households: plan.order.length, persons: plan.persons, created: plan.created.length, updated: plan.updated.length, unchanged: plan.unchanged });

  /** Step 6: the plan written in `tx` (the caller's transaction), the statistics rollup kept in it (decision 0006). */
  async function writePlan(auth: Auth, tx: RosterRepo, plan: Plan, onProgress?: (p: RosterProgress) => void): Promise<void> {
    const { created, updated, currentMembers } = plan;
    if (created.length === 0 && updated.length === 0) return;
    const at0 = now();
    const stamp = { userId: auth.userId, userName: auth.displayName, at: at0 };
    const total = created.reduce((a, g) => a + g.persons.length, 0) + updated.reduce((a, u) => a + u.g.persons.length, 0);
    // The rollup of statistics: before/after timelines of the changed households, the first snapshot of the new ones.
    const updatedIds = updated.map((u) => u.h.id);
    const timelinesBefore = await tx.timelines(updatedIds);
    const ids = new Map<string, number>();
    for (let i = 0; i < created.length; i += WRITE_BATCH) {
      for (const [k, v] of await tx.insertHouseholds(created.slice(i, i + WRITE_BATCH).map(householdWrite))) ids.set(k, v);
      await yieldToEventLoop();
    }
    if (updated.length) {
      const n = await tx.updateHouseholds(updated.map(({ g, h }) => ({ ...householdWrite(g), id: h.id, version: h.version })));
      if (n !== updated.length) throw new AppError('STALE_VERSION', '导入期间有贫困户被他人修改，请重新导入');
      await tx.deletePersonsOf(updated.map((u) => u.h.id));
    }
    const personRows: Array<{ householdId: number; person: CheckedPerson }> = [];
    for (const g of created) for (const person of g.persons) personRows.push({ householdId: ids.get(g.key)!, person });
    for (const { g, h } of updated) for (const person of g.persons) personRows.push({ householdId: h.id, person });
    for (let i = 0; i < personRows.length; i += WRITE_BATCH) {
      await tx.insertPersons(personRows.slice(i, i + WRITE_BATCH));
      onProgress?.({ phase: 'write', done: Math.min(i + WRITE_BATCH, total), total });
      await yieldToEventLoop();
    }
    const statuses: StatusWrite[] = created.map((g) => ({
      householdId: ids.get(g.key)!,
      villageCode: g.input.villageCode,
      status: '未脱贫',
      year: g.input.identifiedYear,
      effectiveOn: `${g.input.identifiedYear}-12-31`,
      persons: g.persons.length,
      ...snapshotFacts(g.input.attribute, g.input.mainCause, g.persons),
      reason: '建档立卡识别',
      ...stamp,
    }));
    const batch = new RollupBatch();
    for (const st of statuses) batch.add(st.villageCode, householdChanges([rosterSnapshot(st)], []));
    // Size, attribute, main cause and labour are part of every as-of figure: a change of any is a dated history row.
    for (const { g, h, before } of updated) {
      const was = snapshotFacts(h.attribute, h.mainCause, currentMembers.get(h.id) ?? []);
      const next = snapshotFacts(g.input.attribute, g.input.mainCause, g.persons);
      const what = factChanges(was, next, before, g.persons.length);
      if (!what.length) continue;
      const last = timelinesBefore.get(h.id)?.snapshots.at(-1)?.effectiveOn;
      const today = isoDate(at0);
      statuses.push({
        householdId: h.id,
        villageCode: h.villageCode,
        status: h.status,
        year: h.statusYear,
        effectiveOn: last && last > today ? last : today,
        persons: g.persons.length,
        ...next,
        reason: `${what.join('；')}（花名册导入）`,
        ...stamp,
      });
    }
    for (let i = 0; i < created.length; i += WRITE_BATCH) {
      await tx.insertFirstStatuses(statuses.slice(i, Math.min(i + WRITE_BATCH, created.length)));
      await yieldToEventLoop();
    }
    for (let i = created.length; i < statuses.length; i += WRITE_BATCH) {
      await tx.insertStatuses(statuses.slice(i, i + WRITE_BATCH));
      await yieldToEventLoop();
    }
    if (updatedIds.length) {
      const timelinesAfter = await tx.timelines(updatedIds);
      for (const id of updatedIds) {
        const t = timelinesAfter.get(id);
        if (t) batch.add(t.villageCode, difference(timelineChanges(timelinesBefore.get(id)), timelineChanges(t)));
      }
    }
    await tx.addToRollup(batch.list());
  }

  const sortErrors = (errors: FieldError[]) =>
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''));

  return {
    /** The villages the template's 所在村 list offers: those of the user's scope, none when more than a city holds. */
    async templateVillages(auth: Auth): Promise<TemplateVillage[]> {
      requirePermission(auth, 'registry.write');
      const list = await regions.villagesUnder(auth.regionPrefix, TEMPLATE_VILLAGE_LIMIT + 1);
      if (list.length > TEMPLATE_VILLAGE_LIMIT) return [];
      return list.map((v) => ({ code: v.code, label: villageLabel(v.township, v.name) }));
    },

    /**
     * A file in one piece (up to the roster's upload limit, 100,000 persons): every row checked, then everything
     * written in one transaction — or nothing when any row fails, with every error by row and column.
     */
    async importRoster(auth: Auth, rows: RosterRow[], onProgress?: (p: RosterProgress) => void): Promise<RosterImportResult> {
      requirePermission(auth, 'registry.write');
      const errors: FieldError[] = [];
      await resolveVillageNames(auth, rows, (row, field, message) => errors.push(at(row, field, message)));
      // The look-ups run in a transaction of their own (their temporary tables are dropped at its end).
      const plan = await transaction((tx) => checkRows(auth, rows, tx, errors, new Map(), onProgress));
      if (errors.length === 0 && plan.order.length === 0) errors.push({ field: 'file', label: '导入文件', message: '文件中没有可导入的成员（请从第 3 行起填写）' });
      if (errors.length) throw new AppError('VALIDATION', `导入失败：共 ${errors.length} 处错误，未写入任何数据`, { fields: sortErrors(errors) });
      const waiting = await approvalErrors(auth, plan);
      if (waiting.length) throw new AppError('VALIDATION', `导入失败：${waiting.length} 户已建档户的修改须经乡镇审核，未写入任何数据`, { fields: waiting });
      // One transaction: nothing inside it may use the non-transaction db (PGlite has a single connection).
      await transaction((tx) => writePlan(auth, tx, plan, onProgress));
      return resultOf(plan);
    },

    /**
     * A national-size roster, streamed and committed village by village (issue 13). The rows of one village must be
     * consecutive in the file, and a household's members consecutive within it (a row breaking that is refused by
     * row number); whole villages are gathered into batches of about `batchPersons` persons, each checked (the same
     * checks as `importRoster`, look-ups in one join) and, in `write` mode, written in its own transaction with its
     * villages recorded as done under `importId`. A batch with an error rolls back only itself: the import goes on
     * with the next, and ends failed listing the failed villages (rows, errors by row and column) and the villages
     * written. A retry under the same id (the file corrected, or the same) skips the villages written — whatever their rows
     * say now. `check` mode runs every check
     * and writes nothing (the whole file checked first, then the write pass).
     */
    async importRosterStream(auth: Auth, source: AsyncIterable<RosterRow>, opts: RosterStreamOptions): Promise<RosterBatchResult> {
      requirePermission(auth, 'registry.write');
      const { importId, mode } = opts;
      const batchPersons = opts.batchPersons ?? STREAM_BATCH_PERSONS;
      if (mode === 'write') {
        const rec = await repo.openImport({ id: importId, userId: auth.userId, fileName: opts.fileName, fileSha256: opts.fileSha256 });
        if (rec.userId !== auth.userId) throw new AppError('NOT_FOUND', '导入编号不存在：请不填导入编号重新导入');
      }
      const done = mode === 'write' ? await repo.doneVillages(importId) : new Set<string>();
      const seenIds = new Map<string, number>();
      const errors: FieldError[] = [];
      let errorCount = 0;
      const totals: RosterImportResult = { households: 0, persons: 0, created: 0, updated: 0, unchanged: 0 };
      const villages = { done: 0, failed: 0, skipped: 0 };
      const failedVillages: VillageSpan[] = [];
      const doneVillages: VillageSpan[] = [];
      let seenPersons = 0;
      let batch: RosterRow[] = [];
      let spans: VillageSpan[] = [];
      const finished = new Map<string, { firstRow: number; lastRow: number }>();
      let current: (VillageSpan & { numbers: Set<string>; lastNumber: string | null; skip: boolean }) | null = null;
      const report = () => opts.onProgress?.({ phase: mode === 'check' ? 'validate' : 'write', persons: seenPersons, villages: { ...villages } });
      const extras = () => ({ importId, mode, villages: { ...villages }, failedVillages: failedVillages.slice(0, LISTED), doneVillages: doneVillages.slice(0, LISTED) });

      const closeVillage = () => {
        if (!current) return;
        const { numbers: _n, lastNumber: _l, skip, ...span } = current;
        finished.set(span.village, { firstRow: span.firstRow, lastRow: span.lastRow });
        if (skip) villages.skipped++;
        else spans.push(span);
        current = null;
      };

      // A batch is read and checked in memory while the one before it is looked up and written (the database's work and
      // this thread's overlap); its look-ups and write wait for that one to end, so batches still commit in file order.
      let inflight: Promise<void> | null = null;
      const drain = async () => {
        const p = inflight;
        inflight = null;
        if (p) await p;
      };
      const failed = (these: VillageSpan[], found: FieldError[]) => {
        villages.failed += these.length;
        if (failedVillages.length < LISTED) failedVillages.push(...these.slice(0, LISTED - failedVillages.length));
        errorCount += found.length;
        for (const e of sortErrors(found)) if (errors.length < LISTED) errors.push(e);
      };

      /** Steps 3–6 of a grouped batch: look-ups, the approval rule, the write with its villages marked done. */
      const finish = async (rows: RosterRow[], these: VillageSpan[], grouped: Grouped, found: FieldError[]) => {
        try {
          const plan = await transaction((tx) => lookUpRows(auth, grouped, tx, found, seenIds));
          if (!found.length) found.push(...(await approvalErrors(auth, plan)));
          if (!found.length && mode === 'write')
            await transaction(async (tx) => {
              await writePlan(auth, tx, plan);
              await tx.markVillagesDone(importId, these);
            });
          if (!found.length) {
            const r = resultOf(plan);
            for (const k of Object.keys(totals) as Array<keyof RosterImportResult>) totals[k] += r[k];
            villages.done += these.length;
            if (doneVillages.length < LISTED) doneVillages.push(...these.slice(0, LISTED - doneVillages.length));
          }
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          found.push(...(err.details.fields as FieldError[] | undefined ?? [at(rows[0]!.row, 'number', err.message)]));
        }
        if (found.length) failed(these, found);
        report();
      };

      const flush = async () => {
        if (!batch.length) return;
        const rows = batch;
        const these = spans;
        batch = [];
        spans = [];
        const found: FieldError[] = [];
        let grouped: Grouped | null = null;
        try {
          await resolveVillageNames(auth, rows, (row, field, message) => found.push(at(row, field, message)));
          grouped = await groupRows(rows, found, seenIds);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          found.push(...(err.details.fields as FieldError[] | undefined ?? [at(rows[0]!.row, 'number', err.message)]));
        }
        await drain();
        if (!grouped) {
          failed(these, found);
          report();
          return;
        }
        inflight = finish(rows, these, grouped, found);
        // Observed at once (a rejection is rethrown by the next drain), so Node never sees it as unhandled meanwhile.
        inflight.catch(() => {});
      };

      const orderError = async (r: RosterRow, field: 'villageCode' | 'number', message: string) => {
        await drain();
        const f = field === 'villageCode' && !(r.villageCode ?? '').trim() ? 'villageName' : field;
        const fields = [...errors, at(r.row, f, message)];
        return new AppError('VALIDATION', `第 ${r.row} 行：${message}`, { fields, ...extras() });
      };

      try {
        for await (const r of source) {
          seenPersons++;
          const key = ((r.villageCode ?? '').trim() || (r.villageName ?? '').trim()).slice(0, 120);
          if (!current || current.village !== key) {
            closeVillage();
            if (batch.length >= batchPersons) await flush();
            const before = finished.get(key);
            if (before)
              throw await orderError(
                r,
                'villageCode',
                `“${key}”的行不连续（该村已在第 ${before.firstRow}–${before.lastRow} 行出现）：大文件按村分批写入，同一村的行须连在一起、同一户的成员须连在一起，请按村级区划代码和户编号排序后重新导入`,
              );
            current = { village: key, firstRow: r.row, lastRow: r.row, persons: 0, numbers: new Set(), lastNumber: null, skip: done.has(key) };
          }
          const number = (r.number ?? '').trim();
          if (number !== current.lastNumber) {
            if (current.numbers.has(number))
              throw await orderError(r, 'number', `户编号 ${number} 的成员不连续（该户的成员已在本村前面的行出现）：同一户的成员须连在一起，请按户编号排序后重新导入`);
            current.numbers.add(number);
            current.lastNumber = number;
          }
          current.lastRow = r.row;
          current.persons++;
          if (current.skip) continue;
          batch.push(r);
          if (seenPersons % 10000 === 0) report();
        }
        closeVillage();
        await flush();
        await drain();
      } catch (err) {
        // The batch in flight ends (commits or rolls back) before the import answers.
        await drain().catch(() => {});
        throw err;
      }
      if (errorCount === 0 && totals.persons === 0 && villages.skipped === 0)
        throw new AppError('VALIDATION', '导入失败：文件中没有可导入的成员（请从第 2 行起每行填写 1 名成员）', { fields: [{ field: 'file', label: '导入文件', message: '文件中没有可导入的成员' }] });
      if (errorCount)
        throw new AppError(
          'VALIDATION',
          mode === 'check'
            ? `校验未通过：共 ${errorCount} 处错误（${villages.failed} 个村），未写入任何数据`
            : `导入未全部完成：${villages.failed} 个村有错误，这些村未写入（共 ${errorCount} 处错误）；已写入 ${villages.done} 个村。修改后用同一导入编号重新导入，已写入的村会跳过`,
          { fields: errors, errorCount, ...extras() },
        );
      return { ...totals, importId, mode, villages, skippedPersons: seenPersons - totals.persons };
    },

    /** The roster under a region (default: the user's scope), page by page; ID numbers masked unless the role may see them. */
    async *exportRoster(auth: Auth, q: { region?: string }, pageSize = 5000): AsyncGenerator<RosterExportRow[]> {
      const prefix = await scopePrefix(auth, q.region);
      const only = await ownHouseholds(auth, deps.helperHouseholds);
      let after: { villageCode: string; number: string; personId: number } | null = null;
      for (;;) {
        const page = await (deps.readRepo ?? repo).rosterPage(prefix, after, pageSize, only);
        if (page.length === 0) return;
        const last = page[page.length - 1]!;
        after = { villageCode: last.villageCode, number: last.number, personId: last.personId };
        yield maskFor(auth, page.map(({ personId: _p, ...r }) => r));
        if (page.length < pageSize) return;
      }
    },

    /** The village's 贫困户精准扶贫一览表 data (seed 001). */
    async villageOverview(auth: Auth, code: string) {
      requireRegion(auth, code, '该村');
      const region = await regions.get(code);
      if (region.level !== 5) throw new AppError('VALIDATION', `“${region.name}”不是村级行政区划`);
      const fullName = (await regions.fullNames([code])).get(code) ?? region.name;
      const only = await ownHouseholds(auth, deps.helperHouseholds);
      const list = (await repo.villageHouseholds(code)).filter((h) => !only || only.includes(h.id));
      const helpers = (await deps.currentHelpers?.(auth, code)) ?? new Map<number, never[]>();
      const withHelpers = list.map((h) => ({ ...h, helpers: (helpers.get(h.id) ?? []).map((x) => (x.unit ? `${x.name}（${x.unit}）` : x.name)) }));
      return { village: { code, name: region.name, fullName }, households: maskFor(auth, withHelpers) };
    },
  };
}

function rosterSnapshot(st: StatusWrite) {
  return {
    effectiveOn: st.effectiveOn,
    status: st.status,
    year: st.year,
    persons: st.persons,
    attribute: st.attribute,
    mainCause: st.mainCause,
    labour: { 普通劳动力: st.labourOrdinary, 技能劳动力: st.labourSkilled, 丧失劳动力: st.labourLost, 无劳动力: st.labourNone },
  };
}

export type RosterService = ReturnType<typeof makeRosterService>;
