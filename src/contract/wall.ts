/**
 * 上墙图表 (wall charts, issue 12): what a township's and a village's wall posters are drawn from, in one call per
 * level. No ID numbers anywhere: the walls name people, never their 身份证号.
 */
import { z } from 'zod';
import { name } from './zod';
import { regionDetail } from './regions';

export const wallParams = z.object({ code: name(12) });

/** A person in an organisation chart: the name and what they are there (an account's role, a member's 界别/职务). */
export const wallPerson = z.object({ name: z.string(), role: z.string() });
export type WallPerson = z.output<typeof wallPerson>;

/** An office drawn in an organisation chart, with its parent among the drawn offices (null: a top box). */
export const wallOffice = z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), kind: z.string(), people: z.array(wallPerson) });
export type WallOffice = z.output<typeof wallOffice>;

export const villageStanding = z.enum(['贫困村', '已出列', '非贫困村']);

/** One year of the 脱贫规划: planned (村级年度脱贫规划) and actual exits, and the villages that exited. */
export const wallPlanYear = z.object({
  year: z.number(),
  plannedHouseholds: z.number(),
  plannedPersons: z.number(),
  actualHouseholds: z.number(),
  actualPersons: z.number(),
  exitedVillages: z.number(),
});
export type WallPlanYear = z.output<typeof wallPlanYear>;

/** Where a village stands (贫困村, 已出列 in `exitYear`, 非贫困村) and its households and persons still poor (未脱贫 and 返贫, today). */
const villageStandingFields = { standing: villageStanding, exitYear: z.number().nullable(), poorHouseholds: z.number(), poorPersons: z.number() };

/** A village's tile on the 贫困村分布图 and its bar in the 贫困人口分布柱状图. */
export const wallVillage = z.object({ code: z.string(), name: z.string(), ...villageStandingFields });
export type WallVillage = z.output<typeof wallVillage>;

/** GET /api/wall/townships/:code */
export const townshipWall = z.object({
  region: regionDetail,
  asOf: z.string(),
  villages: z.array(wallVillage),
  plan: z.array(wallPlanYear),
  /** 扶贫开发领导小组, its office and the 乡镇扶贫工作站 of the township, with their people. */
  offices: z.array(wallOffice),
});
export type TownshipWall = z.output<typeof townshipWall>;

/** A 双联干部 of the village: a leader or body linked to it (领导联系村 …) or a helper of its households. */
export const wallLeader = z.object({ kind: z.string(), holder: z.string(), orgName: z.string() });
export const wallHelper = z.object({ name: z.string(), unit: z.string(), households: z.number() });

/** A household of the village, for its 贫困户登记表 (户级). */
export const wallHousehold = z.object({ id: z.number(), number: z.string(), head: z.string().nullable(), status: z.string() });

/** GET /api/wall/villages/:code */
export const villageWall = z.object({
  region: regionDetail,
  asOf: z.string(),
  ...villageStandingFields,
  plan: z.array(wallPlanYear),
  leaders: z.array(wallLeader),
  helpers: z.array(wallHelper),
  /** 驻村工作队 and 村两委 of the village, with their people. */
  offices: z.array(wallOffice),
  households: z.array(wallHousehold),
});
export type VillageWall = z.output<typeof villageWall>;
