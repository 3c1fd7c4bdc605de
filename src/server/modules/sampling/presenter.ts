import { sql } from 'drizzle-orm';
import {
  PRODUCT_CATEGORY_KEYS,
  RECHECK_DEADLINE,
  subcategoryLabel,
  type ControlMeasure,
  type FollowUpLink,
  type ProductCategory,
  type SamplingLevel,
  type SamplingPlan,
  type SamplingProgress,
  type SamplingRecord,
  type SamplingStatus,
} from '../../../contracts/sampling.js';
import { can } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { filesOf } from '../../core/files/index.js';
import { notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { peopleNames } from './queries.js';
import { COUNTED, samplingWorkflow, WITH_RESULT } from './workflow.js';

/** Record types files are attached to: seal photos of a record, and the lab's report file. */
export const SEAL_FILES = 'sampling-seal';
export const REPORT_FILES = 'sampling-report';

export const RECORD_COLUMNS = sql`s.id, s.number, s.status, s.entity_id, e.name as entity_name, s.jurisdiction_id, j.name as station_name,
  s.plan_line_id, p.name as plan_name, p.level as plan_level, s.category, s.product_name, s.batch_no, s.manufacturer, s.specification,
  s.quantity, s.quantity_unit, s.sampler_ids, s.sampled_on::text as sampled_on, s.lab_name, s.sent_on::text as sent_on, s.note,
  s.withdraw_reason, s.version`;
export const RECORD_FROM = sql`sampling_records s join entities e on e.id = s.entity_id join jurisdictions j on j.id = s.jurisdiction_id
  left join sampling_plan_lines l on l.id = s.plan_line_id left join sampling_plans p on p.id = l.plan_id`;

export interface RecordRow {
  id: number;
  number: string;
  status: SamplingStatus;
  entity_id: number;
  entity_name: string;
  jurisdiction_id: number;
  station_name: string;
  plan_line_id: number | null;
  plan_name: string | null;
  plan_level: SamplingLevel | null;
  category: ProductCategory;
  product_name: string;
  batch_no: string;
  manufacturer: string;
  specification: string | null;
  quantity: number;
  quantity_unit: string;
  sampler_ids: number[];
  sampled_on: string;
  lab_name: string | null;
  sent_on: string | null;
  note: string | null;
  withdraw_reason: string | null;
  version: number;
}

export const listItemOf = (r: RecordRow) => ({
  id: r.id,
  number: r.number,
  status: r.status,
  entityId: r.entity_id,
  entityName: r.entity_name,
  stationName: r.station_name,
  category: r.category,
  productName: r.product_name,
  batchNo: r.batch_no,
  manufacturer: r.manufacturer,
  sampledOn: r.sampled_on,
  planName: r.plan_name,
  planLevel: r.plan_level,
  version: r.version,
});

/** A sampling record as the caller sees it (with the actions they may take now), or 404. */
export async function presentRecord(ctx: Pick<Ctx, 'actor'>, db: DbOrTx, id: number): Promise<SamplingRecord> {
  const [r] = await rows<RecordRow & { path: string }>(db, sql`select ${RECORD_COLUMNS}, j.path from ${RECORD_FROM} where s.id = ${id}`);
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('抽样记录');
  const [result] = await rows<{
    verdict: 'qualified' | 'unqualified';
    failed_items: { item: string; standard: string; result?: string | null }[];
    report_no: string;
    lab_name: string;
    report_date: string;
    received_on: string;
    note: string | null;
  }>(
    db,
    sql`select verdict, failed_items, report_no, lab_name, report_date::text as report_date, received_on::text as received_on, note from sampling_results where record_id = ${id}`,
  );
  const [f] = await rows<{
    measures: ControlMeasure[];
    delivered_on: string | null;
    recheck_due_on: string | null;
    recheck_requested: boolean;
    note: string | null;
    handled_note: string | null;
    links: FollowUpLink[];
  }>(
    db,
    sql`select measures, delivered_on::text as delivered_on, recheck_due_on::text as recheck_due_on, recheck_requested, note, handled_note, links from sampling_follow_ups where record_id = ${id}`,
  );
  const names = await peopleNames(db, r.sampler_ids);
  const seals = await filesOf(db, SEAL_FILES, [id]);
  const reports = await filesOf(db, REPORT_FILES, [id]);
  return {
    ...listItemOf(r),
    stationId: r.jurisdiction_id,
    planLineId: r.plan_line_id,
    specification: r.specification,
    quantity: r.quantity,
    quantityUnit: r.quantity_unit,
    samplers: r.sampler_ids.map((i) => ({ id: i, name: names.get(i) ?? `#${i}` })),
    labName: r.lab_name,
    sentOn: r.sent_on,
    note: r.note,
    withdrawReason: r.withdraw_reason,
    sealPhotos: seals.get(id) ?? [],
    result: result
      ? {
          verdict: result.verdict,
          failedItems: result.failed_items,
          reportNo: result.report_no,
          labName: result.lab_name,
          reportDate: result.report_date,
          receivedOn: result.received_on,
          note: result.note,
          files: reports.get(id) ?? [],
        }
      : null,
    followUp: f
      ? {
          measures: f.measures,
          deliveredOn: f.delivered_on,
          recheckDueOn: f.recheck_due_on,
          recheckDeadline: { label: RECHECK_DEADLINE.label, source: RECHECK_DEADLINE.source },
          recheckRequested: f.recheck_requested,
          note: f.note,
          handledNote: f.handled_note,
          links: f.links,
        }
      : null,
    actions: samplingWorkflow.actionsFor(ctx.actor, r.status, { delivered: !!f?.delivered_on }),
  };
}

const zero = (): SamplingProgress => ({ planned: 0, sampled: 0, resultsIn: 0, unqualified: 0 });
const add = (a: SamplingProgress, b: SamplingProgress) => {
  a.planned += b.planned;
  a.sampled += b.sampled;
  a.resultsIn += b.resultsIn;
  a.unqualified += b.unqualified;
};

/** Plans with their lines and progress (planned vs sampled vs results in), in one query per part. */
export async function presentPlans(ctx: Pick<Ctx, 'actor'>, db: DbOrTx, planIds: number[]): Promise<SamplingPlan[]> {
  if (!planIds.length) return [];
  const ids = sql.join(
    planIds.map((i) => sql`${i}`),
    sql`, `,
  );
  const plans = await rows<{
    id: number;
    level: SamplingLevel;
    year: number;
    name: string;
    issuer: string | null;
    note: string | null;
    jurisdiction_id: number;
    jurisdiction_name: string;
    path: string;
    version: number;
  }>(
    db,
    sql`select p.id, p.level, p.year, p.name, p.issuer, p.note, p.jurisdiction_id, j.name as jurisdiction_name, j.path, p.version
        from sampling_plans p join jurisdictions j on j.id = p.jurisdiction_id where p.id in (${ids}) order by p.year desc, p.level, p.id`,
  );
  const lines = await rows<{
    id: number;
    plan_id: number;
    category: ProductCategory;
    sub_category: string | null;
    planned: number;
    note: string | null;
    sampled: number;
    results_in: number;
    unqualified: number;
    entities: { id: number; name: string }[] | null;
  }>(
    db,
    sql`select l.id, l.plan_id, l.category, l.sub_category, l.planned, l.note,
          (select count(*)::int from sampling_records s where s.plan_line_id = l.id and s.status in ${sql.raw(COUNTED)}) as sampled,
          (select count(*)::int from sampling_records s where s.plan_line_id = l.id and s.status in ${sql.raw(WITH_RESULT)}) as results_in,
          (select count(*)::int from sampling_records s where s.plan_line_id = l.id and s.status in ('unqualified','handled')) as unqualified,
          (select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name) from sampling_plan_units u join entities e on e.id = u.entity_id where u.line_id = l.id) as entities
        from sampling_plan_lines l where l.plan_id in (${ids}) order by l.plan_id, l.sort_order, l.id`,
  );
  return plans.map((p) => {
    const own = lines.filter((l) => l.plan_id === p.id);
    const total = zero();
    const byCat = new Map(PRODUCT_CATEGORY_KEYS.map((c) => [c, zero()]));
    const presented = own.map((l) => {
      const prog = { planned: l.planned, sampled: Number(l.sampled), resultsIn: Number(l.results_in), unqualified: Number(l.unqualified) };
      add(total, prog);
      add(byCat.get(l.category)!, prog);
      return {
        id: l.id,
        category: l.category,
        subCategory: l.sub_category,
        label: subcategoryLabel(l.category, l.sub_category),
        note: l.note,
        entities: l.entities ?? [],
        ...prog,
      };
    });
    return {
      id: p.id,
      level: p.level,
      year: p.year,
      name: p.name,
      issuer: p.issuer,
      note: p.note,
      jurisdictionId: p.jurisdiction_id,
      jurisdictionName: p.jurisdiction_name,
      lines: presented,
      byCategory: PRODUCT_CATEGORY_KEYS.filter((c) => own.some((l) => l.category === c)).map((c) => ({ category: c, ...byCat.get(c)! })),
      total,
      editable: can(ctx.actor.role, 'sampling.manage') && pathInScope(ctx.actor, p.path),
      version: p.version,
    };
  });
}
