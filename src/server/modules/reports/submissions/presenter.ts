import { and, asc, eq, inArray } from 'drizzle-orm';
import { isoTimestamp, TZ_OFFSET } from '../../../../contracts/calendar.js';
import { DEFAULT_DUE_TIME, describeRule, REVIEW_STEPS, type Obligation } from '../../../../contracts/campaigns.js';
import { countChars, type SubmissionContent, type SubmissionStatus, type SubmissionView } from '../../../../contracts/submissions.js';
import { can } from '../../../../contracts/permissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { auditLog, reportSubmissions, users } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { filesOf } from '../../../core/files/index.js';
import { factsOf, isNarrative, loadSubmission, type SubmissionContext, type SubmissionRow } from './queries.js';
import { checksOf, previousAccepted, submissionTable } from './table.js';
import { SCAN_STATES, submissionWorkflow } from './workflow.js';

export const dueAtOf = (o: Obligation, due: string | null) => (due ? `${due}T${o.rule.time ?? DEFAULT_DUE_TIME}:00${TZ_OFFSET}` : null);

/** Sent up after its deadline (first time). */
export const isLate = (o: Obligation, row: Pick<SubmissionRow, 'dueDate' | 'firstReportedAt'>) => {
  const at = dueAtOf(o, row.dueDate);
  return !!at && !!row.firstReportedAt && row.firstReportedAt.getTime() > new Date(at).getTime();
};

/** The narrative sections in the definition's order, with what the unit wrote. */
export function sectionsOf(o: Obligation, content: SubmissionContent) {
  if (!isNarrative(o)) return [];
  return (o.form.sections ?? []).map((s) => {
    const text = content.sections?.find((x) => x.title === s.title)?.text ?? '';
    return { title: s.title, text, minChars: s.minChars ?? null, hint: s.hint ?? null, chars: countChars(text) };
  });
}

async function nameOf(db: DbOrTx, ids: (number | null)[]) {
  const list = ids.filter((x): x is number => x != null);
  const rows = list.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list)) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A submission as the caller sees it, with the actions they may take now. */
export async function presentSubmission(ctx: Ctx, sc: SubmissionContext): Promise<SubmissionView> {
  const db = ctx.db;
  const { row, obligation: o } = sc;
  const content = row.content as SubmissionContent;
  const status = row.status as SubmissionStatus;
  const table = await submissionTable(ctx, sc);
  const previous = row.snapshot ? null : await previousAccepted(db, sc);
  const names = await nameOf(db, [row.draftedBy, row.acceptedBy]);
  const scans = (await filesOf(db, 'report_submission', [row.id])).get(row.id) ?? [];
  const history = await db
    .select({ at: auditLog.at, by: auditLog.actorName, action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'report_submission'), eq(auditLog.entityId, String(row.id))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const facts = factsOf(ctx.actor, sc);
  return {
    id: row.id,
    version: row.version,
    campaignId: row.campaignId,
    campaignName: sc.campaign.name,
    obligationKey: row.obligationKey,
    obligationLabel: o.label,
    formType: o.form.type,
    rule: describeRule(o.rule),
    dueDate: row.dueDate,
    dueAt: dueAtOf(o, row.dueDate),
    orgUnitId: row.orgUnitId,
    orgUnitName: sc.unit?.name ?? '',
    status,
    title: content.title ?? null,
    recipient: sc.recipient?.name ?? o.externalRecipient ?? o.recipient ?? null,
    review: (o.review ?? []).map((r) => REVIEW_STEPS[r as keyof typeof REVIEW_STEPS] ?? r),
    stampedScan: !!o.stampedScan,
    draftedBy: row.draftedBy ? (names.get(row.draftedBy) ?? null) : null,
    returnReason: row.returnReason,
    firstReportedAt: isoTimestamp(row.firstReportedAt),
    reportedAt: isoTimestamp(row.reportedAt),
    acceptedAt: isoTimestamp(row.acceptedAt),
    acceptedBy: row.acceptedBy ? (names.get(row.acceptedBy) ?? null) : null,
    late: isLate(o, row),
    updatedAt: isoTimestamp(row.updatedAt),
    sections: sectionsOf(o, content),
    table,
    frozen: !!row.snapshot,
    checks: row.snapshot ? [] : checksOf(o, content, table, previous),
    scans: scans.map((f) => ({ id: f.id, name: f.name, size: f.size, uploadedAt: f.createdAt })),
    history: history.map((h) => ({ at: isoTimestamp(h.at), by: h.by, action: h.action, summary: h.summary ?? '' })),
    actions: submissionWorkflow.actionsFor(ctx.actor, status, facts),
    canUploadScan: !!o.stampedScan && facts.ownUnit && SCAN_STATES.includes(status) && can(ctx.actor.role, 'reports.submit'),
  };
}

export async function presentSubmissionById(ctx: Ctx, id: number) {
  return presentSubmission(ctx, await loadSubmission(ctx, id));
}

/** What a STALE_VERSION refusal inside a transaction carries (the full view needs ctx.db, unusable there). */
export async function currentBrief(tx: DbOrTx, id: number) {
  const [r] = await tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, id));
  return r && { id: r.id, version: r.version, status: r.status, content: r.content, returnReason: r.returnReason };
}
