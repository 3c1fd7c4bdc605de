import { eq, inArray, sql } from 'drizzle-orm';
import { adrDeadline, type AdrReportInput } from '../../../contracts/adr.js';
import type { DbOrTx } from '../../../db/client.js';
import { adrReactions, adrReportDrugs, adrReports } from '../../../db/schema/index.js';
import type { Place } from './queries.js';

/** A validated report with its place and matched unit, ready to be written. */
export interface PreparedReport {
  input: Omit<AdrReportInput, 'jurisdictionId'>;
  place: Place;
  entityId: number | null;
}

/** Distinct reaction terms in the order given. */
export const reactionTerms = (terms: readonly string[]) => [...new Set(terms.map((t) => t.trim()).filter(Boolean))];

/** The report's columns (deadline computed here, contracts/adr.ts adrDeadline). */
export function reportValues(p: PreparedReport) {
  const r = p.input;
  const d = adrDeadline(r);
  return {
    jurisdictionId: p.place.jurisdictionId,
    countyId: p.place.countyId,
    kind: r.kind,
    reportCode: r.reportCode,
    reporterName: r.reporterName,
    reporterKind: r.reporterKind,
    reporterCreditCode: r.reporterCreditCode ?? null,
    entityId: p.entityId,
    patientSex: r.patientSex,
    patientAge: r.patientAge ?? null,
    seriousness: r.seriousness,
    isNew: r.isNew,
    death: r.death,
    outcome: r.outcome,
    onsetOn: r.onsetOn,
    reportedOn: r.reportedOn,
    deadlineRule: d.rule,
    dueOn: d.dueOn,
    late: d.late,
    drugName: r.drugs[0].genericName,
  };
}

/** Write the drug and reaction rows of reports (their old rows deleted first). */
export async function writeChildren(tx: DbOrTx, list: { id: number; p: PreparedReport }[], replace: boolean) {
  if (!list.length) return;
  if (replace) {
    const ids = list.map((x) => x.id);
    await tx.delete(adrReportDrugs).where(inArray(adrReportDrugs.reportId, ids));
    await tx.delete(adrReactions).where(inArray(adrReactions.reportId, ids));
  }
  const drugs = list.flatMap(({ id, p }) =>
    p.input.drugs.map((d, i) => ({
      reportId: id,
      seq: i + 1,
      jurisdictionId: p.place.jurisdictionId,
      genericName: d.genericName,
      batchNo: d.batchNo ?? null,
      manufacturer: d.manufacturer ?? null,
    })),
  );
  const terms = list.flatMap(({ id, p }) =>
    reactionTerms(p.input.reactions).map((term) => ({ reportId: id, term, jurisdictionId: p.place.jurisdictionId })),
  );
  for (let i = 0; i < drugs.length; i += 2000) await tx.insert(adrReportDrugs).values(drugs.slice(i, i + 2000));
  for (let i = 0; i < terms.length; i += 3000) await tx.insert(adrReactions).values(terms.slice(i, i + 3000));
}

/** Insert new reports (with their drugs and reactions); returns their ids in order. */
export async function insertReports(
  tx: DbOrTx,
  list: PreparedReport[],
  meta: { createdBy: number | null; importId?: number },
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const out = await tx
      .insert(adrReports)
      .values(chunk.map((p) => ({ ...reportValues(p), createdBy: meta.createdBy, importId: meta.importId ?? null })))
      .returning({ id: adrReports.id });
    ids.push(...out.map((o) => o.id));
  }
  await writeChildren(
    tx,
    list.map((p, i) => ({ id: ids[i], p })),
    false,
  );
  return ids;
}

/** Replace registered reports' content (re-import with "update"), bumping their versions. */
export async function replaceReports(tx: DbOrTx, list: { id: number; p: PreparedReport }[], meta: { importId?: number }) {
  for (const { id, p } of list) {
    await tx
      .update(adrReports)
      .set({ ...reportValues(p), importId: meta.importId ?? null, updatedAt: new Date(), version: sql`${adrReports.version} + 1` })
      .where(eq(adrReports.id, id));
  }
  await writeChildren(tx, list, true);
}
