import { prepareTemplates } from './support/db';

/**
 * Global set-up of the projects that open a database (api, browser; not unit): the template databases. Each project
 * runs its own global set-up, in this one process, one after the other; the first prepares the templates and the
 * others reuse them (a second run would drop and rebuild PostgreSQL's template for nothing).
 */
const PREPARED = Symbol.for('taizhang.test.templatesPrepared');
const state = globalThis as typeof globalThis & { [PREPARED]?: Promise<void> };

export default async function setup(): Promise<void> {
  state[PREPARED] ??= prepareTemplates();
  await state[PREPARED];
}
