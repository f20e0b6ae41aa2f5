import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, chainPayload, GENESIS_HASH, verifyChain, type ChainLinkRow, type ChainRow } from './chain';

// Issue 9: “the audit log append-only and hash-chained (`taizhang audit verify` reports the first broken link)”.

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [undefined, 'null'],
    ['户编号', '"户编号"'],
    [12, '12'],
    [1.5, '1.5'],
    [true, 'true'],
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'], // jsonb does not keep key order: the serialisation sorts keys
    [{ a: { d: [1, { z: 0, y: null }], c: 'x' } }, '{"a":{"c":"x","d":[1,{"y":null,"z":0}]}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'], // undefined members are dropped, as JSON (and jsonb) drops them
    [[undefined], '[null]'],
    [new Date('2020-06-30T02:00:00.000Z'), '"2020-06-30T02:00:00.000Z"'],
    ['引号"与\\反斜杠', '"引号\\"与\\\\反斜杠"'],
  ] as const)('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text for a value and its JSON round trip (what jsonb returns)', () => {
    const value = { name: '张三', persons: [{ idNumber: '510104199001011234', age: 30 }], at: new Date(0), none: undefined };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });
});

const base: ChainRow = {
  id: 7,
  seq: 1,
  entity: 'person',
  entityId: 42,
  userId: 3,
  userName: '县扶贫办',
  action: 'update',
  orgPath: '/1/4/',
  regionCode: '513431100201',
  before: { name: '张三' },
  after: { name: '张叁' },
  atMs: Date.parse('2020-06-30T02:00:00.000Z'),
};

describe('chainHash', () => {
  it('is sha256 over the previous hash and the row, in the canonical form', () => {
    const payload = chainPayload(GENESIS_HASH, base);
    expect(payload).toBe('["",1,"person",42,3,"县扶贫办","update","/1/4/","513431100201",{"name":"张三"},{"name":"张叁"},1593482400000]');
    expect(chainHash(GENESIS_HASH, base)).toBe(createHash('sha256').update(payload, 'utf8').digest('hex'));
  });

  it.each([
    ['seq', { seq: 2 }],
    ['entity', { entity: 'household' }],
    ['entityId', { entityId: 43 }],
    ['userId', { userId: 4 }],
    ['userName', { userName: '他人' }],
    ['action', { action: 'delete' }],
    ['orgPath', { orgPath: '/1/5/' }],
    ['regionCode', { regionCode: null }],
    ['before', { before: { name: '李四' } }],
    ['after', { after: null }],
    ['atMs', { atMs: base.atMs + 1 }],
  ] as const)('changes when %s changes', (_field, change) => {
    expect(chainHash(GENESIS_HASH, { ...base, ...change })).not.toBe(chainHash(GENESIS_HASH, base));
  });

  it('does not depend on the id (the row’s place is its seq) nor on key order', () => {
    expect(chainHash('', { ...base, id: 99 })).toBe(chainHash('', base));
    expect(chainHash('', { ...base, before: { b: 1, a: 2 } })).toBe(chainHash('', { ...base, before: { a: 2, b: 1 } }));
  });

  it('changes with the previous hash', () => {
    expect(chainHash('a'.repeat(64), base)).not.toBe(chainHash(GENESIS_HASH, base));
  });
});

function chain(n: number): ChainLinkRow[] {
  const rows: ChainLinkRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row = { ...base, id: 100 + i * 2, seq: i, entityId: i, after: { name: `名${i}` } };
    const hash = chainHash(prev, row);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('verifyChain', () => {
  const good = chain(5);
  const head = { seq: 5, hash: good[4]!.hash! };

  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(good, { head })).toEqual({ ok: true, count: 5, lastSeq: 5, lastHash: head.hash });
    expect(verifyChain([], { head: { seq: 0, hash: '' } })).toMatchObject({ ok: true, count: 0 });
  });

  it('continues from a verified link (batches)', () => {
    const first = verifyChain(good.slice(0, 2));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(good.slice(2), { from: { seq: first.lastSeq, hash: first.lastHash }, head })).toMatchObject({ ok: true, count: 3 });
  });

  it.each<[string, (rows: ChainLinkRow[]) => ChainLinkRow[], { id: number | null; problem: string; message: RegExp }]>([
    ['a field edited', (r) => r.map((x) => (x.seq === 3 ? { ...x, after: { name: '篡改' } } : x)), { id: 106, problem: 'hash', message: /被改动/ }],
    ['the time edited', (r) => r.map((x) => (x.seq === 2 ? { ...x, atMs: x.atMs - 1000 } : x)), { id: 104, problem: 'hash', message: /被改动/ }],
    ['a row edited and re-hashed', (r) => r.map((x) => (x.seq === 3 ? { ...x, userName: '他人', hash: chainHash(x.prevHash!, { ...x, userName: '他人' }) } : x)), { id: 108, problem: 'prev_hash', message: /链接断开/ }],
    ['a row deleted', (r) => r.filter((x) => x.seq !== 2), { id: 106, problem: 'seq', message: /缺少第 2 条/ }],
    ['a row repeated', (r) => [...r.slice(0, 3), r[2]!, ...r.slice(3)], { id: 106, problem: 'seq', message: /重复/ }],
    ['the tail cut off', (r) => r.slice(0, 4), { id: null, problem: 'head', message: /链尾缺失/ }],
    ['a row never chained', (r) => r.map((x) => (x.seq === 4 ? { ...x, hash: null } : x)), { id: 108, problem: 'unchained', message: /尚未入链/ }],
  ])('reports the first broken link: %s', (_what, tamper, expected) => {
    const verdict = verifyChain(tamper(good), { head });
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ id: expected.id, problem: expected.problem });
    if (!verdict.ok) expect(verdict.message).toMatch(expected.message);
  });
});
