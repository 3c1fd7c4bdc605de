import { can } from '../../../contracts/permissions.js';
import { riskFromSampling } from './sampling-follow-up.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { commonRiskRows } from './common-risk-rows.js';
import { risksDashboardSection } from './dashboard.js';
import { riskConsultationLink } from './links.js';
import { riskMeasures } from './measures.js';
import { visibleRisk } from './queries.js';
import { riskRoutes } from './routes.js';
import { riskTimelineSource } from './timeline.js';

export const risksModule: ModuleDefinition = {
  name: 'risks',
  routes: riskRoutes,
  contributes: {
    samplingFollowUps: [riskFromSampling],
    timeline: [riskTimelineSource],
    measures: riskMeasures,
    tableRowSources: [commonRiskRows],
    dashboard: [risksDashboardSection],
    consultationLinks: [riskConsultationLink],
    // Closure evidence is served to those who may read its risk.
    attachmentOwners: [{ key: 'risk', mayRead: async (ctx, id) => can(ctx.actor.role, 'risks.read') && !!(await visibleRisk(ctx, id)) }],
  },
};
