import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { RISK_ACTIONS, type RiskStatus, type RiskTransitionInput, type RiskView } from '../../../../contracts/risks.js';
import { risks } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRiskById } from '../presenter.js';
import { hasEvidence, visibleRisk } from '../queries.js';
import { riskWorkflow, type RiskFacts } from '../workflow.js';

/** The refusals the closure rules give, with their own words (before the table's generic ones). */
function assertClosureRules(action: RiskTransitionInput['action'], facts: RiskFacts) {
  if ((action === 'close' || action === 'refuse_closure') && facts.isOwner)
    throw new AppError('SELF_VERIFICATION', '风险责任人不能验收自己负责的风险隐患，须由其他人员验收销号', 403);
  if ((action === 'request_closure' || action === 'close') && !facts.hasEvidence)
    throw new AppError('EVIDENCE_REQUIRED', '销号须先上传管控到位的证明材料（照片或文件）', 400, [
      { path: 'evidence', message: '请上传证明材料' },
    ]);
}

/**
 * 落实管控 / 申请销号 / 验收销号 / 退回 / 重新打开: the state is re-read under a row lock and the
 * rules checked again there (evidence, verifier ≠ owner), so two people cannot both act on it.
 */
export async function transitionRisk(ctx: Ctx, id: number, input: RiskTransitionInput): Promise<RiskView> {
  const r = await visibleRisk(ctx, id);
  await assertVersion(r.version, input.version, () => presentRiskById(ctx, id));
  const note = input.note?.trim() || null;
  const early: RiskFacts = { isOwner: r.owner_id === ctx.actor.id, hasEvidence: await hasEvidence(ctx.db, id) };
  assertClosureRules(input.action, early);
  riskWorkflow.take(ctx.actor, input.action, r.status as RiskStatus, { facts: early, note });
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(risks).where(eq(risks.id, id)).for('update');
    const facts: RiskFacts = { isOwner: before.ownerId === ctx.actor.id, hasEvidence: await hasEvidence(tx, id) };
    assertClosureRules(input.action, facts);
    await riskWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as RiskStatus,
      facts,
      note,
      change: (to) => {
        const set =
          input.action === 'close'
            ? { status: to, closedBy: ctx.actor.id, closedOn: shanghaiToday(), closureNote: note ?? before.closureNote }
            : input.action === 'reopen'
              ? { status: to, closedBy: null, closedOn: null }
              : input.action === 'request_closure'
                ? { status: to, closureNote: note }
                : { status: to };
        return updateVersioned(tx, risks, id, input.version, { ...set, updatedAt: new Date() }, () => presentRiskById(ctx, id, tx));
      },
      audit: {
        action: `risk.${input.action}`,
        entityType: 'risk',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${RISK_ACTIONS[input.action]}：${before.title}${note ? `（${note}）` : ''}`,
        before: { status: before.status, closedBy: before.closedBy, closedOn: before.closedOn },
        after: (x) => ({ status: x.status, closedBy: x.closedBy, closedOn: x.closedOn, note }),
      },
    });
  });
  return presentRiskById(ctx, id);
}
