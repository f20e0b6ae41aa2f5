import { z } from 'zod';

/** Query-string helpers: numbers and booleans arrive as text. */
export const intParam = z.coerce.number().int();
export const optionalInt = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().optional());
export const optionalBool = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined),
  z.boolean().optional(),
);
export const page = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(1).default(1));
export const pageSize = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(1).max(200).default(20));
export const idParams = z.object({ id: intParam });
