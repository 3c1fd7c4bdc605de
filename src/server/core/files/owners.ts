import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { pointOf } from '../extensions.js';

/**
 * Who may read the records of one type that files are attached to: a module that attaches files to
 * its records contributes one in its `module.ts` (`contributes: { attachmentOwners: [{ key: 'inspection',
 * mayRead }] }`), with its own read check (scope, policy). A file is served only to callers who may
 * read at least one record it is attached to; a record type without an owner opens nothing.
 */
export interface AttachmentOwner {
  /** The record type, as given to `attach({ recordType })`. */
  key: string;
  mayRead(ctx: Ctx, recordId: number): Promise<boolean>;
}

declare module '../extensions.js' {
  interface ExtensionPoints {
    /** Read checks of the records files are attached to (core/files). */
    attachmentOwners: AttachmentOwner;
  }
}

export const RECORD_TYPE = /^[a-z][a-z0-9_-]{0,39}$/;

/** The owner's answer; a refusal it throws (404/403) counts as "no", other errors propagate. */
export async function mayReadRecord(ctx: Ctx, recordType: string, recordId: number): Promise<boolean> {
  const owner = pointOf(ctx.ext, 'attachmentOwners').find((o) => o.key === recordType);
  if (!owner) return false;
  try {
    return (await owner.mayRead(ctx, recordId)) === true;
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return false;
    throw e;
  }
}
