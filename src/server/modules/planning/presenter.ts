import type { PlanSummary, PlanTask } from '../../../contracts/plans.js';
import type { LoadedPlan } from './queries.js';
import { isoTimestamp } from '../../../contracts/calendar.js';

export function presentPlan(p: LoadedPlan): PlanSummary {
  return {
    id: p.plan.id,
    campaignId: p.plan.campaignId,
    campaignName: p.campaignName,
    campaignVersion: p.plan.campaignVersion,
    jurisdictionId: p.plan.jurisdictionId,
    name: p.plan.name,
    seed: p.plan.seed,
    status: p.plan.status as PlanSummary['status'],
    current: p.current,
    supersededBy: p.plan.supersededBy ?? null,
    minimum: p.plan.minimum,
    optimal: p.plan.optimal,
    taskCount: p.taskCount,
    createdAt: isoTimestamp(p.plan.createdAt),
    publishedAt: isoTimestamp(p.plan.publishedAt),
  };
}

/** A task row joined with its unit, station, inspection and rule labels. */
export function presentTask(r: any, labels: Map<string, string>, names: Map<number, string>): PlanTask {
  const rules = (typeof r.rules === 'string' ? JSON.parse(r.rules) : r.rules) as { ruleId: string; requirementKey: string }[];
  return {
    id: r.id,
    entityId: r.entity_id,
    entityName: r.entity_name ?? `#${r.entity_id}`,
    entityKind: r.entity_kind ?? '',
    address: r.address ?? null,
    stationId: r.jurisdiction_id,
    stationName: r.station_name ?? '',
    visit: r.visit,
    dueFrom: r.due_from ?? null,
    dueTo: r.due_to ?? null,
    rules: rules.map((x) => ({ ...x, label: labels.get(x.ruleId) ?? x.ruleId })),
    inspectors: (r.inspector_ids ?? []).map((id: number) => ({ id, name: names.get(id) ?? `#${id}` })),
    reasons: r.reasons ?? [],
    manual: !!r.manual,
    inspectionId: r.inspection_id ?? null,
    status: r.inspection_status ?? null,
    doneOn: r.inspection_status === 'done' ? r.inspection_date : null,
  };
}
