/**
 * The shipped national poverty line (issue 11: “Poverty lines shipped: the national rural poverty line by year
 * (2010-price 2300 元 standard in each year's prices, as published by 国家统计局; cite the source in the data file) so a
 * household anywhere gets a verdict on first start; provincial and city lines stay administrator data”). Seed 004:
 * “该户年人均可支配收入稳定超过国家扶贫标准”.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_LINE_YUAN } from '../../src/domain/registry/national-poverty-line';
import { createTestApp, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

const trial = (regionCode: string, year: number) => ({
  regionCode,
  year,
  income: { wages: 2000, business: 0, property: 0, transfer: { subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, other: 0 }, businessCosts: 0, illnessCosts: 0, schoolingCosts: 0 },
  householdSize: 1,
  foodSecure: true,
  clothingSecure: true,
  housingSafe: true,
  members: [],
});

describe.each(dbKinds())('the shipped national poverty line on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.each(Object.entries(NATIONAL_LINE_YUAN).map(([y, yuan]) => [Number(y), yuan]))('gives a Sichuan household a verdict for %i against %i 元 on first start', async (year, yuan) => {
    // 昭觉县 (Sichuan): no provincial or city line is shipped for Sichuan, so the national one applies.
    const res = await t.admin.post('/api/registry/trial/household', trial('513431100200', year));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().line).toMatchObject({ year, scope: '国家标准', yuan });
    expect(res.json().line.source).toContain('国家统计局');
    // 2,000 元 a head is below every year's line: identified, not exited.
    expect(res.json().identification.passed).toBe(true);
    expect(res.json().exit.passed).toBe(false);
  });

  it('gives each shipped line once: an administrator’s value and an administrator’s deletion stay at the next start', async () => {
    const lines = async () => (await t.admin.get('/api/registry/poverty-lines')).json().items as Array<{ id: number; year: number; scope: string; yuan: number }>;
    const y2015 = (await lines()).find((l) => l.year === 2015 && l.scope === 'national')!;
    expect((await t.admin.request({ method: 'DELETE', url: `/api/registry/poverty-lines/${y2015.id}` })).statusCode).toBe(204);
    expect((await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2016, scope: 'national', yuan: 3000, source: '本省核定' } })).statusCode).toBe(200);
    await t.services.registry.ensureDefaultLines();
    const after = await lines();
    expect(after.find((l) => l.year === 2015 && l.scope === 'national')).toBeUndefined();
    expect(after.find((l) => l.year === 2016 && l.scope === 'national')?.yuan).toBe(3000);
  });
});
