import type { ModuleDefinition } from '../../core/extensions.js';
import { inspectionFindingIndicators } from './indicators.js';
import { creditRunJob } from './job.js';
import { creditRoutes } from './routes.js';
import { creditTimelineSource } from './timeline.js';

export const creditModule: ModuleDefinition = {
  name: 'credit',
  routes: creditRoutes,
  contributes: {
    jobs: [creditRunJob],
    timeline: [creditTimelineSource],
    creditIndicators: inspectionFindingIndicators,
  },
};
