import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { PlanLineInput } from '../../../contracts/sampling.js';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { samplingPlanLines, samplingPlanUnits } from '../../../db/schema/index.js';
import { conflict, invalid } from '../../core/errors.js';
import { rows } from '../../core/sql.js';

/** Units named on plan lines must lie in the plan's area (else 400, naming none). */
export async function assertPlanUnits(db: DbOrTx, planPath: string, lines: PlanLineInput[]) {
  const ids = [...new Set(lines.flatMap((l) => l.entityIds ?? []))];
  if (!ids.length) return;
  const ok = await rows<{ id: number }>(
    db,
    sql`select e.id from entities e join jurisdictions j on j.id = e.jurisdiction_id where j.path like ${planPath + '%'} and e.id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  if (ok.length !== ids.length) throw invalid('计划抽样单位须为本辖区的监管对象', [{ path: 'lines', message: '抽样单位不在本辖区' }]);
}

/**
 * Write a plan's lines: lines with an id are updated, new ones inserted, missing ones removed —
 * refused (409) when a removed line already has sampling records counted on it.
 */
export async function writeLines(tx: Tx, planId: number, jurisdictionId: number, lines: PlanLineInput[], replace: boolean) {
  if (replace) {
    const keep = lines.map((l) => l.id).filter((i): i is number => !!i);
    const own = await tx.select({ id: samplingPlanLines.id }).from(samplingPlanLines).where(eq(samplingPlanLines.planId, planId));
    const ownIds = new Set(own.map((o) => o.id));
    if (keep.some((k) => !ownIds.has(k))) throw invalid('品种类别不属于该计划', [{ path: 'lines', message: '品种类别不属于该计划' }]);
    const removed = own.map((o) => o.id).filter((i) => !keep.includes(i));
    if (removed.length) {
      const used = await rows(
        tx,
        sql`select 1 from sampling_records where plan_line_id in (${sql.join(
          removed.map((i) => sql`${i}`),
          sql`, `,
        )}) limit 1`,
      );
      if (used.length) throw conflict('已有抽样记录的品种类别不能删除');
      await tx
        .delete(samplingPlanLines)
        .where(and(eq(samplingPlanLines.planId, planId), keep.length ? notInArray(samplingPlanLines.id, keep) : sql`true`));
    }
  }
  for (const [i, l] of lines.entries()) {
    const values = { category: l.category, subCategory: l.subCategory || null, planned: l.planned, note: l.note || null, sortOrder: i };
    let lineId: number;
    if (replace && l.id) {
      await tx.update(samplingPlanLines).set(values).where(eq(samplingPlanLines.id, l.id));
      lineId = l.id;
      await tx.delete(samplingPlanUnits).where(eq(samplingPlanUnits.lineId, lineId));
    } else {
      const [row] = await tx
        .insert(samplingPlanLines)
        .values({ ...values, planId, jurisdictionId })
        .returning({ id: samplingPlanLines.id });
      lineId = row.id;
    }
    const ids = [...new Set(l.entityIds ?? [])];
    if (ids.length) {
      const ents = await rows<{ id: number; jurisdiction_id: number }>(
        tx,
        sql`select id, jurisdiction_id from entities where id in (${sql.join(
          ids.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
      await tx.insert(samplingPlanUnits).values(ents.map((e) => ({ lineId, entityId: e.id, jurisdictionId: e.jurisdiction_id })));
    }
  }
}
