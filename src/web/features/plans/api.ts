import type { MyTask, EditInspectionInput, ChangePlanTaskInput, CoverageDto, CoverageQuery, Inspection, MissingItemDto, PlanCheckResult, PlanDetail, PlanSummary, PlanTask, RecordInspectionInput } from '../../../contracts/plans.js';
import { api, qs } from '../../lib/api.js';

export const plansApi = {
  list: (campaignId?: number) => api<PlanSummary[]>(`/api/plans${qs({ campaignId })}`),
  generate: (campaignId: number, seed?: number) => api<PlanSummary>('/api/plans', { body: { campaignId, seed } }),
  get: (id: number) => api<PlanDetail>(`/api/plans/${id}`),
  tasks: (id: number, q: { stationId?: number; status?: string; q?: string; page: number; pageSize: number }) =>
    api<{ items: PlanTask[]; total: number; page: number; pageSize: number }>(`/api/plans/${id}/tasks${qs(q)}`),
  change: (id: number, input: ChangePlanTaskInput) => api<PlanCheckResult>(`/api/plans/${id}/tasks`, { body: input }),
  publish: (id: number, overlap?: 'supersede' | 'keep') => api<PlanSummary>(`/api/plans/${id}/publish`, { body: overlap ? { overlap } : {} }),
  coverage: (id: number, query: CoverageQuery = {}) => api<CoverageDto>(`/api/plans/${id}/coverage${qs(query)}`),
  missing: (id: number) => api<MissingItemDto[]>(`/api/plans/${id}/missing`),
  record: (input: RecordInspectionInput) => api<Inspection>('/api/inspections', { body: input }),
  cancel: (inspectionId: number, reason: string) => api<Inspection>(`/api/inspections/${inspectionId}/cancel`, { body: { reason } }),
  myTasks: () => api<{ items: MyTask[]; total: number; today: string }>('/api/my-tasks'),
  inspection: (id: number) => api<Inspection>(`/api/inspections/${id}`),
  edit: (id: number, input: EditInspectionInput) => api<Inspection>(`/api/inspections/${id}`, { method: 'PUT', body: input }),
  withdraw: (id: number, reason: string, updatedAt: string) => api<Inspection>(`/api/inspections/${id}/withdraw`, { body: { reason, updatedAt } }),
};
