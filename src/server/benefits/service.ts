/**
 * 政策享受 (issue 15): a department's file of what it paid, imported for a region of the importer's scope, all or
 * nothing; a household's benefits; and what the departments reported as income per item and year, for the registry's
 * income trace. Load → decide → save. A row naming a person outside the importer's scope is refused exactly as one
 * naming nobody: another scope is never revealed.
 */
import type { BenefitCatalog, BenefitImportQuery, BenefitImportResult, HouseholdBenefits } from '../../contract/benefits';
import { BENEFIT_DEPARTMENTS, COMPONENT_LABELS, departmentText, policiesOf, policyNamed } from '../../domain/benefits/catalog';
import { batchKey, BENEFIT_COLUMNS, readBenefitRow, type BenefitColumnKey, type BenefitRow } from '../../domain/benefits/row';
import { columnLetter } from '../../domain/compare/columns';
import type { ReportedIncome, ReportedItem } from '../../domain/registry/income';
import type { FieldError } from '../../domain/shared/errors';
import { refusalForStatus } from '../../domain/support/policy';
import { regionPrefixOf, requirePermission, requireRegion, type Auth } from '../auth/access';
import { maskFor } from '../auth/masking';
import { importRefused, type SheetRow } from '../http/import-sheet';
import type { Db } from '../db/connection';
import type { RegionsService } from '../regions/service';
import type { BenefitsRepo } from './repo';
import { BENEFIT_SHEET } from './import-sheet';

export interface BenefitsDeps {
  repo: BenefitsRepo;
  transaction: <T>(fn: (repo: BenefitsRepo) => Promise<T>) => Promise<T>;
  repoIn: (tx: Db) => BenefitsRepo;
  regions: RegionsService;
  now: () => Date;
  /** Loads a household for the caller (the registry's scope): 404 outside it. */
  household: (auth: Auth, id: number) => Promise<{ id: number }>;
}

/** The message of a row naming nobody of the region's registry — and of one naming a person of another scope. */
export const NOT_IN_REGISTRY = '不在本辖区建档立卡名单中';

const ID_COLUMN = columnLetter(BENEFIT_COLUMNS.findIndex((c) => c.key === 'idNumber'));
const NAME_COLUMN = columnLetter(BENEFIT_COLUMNS.findIndex((c) => c.key === 'name'));
const POLICY_COLUMN = columnLetter(BENEFIT_COLUMNS.findIndex((c) => c.key === 'policy'));

/** Where a department's figure comes from, as the income trace names it: 民政部门 2019 年名单. */
export const sourceText = (department: string, year: number): string => `${departmentText(department)} ${year} 年名单`;

export function makeBenefitsService({ repo, transaction, repoIn, regions, now, household }: BenefitsDeps) {
  return {
    catalog(): BenefitCatalog {
      return {
        departments: BENEFIT_DEPARTMENTS.map((d) => ({
          name: d,
          policies: policiesOf(d).map((p) => ({ name: p.name, kind: p.kind, per: p.per, incomeItem: COMPONENT_LABELS[p.component], periodHint: p.periodHint })),
        })),
      };
    },

    /**
     * A department's file for a region in the importer's scope, all or nothing: every row read (ID number by GB 11643),
     * every ID number a person of the region's registry, no row twice; each batch (department, policy, year, period)
     * replaces the one imported before. A 稳定脱贫户's 增收类 / 发展类 row is kept with the seed's reason as a warning.
     */
    async importRows(auth: Auth, q: BenefitImportQuery, sheetRows: Array<SheetRow<BenefitColumnKey>>): Promise<BenefitImportResult> {
      requirePermission(auth, 'registry.write');
      requireRegion(auth, q.region, '该地区');
      const region = await regions.get(q.region);
      const prefix = regionPrefixOf(region);
      requireRegion(auth, prefix, '该地区');

      const errors: FieldError[] = [];
      const rows: BenefitRow[] = [];
      const at = (row: number, column: string, field: BenefitColumnKey, message: string) =>
        errors.push({ field, label: BENEFIT_COLUMNS.find((c) => c.key === field)!.header, message, row, column });
      for (const r of sheetRows) {
        const read = readBenefitRow({ row: r.row, cells: r.cells }, { department: q.department, policy: q.policy, year: q.year }, now());
        if (!read) continue;
        if ('errors' in read) errors.push(...read.errors);
        else rows.push(read.row);
      }
      const found = new Map((await repo.personsUnder(prefix, [...new Set(rows.map((r) => r.idNumber))])).map((p) => [p.idNumber, p]));
      const seen = new Map<string, number>();
      const warnings: BenefitImportResult['warnings'] = [];
      for (const r of rows) {
        const person = found.get(r.idNumber);
        if (!person) {
          at(r.rowNo, ID_COLUMN, 'idNumber', `该身份证号${NOT_IN_REGISTRY}`);
          continue;
        }
        if (person.name !== r.name) at(r.rowNo, NAME_COLUMN, 'name', `姓名与建档立卡信息不一致（登记为“${person.name}”）`);
        const key = `${r.idNumber}|${batchKey({ department: q.department, ...r })}`;
        const first = seen.get(key);
        if (first !== undefined) at(r.rowNo, ID_COLUMN, 'idNumber', `与第 ${first} 行重复（同一人、政策、年度、期间）`);
        else seen.set(key, r.rowNo);
        const refusal = refusalForStatus(person.status, policyNamed(r.policy)!.kind);
        if (refusal) warnings.push({ row: r.rowNo, column: POLICY_COLUMN, message: refusal });
      }
      if (errors.length) throw importRefused(BENEFIT_SHEET, errors);
      if (rows.length === 0) throw importRefused(BENEFIT_SHEET, [{ field: 'file', label: '导入文件', message: '文件中没有可导入的政策享受数据' }]);

      const batches = new Map<string, BenefitImportResult['batches'][number]>();
      for (const r of rows) {
        const k = batchKey({ department: q.department, ...r });
        const b = batches.get(k) ?? { department: q.department, policy: r.policy, year: r.year, period: r.period, rows: 0, amount: 0, replaced: 0 };
        b.rows += 1;
        b.amount += r.amount;
        batches.set(k, b);
      }
      const warningOf = new Map(warnings.map((w) => [w.row, w.message]));
      await transaction(async (tx) => {
        for (const b of batches.values()) b.replaced = await tx.deleteBatch({ regionCode: region.code, ...b });
        await tx.insertMany(
          rows.map((r) => {
            const p = found.get(r.idNumber)!;
            return { regionCode: region.code, department: q.department, policy: r.policy, year: r.year, period: r.period, householdId: p.householdId, villageCode: p.villageCode, idNumber: r.idNumber, name: r.name, amount: r.amount, note: r.note, rowNo: r.rowNo, warning: warningOf.get(r.rowNo) ?? null, importedBy: auth.userId };
          }),
        );
      });
      const list = [...batches.values()];
      const batchName = (b: (typeof list)[number]) => `${b.policy} ${b.year} 年${b.period ? `（${b.period}）` : ''}`;
      const replaced = list.filter((b) => b.replaced > 0);
      const message =
        `已导入${region.name}${departmentText(q.department)}政策享受数据 ${rows.length} 条：${list.map((b) => `${batchName(b)} ${b.rows} 条 ${b.amount.toLocaleString('zh-CN')} 元`).join('；')}。` +
        (replaced.length ? `替换了此前导入的同一批数据：${replaced.map((b) => `${batchName(b)} ${b.replaced} 条`).join('；')}。` : '') +
        (warnings.length ? `其中 ${warnings.length} 条为稳定脱贫户享受增收类或发展类政策，已导入并提示。` : '');
      return { created: rows.length, batches: list, warnings, message };
    },

    /** A household's benefits (scope checked by the registry; ID numbers masked for the role). */
    async household(auth: Auth, id: number): Promise<HouseholdBenefits> {
      requirePermission(auth, 'registry.read');
      await household(auth, id);
      const rows = await repo.ofHousehold(id);
      const items = rows.map((r) => {
        const p = policyNamed(r.policy);
        return {
          id: r.id,
          department: r.department,
          policy: r.policy,
          kind: p?.kind ?? '保障类',
          per: p?.per ?? '人',
          incomeItem: COMPONENT_LABELS[p?.component ?? 'none'],
          year: r.year,
          period: r.period,
          name: r.name,
          idNumber: r.idNumber,
          amount: r.amount,
          note: r.note,
          warning: r.warning,
          importedAt: new Date(r.createdAt).toISOString(),
        };
      });
      const years = [...new Set(items.map((i) => i.year))].map((year) => {
        const of = items.filter((i) => i.year === year);
        return { year, total: of.reduce((a, i) => a + i.amount, 0), income: of.filter((i) => policyNamed(i.policy)?.component !== 'none').reduce((a, i) => a + i.amount, 0) };
      });
      return maskFor(auth, { householdId: id, items, years });
    },

    /**
     * What the departments reported as income for a household, per year and income item, each source named: for the
     * registry's income trace. The caller has checked the household is the user's.
     */
    async reportedIncome(householdId: number, tx?: Db): Promise<Map<number, ReportedIncome>> {
      const out = new Map<number, ReportedIncome>();
      for (const s of await (tx ? repoIn(tx) : repo).sumsOf(householdId)) {
        const component = policyNamed(s.policy)?.component;
        if (!component || component === 'none') continue;
        const year = out.get(s.year) ?? {};
        const item = component as ReportedItem;
        year[item] = [...(year[item] ?? []), { policy: s.policy, amount: s.amount, source: sourceText(s.department, s.year) }];
        out.set(s.year, year);
      }
      return out;
    },
  };
}

export type BenefitsService = ReturnType<typeof makeBenefitsService>;
