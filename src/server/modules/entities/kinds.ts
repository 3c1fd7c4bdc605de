import { sql } from 'drizzle-orm';
import { ENTITY_KINDS } from '../../../contracts/entity-kinds.js';
import type { DbOrTx } from '../../../db/client.js';
import { entityKinds } from '../../../db/schema/index.js';

/**
 * Make the entity_kinds table match the contract (the source of the codes). Idempotent and cheap;
 * runs when the routes register and before demo or bench data is written.
 */
export async function syncEntityKinds(db: DbOrTx) {
  await db
    .insert(entityKinds)
    .values(
      ENTITY_KINDS.map((k, i) => ({
        code: k.code,
        label: k.label,
        sector: k.sector,
        attrs: [...((k as { attrs?: string[] }).attrs ?? [])],
        sortOrder: i,
      })),
    )
    .onConflictDoUpdate({
      target: entityKinds.code,
      set: { label: sql`excluded.label`, sector: sql`excluded.sector`, attrs: sql`excluded.attrs`, sortOrder: sql`excluded.sort_order` },
    });
}
