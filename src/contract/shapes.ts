import type { z } from 'zod';

/** The schemas a schema holds, by its kind; any other wrapper (optional, nullable, default, readonly…) holds `innerType`. */
const CHILDREN: Record<string, (def: Record<string, unknown>) => unknown[]> = {
  object: (def) => Object.values(def.shape as Record<string, unknown>),
  array: (def) => [def.element],
  union: (def) => def.options as unknown[],
  intersection: (def) => [def.left, def.right],
  pipe: (def) => [def.in, def.out],
  record: (def) => [def.valueType],
  tuple: (def) => def.items as unknown[],
  lazy: (def) => [(def.getter as () => unknown)()],
};

/**
 * The property names of every object a schema can hold, at any depth (inside arrays, unions, optionals, pipes…):
 * what a hand-written copy of the shape elsewhere would repeat. Used by the contract tests to find such copies.
 */
export function objectShapes(schema: z.ZodType, out: Array<{ keys: string[] }> = [], seen = new Set<unknown>()): Array<{ keys: string[] }> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  if (def.type === 'object') out.push({ keys: Object.keys(def.shape as Record<string, unknown>) });
  const children = CHILDREN[def.type as string]?.(def) ?? [def.innerType];
  for (const s of children) if (s && typeof s === 'object' && '_zod' in s) objectShapes(s as z.ZodType, out, seen);
  return out;
}
