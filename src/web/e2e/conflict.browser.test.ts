import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pageFetch, startBrowserApp, type BrowserApp } from '../../test/browser.js';

/**
 * Lost updates (issue 10): two people edit the same unit from the form they loaded. The second
 * save does not overwrite the first: it shows "已被他人修改" with both values per field, and the
 * chosen merge is saved against the new version.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000); // may build the web app first, slow on a busy machine
afterAll(() => b?.close());

const row = async (id: number) =>
  ((await b.database.db.execute(sql`select person_in_charge, phone, address, version from entities where id = ${id}`)) as any).rows[0] as {
    person_in_charge: string | null;
    phone: string | null;
    address: string | null;
    version: number;
  };

it('two editors of one unit: the second save shows the conflict, and the merge is saved', async () => {
  const [{ id }] = (
    (await b.database.db.execute(
      sql`select e.id from entities e join jurisdictions j on j.id = e.jurisdiction_id where j.name like '创新%' order by e.id limit 1`,
    )) as any
  ).rows;
  const start = await row(id);
  const [first, second] = await Promise.all([b.loginAs('office'), b.loginAs('office')]);
  for (const page of [first, second]) {
    await page.goto(`${b.url}/entities/${id}`);
    await page.getByTestId('entity-detail').waitFor();
    await page.getByRole('button', { name: /修\s*改/ }).click();
    await page.getByLabel('负责人', { exact: true }).waitFor();
  }

  // The first editor changes the person in charge and the phone, and saves.
  await first.getByLabel('负责人', { exact: true }).fill('甲填的负责人');
  await first.getByLabel('联系电话', { exact: true }).fill('0427-1111111');
  await first.getByRole('button', { name: /保\s*存/ }).click();
  await first.getByTestId('entity-detail').getByText('甲填的负责人').waitFor();
  expect((await row(id)).version).toBe(start.version + 1);

  // The second editor, still on the values they loaded, changes the person in charge and the address.
  await second.getByLabel('负责人', { exact: true }).fill('乙填的负责人');
  await second.getByLabel('地址', { exact: true }).fill('乙填的地址1号');
  await second.getByRole('button', { name: /保\s*存/ }).click();
  const dialog = second.locator('.ant-modal').filter({ hasText: '已被他人修改' });
  await dialog.waitFor();
  // Nothing was overwritten yet.
  expect(await row(id)).toMatchObject({ person_in_charge: '甲填的负责人', version: start.version + 1 });

  const field = (name: string) => dialog.locator(`[data-field="${name}"]`);
  await expect.poll(() => field('personInCharge').textContent()).toContain('双方都改了');
  expect(await field('personInCharge').textContent()).toMatch(/对方的：甲填的负责人.*我的：乙填的负责人/);
  expect(await field('phone').textContent()).toContain('对方的：0427-1111111');
  expect(await field('address').textContent()).toContain('我的：乙填的地址1号');
  // Defaults: what only I changed stays mine, what only they changed becomes theirs; for the field
  // both changed, take theirs.
  await field('personInCharge').getByText('对方的：甲填的负责人').click();
  await dialog.getByRole('button', { name: '按所选保存' }).click();

  await second.getByTestId('entity-detail').getByText('乙填的地址1号').waitFor();
  expect(await row(id)).toEqual({
    person_in_charge: '甲填的负责人',
    phone: '0427-1111111',
    address: '乙填的地址1号',
    version: start.version + 2,
  });
  await second.getByTestId('entity-detail').getByText('甲填的负责人').waitFor();
});

it('a step on a record someone else has just moved: the drawer says so, shows it as it is now, and does not step twice', async () => {
  const [{ id: entityId }] = (
    (await b.database.db.execute(
      sql`select e.id from entities e join jurisdictions j on j.id = e.jurisdiction_id where j.name like '创新%' order by e.id limit 1`,
    )) as any
  ).rows;
  const [mine, theirs] = await Promise.all([b.loginAs('inspector_cx'), b.loginAs('head_cx')]);
  const created = await pageFetch(mine, '/api/clues', {
    method: 'POST',
    body: { source: 'online', sourceNote: '网络监测发现', entityId, summary: '网店销售处方药未凭处方', receivedOn: '2026-11-24' },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(200);
  const id = created.json.id as number;
  await mine.goto(`${b.url}/clues?id=${id}`);
  const drawer = mine.locator('.ant-drawer');
  await drawer.getByText('待核查').first().waitFor();

  // The station head starts verifying it while the inspector still has it open as 待核查.
  expect((await pageFetch(theirs, `/api/clues/${id}/transition`, { method: 'POST', body: { action: 'verify', version: 1 } })).status).toBe(
    200,
  );

  await drawer.getByRole('button', { name: '开始核查' }).click();
  const confirm = mine.locator('.ant-modal').filter({ hasText: '确认开始核查' });
  await confirm.getByRole('button', { name: '开始核查' }).click();
  await mine.locator('.ant-message-warning').filter({ hasText: '已被他人修改' }).waitFor();
  await drawer.getByText('核查中').first().waitFor();
  await confirm.waitFor({ state: 'hidden' });
  expect(await drawer.getByRole('button', { name: '开始核查' }).count()).toBe(0);
  const [row] = ((await b.database.db.execute(sql`select status, version from clues where id = ${id}`)) as any).rows;
  expect(row).toEqual({ status: 'verifying', version: 2 });
});
