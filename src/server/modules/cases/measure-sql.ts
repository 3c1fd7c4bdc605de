import { sql } from 'drizzle-orm';

/** Conditions and amounts of the case measures, shared by their raw SQL and their summaries (alias `c`). */

/** 罚没款 of one decision: the unit's fine and confiscated income, and each person's fine and confiscated income. */
export const FINES = sql`coalesce((c.penalty->>'fine')::numeric, 0) + coalesce((c.penalty->>'confiscatedIncome')::numeric, 0)
  + coalesce((select sum(coalesce((p->>'fine')::numeric, 0) + coalesce((p->>'incomeConfiscated')::numeric, 0)) from jsonb_array_elements(c.penalty->'persons') p), 0)`;

/** A decision revoking a licence (吊销许可证件). */
export const REVOKES = sql`c.decided_on is not null and coalesce((c.penalty->>'revokeLicence')::boolean, false)`;

/** Statuses that end a case by 结案: closed after execution, or closed by a decision not to penalise. */
export const CLOSED = sql`c.status in ('closed', 'not_penalised')`;
