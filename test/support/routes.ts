import type { FastifyInstance } from 'fastify';

/** One registered route as `METHOD /path` (the HEAD routes Fastify adds beside each GET are left out). */
export type RouteKey = `${string} ${string}`;

/**
 * Every route of a ready app, read back from Fastify's own route tree (`printRoutes`), so that a test sees each route
 * whatever plugin registered it: a new feature's routes appear here without any list to keep up to date.
 *
 * The tree prints one node per line, indented by 4 characters a level (`├── /api/orgs (GET, HEAD, POST)`, then
 * `│   └── /:id (GET, …)`); a node's path is its parent's followed by its own segment.
 */
export function routesOf(app: FastifyInstance): RouteKey[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const out = new Set<RouteKey>();
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[└├]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = Math.round([...m[1]!].length / 4);
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) if (method !== 'HEAD') out.add(`${method} ${path}`);
  }
  return [...out].sort();
}
