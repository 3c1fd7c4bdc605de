import { sql } from 'drizzle-orm';
import { can, type Role } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { pathInScope, scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** Rows of a table with a `jurisdiction_id` column (alias given) the actor may see. */
export const areaOf = (actor: Actor, alias: string) => scopeWhere(actor, { jurisdiction: sql.raw(`${alias}.jurisdiction_id`) });

/** A record's area if the actor may see it, else 404 (never "exists but not yours"). */
export async function visibleRow(
  db: DbOrTx,
  actor: Actor,
  table: 'clues' | 'clue_transfers' | 'assist_requests',
  id: number,
  what: string,
): Promise<{ jurisdiction_id: number; path: string }> {
  const [r] = await rows<{ jurisdiction_id: number; path: string }>(
    db,
    sql`select x.jurisdiction_id, j.path from ${sql.raw(table)} x join jurisdictions j on j.id = x.jurisdiction_id where x.id = ${id}`,
  );
  if (!r || !pathInScope(actor, r.path)) throw notFound(what);
  return r;
}

/**
 * Where a new record belongs: the named unit's jurisdiction (the unit must lie in the caller's
 * area), else the named jurisdiction (inside the caller's area), else the caller's own.
 */
export async function placeOf(
  db: DbOrTx,
  actor: Actor,
  input: { entityId?: number | null; jurisdictionId?: number | null },
): Promise<{ jurisdictionId: number; path: string; entityName: string | null }> {
  if (input.entityId) {
    const [e] = await rows<{ jurisdiction_id: number; path: string; name: string }>(
      db,
      sql`select e.jurisdiction_id, j.path, e.name from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId}`,
    );
    if (!e || !pathInScope(actor, e.path))
      throw invalid('监管对象不存在或不在本辖区', [{ path: 'entityId', message: '只能选择本辖区的监管对象' }]);
    return { jurisdictionId: e.jurisdiction_id, path: e.path, entityName: e.name };
  }
  const jid = input.jurisdictionId ?? actor.jurisdictionId;
  const [j] = await rows<{ path: string }>(db, sql`select path from jurisdictions where id = ${jid}`);
  if (!j || !pathInScope(actor, j.path))
    throw invalid('所属辖区不存在或不在本辖区', [{ path: 'jurisdictionId', message: '只能选择本辖区' }]);
  return { jurisdictionId: jid, path: j.path, entityName: null };
}

/** The handler must be an active person who may work clues and whose area covers the clue (or lies inside it). */
export async function assertHandler(db: DbOrTx, handlerId: number | null | undefined, path: string) {
  if (!handlerId) return;
  const [u] = await rows<{ role: Role; path: string; active: boolean }>(
    db,
    sql`select u.role, u.active, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where u.id = ${handlerId}`,
  );
  if (!u || !u.active || !can(u.role, 'clues.manage') || !(path.startsWith(u.path) || u.path.startsWith(path)))
    throw invalid('承办人须为本辖区在岗的执法或监管人员', [{ path: 'handlerId', message: '承办人须为本辖区在岗的执法或监管人员' }]);
}

/** The nearest org unit above a jurisdiction with a 发文机关代字 (the bureau numbers the letters). */
export async function issuerOf(db: DbOrTx, jurisdictionId: number): Promise<number | null> {
  const [u] = await rows<{ id: number }>(
    db,
    sql`select u.id from document_issuers d join org_units u on u.id = d.org_unit_id join jurisdictions j on j.id = u.jurisdiction_id
        where (select path from jurisdictions where id = ${jurisdictionId}) like j.path || '%'
        order by length(j.path) desc limit 1`,
  );
  return u?.id ?? null;
}
