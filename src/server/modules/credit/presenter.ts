import { isoTimestamp } from '../../../contracts/calendar.js';
import type { CreditRun } from '../../../contracts/credit.js';

export interface RunRow {
  id: number;
  scope: 'area' | 'unit';
  jurisdiction_name: string | null;
  status: CreditRun['status'];
  rule_version: number;
  as_of: string;
  unit_count: number | null;
  changed_count: number | null;
  message: string | null;
  created_by_name: string | null;
  created_at: string;
  finished_at: string | null;
}

export function presentRun(r: RunRow): CreditRun {
  return {
    id: r.id,
    scope: r.scope,
    jurisdictionName: r.jurisdiction_name,
    status: r.status,
    ruleVersion: r.rule_version,
    asOf: r.as_of,
    unitCount: r.unit_count,
    changedCount: r.changed_count,
    message: r.message,
    createdBy: r.created_by_name,
    createdAt: isoTimestamp(r.created_at),
    finishedAt: isoTimestamp(r.finished_at),
  };
}

export const RUN_SELECT = `select r.id, r.scope, j.name as jurisdiction_name, r.status, r.rule_version, r.as_of::text as as_of, r.unit_count,
  r.changed_count, r.message, u.display_name as created_by_name, r.created_at, r.finished_at
  from credit_runs r left join jurisdictions j on j.id = r.jurisdiction_id left join users u on u.id = r.created_by`;
