import type {
  MyTask,
  ChangePlanTaskInput,
  CoverageDto,
  CoverageQuery,
  MissingItemDto,
  PlanCheckResult,
  PlanDetail,
  PlanSummary,
  PlanTask,
} from '../../../contracts/plans.js';
import { api, qs } from '../../lib/api.js';

export const plansApi = {
  list: (campaignId?: number) => api<PlanSummary[]>(`/api/plans${qs({ campaignId })}`),
  generate: (campaignId: number, seed?: number) => api<PlanSummary>('/api/plans', { body: { campaignId, seed } }),
  get: (id: number) => api<PlanDetail>(`/api/plans/${id}`),
  tasks: (id: number, q: { stationId?: number; status?: string; q?: string; page: number; pageSize: number }) =>
    api<{ items: PlanTask[]; total: number; page: number; pageSize: number }>(`/api/plans/${id}/tasks${qs(q)}`),
  change: (id: number, input: ChangePlanTaskInput) => api<PlanCheckResult>(`/api/plans/${id}/tasks`, { body: input }),
  publish: (id: number, overlap?: 'supersede' | 'keep') =>
    api<PlanSummary>(`/api/plans/${id}/publish`, { body: overlap ? { overlap } : {} }),
  coverage: (id: number, query: CoverageQuery = {}) => api<CoverageDto>(`/api/plans/${id}/coverage${qs(query)}`),
  missing: (id: number) => api<MissingItemDto[]>(`/api/plans/${id}/missing`),
  myTasks: () => api<{ items: MyTask[]; total: number; today: string }>('/api/my-tasks'),
};

/**
 * Where a coverage row or shortfall is counted: its station (曙光所), its county or city (兴隆台区, for
 * a quota counted per county / city), or the whole campaign area (全区).
 */
export function placeOf(r: {
  stationShortName: string | null;
  area?: { level: 'county' | 'city'; id: string } | null;
  areaName?: string | null;
}): string {
  if (r.stationShortName) return r.stationShortName;
  if (r.area) return r.areaName ?? (r.area.level === 'county' ? '县（市、区）' : '市（州）');
  return '全区';
}
