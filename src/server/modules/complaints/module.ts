import { complaintIndicator } from './credit-indicator.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { complaintsDashboardSection } from './dashboard.js';
import { complaintRoutes } from './routes.js';
import { complaintTimelineSource } from './timeline.js';

export const complaintsModule: ModuleDefinition = {
  name: 'complaints',
  routes: complaintRoutes,
  contributes: { timeline: [complaintTimelineSource], dashboard: [complaintsDashboardSection], creditIndicators: [complaintIndicator] },
};
