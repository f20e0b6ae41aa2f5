/** Poverty lines, the trial runs of the rules (测算, nothing saved) and the registry's statistics. */
import { z } from 'zod';
import { bool, int, isoDate, list, name, oneOf, regionPrefix, smallInt, text } from '../zod';
import { LINE_SCOPES } from '../../domain/registry/poverty-lines';
import { householdVerdicts, incomeResult, regionDetail, statusCount } from './common';

// --- poverty lines -------------------------------------------------------------------------------------------------

/** The scopes a line applies to (国家标准, 省标, 市标), declared once in the domain. */
export const lineScope = z.enum(LINE_SCOPES);

/** PUT /api/registry/poverty-lines: a line of a year and scope (the region prefix for 省标 and 市标). */
export const povertyLineInput = z.object({ year: smallInt(), scope: name(12), regionPrefix: name(12).optional(), yuan: int(), source: text(2000).optional() });
export type PovertyLineInput = z.output<typeof povertyLineInput>;

export const povertyLine = z.object({ id: z.number(), year: z.number(), scope: lineScope, regionPrefix: z.string(), yuan: z.number(), source: z.string() });
export type PovertyLineRow = z.output<typeof povertyLine>;
export const povertyLines = z.object({ items: z.array(povertyLine) });
export type PovertyLines = z.output<typeof povertyLines>;

// --- trial runs ----------------------------------------------------------------------------------------------------

const yuanItem = int();
/** POST /api/registry/trial/household: a household as entered, judged against the line of its year and region. */
export const trialHouseholdInput = z.object({
  regionCode: name(12),
  year: smallInt(),
  status: name(10).optional(),
  attribute: name(10).optional(),
  income: z.object({
    wages: yuanItem,
    business: yuanItem,
    property: yuanItem,
    transfer: z.object({ subsidies: yuanItem, minimumLiving: yuanItem, extremePoverty: yuanItem, pension: yuanItem, ecological: yuanItem, other: yuanItem }),
    businessCosts: yuanItem,
    illnessCosts: yuanItem,
    schoolingCosts: yuanItem,
  }),
  householdSize: int(0, 1000),
  foodSecure: bool(),
  clothingSecure: bool(),
  housingSafe: bool(),
  drinkingWaterSafe: bool().optional(),
  members: list(
    z.object({
      name: name(50),
      schooling: oneOf(['学龄前', '在校', '已毕业', '辍学', '未上学']),
      dropoutForPoverty: bool().optional(),
      medicalEligible: bool(),
      medicalInsured: bool(),
    }),
    100,
  ),
});
export type TrialHouseholdInput = z.output<typeof trialHouseholdInput>;

export const trialHouseholdResult = householdVerdicts.extend({ income: incomeResult });
export type TrialHouseholdResult = z.output<typeof trialHouseholdResult>;

/** POST /api/registry/trial/village: a village's facts against the exit standard (and a chosen income threshold). */
export const trialVillageInput = z.object({
  remainingPoor: int(0),
  certifiedPopulation: int(0),
  specialtyIndustries: int(0),
  collectiveIncomeYuan: int(0),
  infrastructureImproved: bool(),
  publicServicesImproved: bool(),
  minCollectiveIncomeYuan: int().optional(),
});
export type TrialVillageInput = z.output<typeof trialVillageInput>;

// --- statistics ----------------------------------------------------------------------------------------------------

/** GET /api/registry/statistics: a region and everything under it (default: the user's scope), as of a day. */
export const statisticsQuery = z.object({ region: regionPrefix().optional(), asOf: isoDate().optional() });
export type StatisticsQuery = z.output<typeof statisticsQuery>;

/** Households by a key (a cause, an attribute). */
const householdsBy = z.array(z.object({ key: z.string(), households: z.number() }));
const exitsOfYear = z.object({ year: z.number(), households: z.number(), persons: z.number() });

export const statistics = z.object({
  region: regionDetail.nullable(),
  asOf: z.string(),
  villages: z.object({ poor: z.number(), exited: z.number(), population: z.number() }),
  byStatus: z.array(statusCount),
  poorPersons: z.number(),
  /** Poor persons over the certified population; null without a population. */
  incidence: z.number().nullable(),
  meanPerCapita: z.object({ year: z.number(), mean: z.number().nullable(), households: z.number() }),
  byCause: householdsBy,
  byAttribute: householdsBy,
  byLabour: z.array(z.object({ key: z.string(), persons: z.number() })),
  exits: z.object({ actual: z.array(exitsOfYear), planned: z.array(exitsOfYear) }),
});
export type Statistics = z.output<typeof statistics>;
