import type { AuditAction, AuditEntityType } from '../../contracts/audit.js';
import { auditLog } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from './context.js';

export interface AuditEntry {
  /** Only labelled actions (contracts/audit.ts): the audit log shows every action by its Chinese name. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | number | null;
  jurisdictionId?: number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'csrfToken']);

/** Drop secrets and make the value JSON-safe before it goes into the log. */
function clean(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? undefined : typeof v === 'bigint' ? v.toString() : v)));
}

/** Write one audit row. Call it with the transaction that makes the change. */
export async function audit(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'ip'>, entry: AuditEntry) {
  await tx.insert(auditLog).values(row(ctx, entry));
}

/** Write many audit rows (a bulk change: one per record), a few statements however many. */
export async function auditMany(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'ip'>, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 1000) await tx.insert(auditLog).values(entries.slice(i, i + 1000).map((e) => row(ctx, e)));
}

function row(ctx: Pick<Ctx, 'actor' | 'ip'>, entry: AuditEntry) {
  return {
    actorId: ctx.actor.id || null,
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    jurisdictionId: entry.jurisdictionId ?? null,
    summary: entry.summary,
    before: clean(entry.before),
    after: clean(entry.after),
    ip: ctx.ip ?? null,
  };
}
