import { eq, inArray, sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import {
  ON_SITE_PENALTY_LIMITS,
  PENALTY_PARTIES,
  type MeasureInput,
  type RecordInspectionInput,
  type SignatureInput,
} from '../../../contracts/inspections.js';
import type { Tx } from '../../../db/client.js';
import { inspectionMeasures, inspections, inspectionSignatures, rectifications, users } from '../../../db/schema/index.js';
import { allocateNumber } from '../../core/documents/index.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import { attachStagedMany, releaseStaged, stageUpload, type StagedUpload } from '../../core/files/index.js';
import { rows } from '../../core/sql.js';
import { verifyPassword } from '../auth/public.js';
import { refreshInspectionSummary } from './summary.js';

/**
 * The on-site parts of an inspection record shared by recording and signing: checking measures
 * and signatures at the edge, storing signature images, and signing off (numbers, rectifications,
 * 复查 outcomes) once the last signature is in.
 */

/** Refuse measures the law or the calendar does not allow, naming the field (nothing is stored). */
export function checkMeasures(measures: MeasureInput[] | undefined, today = shanghaiToday()) {
  for (const [i, m] of (measures ?? []).entries()) {
    const at = (f: string) => `measures.${i}.${f}`;
    if (m.kind === 'rectify') {
      if (!m.deadline) throw invalid('责令限期整改须填写整改期限', [{ path: at('deadline'), message: '请填写整改期限' }]);
      if (m.deadline < today) throw invalid('整改期限不能早于今天', [{ path: at('deadline'), message: '整改期限不能早于今天' }]);
      if (m.deadline > addDays(today, 366))
        throw invalid('整改期限不能超过一年', [{ path: at('deadline'), message: '整改期限不能超过一年' }]);
    }
    if (m.kind === 'on_site_penalty') {
      if (m.amount == null || !m.party)
        throw invalid('当场处罚须填写罚款金额和被处罚人类别', [{ path: at('amount'), message: '请填写罚款金额和被处罚人类别' }]);
      const limit = ON_SITE_PENALTY_LIMITS[m.party];
      if (m.amount > limit) {
        throw new AppError(
          'PENALTY_OVER_SIMPLE_LIMIT',
          `当场处罚（简易程序）对${PENALTY_PARTIES[m.party]}的罚款不得超过${limit}元（《行政处罚法》第五十一条）；${m.amount}元须立案按普通程序办理`,
          400,
          [{ path: at('amount'), message: `不得超过${limit}元` }],
        );
      }
    }
  }
}

export interface CheckedSignature {
  input: SignatureInput;
  name: string;
  title: string | null;
  userId: number | null;
  method: 'session' | 'password' | 'unit';
}

/**
 * Check who signs: an inspector must be on the inspection; the caller signs from their own session,
 * anyone else on the same phone only with their own password (verified here). The unit's person signs by name.
 */
export async function checkSignatures(
  ctx: Ctx,
  tx: Pick<Tx, 'select'> | Ctx['db'],
  inspectorIds: number[],
  list: SignatureInput[],
): Promise<CheckedSignature[]> {
  const out: CheckedSignature[] = [];
  const seen = new Set<number>();
  // The signing inspectors, read in one statement.
  const ids = [...new Set(list.flatMap((s) => (s.signer === 'unit' ? [] : [s.userId])))];
  const people = new Map(
    (ids.length
      ? await tx
          .select({ id: users.id, name: users.displayName, hash: users.passwordHash, active: users.active })
          .from(users)
          .where(inArray(users.id, ids))
      : []
    ).map((u) => [u.id, u]),
  );
  for (const [i, s] of list.entries()) {
    if (s.signer === 'unit') {
      if (out.some((x) => x.method === 'unit'))
        throw invalid('被检查单位只需一人签名', [{ path: `signatures.${i}`, message: '重复的单位签名' }]);
      out.push({ input: s, name: s.name, title: s.title ?? null, userId: null, method: 'unit' });
      continue;
    }
    if (!inspectorIds.includes(s.userId))
      throw invalid('签名人不是本次检查的检查人员', [{ path: `signatures.${i}.userId`, message: '不是本次检查的检查人员' }]);
    if (seen.has(s.userId)) throw invalid('同一检查人员重复签名', [{ path: `signatures.${i}.userId`, message: '重复签名' }]);
    seen.add(s.userId);
    const u = people.get(s.userId);
    if (s.userId === ctx.actor.id) {
      out.push({ input: s, name: u?.name ?? ctx.actor.name, title: null, userId: s.userId, method: 'session' });
      continue;
    }
    if (!s.password)
      throw invalid('其他检查人员须在本机输入本人密码确认，或在自己的账号中签名', [
        { path: `signatures.${i}.password`, message: '请输入本人密码' },
      ]);
    if (!u?.active || !(await verifyPassword(u.hash, s.password))) {
      throw new AppError('SIGNATURE_PASSWORD', `${u?.name ?? '该检查人员'}的密码不正确，签名未确认`, 400, [
        { path: `signatures.${i}.password`, message: '密码不正确' },
      ]);
    }
    out.push({ input: s, name: u.name, title: null, userId: s.userId, method: 'password' });
  }
  return out;
}

/** A signature image's bytes (PNG, checked by content by the file kit). */
export function signatureBytes(dataUrl: string) {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Stage the signature images before the transaction (a refusal stores nothing). */
export async function stageSignatures(ctx: Ctx, list: CheckedSignature[]) {
  const staged: StagedUpload[] = [];
  try {
    for (const s of list)
      staged.push(
        await stageUpload(ctx, { data: signatureBytes(s.input.image), type: 'png', fileName: `签名-${s.name}.png` }, { derive: false }),
      );
  } catch (e) {
    await Promise.all(staged.map((x) => releaseStaged(ctx, x).catch(() => undefined)));
    throw e;
  }
  return staged;
}

/** Insert checked signatures with their stored images. */
export async function insertSignatures(
  tx: Tx,
  ctx: Ctx,
  inspection: { id: number; jurisdictionId: number },
  list: CheckedSignature[],
  staged: StagedUpload[],
) {
  if (!list.length) return;
  const stored = await attachStagedMany(tx, ctx, staged, {
    recordType: 'inspection',
    recordId: inspection.id,
    jurisdictionId: inspection.jurisdictionId,
  });
  await tx
    .insert(inspectionSignatures)
    .values(
      list.map((s, i) => ({
        inspectionId: inspection.id,
        signer: s.input.signer,
        userId: s.userId,
        name: s.name,
        title: s.title,
        method: s.method,
        fileId: stored[i].id,
      })),
    )
    .onConflictDoNothing();
}

/** The org unit that issues documents for a station: the nearest unit above it with a document abbreviation. */
async function issuerOf(tx: Tx, jurisdictionId: number): Promise<number | null> {
  const [u] = await rows<{ id: number }>(
    tx,
    sql`select u.id from org_units u join document_issuers d on d.org_unit_id = u.id join jurisdictions j on j.id = u.jurisdiction_id
        where (select path from jurisdictions where id = ${jurisdictionId}) like j.path || '%'
        order by length(j.path) desc limit 1`,
  );
  return u?.id ?? null;
}

/**
 * Sign-off, once the last signature is in (or a paper record is entered with measures): number the
 * 现场检查笔录 and the documents its measures issue, start a rectification per 责令限期整改, and
 * apply the outcomes of a 复查 to the rectifications it re-inspects.
 */
export async function signOff(tx: Tx, ctx: Ctx, id: number) {
  const [i] = await tx.select().from(inspections).where(eq(inspections.id, id));
  const input = {
    recheckOf: i.recheckOf,
    rectificationResults: (i.recheckResults ?? []) as NonNullable<RecordInspectionInput['rectificationResults']>,
  };
  const issuer = await issuerOf(tx, i.jurisdictionId);
  const number = async (kind: 'inspectionRecord' | 'rectificationOrder' | 'warningLetter') =>
    issuer ? (await allocateNumber(tx, { orgUnitId: issuer, kind, date: i.date })).text : null;
  const measures = await tx.select().from(inspectionMeasures).where(eq(inspectionMeasures.inspectionId, id));
  const recordNo = i.signMode === 'on_site' ? await number('inspectionRecord') : null;
  await tx.update(inspections).set({ recordNo, signedAt: new Date() }).where(eq(inspections.id, id));
  for (const m of measures) {
    const docKind = m.kind === 'rectify' ? 'rectificationOrder' : m.kind === 'warning_letter' ? 'warningLetter' : null;
    if (docKind && !m.documentNo)
      await tx
        .update(inspectionMeasures)
        .set({ documentNo: await number(docKind) })
        .where(eq(inspectionMeasures.id, m.id));
    if (m.kind === 'rectify' && m.deadline) {
      await tx
        .insert(rectifications)
        .values({ inspectionId: id, measureId: m.id, entityId: i.entityId, jurisdictionId: i.jurisdictionId, deadline: m.deadline });
    }
  }
  for (const r of input.rectificationResults ?? []) {
    const [rect] = await rows<{ id: number; status: string; entity_id: number; inspection_id: number }>(
      tx,
      sql`select id, status, entity_id, inspection_id from rectifications where id = ${r.rectificationId} for update`,
    );
    if (!rect || rect.entity_id !== i.entityId || (input.recheckOf && rect.inspection_id !== input.recheckOf))
      throw invalid('复查的整改事项不属于该单位的原检查', [{ path: 'rectificationResults', message: '整改事项不匹配' }]);
    if (rect.status === 'closed') throw new AppError('ILLEGAL_TRANSITION', `整改事项 #${rect.id} 已销号`, 409);
    if (r.result === 'closed') {
      await tx
        .update(rectifications)
        .set({
          status: 'closed',
          closedByInspectionId: id,
          closedAt: new Date(),
          updatedAt: new Date(),
          version: sql`${rectifications.version} + 1`,
        })
        .where(eq(rectifications.id, rect.id));
    } else {
      if (!r.deadline || r.deadline < shanghaiToday())
        throw invalid('延期须给出不早于今天的新期限', [{ path: 'rectificationResults', message: '请填写新的整改期限' }]);
      await tx
        .update(rectifications)
        .set({ status: 'extended', deadline: r.deadline, updatedAt: new Date(), version: sql`${rectifications.version} + 1` })
        .where(eq(rectifications.id, rect.id));
    }
    await audit(tx, ctx, {
      action: r.result === 'closed' ? 'rectification.close' : 'rectification.extend',
      entityType: 'rectification',
      entityId: rect.id,
      jurisdictionId: i.jurisdictionId,
      summary: `复查（检查记录 #${id}）：整改事项 #${rect.id}${r.result === 'closed' ? '销号' : `延期至 ${r.deadline}`}${r.note ? `，${r.note}` : ''}`,
      before: { status: rect.status },
      after: { status: r.result, deadline: r.deadline ?? null, byInspection: id },
    });
  }
  // The unit's report summaries: signed (counted), its findings, the rectifications started and closed.
  await refreshInspectionSummary(tx, [i.entityId]);
}
