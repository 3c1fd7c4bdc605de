import type { PublicationItem } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { publicationItems } from '../publication.js';

/** 处罚公示 list: decisions to publish (overdue first) and those published. */
export async function listPublication(ctx: Ctx, q: { published?: 'true' | 'false' }): Promise<PublicationItem[]> {
  return publicationItems(ctx, q);
}
