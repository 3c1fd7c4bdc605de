import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../contracts/calendar.js';
import { buildApp } from '../../app.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { packageCalendar } from './package-data.js';
import { seedCalendar } from './seed.js';
import { forgetCalendar, workCalendar } from './store.js';

/**
 * The holiday calendar kept in the database: seeded from the chinese-days package, edited by an
 * administrator for the years the package lacks, read by every server use of working days.
 */
let t: TestApp;
let admin: Client;
let office: Client;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp({ packageCalendarOnly: true });
  admin = await t.as('admin');
  office = await t.as('office');
});
afterAll(() => t?.close());

/** 2027 as an administrator would enter it from the State Council's notice (the package lacks it). */
const ENTRY_2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'].map((date) => ({
      date,
      name: '春节',
    })),
  ],
  workdays: [{ date: '2027-02-14', name: '春节' }],
};

describe('seed from the chinese-days package', () => {
  it('holds every year the package has, 2026 as in the State Council notice', async () => {
    const pkg = packageCalendar();
    const years = (await admin.get('/api/calendar/years')).json() as { year: number; source: string; holidays: number; workdays: number }[];
    expect(years.map((y) => y.year)).toEqual([...pkg.keys()].sort((a, b) => a - b));
    expect(years[0].year).toBeLessThanOrEqual(2010);
    expect(years.every((y) => y.source === 'package')).toBe(true);
    expect(years.find((y) => y.year === 2026)).toMatchObject({ holidays: 33, workdays: 6 });
    expect(years.some((y) => y.year === 2027)).toBe(false);

    const y2026 = (await office.get('/api/calendar/2026')).json();
    expect(y2026.workdays.map((d: any) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026.holidays.filter((d: any) => d.name === '春节').map((d: any) => d.date)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
    );
    expect(y2026.holidays.find((d: any) => d.date === '2026-10-01').name).toBe('国庆节');
  });

  it('working days across the 2026 Spring Festival come from the database', async () => {
    const cal = await workCalendar(t.database.db);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // make-up Saturday before 春节
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // 春节, a Monday
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true); // make-up Saturday after
    // Ten working days from Wednesday 2026-02-11: 12, 13, 14 (Sat), then 24–27 and 28 (Sat), 2 and 3 March.
    expect(addWorkingDays(cal, '2026-02-11', 10)).toBe('2026-03-03');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
    // February: 2–6, 9–13, Sat 14, 24–27, Sat 28 (16–20 and 23 are 春节 weekdays).
    expect(workingDaysBetween(cal, '2026-02-01', '2026-02-28')).toBe(16);
    expect(workingDaysBetween(cal, '2026-01-01', '2026-12-31')).toBe(248);
    // A year the package has not published: never guessed.
    expect(() => isWorkingDay(cal, '2027-03-03')).toThrow('2027年节假日安排尚未录入，无法计算工作日，请管理员在“节假日日历”中录入');
  });

  it('a second start writes nothing', async () => {
    const before = await rows(sql`select year, version, updated_at from calendar_years order by year`);
    expect(await seedCalendar(t.database.db)).toEqual([]);
    expect(await rows(sql`select year, version, updated_at from calendar_years order by year`)).toEqual(before);
  });

  it('a year whose package data changed is refreshed (a newer package version), unless an administrator owns it', async () => {
    await t.database.db.execute(sql`delete from calendar_days where day = '2025-10-01'`);
    const [{ version }] = await rows(sql`select version from calendar_years where year = 2025`);
    expect(await seedCalendar(t.database.db)).toEqual([2025]);
    expect(await rows(sql`select kind, name from calendar_days where day = '2025-10-01'`)).toEqual([{ kind: 'holiday', name: '国庆节' }]);
    expect((await rows(sql`select version from calendar_years where year = 2025`))[0].version).toBe(version + 1);
  });
});

describe('PUT /api/calendar/:year', () => {
  it('is refused to everyone but the administrator', async () => {
    for (const who of ['office', 'leader', 'head_cx', 'inspector_xl', 'coordinator', 'viewer']) {
      const c = who === 'office' ? office : await t.as(who);
      const res = await c.put('/api/calendar/2027', { ...ENTRY_2027, version: 0 });
      expect(res.statusCode, who).toBe(403);
      // Reading is open to every signed-in person.
      expect((await c.get('/api/calendar/2026')).statusCode, who).toBe(200);
    }
    expect(await rows(sql`select * from calendar_years where year = 2027`)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/2026' })).statusCode).toBe(401);
  });

  it('refuses dates outside the year and a date listed twice', async () => {
    const outside = await admin.put('/api/calendar/2027', { holidays: [{ date: '2026-12-31', name: '元旦' }], workdays: [], version: 0 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/2026-12-31 不在2027年内/);
    const twice = await admin.put('/api/calendar/2027', {
      holidays: [{ date: '2027-01-01' }],
      workdays: [{ date: '2027-01-01' }],
      version: 0,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/重复/);
    const none = await admin.put('/api/calendar/2027', { holidays: [], workdays: [], version: 0 });
    expect(none.statusCode).toBe(400);
    expect((await admin.put('/api/calendar/1999', { ...ENTRY_2027, version: 0 })).statusCode).toBe(400);
    expect(await rows(sql`select * from calendar_years where year = 2027`)).toEqual([]);
  });

  it('an administrator enters 2027; working days then count over it, audited, and a stale save is refused', async () => {
    const db = t.database.db;
    const empty = (await admin.get('/api/calendar/2027')).json();
    expect(empty).toMatchObject({ year: 2027, source: null, version: 0, holidays: [], workdays: [] });
    const before = await workCalendar(db);
    expect(() => addWorkingDays(before, '2027-02-05', 1)).toThrow(/2027年节假日安排尚未录入/);

    const res = await admin.put('/api/calendar/2027', { ...ENTRY_2027, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const [me] = await rows(sql`select display_name from users where username = 'admin'`);
    expect(res.json()).toMatchObject({ year: 2027, source: 'admin', version: 1, updatedBy: me.display_name });
    expect(res.json().holidays).toHaveLength(9);

    // The same process sees the edit at once (cache dropped on save).
    const cal = await workCalendar(db);
    expect(cal).not.toBe(before);
    expect(addWorkingDays(cal, '2027-02-05', 1)).toBe('2027-02-14'); // Friday → make-up Sunday
    expect(addWorkingDays(cal, '2027-02-05', 2)).toBe('2027-02-15');
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04'); // over 元旦 and the weekend

    const [log] = await rows(
      sql`select action, entity_type, entity_id, before, after from audit_log where entity_type = 'calendar_year' order by id desc limit 1`,
    );
    expect(log).toMatchObject({ action: 'calendar.create', entity_id: '2027', before: null });
    expect(log.after.holidays).toHaveLength(9);

    // A second administrator's form still at version 0 (or any old version): 409 with the year as it is now.
    const stale = await admin.put('/api/calendar/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [], version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { current: { version: 1 } } });

    // A correction: one more make-up day; before/after both logged.
    const fix = await admin.put('/api/calendar/2027', {
      holidays: ENTRY_2027.holidays,
      workdays: [...ENTRY_2027.workdays, { date: '2027-02-20', name: '春节' }],
      version: 1,
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(fix.json().version).toBe(2);
    const [upd] = await rows(sql`select action, before, after from audit_log where entity_type = 'calendar_year' order by id desc limit 1`);
    expect(upd.action).toBe('calendar.update');
    expect(upd.before.workdays).toHaveLength(1);
    expect(upd.after.workdays).toHaveLength(2);
    expect(isWorkingDay(await workCalendar(db), '2027-02-20')).toBe(true);
  });

  it('an administrator’s edit of a package year survives the next start', async () => {
    const y = (await admin.get('/api/calendar/2026')).json();
    // Say the bureau records 2026-12-31 as a day off by local order: the year becomes the administrator's.
    const edited = await admin.put('/api/calendar/2026', {
      holidays: [...y.holidays, { date: '2026-12-31', name: '本地安排' }],
      workdays: y.workdays,
      version: y.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().source).toBe('admin');

    // A second start on the same database: the seed runs again and leaves 2026 (and 2027) alone.
    const second = await buildApp({ db: t.database.db, jobs: false });
    await second.ready();
    await second.close();
    const [row] = await rows(sql`select source, version from calendar_years where year = 2026`);
    expect(row).toEqual({ source: 'admin', version: edited.json().version });
    expect(await rows(sql`select name from calendar_days where day = '2026-12-31'`)).toEqual([{ name: '本地安排' }]);
    expect((await rows(sql`select source from calendar_years where year = 2027`))[0].source).toBe('admin');
    forgetCalendar(t.database.db);
    expect(isWorkingDay(await workCalendar(t.database.db), '2026-12-31')).toBe(false);
  });
});

describe('deadline rules count working days over the database calendar', () => {
  const plan = (from: string, to: string) => ({
    schemaVersion: 1,
    name: `工作日报送测试${from}`,
    issuer: '兴隆台区市场监督管理局',
    period: { from, to },
    phases: [{ key: 'all', name: '全程', from, to }],
    quotas: [],
    obligations: [
      {
        key: 'daily',
        label: '每个工作日报送进展',
        rule: { every: 'day', workdaysOnly: true, time: '16:00' },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'narrative' },
      },
    ],
    organisation: {
      leadingGroup: { name: '专班', leader: { name: '测试组长', title: '副局长', unit: '本局' } },
      office: { unit: '药品和医疗器械股' },
    },
    tasks: [{ no: 1, task: '摸底', target: '建立台账', content: '各所摸清辖区经营户', units: ['各市场监管所'] }],
  });

  it('skips the Spring Festival and counts its make-up Saturdays', async () => {
    const res = await office.post('/api/campaigns', { definition: plan('2026-02-09', '2026-03-06'), status: 'active' });
    expect(res.statusCode, res.body).toBe(200);
    const due = (await office.get(`/api/campaigns/${res.json().id}/due-dates`)).json() as { date: string }[];
    const expected: string[] = [];
    const cal = await workCalendar(t.database.db);
    for (let d = '2026-02-09'; d <= '2026-03-06'; d = addDays(d, 1)) if (isWorkingDay(cal, d)) expected.push(d);
    expect(due.map((d) => d.date)).toEqual(expected);
    expect(due.map((d) => d.date)).toContain('2026-02-14');
    expect(due.map((d) => d.date)).toContain('2026-02-28');
    expect(due.some((d) => d.date >= '2026-02-15' && d.date <= '2026-02-23')).toBe(false);
    expect(due).toHaveLength(16); // 9–14 Feb (6, Sat 14 included), 24–28 Feb (5, Sat 28 included), 2–6 Mar (5)
  });

  it('a year nobody entered answers 409 with the Chinese message, not a guess', async () => {
    const res = await office.post('/api/campaigns', { definition: plan('2028-12-01', '2029-01-31'), status: 'active' });
    expect(res.statusCode, res.body).toBe(200);
    const due = await office.get(`/api/campaigns/${res.json().id}/due-dates`);
    expect(due.statusCode).toBe(409);
    expect(due.json()).toMatchObject({
      code: 'CALENDAR_YEAR_MISSING',
      message: '2028年节假日安排尚未录入，无法计算工作日，请管理员在“节假日日历”中录入',
      details: { year: 2028 },
    });
    const home = await office.get(`/api/campaigns/${res.json().id}/home`);
    expect(home.statusCode).toBe(409);
  });
});
