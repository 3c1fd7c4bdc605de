import { eq, inArray, sql } from 'drizzle-orm';
import { adrDeadline, type AdrReportInput } from '../../../contracts/adr.js';
import type { DbOrTx } from '../../../db/client.js';
import { adrReactions, adrReportDrugs, adrReports } from '../../../db/schema/index.js';
import { rows } from '../../core/sql.js';
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
      report_id: id,
      seq: i + 1,
      jurisdiction_id: p.place.jurisdictionId,
      generic_name: d.genericName,
      batch_no: d.batchNo ?? null,
      manufacturer: d.manufacturer ?? null,
    })),
  );
  const terms = list.flatMap(({ id, p }) =>
    reactionTerms(p.input.reactions).map((term) => ({ report_id: id, term, jurisdiction_id: p.place.jurisdictionId })),
  );
  // Many rows per statement as one JSON parameter: building a VALUES list of thousands of rows cost
  // more than the database's work (bench adr-import).
  for (let i = 0; i < drugs.length; i += CHUNK)
    await tx.execute(
      sql`insert into adr_report_drugs (report_id, seq, jurisdiction_id, generic_name, batch_no, manufacturer)
          select * from jsonb_to_recordset(${JSON.stringify(drugs.slice(i, i + CHUNK))}::jsonb)
            as x(report_id int, seq int, jurisdiction_id int, generic_name text, batch_no text, manufacturer text)`,
    );
  for (let i = 0; i < terms.length; i += CHUNK)
    await tx.execute(
      sql`insert into adr_reactions (report_id, term, jurisdiction_id)
          select * from jsonb_to_recordset(${JSON.stringify(terms.slice(i, i + CHUNK))}::jsonb) as x(report_id int, term text, jurisdiction_id int)`,
    );
}

/** Rows per insert statement (one JSON parameter each). */
const CHUNK = 5000;

/** Insert new reports (with their drugs and reactions); returns their ids in order. */
export async function insertReports(
  tx: DbOrTx,
  list: PreparedReport[],
  meta: { createdBy: number | null; importId?: number },
): Promise<number[]> {
  const idOf = new Map<string, number>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK).map((p) => {
      const v = reportValues(p);
      return {
        jurisdiction_id: v.jurisdictionId,
        county_id: v.countyId,
        kind: v.kind,
        report_code: v.reportCode,
        reporter_name: v.reporterName,
        reporter_kind: v.reporterKind,
        reporter_credit_code: v.reporterCreditCode,
        entity_id: v.entityId,
        patient_sex: v.patientSex,
        patient_age: v.patientAge,
        seriousness: v.seriousness,
        is_new: v.isNew,
        death: v.death,
        outcome: v.outcome,
        onset_on: v.onsetOn,
        reported_on: v.reportedOn,
        deadline_rule: v.deadlineRule,
        due_on: v.dueOn,
        late: v.late,
        drug_name: v.drugName,
        import_id: meta.importId ?? null,
        created_by: meta.createdBy,
      };
    });
    const out = await rows<{ id: number; report_code: string }>(
      tx,
      sql`insert into adr_reports (jurisdiction_id, county_id, kind, report_code, reporter_name, reporter_kind, reporter_credit_code,
            entity_id, patient_sex, patient_age, seriousness, is_new, death, outcome, onset_on, reported_on, deadline_rule, due_on, late,
            drug_name, import_id, created_by)
          select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(jurisdiction_id int, county_id int, kind text,
            report_code text, reporter_name text, reporter_kind text, reporter_credit_code text, entity_id int, patient_sex text,
            patient_age int, seriousness text, is_new boolean, death boolean, outcome text, onset_on date, reported_on date,
            deadline_rule text, due_on date, late boolean, drug_name text, import_id int, created_by int)
          returning id, report_code`,
    );
    for (const o of out) idOf.set(o.report_code, o.id);
  }
  // By code (unique), not by the order the database returned the rows in.
  const ids = list.map((p) => idOf.get(p.input.reportCode)!);
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
