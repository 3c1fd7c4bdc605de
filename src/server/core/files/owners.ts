import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

/** May the caller read this record? A module's own read check (scope, policy) for one record type. */
export type AttachmentOwner = (ctx: Ctx, recordId: number) => Promise<boolean>;

const owners = new Map<string, AttachmentOwner>();
export const RECORD_TYPE = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * A module that attaches files to its records registers, once in its module, who may read them:
 * `registerAttachmentOwner('inspection', async (ctx, id) => …)`. A file is served only to callers
 * who may read at least one record it is attached to; a record type without an owner opens nothing.
 */
export function registerAttachmentOwner(recordType: string, mayRead: AttachmentOwner) {
  if (!RECORD_TYPE.test(recordType)) throw new Error(`record type ${recordType}: lower-case letters, digits, _ or -, at most 40`);
  if (owners.has(recordType)) throw new Error(`attachment owner ${recordType} registered twice`);
  owners.set(recordType, mayRead);
}

/** The owner's answer; a refusal it throws (404/403) counts as "no", other errors propagate. */
export async function mayReadRecord(ctx: Ctx, recordType: string, recordId: number): Promise<boolean> {
  const owner = owners.get(recordType);
  if (!owner) return false;
  try {
    return (await owner(ctx, recordId)) === true;
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return false;
    throw e;
  }
}
