import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '../../contracts/permissions.js';
import { quiet, startBrowserApp, type BrowserApp } from '../../test/browser.js';
import { MENU } from '../app/menu.js';

/**
 * Every menu page and the detail pages inspectors use (a plan, a campaign home, an entity file) fit a
 * 390×844 phone without sideways scrolling, and a 1440×900 desk without hidden actions: the buttons
 * and links of table rows are inside the viewport and inside their table's visible area. On the phone
 * no table scrolls sideways either.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 900_000);
afterAll(() => b?.close());

const SIZES = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

async function problems(page: Page, width: number) {
  return page.evaluate((desk) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      // Name the widest culprits so a failure says where to look.
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getBoundingClientRect().width > 0)
        .filter((e) => !e.closest('.ant-table-content, .ant-table-body, .ant-tabs-nav-wrap, .ant-drawer, [aria-hidden=true]'))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')}(${Math.round(e.getBoundingClientRect().right)})`);
      out.push(`page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window: ${wide.join(', ')}`);
    }
    if (!desk) {
      // A table that scrolls sideways inside the page is sideways scrolling too.
      for (const t of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        if (t.scrollWidth > t.clientWidth + 1) out.push(`a table is ${t.scrollWidth} px wide in ${t.clientWidth} px`);
      }
    }
    if (desk) {
      for (const row of [...document.querySelectorAll('.ant-table-row')].slice(0, 3)) {
        for (const action of row.querySelectorAll<HTMLElement>('button, a')) {
          const r = action.getBoundingClientRect();
          if (!r.width) continue;
          const box = action.closest('.ant-table-content, .ant-table-body')?.getBoundingClientRect();
          const right = Math.min(window.innerWidth, box?.right ?? Infinity);
          if (r.right > right + 1)
            out.push(`action "${action.textContent?.trim()}" at ${Math.round(r.right)} px is outside the visible ${Math.round(right)} px`);
        }
      }
    }
    return out;
  }, width > 1000);
}

async function detailPaths(page: Page) {
  return page.evaluate(async () => {
    const get = async (u: string) => (await fetch(u)).json();
    const plans = await get('/api/plans');
    const campaigns = await get('/api/campaigns');
    const entities = await get('/api/entities?pageSize=1');
    return [`/plans/${plans[0].id}`, `/campaigns/${campaigns[0].id}`, `/entities/${entities.items[0].id}`];
  });
}

for (const [username, role] of [
  ['admin', 'admin'],
  ['inspector_cx', 'inspector'],
] as [string, Role][]) {
  it(`every page fits the phone and the desk for ${username}`, async () => {
    const found: string[] = [];
    for (const size of SIZES) {
      const page = await b.loginAs(username, { mobile: size.width < 500 });
      await page.setViewportSize(size);
      const paths = [
        ...MENU.filter((m) => !m.permission || ROLE_PERMISSIONS[role].includes(m.permission)).map((m) => m.path),
        ...(await detailPaths(page)),
      ];
      // Pages are opened inside the app, as the menu does (a full load of each is what the other
      // browser tests and the first-load timings cover).
      for (const path of paths) {
        await page.evaluate((p) => {
          history.pushState(null, '', p);
          dispatchEvent(new PopStateEvent('popstate'));
        }, path);
        // Measured with its data, not its loading state.
        await quiet(page);
        // A page still settling (a late layout pass) gets one more look before its problems count.
        let seen = await problems(page, size.width);
        if (seen.length) {
          await page.waitForTimeout(500);
          seen = await problems(page, size.width);
        }
        for (const p of seen) found.push(`${size.width}px ${path}: ${p}`);
      }
      await page.context().close();
    }
    expect(found).toEqual([]);
  }, 600_000);
}
