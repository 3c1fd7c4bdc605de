import { can } from '../../../../contracts/permissions.js';
import type { AttachmentOwner } from '../../../core/files/index.js';
import { loadSubmission } from './queries.js';

/** A stamped scan is served to those who may read its submission. */
export const submissionAttachmentOwner: AttachmentOwner = {
  key: 'report_submission',
  async mayRead(ctx, id) {
    if (!can(ctx.actor.role, 'reports.read')) return false;
    try {
      await loadSubmission(ctx, id);
      return true;
    } catch {
      return false;
    }
  },
};
