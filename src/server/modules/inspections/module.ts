import type { ModuleDefinition } from '../../core/extensions.js';
import { inspectionMeasures } from './measures.js';
import { inspectionRoutes } from './routes.js';
import { inspectionTimelineSource } from './timeline.js';

export const inspectionsModule: ModuleDefinition = {
  name: 'inspections',
  routes: inspectionRoutes,
  contributes: { timeline: [inspectionTimelineSource], measures: inspectionMeasures },
};
