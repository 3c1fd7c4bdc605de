import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quiet, startBrowserApp, type BrowserApp } from '../../test/browser.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../../server/demo/org-data.js';

/**
 * Stored XSS: script-bearing text in every field a user can set, stored through the API, then every
 * page that shows it opened in Chromium (the chart tooltips hovered, the drawers and diffs opened).
 * Passes only when no script ran (no dialog) AND none even tried (no CSP violation): the escape is
 * checked by the second count, the Content-Security-Policy by the first.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 900_000);
afterAll(() => b?.close());

let n = 0;
/** A different payload each time; `max` picks one that fits a short field. */
function xss(max = 200): string {
  n++;
  const all = [`<img src=x onerror=alert(${n})>`, `"><script>alert(${n})</script>`, `'><svg/onload=alert(${n})>`, `<svg/onload=alert()>`];
  return all.filter((p) => p.length <= max)[n % all.filter((p) => p.length <= max).length]!;
}

async function client(username: string) {
  const password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
  const login = await fetch(`${b.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, bearer: true }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, url: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${b.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url} as ${username}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Free text of a campaign definition (not references such as unit names, keys or kinds). */
const FREE_TEXT = new Set([
  'name',
  'title',
  'label',
  'description',
  'summary',
  'text',
  'hint',
  'basis',
  'docNo',
  'issuer',
  'area',
  'duties',
  'items',
]);
function poison(v: unknown, key = ''): unknown {
  if (typeof v === 'string') return FREE_TEXT.has(key) ? `${v.slice(0, 4)}${xss(Math.max(20, Math.min(40, 36 - 4)))}` : v;
  if (Array.isArray(v)) return v.map((x) => poison(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k)]));
  return v;
}

const ids: Record<string, number | string> = {};

it('stores a script in every text field a user can set', async () => {
  const admin = await client('admin');
  const office = await client('office');
  const head = await client('head_cx');
  const coordinator = await client('coordinator');

  // Organisation: a village, a unit, a person (name and title).
  const units = await admin('GET', '/api/org-units');
  const station = (units as any[]).find((u) => u.kind === 'station' && u.name.startsWith('创新'));
  const cx = { id: station.jurisdictionId };
  const [township] = await admin('GET', `/api/jurisdictions?parentId=${cx.id}`);
  ids.village = (await admin('POST', '/api/jurisdictions', { parentId: township.id, name: xss(30) })).id;
  await admin('POST', '/api/org-units', {
    parentId: station.id,
    jurisdictionId: cx.id,
    kind: 'grassroots',
    name: xss(40),
    shortName: xss(30),
    address: xss(),
  });
  const person = await admin('POST', '/api/people', {
    username: 'xss_inspector',
    displayName: xss(50),
    role: 'inspector',
    orgUnitId: station.id,
    title: xss(50),
  });
  ids.person = person.id;

  // A regulated unit with every free-text field, and a licence.
  const entity = await admin('POST', '/api/entities', {
    name: `药店${xss(90)}`,
    kind: 'pharmacy_single',
    jurisdictionId: cx.id,
    address: xss(),
    legalRepresentative: xss(50),
    personInCharge: xss(50),
    qualityManager: xss(50),
    licences: [{ kind: 'drug_trade', number: 'XSS-001', scope: xss() }],
  });
  ids.entity = entity.id;

  // A campaign whose every label is a script (seed 000: it has quota rules, so the plan has charts).
  const template = await office('GET', '/api/campaign-templates/seed-000');
  const definition = poison(template.definition) as any;
  definition.name = `行动${xss(90)}`;
  // Fields shorter than a payload get the shortest one that fits (or keep their text when none does).
  for (let round = 0; round < 3; round++) {
    const check = await office('POST', '/api/campaigns/validate', { definition });
    const tooLong = (check.issues ?? check.details ?? []).filter((d: any) => /不能超过(\d+)字/.test(d.message));
    if (!tooLong.length) break;
    for (const d of tooLong) {
      const max = Number(/不能超过(\d+)字/.exec(d.message)![1]);
      const keys = String(d.path).split('.');
      const holder = keys.slice(0, -1).reduce((o: any, k) => o[k], definition);
      holder[keys.at(-1)!] = max >= 20 ? xss(max) : 'x';
    }
  }
  const campaign = await office('POST', '/api/campaigns', { definition, status: 'active', note: xss() });
  ids.campaign = campaign.id;
  const home = await office('GET', `/api/campaigns/${campaign.id}/home`);
  const mine = home.tasks
    .flatMap((t: any) => t.progress.map((p: any) => ({ no: t.no, ...p })))
    .find((p: any) => p.orgUnitId === station.id && !p.live);
  if (mine)
    await head('PUT', `/api/campaigns/${campaign.id}/tasks/${mine.no}/units/${station.id}`, {
      status: 'doing',
      note: xss(),
      evidence: [{ name: xss(), url: 'https://example.org/a' }],
      version: mine.version,
    });
  const liaison = home.liaisons.find((l: any) => l.orgUnitId === station.id);
  if (liaison)
    await head('PUT', `/api/campaigns/${campaign.id}/liaisons/${station.id}`, {
      name: xss(20),
      department: xss(60),
      title: xss(40),
      version: liaison.liaison?.version ?? 0,
    });

  // A plan named with a script, the unit above added with a reason, published, one inspection recorded.
  const plan = await office('POST', '/api/plans', { campaignId: campaign.id, name: `计划${xss(90)}`, seed: 7 });
  ids.plan = plan.id;
  await office('POST', `/api/plans/${plan.id}/tasks`, { action: 'add', entityId: entity.id, reason: xss() });
  await office('POST', `/api/plans/${plan.id}/publish`, {});
  const tasks = await office('GET', `/api/plans/${plan.id}/tasks?pageSize=5&q=${encodeURIComponent('药店')}`).catch(() => null);
  const task = tasks?.items?.find((t: any) => t.entityId === entity.id) ?? tasks?.items?.[0];
  if (task) {
    const inspectors = (await admin('GET', `/api/people?orgUnitId=${station.id}&role=inspector`)).items ?? [];
    await head('POST', '/api/inspections', {
      planTaskId: task.id,
      date: new Date().toISOString().slice(0, 10),
      inspectorIds: inspectors.slice(0, 2).map((p: any) => p.id),
      note: xss(),
    });
  }
  await head('POST', '/api/inspector-conflicts', { userId: person.id, entityId: entity.id, reason: xss() }).catch(() => null);

  // A tip by a coordinator, then handled with a note.
  const tip = await coordinator('POST', '/api/tips', {
    kind: 'hazard',
    title: xss(100),
    description: xss(),
    place: xss(),
    entityName: xss(100),
    entityAddress: xss(),
    occurredOn: '2026-11-01',
  });
  ids.tip = tip.id;
  await head('POST', `/api/tips/${tip.id}/transition`, { action: 'accept', note: xss() });
  expect(n).toBeGreaterThan(40);
}, 600_000);

async function watch(page: Page) {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.exposeFunction('__cspViolation', (s: string) => violations.push(`${page.url()}: ${s}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return { dialogs, violations };
}

/** The page is quiet, and has had 300 ms more in which a late script could try. */
const settle = (page: Page) => quiet(page, { linger: 300 });

async function hoverCharts(page: Page) {
  for (const canvas of await page.locator('canvas').all()) {
    const box = await canvas.boundingBox();
    if (!box) continue;
    await canvas.scrollIntoViewIfNeeded();
    for (const f of [0.25, 0.5, 0.75]) await page.mouse.move(box.x + box.width * 0.6, (await canvas.boundingBox())!.y + box.height * f);
    await page.waitForTimeout(150);
  }
}

it('opens every page that shows them: no script runs, none is even attempted', async () => {
  const seen: { dialogs: string[]; violations: string[] } = { dialogs: [], violations: [] };
  const visit = async (username: string, mobile: boolean, paths: [string, (p: Page) => Promise<void>][]) => {
    const page = await b.loginAs(username, { mobile });
    const w = await watch(page);
    for (const [path, act] of paths) {
      await page.goto(`${b.url}${path}`);
      await settle(page);
      await act(page);
      await settle(page);
    }
    seen.dialogs.push(...w.dialogs);
    seen.violations.push(...w.violations);
    await page.context().close();
  };
  const none = async () => {};
  const clickAll =
    (selector: string, max = 20) =>
    async (p: Page) => {
      for (const el of (await p.locator(selector).all()).slice(0, max)) await el.click({ timeout: 2000 }).catch(() => {});
    };
  const tabs =
    (...names: string[]) =>
    async (p: Page) => {
      for (const name of names) {
        const tab = p.getByRole('tab', { name });
        if (!(await tab.count())) continue;
        await tab.click();
        await settle(p);
        await hoverCharts(p);
      }
    };
  const pages: [string, (p: Page) => Promise<void>][] = [
    ['/', none],
    ['/org', clickAll('.ant-tree-switcher', 10)],
    ['/org', async (p) => (await clickAll('.ant-tree-node-content-wrapper', 3)(p), await tabs('人员', '机构')(p))],
    ['/entities', none],
    [`/entities?q=${encodeURIComponent('药店')}`, none],
    [`/entities/${ids.entity}`, none],
    ['/campaigns', none],
    [`/campaigns/${ids.campaign}`, clickAll('.ant-collapse-header')],
    [`/campaigns/${ids.campaign}/edit`, none],
    ['/plans', none],
    [`/plans/${ids.plan}`, tabs('检查任务', '完成情况', '缺口')],
    [`/api/plans/${ids.plan}/print`, none],
    ['/tips', clickAll('.ant-table-row td:first-child', 3)],
    ['/audit', clickAll('.ant-table-row-expand-icon', 20)],
  ];
  await visit('admin', false, pages);
  await visit('office', false, [[`/plans/${ids.plan}`, tabs('完成情况')]]);
  await visit('inspector_cx', true, [
    ['/', none],
    [`/plans/${ids.plan}`, tabs('检查任务', '完成情况')],
    [`/entities/${ids.entity}`, none],
  ]);
  await visit('coordinator', true, [['/tips', clickAll('.ant-list-item, .ant-card', 3)]]);
  expect(seen.dialogs).toEqual([]);
  // zod 4 probes once whether `new Function` is allowed (and falls back when the CSP says no): that
  // `eval` report is not an injection. Every other violation (inline script or handler) is.
  expect(seen.violations.filter((v) => !/script-src eval $/.test(v))).toEqual([]);
  // The payload is on screen as text (the pages did show it).
  const page = await b.loginAs('admin', { at: `/entities/${ids.entity}` });
  await expect.poll(() => page.getByText('<img src=x onerror', { exact: false }).count()).toBeGreaterThan(0);
}, 900_000);
