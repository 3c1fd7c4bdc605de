import type { EditInspectionInput, Inspection, RecordInspectionInput } from '../../../contracts/inspections.js';
import { api } from '../../lib/api.js';

export const inspectionsApi = {
  record: (input: RecordInspectionInput) => api<Inspection>('/api/inspections', { body: input }),
  get: (id: number) => api<Inspection>(`/api/inspections/${id}`),
  cancel: (id: number, reason: string) => api<Inspection>(`/api/inspections/${id}/cancel`, { body: { reason } }),
  edit: (id: number, input: EditInspectionInput) => api<Inspection>(`/api/inspections/${id}`, { method: 'PUT', body: input }),
  withdraw: (id: number, reason: string, version: number) => api<Inspection>(`/api/inspections/${id}/withdraw`, { body: { reason, version } }),
};
