import { sql } from 'drizzle-orm';
import type { FindingSeverity, InspectionStatus } from '../../../contracts/inspections.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** An inspection the actor may see (else 404) with its findings and its 转为线索 measure, for the clues module. */
export async function inspectionForClue(db: DbOrTx, actor: Actor, id: number) {
  const [i] = await rows<{
    id: number;
    status: InspectionStatus;
    entity_id: number;
    entity_name: string;
    date: string;
    record_no: string | null;
    path: string;
  }>(
    db,
    sql`select i.id, i.status, i.entity_id, e.name as entity_name, i.date::text as date, i.record_no, j.path
        from inspections i join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`,
  );
  if (!i || !pathInScope(actor, i.path)) throw notFound('检查记录');
  const [findings, refer] = await Promise.all([
    rows<{ id: number; description: string; severity: FindingSeverity; legal_basis: string | null }>(
      db,
      sql`select id, description, severity, legal_basis from inspection_findings where inspection_id = ${id} order by id`,
    ),
    rows<{ note: string | null }>(
      db,
      sql`select note from inspection_measures where inspection_id = ${id} and kind = 'refer_clue' order by id limit 1`,
    ),
  ]);
  return {
    id: i.id,
    status: i.status,
    entityId: i.entity_id,
    entityName: i.entity_name,
    date: i.date,
    recordNo: i.record_no,
    findings: findings.map((f) => ({ id: f.id, description: f.description, severity: f.severity, legalBasis: f.legal_basis })),
    referClue: refer.length > 0,
    referClueNote: refer[0]?.note ?? null,
  };
}
