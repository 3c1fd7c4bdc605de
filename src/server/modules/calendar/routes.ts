import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarYear, calendarYearParam, calendarYearSummary, replaceCalendarYearInput } from '../../../contracts/calendar.js';
import { ctxOf, errorResponses, VERSIONED_UPDATE } from '../../core/http.js';
import { seedCalendar } from './seed.js';
import { getCalendarYear } from './use-cases/get-calendar-year.js';
import { listCalendarYears } from './use-cases/list-calendar-years.js';
import { replaceCalendarYear } from './use-cases/replace-calendar-year.js';

const tags = ['节假日日历'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  // The package's years are written (or refreshed) at every start, before the server answers.
  app.addHook('onReady', async () => {
    await seedCalendar(app.db);
  });

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '已录入节假日安排的年份', response: { 200: z.array(calendarYearSummary), ...errorResponses } },
    },
    async (req) => listCalendarYears(ctxOf(req)),
  );
  app.get(
    '/api/calendar/:year',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '某年的法定节假日与调休上班日（未录入的年份：source 为 null、version 为 0）',
        params: calendarYearParam,
        response: { 200: calendarYear, ...errorResponses },
      },
    },
    async (req) => getCalendarYear(ctxOf(req), req.params.year),
  );
  app.put(
    '/api/calendar/:year',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: '录入或修改某年的节假日安排（整年替换；此后不再被系统自带数据覆盖）',
        description: `${VERSIONED_UPDATE} A year not entered yet has version 0.`,
        params: calendarYearParam,
        body: replaceCalendarYearInput,
        response: { 200: calendarYear, ...errorResponses },
      },
    },
    async (req) => replaceCalendarYear(ctxOf(req), req.params.year, req.body),
  );
};
