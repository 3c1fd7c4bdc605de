import { can } from '../../../contracts/permissions.js';
import type { Ctx } from '../../core/context.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { clueMeasures } from './measures.js';
import { visibleRow } from './queries.js';
import { clueRoutes } from './routes.js';
import { clueTimelineSource } from './timeline.js';

const readable = (table: 'clues' | 'clue_transfers') => async (ctx: Ctx, id: number) =>
  can(ctx.actor.role, 'clues.read') && !!(await visibleRow(ctx.db, ctx.actor, table, id, '记录'));

export const cluesModule: ModuleDefinition = {
  name: 'clues',
  routes: clueRoutes,
  contributes: {
    timeline: [clueTimelineSource],
    measures: clueMeasures,
    // A clue's material and a transfer's letter and receipt are served to those who may read the record.
    attachmentOwners: [
      { key: 'clue', mayRead: readable('clues') },
      { key: 'clue_transfer', mayRead: readable('clue_transfers') },
    ],
  },
};
