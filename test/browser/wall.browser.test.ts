/**
 * Browser test of 上墙图表 (issue 12: “上墙图表 (wall charts) for each level, printable as A3 posters and downloadable
 * as PNG”), on the demo data (昭觉县新城镇 and its villages with households). The document's 乡级 需上墙图表 lists
 * “2、全乡贫困村分布图 … 6、全乡贫困人口分布柱状图”; the 村级 “1、扶贫工作组织机构图(包括双联干部、驻村帮扶工作队人员、村干部)”.
 * The township and village walls show each chart with its data; a chart (canvas) and an SVG poster download as PNG;
 * a chart's print page is an A3 sheet.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TownshipWall, VillageWall } from '../../src/contract/wall';
import { DEMO_TOWNSHIPS } from '../../src/server/demo/registry';
import { shortVillageName } from '../../src/web/wall/api';
import { pdfInfo, pdfText, compact } from '../support/pdf';
import { browserSuite, expectText, skipBrowser, WAIT, withPage } from './support';

const XINCHENG = DEMO_TOWNSHIPS[0]!;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function pngOf(page: Page, panel: ReturnType<Page['getByTestId']>): Promise<Buffer> {
  const [download] = (await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载 PNG' }).click()])) as [Download, unknown];
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  return readFileSync(file!);
}

function expectPng(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.length).toBeGreaterThan(20_000);
}

/** The chart's print page, opened in a new tab by 打印（A3）, as a PDF of its own page size. */
async function printedPdf(page: Page, panel: ReturnType<Page['getByTestId']>): Promise<Buffer> {
  const [sheet] = await Promise.all([page.context().waitForEvent('page'), panel.getByRole('button', { name: '打印（A3）' }).click()]);
  await sheet.getByTestId('wall-print').waitFor();
  await sheet.waitForLoadState('networkidle');
  const pdf = await sheet.pdf({ preferCSSPageSize: true, printBackground: true });
  await sheet.close();
  return pdf;
}

/** A3 portrait is 841.89 × 1190.55 pt; Chromium rounds the sheet to its own units (841.92 × 1191.12). */
function expectA3(pdf: Buffer) {
  const [w, h] = (/^([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(pdf).pageSize) ?? []).slice(1).map(Number);
  expect(Math.abs(w! - 841.89)).toBeLessThan(1.5);
  expect(Math.abs(h! - 1190.55)).toBeLessThan(1.5);
}

describe.skipIf(skipBrowser)('wall charts in the browser', () => {
  const suite = browserSuite();

  it('shows the township and village walls with their data, downloads PNGs and prints A3 posters', { timeout: 300_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'wall', async (page, pageErrors) => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => u.pathname === '/');

      const township = (await (await page.request.get(`${server.url}/api/wall/townships/${XINCHENG}`)).json()) as TownshipWall;
      const withPoor = township.villages.filter((v) => v.poorHouseholds > 0);
      expect(withPoor.length).toBeGreaterThan(0);

      // From the registry's region page of the township to its wall.
      await page.goto(`${server.url}/registry?region=${XINCHENG}`);
      await page.getByTestId('registry-caption').getByRole('link', { name: '上墙图表' }).click();
      await page.waitForURL((u) => u.pathname === `/wall/townships/${XINCHENG}`);
      await expectText(page.getByRole('heading', { level: 3 }), '乡级上墙图表 · 新城镇');

      // 全乡贫困村分布图: a tile per village, its standing and its poor households.
      const distribution = page.getByTestId('wall-distribution');
      for (const v of withPoor) {
        const tile = distribution.locator(`[data-village="${v.code}"]`);
        await expect.poll(() => tile.textContent(), WAIT).toContain(shortVillageName(v.name));
        expect(await tile.textContent()).toContain(`贫困户 ${v.poorHouseholds} 户 ${v.poorPersons} 人`);
        expect(await tile.textContent()).toContain(v.standing);
      }
      expect(await distribution.locator('[data-village]').count()).toBe(township.villages.length);

      // 全乡贫困人口分布柱状图: a bar per village, named with its count.
      const persons = page.getByTestId('wall-persons');
      const bars = persons.getByRole('img', { name: /全乡贫困人口分布柱状图：/ });
      await bars.waitFor();
      const label = (await bars.getAttribute('aria-label')) ?? '';
      for (const v of township.villages) expect(label).toContain(`${shortVillageName(v.name)}${v.poorPersons}人`);
      expectPng(await pngOf(page, persons));

      // 全乡贫困村脱贫规划图 (the demo plans 2019), 领导小组组织机构图 (the 新城镇扶贫工作站 and its people), 职责.
      await expect.poll(() => page.getByTestId('wall-plan').getByRole('img', { name: /全乡贫困村脱贫规划图：/ }).getAttribute('aria-label'), WAIT).toContain('2019年计划');
      const org = page.getByTestId('wall-org');
      await expect.poll(() => org.locator('svg').last().textContent(), WAIT).toContain(township.offices[0]!.name);
      expectPng(await pngOf(page, org));
      await expect.poll(() => page.getByTestId('wall-duties').locator('svg').last().textContent(), WAIT).toContain('负责本乡镇双联行动和扶贫开发情况的统计上报工作');

      // The distribution map printed: an A3 page with the villages on it.
      const map = await printedPdf(page, distribution);
      expectA3(map);
      expect(pdfInfo(map).pages).toBe(1);
      expect(compact(pdfText(map))).toContain(shortVillageName(withPoor[0]!.name));
      // And a chart (canvas) printed likewise.
      expectA3(await printedPdf(page, persons));

      // The village's wall, from the village page.
      const villageCode = withPoor[0]!.code;
      const village = (await (await page.request.get(`${server.url}/api/wall/villages/${villageCode}`)).json()) as VillageWall;
      await page.goto(`${server.url}/registry/villages/${villageCode}`);
      await page.getByRole('link', { name: '上墙图表' }).click();
      await page.waitForURL((u) => u.pathname === `/wall/villages/${villageCode}`);
      await expectText(page.getByRole('heading', { level: 3 }), `村级上墙图表 · ${shortVillageName(village.region.name)}`);

      const villageOrg = page.getByTestId('wall-org');
      const committee = village.offices.find((o) => o.kind === '村两委')!;
      await expect.poll(() => villageOrg.locator('svg').last().textContent(), WAIT).toContain(committee.name);
      expect(await villageOrg.locator('svg').last().textContent()).toContain('扶贫工作组织机构');
      expectPng(await pngOf(page, villageOrg));
      const plan = village.plan.find((p) => p.plannedPersons > 0);
      if (plan) await expect.poll(() => page.getByTestId('wall-plan').getByRole('img', { name: /村级精准脱贫规划：/ }).getAttribute('aria-label'), WAIT).toContain(`${plan.year}年计划${plan.plannedPersons}人`);
      expectPng(await pngOf(page, page.getByTestId('wall-fund')));
      expect(await page.getByTestId('wall-overview').getByRole('link', { name: /打开 PDF/ }).getAttribute('href')).toBe(`/api/print/villages/${villageCode}/overview.pdf`);
      const households = page.getByTestId('wall-households');
      await expectText(households, village.households[0]!.head!);
      expect(await households.getByRole('link', { name: /打开 PDF/ }).first().getAttribute('href')).toBe(`/api/print/households/${village.households[0]!.id}/registration.pdf`);

      const orgSheet = await printedPdf(page, villageOrg);
      expectA3(orgSheet);
      expect(compact(pdfText(orgSheet))).toContain(compact(committee.name));
      // No ID number on a wall.
      expect(await page.locator('body').innerText()).not.toMatch(/\d{6}(19|20)\d{2}/);
      expect(pageErrors).toEqual([]);
    });
  });
});
