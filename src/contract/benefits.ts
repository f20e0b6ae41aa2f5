/**
 * 政策享受 (issue 15): what departments report paying each person or household of the registry (教育资助 per 学期, 低保金,
 * 公益性岗位, 光伏分红 …), imported per department as .xlsx for a region (all or nothing), shown on the household page
 * and in its 扶贫手册; what is income comes into the household's income trace with its source.
 */
import { z } from 'zod';
import { BENEFIT_DEPARTMENTS, BENEFIT_POLICIES } from '../domain/benefits/catalog';
import { POLICY_KINDS } from '../domain/support/policy';
import { coercedInt, oneOf, regionCode } from './zod';

const policyNames = BENEFIT_POLICIES.map((p) => p.name) as [string, ...string[]];

/**
 * POST /api/benefits/import?region=&department=&policy=&year= (multipart `file`): a department's filled template for a
 * region in the importer's scope; `policy` and `year` fill the rows whose cells are blank.
 */
export const benefitImportQuery = z.object({
  region: regionCode(),
  department: oneOf(BENEFIT_DEPARTMENTS),
  policy: oneOf(policyNames).optional(),
  year: z.preprocess((v) => (v === '' ? undefined : v), coercedInt(2013, 2100).optional()),
});
export type BenefitImportQuery = z.output<typeof benefitImportQuery>;

/** GET /api/benefits/template.xlsx?department= — the template with that department's policies in its drop-down. */
export const benefitTemplateQuery = z.object({ department: oneOf(BENEFIT_DEPARTMENTS).optional() });

/** A batch written by the import: department, policy, year, period, its rows and sum, and the rows it replaced. */
export const benefitBatch = z.object({
  department: z.string(),
  policy: z.string(),
  year: z.number(),
  period: z.string(),
  rows: z.number(),
  amount: z.number(),
  /** Rows of the same batch imported before and replaced by this import. */
  replaced: z.number(),
});

/** A row accepted with a warning (a 稳定脱贫户 given a 增收类 or 发展类 policy: the department paid it). */
export const benefitWarning = z.object({ row: z.number(), column: z.string(), message: z.string() });

export const benefitImportResult = z.object({
  created: z.number(),
  batches: z.array(benefitBatch),
  warnings: z.array(benefitWarning),
  /** The answer in words, naming what was replaced. */
  message: z.string(),
});
export type BenefitImportResult = z.output<typeof benefitImportResult>;

export const benefitItem = z.object({
  id: z.number(),
  department: z.string(),
  policy: z.string(),
  kind: oneOf(POLICY_KINDS),
  per: z.enum(['人', '户']),
  /** The income item it is counted in, in words (低保金, 工资性收入, 不计入收入). */
  incomeItem: z.string(),
  year: z.number(),
  period: z.string(),
  name: z.string(),
  /** Masked for a role without idNumbers.view. */
  idNumber: z.string(),
  amount: z.number(),
  note: z.string(),
  warning: z.string().nullable(),
  importedAt: z.string(),
});
export type BenefitItem = z.output<typeof benefitItem>;

/** GET /api/benefits/households/:id — the household's benefits, newest year first, and the sums per year. */
export const householdBenefits = z.object({
  householdId: z.number(),
  items: z.array(benefitItem),
  years: z.array(z.object({ year: z.number(), total: z.number(), income: z.number() })),
});
export type HouseholdBenefits = z.output<typeof householdBenefits>;

/** GET /api/benefits/catalog — the departments and the policies each hands over. */
export const benefitCatalog = z.object({
  departments: z.array(z.object({ name: z.string(), policies: z.array(z.object({ name: z.string(), kind: z.string(), per: z.string(), incomeItem: z.string(), periodHint: z.string() })) })),
});
export type BenefitCatalog = z.output<typeof benefitCatalog>;

export const benefitIdParams = z.object({ id: coercedInt(1, 2_147_483_647) });
