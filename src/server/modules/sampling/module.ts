import { can } from '../../../contracts/permissions.js';
import { samplingFailureIndicator } from './credit-indicator.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import type { AttachmentOwner } from '../../core/files/index.js';
import { samplingMeasures } from './measures.js';
import { REPORT_FILES, SEAL_FILES } from './presenter.js';
import { visibleRecord } from './queries.js';
import { samplingRoutes } from './routes.js';
import { samplingTimelineSource } from './timeline.js';

const mayRead: AttachmentOwner['mayRead'] = async (ctx, id) => can(ctx.actor.role, 'sampling.read') && !!(await visibleRecord(ctx, id));

export const samplingModule: ModuleDefinition = {
  name: 'sampling',
  routes: samplingRoutes,
  contributes: {
    creditIndicators: [samplingFailureIndicator],
    timeline: [samplingTimelineSource],
    measures: samplingMeasures,
    // Seal photos and lab reports are served to those who may read their sampling record.
    attachmentOwners: [
      { key: SEAL_FILES, mayRead },
      { key: REPORT_FILES, mayRead },
    ],
  },
};
