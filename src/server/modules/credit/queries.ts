import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday, isoTimestamp } from '../../../contracts/calendar.js';
import { type CreditGrade, type CreditOverride, type OverrideStatus } from '../../../contracts/credit.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { overrideWorkflow } from './workflow.js';

export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  jurisdiction_id: number;
  station_name: string | null;
  credit_grade: CreditGrade | null;
}

/** A unit in the caller's area (404 otherwise). */
export async function visibleUnit(db: DbOrTx, actor: Actor, id: number): Promise<UnitRow> {
  const [u] = await rows<UnitRow>(
    db,
    sql`select e.id, e.name, e.kind, e.jurisdiction_id, j.name as station_name, e.credit_grade
      from entities e left join jurisdictions j on j.id = e.jurisdiction_id
      where e.id = ${id} and ${scopeWhere(actor, { jurisdiction: sql`e.jurisdiction_id` })}`,
  );
  if (!u) throw notFound('监管对象');
  return u;
}

export interface OverrideRow {
  id: number;
  entity_id: number;
  entity_name: string;
  jurisdiction_id: number;
  grade: CreditGrade;
  computed_grade: CreditGrade | null;
  reason: string;
  expires_on: string | null;
  rule_version: number;
  status: OverrideStatus;
  requested_by: number | null;
  requested_by_name: string | null;
  requested_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  version: number;
}

export const overrideSelect = (
  where: SQL,
) => sql`select o.id, o.entity_id, e.name as entity_name, o.jurisdiction_id, o.grade, o.computed_grade,
    o.reason, o.expires_on::text as expires_on, o.rule_version, o.status, o.requested_by, ru.display_name as requested_by_name,
    o.requested_at, du.display_name as decided_by_name, o.decided_at, o.decision_note, o.version
  from credit_overrides o join entities e on e.id = o.entity_id
  left join users ru on ru.id = o.requested_by left join users du on du.id = o.decided_by
  where ${where}`;

/** An override request in the caller's area (404 otherwise). */
export async function visibleOverride(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<OverrideRow> {
  const [o] = await rows<OverrideRow>(
    db,
    sql`${overrideSelect(sql`o.id = ${id} and ${scopeWhere(actor, { jurisdiction: sql`o.jurisdiction_id` })}`)}${lock ? sql` for update of o` : sql``}`,
  );
  if (!o) throw notFound('信用等级调整申请');
  return o;
}

export function presentOverride(o: OverrideRow, actor: Actor, ruleVersion: number): CreditOverride {
  const today = shanghaiToday();
  return {
    id: o.id,
    entityId: o.entity_id,
    entityName: o.entity_name,
    jurisdictionId: o.jurisdiction_id,
    grade: o.grade,
    computedGrade: o.computed_grade,
    reason: o.reason,
    expiresOn: o.expires_on,
    ruleVersion: o.rule_version,
    status: o.status,
    requestedBy: o.requested_by_name,
    requestedAt: isoTimestamp(o.requested_at),
    decidedBy: o.decided_by_name,
    decidedAt: isoTimestamp(o.decided_at),
    decisionNote: o.decision_note,
    inForce: o.status === 'approved' && o.rule_version === ruleVersion && (!o.expires_on || o.expires_on >= today),
    version: o.version,
    actions: overrideWorkflow.actionsFor(actor, o.status, { ownRequest: o.requested_by === actor.id }),
  };
}
