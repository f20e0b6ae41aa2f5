import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/connection';
import type { Access } from '../../src/server/http/route';

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

/**
 * Every route of the app with the access it declares (`config.access`, set by `routeOptions` in
 * src/server/http/route.ts; undefined where a route declares none), read through the app's `onRoute` option as Fastify
 * registers each route. The app is built for this on the test's database and closed again (the test app is built
 * without the option): the same code, so the same routes — compare the keys with `routesOf(app)` to be sure.
 */
export async function routeAccessOf(database: Database): Promise<Map<RouteKey, Access | undefined>> {
  const out = new Map<RouteKey, Access | undefined>();
  const { app } = await buildApp({
    database,
    webDir: null,
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') out.set(`${method} ${route.url}`, route.config?.access);
    },
  });
  await app.ready();
  await app.close();
  return out;
}
