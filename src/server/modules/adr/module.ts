import type { ModuleDefinition } from '../../core/extensions.js';
import { adrDashboardSection } from './dashboard.js';
import { adrImportJob } from './import-job.js';
import { adrMeasures } from './measures.js';
import { adrRoutes } from './routes.js';

export const adrModule: ModuleDefinition = {
  name: 'adr',
  routes: adrRoutes,
  contributes: {
    jobs: [adrImportJob],
    measures: adrMeasures,
    dashboard: [adrDashboardSection],
  },
};
