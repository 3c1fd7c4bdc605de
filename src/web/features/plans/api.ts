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
