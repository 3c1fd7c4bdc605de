import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedText } from '../../server/modules/campaigns/draft/seeds.js';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 300_000);
afterAll(() => b?.close());

it('drafts a campaign from a pasted notice: proposals with their sentence, one rejected, the rest fill the editor (phone width)', async () => {
  const page = await b.loginAs('office', { mobile: true, at: '/campaigns/new' });
  await page.getByTestId('draft-open').click();
  await page
    .getByTestId('draft-text')
    .locator('textarea')
    .or(page.locator('textarea[data-testid="draft-text"]'))
    .first()
    .fill(seedText('seed-002'));
  await page.getByTestId('draft-run').click();
  const proposals = page.getByTestId('draft-proposals');
  await proposals.waitFor();
  // The weekly report: its rule in words and the words it was read from marked in the sentence.
  await expect.poll(() => proposals.getByText(/每周四.*前/).count()).toBeGreaterThan(0);
  await expect.poll(() => proposals.locator('mark', { hasText: '每周四下班前' }).count()).toBeGreaterThan(0);
  await expect.poll(() => proposals.getByText('原文为“下班前”，未写具体时刻', { exact: false }).count()).toBeGreaterThan(0);
  // Reject the focus areas, adopt the rest.
  const areas = proposals.locator('label', { hasText: '重点区域' });
  await areas.click();
  await page.getByTestId('draft-adopt').click();
  await expect.poll(() => page.locator('input#name').inputValue()).toBe('药品安全春风行动工作方案');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
