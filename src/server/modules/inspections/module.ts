import type { ModuleDefinition } from '../../core/extensions.js';
import { inspectionsDashboardSection } from './dashboard.js';
import { inspectionMeasures } from './measures.js';
import { inspectionSummary } from './summary.js';
import { visibleInspection } from './queries.js';
import { visibleRectification } from './rectification-queries.js';
import { inspectionRoutes } from './routes.js';
import { inspectionTimelineSource } from './timeline.js';
import { can } from '../../../contracts/permissions.js';

export const inspectionsModule: ModuleDefinition = {
  name: 'inspections',
  routes: inspectionRoutes,
  contributes: {
    timeline: [inspectionTimelineSource],
    measures: inspectionMeasures,
    measureSummaries: [inspectionSummary],
    dashboard: [inspectionsDashboardSection],
    // Photos, signatures and rectification evidence are served to those who may read their record.
    attachmentOwners: [
      { key: 'inspection', mayRead: async (ctx, id) => can(ctx.actor.role, 'inspections.read') && !!(await visibleInspection(ctx, id)) },
      {
        key: 'rectification',
        mayRead: async (ctx, id) => can(ctx.actor.role, 'inspections.read') && !!(await visibleRectification(ctx, id)),
      },
    ],
  },
};
