import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Issue 10: “Field errors outside the ledger show the English key as the label (mainCause：必填): http/errors.ts labels
 * every feature with the ledger's labelOf.” Each feature names its fields in its own words (http/labels.ts); the
 * registry's own case is in registry.test.ts.
 */
describe.each(dbKinds())('schema errors name the field in the feature’s words on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.each<[string, string, string, unknown, string, string]>([
    ['pairing', 'POST', '/api/pairing/households/1/visits', { kind: '帮扶走访' }, 'content', '走访内容：必填'],
    ['procedures', 'PUT', '/api/procedures/definitions/new', { steps: [{ key: 'a', name: '农户申请', level: '村', requires: [], minDays: '七' }] }, 'steps.0.minDays', '第 1 步最少天数：应为数字'],
    ['assessment', 'POST', '/api/assessment/rounds', { schemeId: 1, name: '年度考核', year: 2019, units: [{ name: '汕头', kind: 'city' }] }, 'units.0.unitKey', '第 1 个考核对象代码：必填'],
    ['orgs', 'POST', '/api/orgs', { parentId: 1, kind: '扶贫办', level: '县', regionCode: '513431000000' }, 'name', '单位名称：必填'],
    ['compare', 'POST', '/api/compare/hits/1/decision', { decision: '属实', expectedDecidedAt: null }, 'outcome', '评议情况：必填'],
    ['ledger (its own labels)', 'POST', '/api/ledger/entries', { funds: { donation: true } }, 'funds.donation', '个人捐款（万元）：应为金额（万元）'],
  ])('%s: %s %s', async (_feature, method, url, payload, field, expected) => {
    const res = await t.admin.request({ method: method as 'POST' | 'PUT', url, payload: payload as Record<string, unknown> });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { message: string; fields: Array<{ field: string; label: string; message: string }> };
    const hit = error.fields.find((f) => f.field === field);
    expect(hit, JSON.stringify(error.fields)).toBeDefined();
    expect(`${hit!.label}：${hit!.message}`).toContain(expected);
    expect(error.fields.every((f) => /[\u4e00-\u9fff]/.test(f.label)), JSON.stringify(error.fields)).toBe(true);
  });
});
