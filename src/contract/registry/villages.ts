/** Villages of the registry (村情): the profile, the yearly figures and the exit check (seed 004 贫困村出列标准). */
import { z } from 'zod';
import { bool, int, key, list, name, optionalInt, smallInt } from '../zod';
import { regionDetail, statusCount, verdict } from './common';
import { yearParam } from './households';

export const villageParams = z.object({ code: name(12) });
/** The exit check's collective-income threshold the user chose (seed 004 names 5万元 and 8万元); default 5万元. */
export const villageExitQuery = z.object({ minCollectiveIncomeYuan: optionalInt });

/** PUT /api/registry/villages/:code: the village's profile; `version` null for a village without one yet. */
export const villageInput = z.object({
  poorVillage: bool(),
  identifiedYear: smallInt().nullish(),
  exited: bool(),
  exitYear: smallInt().nullish(),
  certifiedPopulation: int().nullish(),
  populationYear: smallInt().nullish(),
  specialtyIndustries: list(name(50), 50).optional(),
  facilities: z.record(key(), bool()).optional(),
  infrastructureImproved: bool().optional(),
  publicServicesImproved: bool().optional(),
  version: int().nullable(),
});
export type VillageInput = z.output<typeof villageInput>;

/** A village's collective income (a `bigint` column of yuan): bounded far inside it. */
const bigYuan = () => int(-1_000_000_000_000, 1_000_000_000_000);
export const villageYearParams = z.object({ code: name(12), year: yearParam() });
/** PUT /api/registry/villages/:code/years/:year: 村集体经济收入 and the year's 脱贫规划. */
export const villageYearInput = z.object({ collectiveIncome: bigYuan().nullish(), plannedHouseholds: int().nullish(), plannedPersons: int().nullish() });
export type VillageYearInput = z.output<typeof villageYearInput>;

export const villageProfile = z.object({
  regionCode: z.string(),
  poorVillage: z.boolean(),
  identifiedYear: z.number().nullable(),
  exited: z.boolean(),
  exitYear: z.number().nullable(),
  certifiedPopulation: z.number().nullable(),
  populationYear: z.number().nullable(),
  specialtyIndustries: z.array(z.string()),
  facilities: z.record(z.string(), z.boolean()),
  infrastructureImproved: z.boolean(),
  publicServicesImproved: z.boolean(),
  version: z.number(),
});
export type VillageProfile = z.output<typeof villageProfile>;

/** A village's figures of a year: 村集体经济收入 (yuan) and the year's 脱贫规划 (households, persons); null where not given. */
export const villageYearFigures = { collectiveIncome: z.number().nullable(), plannedHouseholds: z.number().nullable(), plannedPersons: z.number().nullable() };

export const villageYear = z.object({ regionCode: z.string(), year: z.number(), ...villageYearFigures });
export type VillageYear = z.output<typeof villageYear>;

/** The village page: region, profile, yearly figures, households by status today and the exit check. */
export const village = z.object({
  region: regionDetail,
  profile: villageProfile.nullable(),
  years: z.array(villageYear),
  byStatus: z.array(statusCount),
  remainingPoor: z.number(),
  collectiveIncomeYear: z.number().nullable(),
  exitCheck: verdict,
});
export type Village = z.output<typeof village>;
