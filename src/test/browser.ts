import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import type { Database } from '../db/client.js';
import { buildApp } from '../server/app.js';
import { seedDemo } from '../server/demo/index.js';
import { demoPassword } from './app.js';
import { createSeededTestDatabase } from './db.js';
// @ts-expect-error plain ESM helper shared with `npm start`
import { ensureWebBuild, webDir } from '../../scripts/web-build.mjs';
import { enterTestCalendarYears } from './calendar.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Every request each page has open (its data and the code of a page not yet loaded). */
const openRequests = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page) {
  const open = new Set<Request>();
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  openRequests.set(page, open);
}

/**
 * Waits until a page shows its data, not its loading state: no request open and nothing showing a
 * loading state after the next two frames, twice in a row; then `linger` ms more (for what a page
 * might still do on its own, e.g. a late script in the XSS test). Pages from `loginAs`.
 */
export async function quiet(page: Page, { linger = 0, timeout = 60_000 } = {}) {
  const open = openRequests.get(page);
  if (!open) throw new Error('quiet(): the page was not opened by loginAs');
  const deadline = Date.now() + timeout;
  for (let calm = 0; calm < 2; ) {
    if (Date.now() > deadline) throw new Error(`${page.url()} did not settle in ${timeout / 1000} s`);
    const still =
      open.size === 0 &&
      (await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-card-loading-content');
      })) &&
      open.size === 0;
    calm = still ? calm + 1 : 0;
    if (!still) await page.waitForTimeout(50);
  }
  if (linger) await page.waitForTimeout(linger);
}

/**
 * A read or write through a signed-in page's session (the CSRF token from its cookie), as the web
 * app makes it: for the setup a test does not walk through the screens.
 */
export function pageFetch(page: Page, url: string, { method = 'GET', body }: { method?: string; body?: unknown } = {}) {
  return page.evaluate(
    async ([u, m, b]) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('yj_csrf='))
          ?.slice('yj_csrf='.length) ?? '';
      const headers: Record<string, string> = { 'x-csrf-token': csrf };
      if (b !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(u as string, { method: m as string, headers, body: b === undefined ? undefined : JSON.stringify(b) });
      return { status: res.status, json: (await res.json().catch(() => null)) as any };
    },
    [url, method, body] as const,
  );
}

export interface BrowserApp {
  url: string;
  browser: Browser;
  database: Database;
  /**
   * A new page (own cookies) signed in as the given demo account, opened at `at` (the home page unless
   * given): one page load, where opening home first and then the page a test wants cost two.
   */
  loginAs(username: string, opts?: { mobile?: boolean; at?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** The real server with the full demo data and the built web app, plus a Chromium to drive it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  ensureWebBuild();
  // Browser tests sign in as admin with the demo password; the forced change is tested on its own.
  const database = await createSeededTestDatabase('demo', async (db) => {
    await seedDemo(db, { adminMustChangePassword: false });
  });
  const app = await buildApp({ db: database.db, webDir, loginRateLimit: 1000, loginIpRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await enterTestCalendarYears(database.db);
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    url,
    browser,
    database,
    async loginAs(username, opts = {}) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1366, height: 850 },
        acceptDownloads: true,
        reducedMotion: 'reduce',
      });
      // Signed in through the API (the context's cookies), as the sign-in form does; the form itself is
      // walked by the shell test. A page load of the sign-in form per account cost the suite
      // a cold load of the app each time.
      const res = await context.request.post(`${url}/api/auth/login`, {
        data: { username, password: demoPassword(username) },
      });
      if (!res.ok()) throw new Error(`sign-in as ${username}: ${res.status()} ${await res.text()}`);
      const page = await context.newPage();
      trackRequests(page);
      await page.goto(`${url}${opts.at ?? '/'}`);
      await page.getByTestId('user-menu').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
