import { sql } from 'drizzle-orm';
import type { WorkCalendar } from '../../../contracts/calendar.js';
import type { Complaint } from '../../../contracts/complaints.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { pathInScope, scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { complaintRows, presentComplaints } from './presenter.js';

export const complaintArea = (actor: Actor) => scopeWhere(actor, { jurisdiction: sql`c.jurisdiction_id` });

/** A complaint's area if the actor may see it, else 404. */
export async function visibleComplaint(db: DbOrTx, actor: Actor, id: number) {
  const [r] = await rows<{ jurisdiction_id: number; path: string }>(
    db,
    sql`select c.jurisdiction_id, j.path from complaints c join jurisdictions j on j.id = c.jurisdiction_id where c.id = ${id}`,
  );
  if (!r || !pathInScope(actor, r.path)) throw notFound('投诉举报');
  return r;
}

export async function presentComplaint(db: DbOrTx, actor: Actor, cal: WorkCalendar, id: number): Promise<Complaint> {
  const list = await complaintRows(db, sql`c.id = ${id}`);
  return (await presentComplaints(db, actor, cal, list))[0];
}

/** Where a new complaint belongs: the named unit's jurisdiction (inside the caller's area, else 400), else the named or the caller's own jurisdiction. */
export async function complaintPlace(db: DbOrTx, actor: Actor, input: { entityId?: number | null; jurisdictionId?: number | null }) {
  if (input.entityId) {
    const [e] = await rows<{ jurisdiction_id: number; path: string; name: string }>(
      db,
      sql`select e.jurisdiction_id, j.path, e.name from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId}`,
    );
    if (!e || !pathInScope(actor, e.path))
      throw invalid('监管对象不存在或不在本辖区', [{ path: 'entityId', message: '只能选择本辖区的监管对象' }]);
    return { jurisdictionId: e.jurisdiction_id, entityName: e.name as string | null };
  }
  const jid = input.jurisdictionId ?? actor.jurisdictionId;
  const [j] = await rows<{ path: string }>(db, sql`select path from jurisdictions where id = ${jid}`);
  if (!j || !pathInScope(actor, j.path))
    throw invalid('所属辖区不存在或不在本辖区', [{ path: 'jurisdictionId', message: '只能选择本辖区' }]);
  return { jurisdictionId: jid, entityName: null as string | null };
}
