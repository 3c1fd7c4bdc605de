import { and, eq, inArray } from 'drizzle-orm';
import { checkDefinition, definitionWarnings, type CampaignDefinition, type DefinitionIssue } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../../db/client.js';
import { jurisdictions, orgUnits } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { bureauUnits, checkUnitRefs } from '../resolve-units.js';

/** The bureau owning a campaign: the given jurisdiction (or the actor's), which must have a bureau. */
export async function owningJurisdiction(db: DbOrTx, jurisdictionId: number) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId));
  if (!j) throw notFound('辖区');
  const [bureau] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.jurisdictionId, j.id), inArray(orgUnits.kind, ['bureau', 'upper'])));
  if (!bureau)
    throw invalid('专项行动须由县级及以上市场监督管理局制定：该辖区没有市场监督管理局', [
      { path: 'jurisdictionId', message: '该辖区没有市场监督管理局' },
    ]);
  return j;
}

/** Schema issues plus references to units outside the bureau; empty when the definition is valid. */
export async function definitionIssues(
  db: DbOrTx,
  jurisdictionId: number,
  input: unknown,
): Promise<{ definition?: CampaignDefinition; issues: DefinitionIssue[] }> {
  const r = checkDefinition(input);
  if (!r.ok) return { issues: r.issues };
  const issues = checkUnitRefs(r.definition, await bureauUnits(db, jurisdictionId));
  return { definition: issues.length ? undefined : r.definition, issues };
}

/** Validate or throw VALIDATION with every issue (path + Chinese message) in details. */
export async function validDefinition(db: DbOrTx, jurisdictionId: number, input: unknown): Promise<CampaignDefinition> {
  const { definition, issues } = await definitionIssues(db, jurisdictionId, input);
  if (!definition) {
    const first = issues[0];
    const more = issues.length > 1 ? `（共${issues.length}处）` : '';
    throw invalid(`方案定义有误：${first.path || '（根）'}：${first.message}${more}`, issues);
  }
  return definition;
}

export async function validateCampaignDefinition(ctx: Ctx, input: { jurisdictionId?: number; definition: unknown }) {
  const j = await owningJurisdiction(ctx.db, input.jurisdictionId ?? ctx.actor.jurisdictionId);
  const { definition, issues } = await definitionIssues(ctx.db, j.id, input.definition);
  return { ok: issues.length === 0, issues, warnings: definition ? definitionWarnings(definition) : [] };
}
