import type { z } from 'zod';
import type {
  checklistResponse,
  EditInspectionInput,
  Inspection,
  InspectionKind,
  InspectionListItem,
  PublicationItem,
  RecordInspectionInput,
  RectificationView,
  SignInput,
} from '../../../contracts/inspections.js';
import type { StoredFile } from '../../../contracts/files.js';
import { api, qs } from '../../lib/api.js';

/** The checklist that applies to a unit (the campaign's, else the bundled default) and the violation types. */
export type ChecklistAnswerSheet = z.infer<typeof checklistResponse>;
export type ChecklistItem = ChecklistAnswerSheet['checklist']['sections'][number]['items'][number];

export interface InspectionFilters {
  kind?: InspectionKind;
  from?: string;
  to?: string;
  inspectorId?: number;
  result?: 'findings' | 'clean';
  openRectifications?: boolean;
  stationId?: number;
  page?: number;
  pageSize?: number;
}
export interface Paged<T> {
  items: T[];
  total: number;
}

export const documentNames = { record: '现场检查笔录', 'rectification-order': '责令改正通知书', 'warning-letter': '告诫信' } as const;
export type DocumentKind = keyof typeof documentNames;

export const inspectionsApi = {
  record: (input: RecordInspectionInput) => api<Inspection>('/api/inspections', { body: input }),
  get: (id: number) => api<Inspection>(`/api/inspections/${id}`),
  cancel: (id: number, reason: string) => api<Inspection>(`/api/inspections/${id}/cancel`, { body: { reason } }),
  edit: (id: number, input: EditInspectionInput) => api<Inspection>(`/api/inspections/${id}`, { method: 'PUT', body: input }),
  withdraw: (id: number, reason: string, version: number) =>
    api<Inspection>(`/api/inspections/${id}/withdraw`, { body: { reason, version } }),
  sign: (id: number, input: SignInput) => api<Inspection>(`/api/inspections/${id}/sign`, { body: input }),
  upload: (id: number, file: Blob, name: string, itemKey?: string) => {
    const form = new FormData();
    if (itemKey) form.append('itemKey', itemKey);
    form.append('file', file, name);
    return api<StoredFile>(`/api/inspections/${id}/files`, { form });
  },
  checklist: (entityId: number, campaignId?: number | null) =>
    api<ChecklistAnswerSheet>(`/api/inspections/checklist${qs({ entityId, campaignId })}`),
  list: (f: InspectionFilters) => api<Paged<InspectionListItem>>(`/api/inspections${qs({ ...f })}`),
  exportUrl: (f: InspectionFilters) => `/api/inspections/export${qs({ ...f, page: undefined, pageSize: undefined })}`,
  documentUrl: (id: number, doc: DocumentKind) => `/api/inspections/${id}/documents/${doc}`,
  printUrl: (id: number) => `/api/inspections/${id}/print`,
  rectifications: (f: { status?: string; overdue?: boolean; stationId?: number; pageSize?: number }) =>
    api<Paged<RectificationView>>(`/api/rectifications${qs(f)}`),
  submitEvidence: (id: number, file: File, note: string) => {
    const form = new FormData();
    if (note) form.append('note', note);
    form.append('file', file, file.name);
    return api<RectificationView>(`/api/rectifications/${id}/evidence`, { form });
  },
  extend: (id: number, deadline: string, reason: string, version: number) =>
    api<RectificationView>(`/api/rectifications/${id}/extend`, { body: { deadline, reason, version } }),
  today: () =>
    api<{ today: string; dueToday: InspectionListItem[]; overdue: InspectionListItem[]; awaitingMySignature: InspectionListItem[] }>(
      '/api/inspections/today',
    ),
  publication: (from?: string, to?: string) => api<PublicationItem[]>(`/api/inspections/publication${qs({ from, to })}`),
  publicationExportUrl: (from?: string, to?: string) => `/api/inspections/publication/export${qs({ from, to })}`,
};

/** Lists come as an array or a page of them. */
export function itemsOf<T>(v: T[] | Paged<T> | undefined): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : v.items;
}
