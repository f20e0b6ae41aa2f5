import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

/**
 * Issue 12, offline: “each queued change sent once (an idempotency key), conflicts (the record changed on the server
 * meanwhile) shown to the user, never silently overwritten”. The server side: `Idempotency-Key` on any write, a visit's
 * `baseVersion`, the procedure evidence's `baseVersion`, and a visit's files by kind (photo, both signatures).
 */

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签字')]);

function upload(c: Client, url: string, key?: string) {
  const boundary = '----tz-offline';
  return c.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(key ? { 'idempotency-key': key } : {}) },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sign.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const post = (c: Client, url: string, payload: object, key?: string) => c.request({ method: 'POST', url, payload, headers: key ? { 'idempotency-key': key } : {} });
const error = (res: LightMyRequestResponse) => (res.json() as { error: { code: string; message: string; currentVersion?: number; fields?: { field: string }[] } }).error;

describe.each(dbKinds())('offline sync on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let other: Client;
  let household: number;
  let visits: () => Promise<Array<{ id: number; content: string; attachments: Array<{ kind: string | null }> }>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(countyOrg, 'county');
    other = await t.user(countyOrg, 'county2');
    const res = await county.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0001', [member('阿苦日作', idNumber('19800101', '301'), '户主')]));
    expect(res.statusCode, res.body).toBe(201);
    household = res.json().id;
    visits = async () => (await county.get(`/api/pairing/households/${household}`)).json().visits;
  });
  afterAll(async () => t?.close());

  it('records a visit sent twice with one key once, answering the second with the first answer', async () => {
    const body = { kind: '帮扶走访', visitor: '测试走访人', content: '离线记录的走访' };
    const first = await post(county, `/api/pairing/households/${household}/visits`, body, 'visit-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(county, `/api/pairing/households/${household}/visits`, body, 'visit-key-0001');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await visits()).filter((v) => v.content === '离线记录的走访')).toHaveLength(1);
    // Another user's key of the same spelling is theirs alone.
    const others = await post(other, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '另一人的走访' }, 'visit-key-0001');
    expect(others.statusCode, others.body).toBe(201);
    expect(others.headers['idempotency-replayed']).toBeUndefined();
  });

  it('refuses a key used for another request, and a key of the wrong form, naming the header', async () => {
    const reused = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: 'x' }, 'visit-key-0001');
    // Same URL and method, so it is a resend: the first answer again.
    expect(reused.headers['idempotency-replayed']).toBe('true');
    const elsewhere = await county.request({ method: 'PUT', url: `/api/registry/households/${household}/incomes/2019`, payload: { wages: 100 }, headers: { 'idempotency-key': 'visit-key-0001' } });
    expect(elsewhere.statusCode).toBe(400);
    expect(error(elsewhere).message).toBe('Idempotency-Key：已用于另一请求');
    const bad = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: 'x' }, 'short');
    expect(bad.statusCode).toBe(400);
    expect(error(bad).fields?.[0]?.field).toBe('Idempotency-Key');
  });

  it('does not keep an answer that was not a success: the resend is decided afresh', async () => {
    const refused = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '' }, 'visit-key-0002');
    expect(refused.statusCode).toBe(400);
    const fixedKey = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '改正后重发' }, 'visit-key-0002');
    expect(fixedKey.statusCode, fixedKey.body).toBe(201);
    expect(fixedKey.headers['idempotency-replayed']).toBeUndefined();
  });

  it('refuses a visit recorded against an older version of the household, writing nothing, and takes it without one', async () => {
    const h = (await county.get(`/api/registry/households/${household}`)).json();
    const changed = await county.patch(`/api/registry/households/${household}`, { version: h.version, phone: '13800000000' });
    expect(changed.statusCode, changed.body).toBe(200);
    const before = (await visits()).length;
    const stale = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '离线期间', baseVersion: h.version }, 'visit-key-0003');
    expect(stale.statusCode).toBe(409);
    expect(error(stale)).toMatchObject({ code: 'STALE_VERSION', currentVersion: changed.json().version });
    expect(error(stale).message).toContain('请核对后再提交');
    expect(await visits()).toHaveLength(before);
    // The user looked and sends it anyway (a new key, no base version): written once.
    const anyway = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '离线期间' }, 'visit-key-0004');
    expect(anyway.statusCode, anyway.body).toBe(201);
    const current = await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '当前版本', baseVersion: changed.json().version });
    expect(current.statusCode, current.body).toBe(201);
    expect((await county.get(`/api/registry/households/${household}`)).json().version).toBe(changed.json().version);
  });

  it('keeps a visit’s photo and both signatures by kind, each upload once under its key', async () => {
    const visit = (await post(county, `/api/pairing/households/${household}/visits`, { kind: '帮扶走访', visitor: '测试走访人', content: '带照片和签字' })).json().id;
    for (const k of ['photo', 'household', 'helper'] as const) {
      const res = await upload(county, `/api/pairing/visits/${visit}/signatures?kind=${k}`, `file-${k}-${visit}`);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().kind).toBe(k);
      const again = await upload(county, `/api/pairing/visits/${visit}/signatures?kind=${k}`, `file-${k}-${visit}`);
      expect(again.json().id).toBe(res.json().id);
    }
    const plain = await upload(county, `/api/pairing/visits/${visit}/signatures`);
    expect(plain.json().kind).toBeNull();
    const files = (await visits()).find((v) => v.id === visit)!.attachments.map((a) => a.kind);
    expect(files).toEqual(['photo', 'household', 'helper', null]);
    const wrong = await upload(county, `/api/pairing/visits/${visit}/signatures?kind=selfie`);
    expect(wrong.statusCode).toBe(400);
  });

  it('refuses evidence taken against a procedure that was passed meanwhile, and takes it when sent without the base version', async () => {
    const started = await county.post('/api/procedures', { kind: 'removal', householdId: household });
    expect(started.statusCode, started.body).toBe(201);
    const p = started.json();
    const evidence = (q: string, key?: string) => upload(county, `/api/procedures/${p.id}/attachments?${q}`, key);
    const ok = await evidence(`step=0&baseVersion=${p.version}`, 'evidence-0001');
    expect(ok.statusCode, ok.body).toBe(201);
    // Withdrawn by someone else meanwhile: the next photo taken against the old version is refused.
    const withdrawn = await county.post(`/api/procedures/${p.id}/actions`, { type: 'withdraw', reason: '测试撤销', version: p.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const stale = await evidence(`step=0&baseVersion=${p.version}`, 'evidence-0002');
    expect(stale.statusCode).toBe(409);
    expect(error(stale)).toMatchObject({ code: 'STALE_VERSION', currentVersion: withdrawn.json().version });
    expect(error(stale).message).toContain('已撤销');
    const anyway = await evidence('step=0', 'evidence-0003');
    expect(anyway.statusCode, anyway.body).toBe(201);
    expect((await county.get(`/api/procedures/${p.id}`)).json().attachments).toHaveLength(2);
  });
});
