import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/** A unit's particulars as a 文书 prints them. */
export interface DocumentUnit {
  name: string;
  address: string | null;
  licenceNo: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
}

/** A unit as a 文书 names it (name, address, first licence, credit code, legal representative); `fallbackName` if it is gone. */
export async function documentUnit(db: DbOrTx, entityId: number, fallbackName: string): Promise<DocumentUnit> {
  const [u] = await rows<{
    name: string;
    address: string | null;
    credit_code: string | null;
    legal_rep: string | null;
    licence_no: string | null;
  }>(
    db,
    sql`select e.name, e.address, e.credit_code, e.legal_representative as legal_rep,
          (select l.number from entity_licences l where l.entity_id = e.id order by l.id limit 1) as licence_no
        from entities e where e.id = ${entityId}`,
  );
  return {
    name: u?.name ?? fallbackName,
    address: u?.address ?? null,
    licenceNo: u?.licence_no ?? null,
    creditCode: u?.credit_code ?? null,
    legalRepresentative: u?.legal_rep ?? null,
  };
}
