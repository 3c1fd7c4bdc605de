import { desc, eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Inspection, InspectionKind, InspectionStatus, RecordInspectionInput } from '../../../../contracts/inspections.js';
import { inspectionFindings, inspectionMeasures, inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { releaseStaged } from '../../../core/files/index.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { bumpVersion } from '../../../core/versions.js';
import { checkAnswers } from '../checklist.js';
import { checkMeasures, checkSignatures, insertSignatures, signOff, stageSignatures } from '../on-site.js';
import { presentInspection, signaturesComplete } from '../presenter.js';
import { assertInspectorPool } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';

/** A submission already stored under this client id (a retried submit), if the caller may see it. */
async function byClientId(ctx: Ctx, clientId: string | undefined): Promise<Inspection | null> {
  if (!clientId) return null;
  const [r] = await rows<{ id: number; path: string }>(
    ctx.db,
    sql`select i.id, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id where i.client_id = ${clientId}`,
  );
  if (!r) return null;
  if (!pathInScope(ctx.actor, r.path)) throw invalid('该提交编号已被使用', [{ path: 'clientId', message: '已被使用' }]);
  return presentInspection(ctx, ctx.db, r.id);
}

/**
 * Record an inspection: a plan task (its planned inspection is recorded) or an unplanned one of a
 * unit (双随机、专项、飞行、举报核查、联合检查、复查). Two ways:
 *  - on site (`signatures` given): checklist answers, findings, measures and signatures; it stays
 *    待签名 until every inspector has confirmed and the unit's person has signed, then it is signed
 *    off (documents numbered, rectifications started) and counts toward coverage;
 *  - a paper record back-entered (no `signatures`): done at once.
 * A retried submit with the same `clientId` returns the first record and stores nothing new.
 */
export async function recordInspection(ctx: Ctx, input: RecordInspectionInput): Promise<Inspection> {
  const again = await byClientId(ctx, input.clientId);
  if (again) return again;
  if (input.date > shanghaiToday()) throw invalid('检查日期不能晚于今天');
  if (new Set(input.inspectorIds).size < 2) throw invalid('现场检查人员不得少于2人');
  if (input.startedAt && input.endedAt && input.endedAt < input.startedAt)
    throw invalid('结束时间不能早于开始时间', [{ path: 'endedAt', message: '不能早于开始时间' }]);
  if (input.kind === 'joint' && !input.jointDepartments?.length)
    throw invalid('联合检查须写明参加的其他部门', [{ path: 'jointDepartments', message: '请填写参加部门' }]);
  if (input.kind === 'recheck' && !input.recheckOf) throw invalid('复查须指明原检查记录', [{ path: 'recheckOf', message: '请指明原检查' }]);
  const onSite = input.signatures !== undefined;
  let stationId: number;
  let entityId: number;
  let entityKind: string;
  let deviceLevel: '1' | '2' | '3' | null;
  let kind: InspectionKind;
  if (input.planTaskId) {
    // The task's planned inspection (created when its plan was published) is what gets recorded.
    const [t] = await rows<{
      id: number;
      status: InspectionStatus;
      entity_id: number;
      entity_kind: string;
      device_level: '1' | '2' | '3' | null;
      jurisdiction_id: number;
      path: string;
    }>(
      ctx.db,
      sql`select i.id, i.status, i.entity_id, e.kind as entity_kind, e.device_level, i.jurisdiction_id, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id
          join entities e on e.id = i.entity_id where i.plan_task_id = ${input.planTaskId} order by i.id desc limit 1`,
    );
    if (!t || !pathInScope(ctx.actor, t.path)) throw notFound('计划任务');
    inspectionWorkflow.take(ctx.actor, 'record', t.status, { facts: { originInForce: true, complete: !onSite } }); // fail fast on what was read
    stationId = t.jurisdiction_id;
    entityId = t.entity_id;
    entityKind = t.entity_kind;
    deviceLevel = t.device_level;
    kind = 'plan';
  } else {
    const [e] = await rows<{ id: number; kind: string; device_level: '1' | '2' | '3' | null; jurisdiction_id: number; path: string }>(
      ctx.db,
      sql`select e.id, e.kind, e.device_level, e.jurisdiction_id, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId!}`,
    );
    if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('检查对象');
    stationId = e.jurisdiction_id;
    entityId = e.id;
    entityKind = e.kind;
    deviceLevel = e.device_level;
    kind = input.kind && input.kind !== 'plan' ? input.kind : 'special';
  }
  await assertInspectorPool(ctx.db, stationId, input.inspectorIds);
  const checklistKey = await checkAnswers(ctx, input, entityKind, deviceLevel);
  checkMeasures(input.measures);
  if (input.recheckOf) {
    const [orig] = await rows<{ entity_id: number }>(ctx.db, sql`select entity_id from inspections where id = ${input.recheckOf}`);
    if (!orig || orig.entity_id !== entityId)
      throw invalid('复查的原检查须为同一单位的检查记录', [{ path: 'recheckOf', message: '不是该单位的检查记录' }]);
  }
  const signatures = onSite ? await checkSignatures(ctx, ctx.db, input.inspectorIds, input.signatures ?? []) : [];
  const staged = await stageSignatures(ctx, signatures);
  const complete =
    !onSite ||
    signaturesComplete(
      input.inspectorIds,
      signatures.map((s) => ({ signer: s.input.signer, userId: s.userId })),
    );
  const values = {
    date: input.date,
    inspectorIds: input.inspectorIds,
    note: input.note ?? null,
    recordedBy: ctx.actor.id || null,
    recordedAt: new Date(),
    updatedAt: new Date(),
    kind,
    campaignId: input.campaignId ?? null,
    clientId: input.clientId ?? null,
    startedAt: input.startedAt ?? null,
    endedAt: input.endedAt ?? null,
    staffCount: input.staffCount ?? null,
    jointDepartments: input.jointDepartments ?? null,
    recheckOf: input.recheckOf ?? null,
    recheckResults: input.rectificationResults ?? null,
    checklistKey,
    answers: input.answers ?? null,
    signMode: onSite ? 'on_site' : 'paper',
  };
  let id: number;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const summary = `录入检查：对象 #${entityId}，${input.date}${input.planTaskId ? `（计划任务 #${input.planTaskId}）` : '（计划外）'}${onSite ? (complete ? '，现场签名完成' : '，待签名') : '（纸质笔录补录）'}`;
      let row: typeof inspections.$inferSelect;
      if (input.planTaskId) {
        // Recordings of one task are serialised on its latest inspection row, read again under the
        // lock: of two racing recordings only one wins, the other is refused as a repeat.
        const [before] = await tx
          .select()
          .from(inspections)
          .where(eq(inspections.planTaskId, input.planTaskId))
          .orderBy(desc(inspections.id))
          .limit(1)
          .for('update');
        row = await inspectionWorkflow.apply(tx, ctx, {
          action: 'record',
          state: before.status as InspectionStatus,
          facts: { originInForce: true, complete },
          change: async (to) =>
            (
              await tx
                .update(inspections)
                .set({ ...values, status: to, version: bumpVersion(inspections) })
                .where(eq(inspections.id, before.id))
                .returning()
            )[0],
          audit: { action: 'inspection.record', entityType: 'inspection', entityId: before.id, jurisdictionId: stationId, summary, before },
        });
      } else {
        [row] = await tx
          .insert(inspections)
          .values({ ...values, status: complete ? 'done' : 'draft', entityId, jurisdictionId: stationId })
          .returning();
        await audit(tx, ctx, {
          action: 'inspection.record',
          entityType: 'inspection',
          entityId: row.id,
          jurisdictionId: stationId,
          summary,
          before: null,
          after: row,
        });
      }
      // One statement each, however many findings and measures.
      if (input.findings?.length) {
        await tx.insert(inspectionFindings).values(
          input.findings.map((f) => ({
            inspectionId: row.id,
            jurisdictionId: stationId,
            itemKey: f.itemKey ?? null,
            severity: f.severity,
            violationType: f.violationType ?? null,
            legalBasis: f.legalBasis ?? null,
            description: f.description,
          })),
        );
      }
      if (input.measures?.length) {
        await tx.insert(inspectionMeasures).values(
          input.measures.map((m) => ({
            inspectionId: row.id,
            jurisdictionId: stationId,
            kind: m.kind,
            deadline: m.deadline ?? null,
            amount: m.amount == null ? null : String(m.amount),
            party: m.party ?? null,
            note: m.note ?? null,
          })),
        );
      }
      await insertSignatures(tx, ctx, { id: row.id, jurisdictionId: stationId }, signatures, staged);
      if (row.status === 'done') await signOff(tx, ctx, row.id);
      return row.id;
    });
  } catch (e) {
    await Promise.all(staged.map((s) => releaseStaged(ctx, s).catch(() => undefined)));
    // Two submits of one form racing: the second finds the first by its client id.
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    const raced = code === '23505' ? await byClientId(ctx, input.clientId) : null;
    if (raced) return raced;
    throw e;
  }
  return presentInspection(ctx, ctx.db, id);
}
