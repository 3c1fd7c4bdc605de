import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
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
