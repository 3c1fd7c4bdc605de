// Developer aid: screenshot a page of a running server.  npx tsx scripts/shot.ts <url> <out.png> [username] [--mobile]
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../src/server/demo/org-data.js';
import { launchChromium } from '../src/test/browser.js';

const [url, out, user] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const mobile = process.argv.includes('--mobile');
const browser = await launchChromium();
const ctx = await browser.newContext({ locale: 'zh-CN', viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 850 } });
const page = await ctx.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
if (user) {
  const origin = new URL(url).origin;
  await page.goto(`${origin}/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(user === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor({ timeout: 15000 });
}
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
