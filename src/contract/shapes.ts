import type { z } from 'zod';

/**
 * The property names of every object a schema can hold, at any depth (inside arrays, unions, optionals, pipes…):
 * what a hand-written copy of the shape elsewhere would repeat. Used by the contract tests to find such copies.
 */
export function objectShapes(schema: z.ZodType, out: Array<{ keys: string[] }> = [], seen = new Set<unknown>()): Array<{ keys: string[] }> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  const walk = (s: unknown) => {
    if (s && typeof s === 'object' && '_zod' in s) objectShapes(s as z.ZodType, out, seen);
  };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      out.push({ keys: Object.keys(shape) });
      Object.values(shape).forEach(walk);
      break;
    }
    case 'array':
      walk(def.element);
      break;
    case 'union':
      (def.options as unknown[]).forEach(walk);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach(walk);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    default:
      walk(def.innerType);
  }
  return out;
}
