import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  CASE_PROCEDURES,
  CASE_SOURCE_TYPES,
  penaltyLines,
  personLines,
  type CaseSourceType,
  type Penalty,
} from '../../../../contracts/cases.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../contracts/documents.js';
import { citePenaltyArticle } from '../../../../contracts/penalty-articles.js';
import { caseReferrals } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { renderDocument } from '../../../core/documents/index.js';
import { AppError } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { reasoningLines } from '../presenter.js';
import { bureauNameOf } from '../../org/public.js';
import { entityInArea, visibleCase } from '../queries.js';

/** The documents of a case, by the name in the URL. */
export const CASE_DOCUMENTS = {
  filing: 'caseFiling',
  decision: 'penaltyDecision',
  referral: 'referralLetter',
  typical: 'typicalCase',
} as const satisfies Record<string, DocumentKind>;
export type CaseDocument = keyof typeof CASE_DOCUMENTS;

/** The referral's state in one line for the typical case (行刑衔接). */
function referralLine(r: typeof caseReferrals.$inferSelect): string {
  const no = r.number ? `（${r.number}）` : '';
  switch (r.status) {
    case 'proposed':
      return '已提请移送公安机关，待负责人审批';
    case 'rejected':
      return '经负责人审批不予移送';
    case 'approved':
      return `经负责人批准移送公安机关${no}`;
    case 'police_filed':
      return `已移送${r.policeUnit ?? '公安机关'}${no}，公安机关已立案`;
    case 'police_declined':
      return `已移送${r.policeUnit ?? '公安机关'}${no}，公安机关不予立案`;
    default:
      return `已移送${r.policeUnit ?? '公安机关'}${no}`;
  }
}

const notYet = (what: string) => new AppError('DOCUMENT_NOT_READY', what, 409);
const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/** Render one document of a case as .docx (the bureau's template when it has one). */
export async function caseDocument(ctx: Ctx, id: number, doc: CaseDocument): Promise<{ file: Buffer; name: string }> {
  const c = await visibleCase(ctx, id);
  const e = await entityInArea({ actor: { ...ctx.actor, scope: 'all' } }, ctx.db, c.entityId); // the case is visible, so is its party
  const bureauName = await bureauNameOf(ctx.db, c.jurisdictionId);
  const unit = {
    name: e.name,
    address: e.address,
    licenceNo: e.licenceNo,
    creditCode: e.creditCode,
    legalRepresentative: e.legalRepresentative,
  };
  const kind = CASE_DOCUMENTS[doc];
  const name = (no: string | null) => `${DOCUMENT_KINDS[kind].label}${no ? `（${no}）` : ''}.docx`;
  const p = c.penalty as Penalty | null;
  switch (doc) {
    case 'filing': {
      const [people] = await rows<{ proposer: string | null }>(
        ctx.db,
        sql`select display_name as proposer from users where id = ${c.createdBy ?? 0}`,
      );
      const [approval] = await rows<{ actor_name: string; at: string }>(
        ctx.db,
        sql`select actor_name, at::text as at from audit_log where entity_type = 'case' and entity_id = ${String(id)} and action = 'case.approve_filing' order by id desc limit 1`,
      );
      return {
        name: name(c.caseNo),
        file: renderDocument('caseFiling', {
          number: c.caseNo ?? '（待批准立案后编号）',
          bureauName,
          unit,
          procedure: CASE_PROCEDURES[c.procedure as 'simple' | 'ordinary'],
          source: c.sourceType ? CASE_SOURCE_TYPES[c.sourceType as CaseSourceType] : '其他',
          violation: c.violationLabel,
          facts: c.facts,
          violationDate: c.violationDate,
          discoveredOn: c.discoveredOn,
          goodsValue: yuan(c.goodsValue),
          persons: ((c.persons ?? []) as { name: string; role: string }[]).map((x) => `${x.name}（${x.role}）`),
          proposer: people?.proposer ?? '承办人',
          proposedOn: c.createdAt.toISOString().slice(0, 10),
          approver: c.procedure === 'simple' ? null : (approval?.actor_name ?? null),
          approvedOn: c.procedure === 'simple' ? null : (c.filedOn ?? null),
        }),
      };
    }
    case 'decision': {
      if (!p || !c.decidedOn || !c.decisionNo || !c.filedOn || !c.caseNo) throw notYet('案件尚未作出处罚决定');
      return {
        name: name(c.decisionNo),
        file: renderDocument('penaltyDecision', {
          number: c.decisionNo,
          bureauName,
          unit,
          caseNo: c.caseNo,
          filedOn: c.filedOn,
          facts: p.facts ?? c.facts,
          basis: citePenaltyArticle(p.article),
          reasoning: reasoningLines(p, c.goodsValue),
          penalties: penaltyLines(p),
          persons: personLines(p),
          decisionDate: c.decidedOn,
        }),
      };
    }
    case 'referral': {
      const [r] = await ctx.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, id));
      if (!r?.number || !c.caseNo) throw notYet('移送尚未经负责人批准');
      return {
        name: name(r.number),
        file: renderDocument('referralLetter', {
          number: r.number,
          bureauName,
          policeUnit: r.policeUnit ?? '＿＿＿＿公安局（分局）',
          unit,
          caseNo: c.caseNo,
          facts: c.facts,
          reason: r.reason,
          issueDate: (r.sentAt ?? r.approvedAt ?? new Date()).toISOString().slice(0, 10),
        }),
      };
    }
    case 'typical': {
      const t = c.typical as {
        title: string;
        violation: string;
        investigation: string;
        productControl?: string | null;
        result: string;
      } | null;
      if (!t) throw notYet('尚未编写典型案例');
      const [station] = await rows<{ name: string }>(ctx.db, sql`select name from jurisdictions where id = ${c.jurisdictionId}`);
      const [r] = await ctx.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, id));
      return {
        name: `典型案例（${t.title}）.docx`,
        file: renderDocument('typicalCase', {
          reportingUnit: station?.name ?? bureauName,
          reportDate: shanghaiToday(),
          title: t.title,
          violation: t.violation,
          investigation: t.investigation,
          productControl: t.productControl ?? null,
          result: t.result,
          // The decision attached (附处罚决定书), as the seeds' typical-case template asks.
          decision:
            p && c.decisionNo && c.decidedOn && c.caseNo
              ? {
                  party: e.name,
                  creditCode: e.creditCode,
                  caseNo: c.caseNo,
                  decisionNo: c.decisionNo,
                  decidedOn: c.decidedOn,
                  basis: citePenaltyArticle(p.article),
                  penalty: [...penaltyLines(p), ...personLines(p)].join('；'),
                  referral: r ? referralLine(r) : null,
                }
              : null,
        }),
      };
    }
  }
}
