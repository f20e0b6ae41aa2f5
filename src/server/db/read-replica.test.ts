import type { FastifyRequest } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from './connection';
import { openReadReplica, routedDb } from './read-replica';

// Which server a read goes to (issue 13: “writes to the primary, read-your-own-writes where a page needs it”). The
// replica's pool connects on its first query only: none is made here (the real replica is test/api/replica.test.ts).

const request = (method: string, userId: number | null) => ({ method, auth: userId === null ? null : { userId } }) as unknown as FastifyRequest;

describe('read routing', () => {
  let clock = 1_000_000;
  const primary = { name: 'primary' } as unknown as Db;
  const routing = openReadReplica(primary, 'postgres://nobody@127.0.0.1:1/none', { stickyMs: 5_000, probeMs: 600_000, now: () => clock });
  afterAll(() => routing.close());

  it.each([
    ['outside any request (a background job)', null, 'replica'],
    ['a GET of a user who has not written', request('GET', 7), 'replica'],
    ['a GET without a session', request('GET', null), 'replica'],
    ['a POST (a write route reads back what it wrote)', request('POST', 7), 'primary'],
    ['a PATCH', request('PATCH', 8), 'primary'],
    ['a DELETE', request('DELETE', 9), 'primary'],
  ] as const)('%s reads the %s', (_what, req, expected) => {
    expect(req ? routing.within(req, () => routing.target()) : routing.target()).toBe(expected);
  });

  it('keeps a user’s reads on the primary for the window after their write, and only theirs', () => {
    routing.wrote(7);
    expect(routing.within(request('GET', 7), () => routing.target())).toBe('primary');
    expect(routing.within(request('GET', 8), () => routing.target())).toBe('replica');
    clock += 4_999;
    expect(routing.within(request('GET', 7), () => routing.target())).toBe('primary');
    clock += 1;
    expect(routing.within(request('GET', 7), () => routing.target())).toBe('replica');
  });

  it('carries the request through awaits', async () => {
    routing.wrote(10);
    const seen = await routing.within(request('GET', 10), async () => {
      await new Promise((r) => setTimeout(r, 1));
      return routing.target();
    });
    expect(seen).toBe('primary');
  });

  it('sends each use of the routed Db to the Db chosen at that moment, methods bound to it', () => {
    const a = { name: 'a', who() { return this.name; } };
    const b = { name: 'b', who() { return this.name; } };
    let current: typeof a = a;
    const db = routedDb(() => current as unknown as Db) as unknown as typeof a;
    expect(db.who()).toBe('a');
    current = b;
    expect(db.who()).toBe('b');
    expect(db.name).toBe('b');
  });
});
