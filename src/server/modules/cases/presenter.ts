import { eq, sql } from 'drizzle-orm';
import { daysBetween, isoTimestamp, shanghaiToday } from '../../../contracts/calendar.js';
import {
  CASE_ACTIONS,
  CASE_OPEN_STATUSES,
  CASE_SOURCE_TYPES,
  CASE_STATUSES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  SUPERVISION_LEVELS,
  type CaseAction,
  type CaseSourceType,
  type CaseStatus,
  type CaseView,
  type Penalty,
  type ReferralAction,
  type ReferralStatus,
  type ReferralView,
  type SupervisionLevel,
} from '../../../contracts/cases.js';
import { can } from '../../../contracts/permissions.js';
import { citePenaltyArticle, fineRange, MITIGATION_KINDS, MITIGATION_REASONS, personRange } from '../../../contracts/penalty-articles.js';
import type { DbOrTx } from '../../../db/client.js';
import { caseReferrals } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import { filesOf } from '../../core/files/index.js';
import { rows } from '../../core/sql.js';
import { LIMITATION_WARN_DAYS, limitation } from './deadlines.js';
import type { CaseRow, ReferralRow } from './queries.js';
import { caseWorkflow, referralWorkflow } from './workflow.js';

/** The route an action is taken through (by the permission its workflow row needs). */
const viaOf = (p: string) =>
  (p === 'cases.approve' ? 'approve' : p === 'cases.review' ? 'review' : 'transition') as 'approve' | 'review' | 'transition';

const deadline = (date: string | null, done: boolean, today: string) =>
  date ? { date, daysLeft: daysBetween(today, date), overdue: !done && date < today } : null;

/** The range arithmetic and the 裁量 reason a penalty rests on (shown on the form and in the 决定书). */
export function reasoningLines(p: Penalty, goodsValue: number): string[] {
  const lines = [...fineRange(p.article, p.tier, goodsValue).lines];
  for (const x of p.persons) lines.push(...personRange(p.article, p.tier, x.income).lines.map((l) => `${x.name}：${l}`));
  if (p.mitigation) {
    const r = MITIGATION_REASONS[p.mitigation.reason];
    lines.push(`${MITIGATION_KINDS[p.mitigation.kind]}：${r.text}（${r.basis}）${p.mitigation.note ? `，${p.mitigation.note}` : ''}`);
  }
  return lines;
}

export function presentReferral(ctx: Pick<Ctx, 'actor'>, r: ReferralRow, names: Map<number, string>, now = new Date()): ReferralView {
  const status = r.status as ReferralStatus;
  const due =
    status === 'proposed'
      ? { step: '负责人审批', at: r.decideDueAt }
      : status === 'approved' && r.sendDueAt
        ? { step: '移送公安机关', at: r.sendDueAt }
        : null;
  return {
    id: r.id,
    caseId: r.caseId,
    status,
    statusLabel: REFERRAL_STATUSES[status],
    number: r.number,
    reason: r.reason,
    proposedAt: isoTimestamp(r.proposedAt),
    decideDueAt: isoTimestamp(r.decideDueAt),
    approvedAt: isoTimestamp(r.approvedAt),
    sendDueAt: isoTimestamp(r.sendDueAt),
    sentAt: isoTimestamp(r.sentAt),
    receivedAt: isoTimestamp(r.receivedAt),
    policeUnit: r.policeUnit,
    policeDecidedAt: isoTimestamp(r.policeDecidedAt),
    followUps: ((r.followUps ?? []) as { at: string; note: string; by: number }[]).map((f) => ({
      at: f.at,
      note: f.note,
      by: names.get(f.by) ?? '',
    })),
    due: due ? { step: due.step, at: isoTimestamp(due.at), overdue: due.at.getTime() < now.getTime() } : null,
    version: r.version,
    actions: referralWorkflow.actionsFor(ctx.actor, status).map((a) => ({
      action: a,
      via: viaOf(referralWorkflow.spec.transitions.find((t) => t.action === a && t.from === status)!.permission),
      label: REFERRAL_ACTIONS[a as ReferralAction],
      noteRequired: referralWorkflow.spec.transitions.some((t) => t.action === a && t.from === status && t.note === 'required'),
    })),
  };
}

/** The case as its page shows it, with what the caller may do now. */
export async function presentCase(ctx: Ctx, db: DbOrTx, c: CaseRow): Promise<CaseView> {
  const today = shanghaiToday();
  const [[info], [row], files] = await Promise.all([
    rows<{ entity_name: string; station_name: string }>(
      db,
      sql`select e.name as entity_name, j.name as station_name from entities e, jurisdictions j where e.id = ${c.entityId} and j.id = ${c.jurisdictionId}`,
    ),
    db.select().from(caseReferrals).where(eq(caseReferrals.caseId, c.id)),
    filesOf(db, 'case', [c.id]),
  ]);
  let referral: ReferralView | null = null;
  if (row) {
    const ids = ((row.followUps ?? []) as { by: number }[]).map((f) => f.by);
    const names = ids.length
      ? new Map(
          (
            await rows<{ id: number; display_name: string }>(
              db,
              sql`select id, display_name from users where id = any(${`{${ids.join(',')}}`}::int[])`,
            )
          ).map((u) => [u.id, u.display_name]),
        )
      : new Map<number, string>();
    referral = presentReferral(ctx, row, names);
  }
  const status = c.status as CaseStatus;
  const facts = { procedure: c.procedure as 'simple' | 'ordinary' };
  const penalty = (c.penalty ?? null) as Penalty | null;
  const lim = limitation(c.violationDate, c.discoveredOn, c.healthHarm);
  const open = CASE_OPEN_STATUSES.includes(status);
  const warnings: string[] = [];
  if (lim.expired) warnings.push(`已超过${lim.years}年追责时效（${lim.expiresOn}），立案理由：${c.limitationOverride ?? '未填写'}`);
  else if (open && lim.daysLeft <= LIMITATION_WARN_DAYS) warnings.push(`发现时距追责时效届满（${lim.expiresOn}）仅${lim.daysLeft}天`);
  if (open && c.decisionDue && c.decisionDue < today) warnings.push(`已超过办案期限（${c.decisionDue}）`);
  if (c.decidedOn && !c.publishedOn && c.publicationDue && c.publicationDue < today)
    warnings.push(`处罚信息逾期未公示（应于${c.publicationDue}前）`);
  const source = c.sourceType
    ? { type: c.sourceType, typeLabel: CASE_SOURCE_TYPES[c.sourceType as CaseSourceType] ?? c.sourceType, id: c.sourceId }
    : null;
  const sup = c.supervision as { level: SupervisionLevel; since: string; deadline: string; note?: string | null } | null;
  const handles = can(ctx.actor.role, 'cases.handle');
  const list = c.seriousList as { listedOn: string; until?: string | null; note?: string | null } | null;
  return {
    id: c.id,
    caseNo: c.caseNo,
    procedure: facts.procedure,
    status,
    statusLabel: CASE_STATUSES[status],
    entityId: c.entityId,
    entityName: info?.entity_name ?? '',
    stationName: info?.station_name ?? '',
    violationLabel: c.violationLabel,
    filedOn: c.filedOn,
    decisionDue: deadline(c.decisionDue, !open, today),
    decidedOn: c.decidedOn,
    fine: c.fine,
    supervised: !!sup,
    referred: !!referral,
    jurisdictionId: c.jurisdictionId,
    campaignId: c.campaignId,
    violationType: c.violationType,
    facts: c.facts,
    goodsValue: c.goodsValue,
    illegalIncome: c.illegalIncome,
    violationDate: c.violationDate,
    discoveredOn: c.discoveredOn,
    healthHarm: c.healthHarm,
    limitation: { years: lim.years, expiresOn: lim.expiresOn, override: c.limitationOverride },
    persons: (c.persons ?? []) as CaseView['persons'],
    source,
    penalty,
    legalBasis: penalty ? citePenaltyArticle(penalty.article) : null,
    rangeLines: penalty ? reasoningLines(penalty, c.goodsValue) : [],
    decisionNo: c.decisionNo,
    notifiedOn: c.notifiedOn,
    extension: c.extensionReason && c.decisionDue ? { to: c.decisionDue, reason: c.extensionReason } : null,
    publicationDue: c.decidedOn ? deadline(c.publicationDue, !!c.publishedOn, today) : null,
    publishedOn: c.publishedOn,
    executedOn: c.executedOn,
    closedOn: c.closedOn,
    closeReason: c.closeReason,
    supervision: sup ? { ...sup, note: sup.note ?? null, levelLabel: SUPERVISION_LEVELS[sup.level] } : null,
    escalatedTo: c.escalatedTo,
    seriousList: list ? { listedOn: list.listedOn, until: list.until ?? null, note: list.note ?? null } : null,
    typical: (c.typical ?? null) as CaseView['typical'],
    referral,
    files: files.get(c.id) ?? [],
    warnings,
    version: c.version,
    actions: caseWorkflow.actionsFor(ctx.actor, status, facts).map((a) => ({
      action: a,
      via: viaOf(caseWorkflow.spec.transitions.find((t) => t.action === a && t.from === status && (!t.when || t.when(facts)))!.permission),
      label: CASE_ACTIONS[a as CaseAction],
      noteRequired: caseWorkflow.spec.transitions.some((t) => t.action === a && t.from === status && t.note === 'required'),
    })),
    can: {
      editFacts: handles && (status === 'proposed' || status === 'investigating'),
      editPenalty: handles && (status === 'investigating' || status === 'reviewing'),
      marks: can(ctx.actor.role, 'cases.review'),
      typical: handles && ['decided', 'executed', 'closed'].includes(status),
      refer: handles && !referral && !['proposed', 'not_filed', 'revoked'].includes(status),
      addFile: handles && !['not_filed', 'revoked', 'closed'].includes(status),
    },
  };
}
