import { describe, expect, it } from 'vitest';
import { afterOutcome, classify, expired, newKey, nextStep, resendAnyway, retry, waitingCount, type EvidenceItem, type QueueItem, type VisitItem } from './queue';

// Issue 12: “each queued change sent once (an idempotency key), conflicts (the record changed on the server meanwhile)
// shown to the user, never silently overwritten. A badge shows what waits to be sent.”

const NOW = '2026-12-01T08:00:00.000Z';

function visitItem(over: Partial<VisitItem> = {}): VisitItem {
  return {
    type: 'visit',
    id: 'item-1',
    createdAt: '2026-12-01T07:00:00.000Z',
    state: 'queued',
    attempts: 0,
    error: null,
    conflict: null,
    baseVersion: 3,
    basis: { version: 3, facts: { 状态: '已脱贫' } },
    label: '张三（户编号 01）',
    files: [
      { kind: 'photo', name: 'a.jpg', mime: 'image/jpeg', key: 'key-photo', serverId: null },
      { kind: 'household', name: '贫困户签字.png', mime: 'image/png', key: 'key-household', serverId: null },
      { kind: 'helper', name: '帮扶责任人签字.png', mime: 'image/png', key: 'key-helper', serverId: null },
    ],
    sentAt: null,
    householdId: 7,
    visit: { kind: '帮扶走访', visitedOn: '2026-12-01', content: '了解收入' },
    key: 'key-visit',
    visitId: null,
    ...over,
  };
}

function evidenceItem(over: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    type: 'evidence',
    id: 'item-2',
    createdAt: NOW,
    state: 'queued',
    attempts: 0,
    error: null,
    conflict: null,
    baseVersion: 5,
    basis: null,
    label: '贫困户退出：新城村',
    files: [
      { kind: 'photo', name: '公示.jpg', mime: 'image/jpeg', key: 'k1', serverId: null },
      { kind: 'photo', name: '会议记录.jpg', mime: 'image/jpeg', key: 'k2', serverId: null },
    ],
    sentAt: null,
    procedureId: 9,
    step: 2,
    stepName: '村内公示',
    ...over,
  };
}

/** Runs every step with a success answer, returning the requests in order. */
function drain(item: QueueItem): { item: QueueItem; steps: string[] } {
  const steps: string[] = [];
  let id = 100;
  for (let step = nextStep(item); step; step = nextStep(item)) {
    steps.push(step.kind === 'visit' ? 'visit' : `file:${item.files[step.index]!.kind}`);
    item = afterOutcome(item, step, { ok: true, id: id++ }, NOW);
  }
  return { item, steps };
}

describe('nextStep and afterOutcome', () => {
  it('sends a visit first, then each of its files, and ends sent', () => {
    const { item, steps } = drain(visitItem());
    expect(steps).toEqual(['visit', 'file:photo', 'file:household', 'file:helper']);
    expect(item.state).toBe('sent');
    expect(item.sentAt).toBe(NOW);
    expect((item as VisitItem).visitId).toBe(100);
    expect(item.files.map((f) => f.serverId)).toEqual([101, 102, 103]);
  });

  it('sends evidence photo by photo', () => {
    const { item, steps } = drain(evidenceItem());
    expect(steps).toEqual(['file:photo', 'file:photo']);
    expect(item.state).toBe('sent');
  });

  it('checks the version with the first part only: the rest of the change goes without it', () => {
    const first = afterOutcome(visitItem(), { kind: 'visit' }, { ok: true, id: 1 }, NOW);
    expect(first.baseVersion).toBeNull();
    expect(first.state).toBe('queued');
    expect(nextStep(first)).toEqual({ kind: 'file', index: 0 });
  });

  it('a visit without files is sent after its one request', () => {
    expect(drain(visitItem({ files: [] })).steps).toEqual(['visit']);
  });

  it('keeps the same keys across a lost answer: the resend is the same request', () => {
    const lost = afterOutcome(visitItem(), { kind: 'visit' }, { ok: false, status: 0, code: 'NETWORK', message: '无法连接服务器' }, NOW);
    expect(lost.state).toBe('queued');
    expect(lost.attempts).toBe(1);
    expect(lost.key).toBe('key-visit');
    expect(lost.baseVersion).toBe(3);
    expect(nextStep(lost)).toEqual({ kind: 'visit' });
    // A file's answer lost after the visit went in: the file again, never the visit.
    const inVisit = afterOutcome(visitItem(), { kind: 'visit' }, { ok: true, id: 1 }, NOW);
    const lostFile = afterOutcome(inVisit, { kind: 'file', index: 0 }, { ok: false, status: 503, code: 'HTTP_503', message: '服务器暂时无法访问' }, NOW);
    expect(nextStep(lostFile)).toEqual({ kind: 'file', index: 0 });
    expect(lostFile.files[0]!.key).toBe('key-photo');
  });

  it('a 409 STALE_VERSION is a conflict: nothing more is sent until the user decides', () => {
    const c = afterOutcome(visitItem(), { kind: 'visit' }, { ok: false, status: 409, code: 'STALE_VERSION', message: '该户信息已被修改', currentVersion: 4 }, NOW);
    expect(c.state).toBe('conflict');
    expect(c.conflict).toEqual({ message: '该户信息已被修改', currentVersion: 4 });
    expect(nextStep(c)).toBeNull();
  });

  it('a refusal stops the item with the server’s reason', () => {
    const f = afterOutcome(visitItem(), { kind: 'visit' }, { ok: false, status: 400, code: 'VALIDATION', message: '走访日期不能晚于今天' }, NOW);
    expect(f.state).toBe('failed');
    expect(f.error).toBe('走访日期不能晚于今天');
    expect(nextStep(f)).toBeNull();
    const again = retry(f);
    expect(again.state).toBe('queued');
    expect(again.key).toBe('key-visit');
  });

  it('leaves its input as it was', () => {
    const item = visitItem();
    afterOutcome(item, { kind: 'visit' }, { ok: true, id: 1 }, NOW);
    expect(item.visitId).toBeNull();
    expect(item.baseVersion).toBe(3);
  });
});

describe('classify', () => {
  it.each([
    [0, 'NETWORK', 'retry'],
    [401, 'UNAUTHENTICATED', 'retry'],
    [409, 'CONFLICT', 'retry'],
    [429, 'RATE_LIMITED', 'retry'],
    [500, 'INTERNAL', 'retry'],
    [503, 'HTTP_503', 'retry'],
    [409, 'STALE_VERSION', 'conflict'],
    [400, 'VALIDATION', 'failed'],
    [403, 'FORBIDDEN', 'failed'],
    [404, 'NOT_FOUND', 'failed'],
    [413, 'TOO_LARGE', 'failed'],
  ] as const)('%i %s → %s', (status, code, what) => {
    expect(classify(status, code)).toBe(what);
  });
});

describe('resendAnyway (仍然提交)', () => {
  it('queues a conflicting visit again without the version, under a new key', () => {
    const c = afterOutcome(visitItem(), { kind: 'visit' }, { ok: false, status: 409, code: 'STALE_VERSION', message: '已修改', currentVersion: 4 }, NOW);
    let n = 0;
    const again = resendAnyway(c, () => `new-${++n}`);
    expect(again.state).toBe('queued');
    expect(again.baseVersion).toBeNull();
    expect(again.conflict).toBeNull();
    expect(again.key).not.toBe('key-visit');
    expect(again.files.every((f) => f.key.startsWith('new-'))).toBe(true);
    expect(drain(again).item.state).toBe('sent');
  });

  it('keeps the keys of what is on the server already (evidence with one photo in)', () => {
    const one = afterOutcome(evidenceItem(), { kind: 'file', index: 0 }, { ok: true, id: 1 }, NOW);
    const c = afterOutcome({ ...one, baseVersion: 5 }, { kind: 'file', index: 1 }, { ok: false, status: 409, code: 'STALE_VERSION', message: '已办理到下一步' }, NOW);
    const again = resendAnyway(c, () => 'new');
    expect(again.files.map((f) => f.key)).toEqual(['k1', 'new']);
  });

  it('does nothing to an item not in conflict', () => {
    const item = visitItem();
    expect(resendAnyway(item, () => 'new')).toBe(item);
  });
});

describe('waitingCount and expired', () => {
  it('counts what is not on the server yet', () => {
    expect(waitingCount([{ state: 'queued' }, { state: 'conflict' }, { state: 'failed' }, { state: 'sent' }])).toBe(3);
    expect(waitingCount([])).toBe(0);
  });

  it.each([
    ['sent', '2026-11-20T00:00:00.000Z', true],
    ['sent', '2026-11-30T00:00:00.000Z', false],
    ['queued', null, false],
  ] as const)('%s at %s → expired %s', (state, sentAt, is) => {
    expect(expired({ state, sentAt }, Date.parse(NOW))).toBe(is);
  });
});

describe('newKey', () => {
  it('makes UUIDs the server takes as idempotency keys (8–100 of [A-Za-z0-9_-]), each new', () => {
    const a = newKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newKey()).not.toBe(a);
  });
});
