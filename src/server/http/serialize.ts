
import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * Answers are written through their route's response schema from `src/contract` (zod encodes them, so an answer the
 * contract does not describe is an error, never a silent change). zod leaves out fields a schema does not declare; in
 * strict mode (the tests) a field left out is an error too, so the contract cannot lag behind what a service returns.
 */
export function contractSerializerCompiler(strict: boolean): Parameters<import('fastify').FastifyInstance['setSerializerCompiler']>[0] {
  return (route) => {
    const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
    if (!strict) return serialize;
    return (data: unknown) => {
      const out = serialize(data);
      const dropped = droppedFields(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(out), '');
      if (dropped.length) {
        const message = `${route.method} ${route.url}: the answer has fields its response schema does not declare: ${dropped.slice(0, 8).join(', ')}`;
        console.error(message);
        throw new Error(message);
      }
      return out;
    };
  };
}

/** The paths of the fields `before` has and `after` lacks, at any depth. */
export function droppedFields(before: unknown, after: unknown, path: string): string[] {
  if (Array.isArray(before) && Array.isArray(after)) return before.flatMap((item, i) => droppedFields(item, after[i], `${path}[${i}]`)).slice(0, 20);
  if (!isPlainObject(before) || !isPlainObject(after)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(before)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in after)) out.push(at);
    else out.push(...droppedFields(value, after[key], at));
    if (out.length >= 20) break;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

