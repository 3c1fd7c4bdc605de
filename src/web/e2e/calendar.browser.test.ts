import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, shanghaiToday, weekdayOf } from '../../contracts/calendar.js';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/** 节假日日历 on a phone: the administrator enters a year the package lacks, and the page fits 390 px. */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 900_000);
afterAll(() => b?.close());

// Two years ahead: offered by the year picker, and past the pinned package's last year (2026).
const Y = Number(shanghaiToday().slice(0, 4)) + 2;
/** The first Saturday of February that year: a make-up working day. */
const SAT = addDays(`${Y}-02-01`, (6 - weekdayOf(`${Y}-02-01`) + 7) % 7);

it('an administrator enters a year the package lacks on a phone: a holiday period and a make-up day, saved as 管理员录入', async () => {
  const page = await b.loginAs('admin', { mobile: true, at: '/calendar' });
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByTitle(`${Y}年（未录入）`).click();
  await page.getByText(`${Y}年节假日安排尚未录入`).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // 元旦 as a period of one day: start and end typed into the range picker.
  const range = page.getByPlaceholder('放假开始');
  await range.click();
  await range.fill(`${Y}-01-01`);
  await page.getByPlaceholder('放假结束').fill(`${Y}-01-01`);
  await page.getByPlaceholder('放假结束').press('Enter');
  await page.getByLabel('日期段名称').fill('元旦');
  await page.getByRole('button', { name: '按日期段添加' }).click();
  await expect.poll(() => page.getByTestId('calendar-holidays').getByLabel('名称').count()).toBe(1);

  // One make-up working day, a Saturday.
  await page
    .getByTestId('calendar-workdays')
    .getByRole('button', { name: /添加一天/ })
    .click();
  const day = page.getByTestId('calendar-workdays').locator('.ant-picker input').first();
  await day.click();
  await day.fill(SAT);
  await day.press('Enter');
  await page.getByTestId('calendar-workdays').getByLabel('名称').fill('春节');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/calendar-mobile-e2e.png', fullPage: true });

  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`已保存${Y}年节假日日历`).waitFor();
  const rows = (
    (await b.database.db.execute(
      sql`select to_char(day, 'YYYY-MM-DD') as day, kind, name from calendar_days where day >= ${`${Y}-01-01`}::date order by day`,
    )) as any
  ).rows;
  expect(rows).toEqual([
    { day: `${Y}-01-01`, kind: 'holiday', name: '元旦' },
    { day: SAT, kind: 'workday', name: '春节' },
  ]);
  const [year] = ((await b.database.db.execute(sql`select source, version from calendar_years where year = ${Y}`)) as any).rows;
  expect(year).toEqual({ source: 'admin', version: 1 });
  await page.getByText('管理员录入').first().waitFor();
}, 300_000);
