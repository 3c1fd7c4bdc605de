import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { caseReferrals, cases } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

export type CaseRow = typeof cases.$inferSelect;
export type ReferralRow = typeof caseReferrals.$inferSelect;

/** A case the actor may see (404 otherwise: never "exists but not yours"). */
export async function visibleCase(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db): Promise<CaseRow> {
  const [r] = await rows<{ id: number; path: string }>(
    db,
    sql`select c.id, j.path from cases c join jurisdictions j on j.id = c.jurisdiction_id where c.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('案件');
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

/** The case row locked for a change, inside the transaction. */
export async function lockCase(tx: Tx, id: number): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  if (!row) throw notFound('案件');
  return row;
}

/** A referral the actor may see, with its case. */
export async function visibleReferral(ctx: Pick<Ctx, 'db' | 'actor'>, id: number): Promise<ReferralRow> {
  const [r] = await rows<{ id: number; path: string }>(
    ctx.db,
    sql`select r.id, j.path from case_referrals r join jurisdictions j on j.id = r.jurisdiction_id where r.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('移送记录');
  const [row] = await ctx.db.select().from(caseReferrals).where(eq(caseReferrals.id, id));
  return row!;
}

export interface EntityInfo {
  id: number;
  name: string;
  jurisdictionId: number;
  path: string;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  licenceNo: string | null;
  kind: string;
}
/** The unit (party) of a case if it lies in the actor's area; another bureau's unit is "not found". */
export async function entityInArea(ctx: Pick<Ctx, 'actor'>, db: DbOrTx, id: number): Promise<EntityInfo> {
  const [e] = await rows<{
    id: number;
    name: string;
    jurisdiction_id: number;
    path: string;
    address: string | null;
    credit_code: string | null;
    legal_representative: string | null;
    licence_no: string | null;
    kind: string;
  }>(
    db,
    sql`select e.id, e.name, e.jurisdiction_id, j.path, e.address, e.credit_code, e.legal_representative, e.kind,
          (select l.number from entity_licences l where l.entity_id = e.id order by l.id limit 1) as licence_no
        from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${id}`,
  );
  if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('当事人（监管对象）');
  return {
    id: e.id,
    name: e.name,
    jurisdictionId: e.jurisdiction_id,
    path: e.path,
    address: e.address,
    creditCode: e.credit_code,
    legalRepresentative: e.legal_representative,
    licenceNo: e.licence_no,
    kind: e.kind,
  };
}

/** The org unit that numbers documents for a station: the nearest unit above it with a 发文机关代字. */
export async function issuerOf(db: DbOrTx, jurisdictionId: number): Promise<number | null> {
  const [u] = await rows<{ id: number }>(
    db,
    sql`select u.id from org_units u join document_issuers d on d.org_unit_id = u.id join jurisdictions j on j.id = u.jurisdiction_id
        where (select path from jurisdictions where id = ${jurisdictionId}) like j.path || '%'
        order by length(j.path) desc limit 1`,
  );
  return u?.id ?? null;
}
