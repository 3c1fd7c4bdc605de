import { shanghaiToday } from '../../../contracts/calendar.js';
import { DASHBOARD_WINDOW_DAYS, type Dashboard } from '../../../contracts/dashboard.js';
import type { Ctx } from '../../core/context.js';

const EMPTY: Omit<Dashboard, 'today' | 'windowDays'> = {
  campaigns: null,
  deadlines: null,
  tasks: null,
  staffing: null,
  tips: null,
  inspections: null,
};

/**
 * The home dashboard (工作台) of the signed-in person: the sections every module contributes
 * (core/extensions.ts `dashboard`), each scoped to the caller; `today` (Asia/Shanghai) is fixed by tests.
 */
export async function getDashboard(ctx: Ctx, opts: { today?: string } = {}): Promise<Dashboard> {
  const today = opts.today ?? shanghaiToday();
  const parts = await Promise.all(ctx.ext.dashboard.map((s) => s.load(ctx, today)));
  return Object.assign({ today, windowDays: DASHBOARD_WINDOW_DAYS }, EMPTY, ...parts);
}
