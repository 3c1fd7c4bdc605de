import { can } from '../../../contracts/permissions.js';
import { caseFromClue } from './clue-filing.js';
import { caseConsultationLink } from './consultation-link.js';
import { penaltyIndicator } from './credit-indicator.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { casesDashboardSection } from './dashboard.js';
import { caseMeasures } from './measures.js';
import { caseSummary } from './summary.js';
import { visibleCase } from './queries.js';
import { caseRoutes } from './routes.js';
import { caseTimelineSource } from './timeline.js';

export const casesModule: ModuleDefinition = {
  name: 'cases',
  routes: caseRoutes,
  contributes: {
    creditIndicators: [penaltyIndicator],
    clueFiling: [caseFromClue],
    consultationLinks: [caseConsultationLink],
    timeline: [caseTimelineSource],
    measures: caseMeasures,
    measureSummaries: [caseSummary],
    dashboard: [casesDashboardSection],
    // Evidence of a case is served to those who may read the case.
    attachmentOwners: [
      {
        key: 'case',
        mayRead: async (ctx, id) =>
          can(ctx.actor.role, 'cases.read') &&
          (await visibleCase(ctx, id).then(
            () => true,
            () => false,
          )),
      },
    ],
  },
};
