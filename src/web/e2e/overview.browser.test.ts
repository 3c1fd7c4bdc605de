import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/** 工作概览 on the demo data as the bureau leader: charts drawn and fitting a 390 px phone and a 1440 px desk; the 考核 tab. */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 900_000);
afterAll(() => b?.close());

for (const size of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  it(`shows the leader's one-screen view at ${size.width} px`, async () => {
    const page = await b.loginAs('leader', { mobile: size.width < 500 });
    await page.setViewportSize(size);
    // The campaign with the demo plan (its coverage is the progress ring).
    const plans = await page.evaluate(async () => (await (await fetch('/api/plans')).json()) as { campaignId: number; current: boolean }[]);
    const plan = plans.find((p) => p.current) ?? plans[0];
    await page.goto(`${b.url}/overview?campaignId=${plan.campaignId}`);
    await page.getByTestId('ranking').waitFor();
    // The progress ring and the monthly chart are drawn.
    for (const id of ['chart-progress', 'chart-months']) {
      const canvas = page.getByTestId(id).locator('canvas').first();
      await canvas.waitFor();
      const box = (await canvas.boundingBox())!;
      expect(box.width, id).toBeGreaterThan(200);
      expect(box.height, id).toBeGreaterThan(150);
      expect(box.x + box.width, id).toBeLessThanOrEqual(size.width + 1);
    }
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    if (size.width < 500) {
      // Stacked: the two charts are one above the other, each as wide as the content.
      const a = (await page.getByTestId('chart-progress').boundingBox())!;
      const m = (await page.getByTestId('chart-months').boundingBox())!;
      expect(m.y).toBeGreaterThan(a.y + a.height - 1);
      expect(Math.abs(a.width - m.width)).toBeLessThan(2);
    }
    await page.getByRole('tab', { name: '考核' }).click();
    await page.getByTestId('assessment').waitFor();
    await expect.poll(() => page.getByTestId('assessment').textContent()).toContain('报送及时率');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 120_000);
}

it('the office opens the 考核 rule for revision with its indicators and weights filled in', async () => {
  const page = await b.loginAs('office');
  const rule = await page.evaluate(
    async () => (await (await fetch('/api/assessment-rule')).json()) as { definition: { items: { weight: number }[] } },
  );
  await page.goto(`${b.url}/overview`);
  await page.getByRole('tab', { name: '考核' }).click();
  await page.getByRole('button', { name: '修订考核指标与权重' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '修订考核指标与权重' });
  await dialog.getByText(/权重合计\s*100\s*分/).waitFor();
  const weights = rule.definition.items.map((i) => String(i.weight));
  await expect
    .poll(() => dialog.getByRole('spinbutton').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
    .toEqual(weights);
  await page.context().close();
}, 120_000);
