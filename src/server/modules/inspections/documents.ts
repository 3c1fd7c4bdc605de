import { sql } from 'drizzle-orm';
import { MEASURE_KINDS, PENALTY_PARTIES, type Inspection } from '../../../contracts/inspections.js';
import type { InspectionRecordData, RectificationOrderData, WarningLetterData } from '../../../contracts/documents.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { rows } from '../../core/sql.js';
import { documentUnit, type DocumentUnit } from '../entities/public.js';
import { bureauNameOf } from '../org/public.js';

/**
 * The data the three documents of an inspection are filled from (contracts/documents.ts), read
 * from the record: unit, bureau, inspectors with badge numbers, findings, measures, signatures.
 */
export interface DocumentSources {
  unit: DocumentUnit;
  bureauName: string;
  inspectors: { id: number; name: string; badgeNo: string | null }[];
  signatures: Map<string, { signedAt: string; image: Uint8Array | null }>;
}

export async function documentSources(ctx: Ctx, db: DbOrTx, r: Inspection): Promise<DocumentSources> {
  const [unit, bureauName, people, sigs] = await Promise.all([
    documentUnit(db, r.entityId, r.entityName),
    bureauNameOf(db, r.jurisdictionId),
    rows<{ id: number; display_name: string; badge_no: string | null }>(
      db,
      sql`select id, display_name, badge_no from users where id = any(${`{${r.inspectors.map((i) => i.id).join(',')}}`}::int[])`,
    ),
    Promise.all(
      r.signatures.map(async (s) => {
        const image = s.fileId && ctx.files ? await readSignature(ctx, db, s.fileId) : null;
        return [s.signer === 'unit' ? 'unit' : `u${s.userId}`, { signedAt: s.signedAt, image }] as const;
      }),
    ),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    unit,
    bureauName,
    inspectors: r.inspectors.map((i) => ({
      id: i.id,
      name: byId.get(i.id)?.display_name ?? i.name,
      badgeNo: byId.get(i.id)?.badge_no ?? null,
    })),
    signatures: new Map(sigs),
  };
}

async function readSignature(ctx: Ctx, db: DbOrTx, fileId: number): Promise<Uint8Array | null> {
  const [f] = await rows<{ sha256: string }>(db, sql`select sha256 from files where id = ${fileId}`);
  if (!f || !ctx.files) return null;
  const bytes = await ctx.files.get(f.sha256);
  return bytes ? new Uint8Array(bytes) : null;
}

const NO_NUMBER = '（未编号：本局未设置发文机关代字）';
const findingsOf = (r: Inspection) =>
  r.findings.map((f) => ({ description: f.description, severity: f.severity, legalBasis: f.legalBasis }));
const measureText = (m: Inspection['measures'][number]) =>
  [
    MEASURE_KINDS[m.kind],
    m.deadline && `（期限：${m.deadline}）`,
    m.amount != null && `罚款${m.amount}元（${PENALTY_PARTIES[m.party as keyof typeof PENALTY_PARTIES] ?? ''}）`,
    m.note && `：${m.note}`,
  ]
    .filter(Boolean)
    .join('');

export function inspectionRecordData(r: Inspection, s: DocumentSources, checklistText: Map<string, string>): InspectionRecordData {
  const unitSig = s.signatures.get('unit');
  const unitSigner = r.signatures.find((x) => x.signer === 'unit');
  return {
    number: r.recordNo ?? NO_NUMBER,
    bureauName: s.bureauName,
    unit: s.unit,
    personPresent: {
      name: unitSigner?.name ?? '（未签名）',
      signedAt: unitSig?.signedAt ?? null,
      signature: unitSig?.image ?? null,
      title: null,
    },
    date: r.date,
    startTime: r.startedAt ?? '00:00',
    endTime: r.endedAt ?? r.startedAt ?? '00:00',
    place: s.unit.address,
    inspectors: s.inspectors.map((i) => {
      const sig = s.signatures.get(`u${i.id}`);
      return { name: i.name, badgeNo: i.badgeNo, signedAt: sig?.signedAt ?? null, signature: sig?.image ?? null };
    }),
    nonConformities: r.answers
      .filter((a) => a.result === 'fail')
      .map((a) => ({ item: checklistText.get(a.itemKey) ?? a.itemKey, note: a.note ?? null })),
    findings: findingsOf(r),
    measures: r.measures.map(measureText),
    rectificationDeadline: r.measures.find((m) => m.kind === 'rectify')?.deadline ?? null,
    unitOpinion: null,
  };
}

export function rectificationOrderData(r: Inspection, s: DocumentSources): RectificationOrderData | null {
  const m = r.measures.find((x) => x.kind === 'rectify');
  if (!m?.deadline || !r.findings.length) return null;
  return {
    number: m.documentNo ?? NO_NUMBER,
    bureauName: s.bureauName,
    unit: s.unit,
    inspectionDate: r.date,
    findings: findingsOf(r),
    orderBasis: null,
    rectificationDeadline: m.deadline,
    issueDate: (r.signedAt ?? r.recordedAt ?? new Date().toISOString()).slice(0, 10),
  };
}

export function warningLetterData(r: Inspection, s: DocumentSources): WarningLetterData | null {
  const m = r.measures.find((x) => x.kind === 'warning_letter');
  if (!m || !r.findings.length) return null;
  return {
    number: m.documentNo ?? NO_NUMBER,
    bureauName: s.bureauName,
    unit: s.unit,
    inspectionDate: r.date,
    findings: findingsOf(r),
    requirements: [m.note ?? '立即对上述问题进行整改，严格遵守药品管理法律法规，依法依规经营。'],
    rectificationDeadline: r.measures.find((x) => x.kind === 'rectify')?.deadline ?? null,
    issueDate: (r.signedAt ?? r.recordedAt ?? new Date().toISOString()).slice(0, 10),
  };
}
