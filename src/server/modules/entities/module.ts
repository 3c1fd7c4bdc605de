import type { ModuleDefinition } from '../../core/extensions.js';
import { entityImportJob } from './import-job.js';
import { entityRoutes } from './routes.js';
import { auditTimelineSource, licenceTimelineSource } from './timeline.js';

export const entitiesModule: ModuleDefinition = {
  name: 'entities',
  routes: entityRoutes,
  contributes: { jobs: [entityImportJob], timeline: [auditTimelineSource, licenceTimelineSource] },
};
