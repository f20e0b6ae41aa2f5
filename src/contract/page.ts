import { z } from 'zod';

/**
 * One page of a list: the shape every paged route answers with (issue 10: “`Page<T>` is declared 4 times”). The first
 * piece of the shared contract (`src/contract/<feature>`): the server declares its response with `pageSchema(item)`,
 * the web takes the type from here.
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative(), page: z.number().int().positive(), pageSize: z.number().int().positive() });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
