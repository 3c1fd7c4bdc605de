import type { StoredFile } from '../../../contracts/files.js';
import type {
  CreateSamplingPlanInput,
  CreateSamplingRecordInput,
  EditSamplingRecordInput,
  FollowUpInput,
  RecordSamplingResultInput,
  SamplingListItem,
  SamplingPlan,
  SamplingRecord,
  SamplingStatus,
  SendSamplingRecordInput,
  UpdateSamplingPlanInput,
  SamplingLevel,
  ProductCategory,
} from '../../../contracts/sampling.js';
import { api, qs } from '../../lib/api.js';

export interface RecordFilters {
  status?: SamplingStatus;
  year?: number;
  planId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}
export interface ProgressRow {
  level: SamplingLevel;
  category: ProductCategory;
  planned: number;
  sampled: number;
  resultsIn: number;
  unqualified: number;
}

const rec = (id: number) => `/api/sampling-records/${id}`;

export const samplingApi = {
  plans: (year?: number) => api<SamplingPlan[]>(`/api/sampling-plans${qs({ year })}`),
  progress: (year: number) => api<{ year: number; rows: ProgressRow[] }>(`/api/sampling-plans/progress${qs({ year })}`),
  createPlan: (input: CreateSamplingPlanInput) => api<SamplingPlan>('/api/sampling-plans', { body: input }),
  updatePlan: (id: number, input: UpdateSamplingPlanInput) =>
    api<SamplingPlan>(`/api/sampling-plans/${id}`, { method: 'PUT', body: input }),
  list: (f: RecordFilters) => api<{ items: SamplingListItem[]; total: number }>(`/api/sampling-records${qs({ ...f })}`),
  documentUrl: (id: number) => `/api/sampling-records/${id}/document`,
  exportUrl: (f: RecordFilters) => `/api/sampling-records/export${qs({ ...f, page: undefined, pageSize: undefined })}`,
  get: (id: number) => api<SamplingRecord>(rec(id)),
  samplers: (entityId: number) =>
    api<{ id: number; name: string; unitName: string }[]>(`/api/sampling-records/samplers${qs({ entityId })}`),
  create: (input: CreateSamplingRecordInput) => api<SamplingRecord>('/api/sampling-records', { body: input }),
  edit: (id: number, input: EditSamplingRecordInput) => api<SamplingRecord>(rec(id), { method: 'PUT', body: input }),
  withdraw: (id: number, reason: string, version: number) => api<SamplingRecord>(`${rec(id)}/withdraw`, { body: { reason, version } }),
  send: (id: number, input: SendSamplingRecordInput) => api<SamplingRecord>(`${rec(id)}/send`, { body: input }),
  result: (id: number, input: RecordSamplingResultInput) => api<SamplingRecord>(`${rec(id)}/result`, { body: input }),
  followUp: (id: number, input: FollowUpInput) => api<SamplingRecord>(`${rec(id)}/follow-up`, { body: input }),
  handle: (id: number, note: string, version: number) => api<SamplingRecord>(`${rec(id)}/handle`, { body: { note, version } }),
  upload: (id: number, purpose: 'seal' | 'report', file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return api<StoredFile>(`${rec(id)}/files${qs({ purpose })}`, { form });
  },
};

export const STATUS_COLORS: Record<SamplingStatus, string> = {
  sampled: 'blue',
  testing: 'processing',
  qualified: 'green',
  unqualified: 'red',
  handled: 'default',
  withdrawn: 'default',
};
