import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDefinition } from '../../core/extensions.js';
import { measureMarkJob, measureStartJob, summariesOnSave } from './measure-start-job.js';
import { reportRoutes } from './routes.js';
import { reportedDueDatesSource, reportsDashboardSection } from './submissions/dashboard.js';
import { submissionAttachmentOwner } from './submissions/owners.js';
import { submissionRoutes } from './submissions/routes-submissions.js';
import { timelinessIndicator } from './submissions/timeliness-indicator.js';

/** The statistical tables' routes and the submissions' routes, in one plugin. */
const routes: FastifyPluginAsync = async (app, opts) => {
  await reportRoutes.call(app, app, opts);
  await submissionRoutes.call(app, app, opts);
};

export const reportsModule: ModuleDefinition = {
  name: 'reports',
  routes,
  contributes: {
    dashboard: [reportsDashboardSection],
    reportedDueDates: [reportedDueDatesSource],
    attachmentOwners: [submissionAttachmentOwner],
    assessmentIndicators: [timelinessIndicator],
    jobs: [measureStartJob, measureMarkJob],
    definitionSaved: [summariesOnSave],
  },
};
