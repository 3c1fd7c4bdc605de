import type { EditInspectionInput, Inspection, InspectionKind, RecordInspectionInput, RectificationView, SignInput } from '../../../contracts/inspections.js';
import type { StoredFile } from '../../../contracts/files.js';
import { api, qs } from '../../lib/api.js';

/** The checklist that applies to a unit (the campaign's, else the bundled default) and the violation types. */
export interface ChecklistItem {
  key: string;
  text: string;
  articles?: string[] | string;
  basis?: string;
}
export interface Checklist {
  key: string;
  label: string;
  sections: { title: string; items: ChecklistItem[] }[];
}
export interface ChecklistAnswerSheet {
  checklist: Checklist;
  violationTypes: { key: string; label: string }[];
}

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

/** One row of 双随机抽查结果公示 (fields as the server presents them; unknown ones are ignored). */
export interface PublicationRow {
  id?: number;
  inspectionId?: number;
  entityName: string;
  creditCode?: string | null;
  date: string;
  result?: string;
  findings?: string | number | null;
  measures?: string | null;
  stationName?: string;
  publishUntil?: string | null;
}

export const documentNames = { record: '现场检查笔录', 'rectification-order': '责令改正通知书', 'warning-letter': '告诫信' } as const;
export type DocumentKind = keyof typeof documentNames;

export const inspectionsApi = {
  record: (input: RecordInspectionInput) => api<Inspection>('/api/inspections', { body: input }),
  get: (id: number) => api<Inspection>(`/api/inspections/${id}`),
  cancel: (id: number, reason: string) => api<Inspection>(`/api/inspections/${id}/cancel`, { body: { reason } }),
  edit: (id: number, input: EditInspectionInput) => api<Inspection>(`/api/inspections/${id}`, { method: 'PUT', body: input }),
  withdraw: (id: number, reason: string, version: number) => api<Inspection>(`/api/inspections/${id}/withdraw`, { body: { reason, version } }),
  sign: (id: number, input: SignInput) => api<Inspection>(`/api/inspections/${id}/sign`, { body: input }),
  upload: (id: number, file: Blob, name: string, itemKey?: string) => {
    const form = new FormData();
    if (itemKey) form.append('itemKey', itemKey);
    form.append('file', file, name);
    return api<StoredFile>(`/api/inspections/${id}/files`, { form });
  },
  checklist: (entityId: number, campaignId?: number | null) => api<ChecklistAnswerSheet>(`/api/inspections/checklist${qs({ entityId, campaignId })}`),
  list: (f: InspectionFilters) => api<Paged<Inspection>>(`/api/inspections${qs({ ...f })}`),
  exportUrl: (f: InspectionFilters) => `/api/inspections/export${qs({ ...f, page: undefined, pageSize: undefined })}`,
  documentUrl: (id: number, doc: DocumentKind) => `/api/inspections/${id}/documents/${doc}`,
  printUrl: (id: number) => `/api/inspections/${id}/print`,
  rectifications: (f: { status?: string; overdue?: boolean; stationId?: number }) => api<RectificationView[] | Paged<RectificationView>>(`/api/rectifications${qs(f)}`),
  submitEvidence: (id: number, file: File | null, note: string) => {
    const form = new FormData();
    form.append('note', note);
    if (file) form.append('file', file, file.name);
    return api<RectificationView>(`/api/rectifications/${id}/evidence`, { form });
  },
  extend: (id: number, deadline: string, reason: string, version: number) => api<RectificationView>(`/api/rectifications/${id}/extend`, { body: { deadline, reason, version } }),
  publication: (from?: string, to?: string) => api<PublicationRow[] | Paged<PublicationRow>>(`/api/inspections/publication${qs({ from, to })}`),
  publicationExportUrl: (from?: string, to?: string) => `/api/inspections/publication/export${qs({ from, to })}`,
};

/** Lists come as an array or a page of them. */
export function itemsOf<T>(v: T[] | Paged<T> | undefined): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : v.items;
}
