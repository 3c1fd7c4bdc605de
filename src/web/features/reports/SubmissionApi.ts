import type { StoredFile } from '../../../contracts/files.js';
import {
  ACTION_ROUTES,
  type CreateSubmissionInput,
  type EditSubmissionInput,
  type ObligationCalendar,
  type SubmissionBox,
  type SubmissionListItem,
  type SubmissionTransitionInput,
  type SubmissionView,
} from '../../../contracts/submissions.js';
import { api, download, qs } from '../../lib/api.js';

export const submissionsApi = {
  list: (box: SubmissionBox, campaignId?: number) => api<SubmissionListItem[]>(`/api/reports/submissions${qs({ box, campaignId })}`),
  get: (id: number) => api<SubmissionView>(`/api/reports/submissions/${id}`),
  create: (input: CreateSubmissionInput) => api<SubmissionView>('/api/reports/submissions', { body: input }),
  edit: (id: number, input: EditSubmissionInput) => api<SubmissionView>(`/api/reports/submissions/${id}`, { method: 'PUT', body: input }),
  act: (id: number, input: SubmissionTransitionInput) =>
    api<SubmissionView>(`/api/reports/submissions/${id}/${ACTION_ROUTES[input.action]}`, { body: input }),
  scan: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<StoredFile>(`/api/reports/submissions/${id}/scan`, { form });
  },
  word: (id: number) => download(`/api/reports/submissions/${id}/word`, '报送报告.docx'),
  excel: (id: number) => download(`/api/reports/submissions/${id}/excel`, '报送统计表.xlsx'),
  calendar: (campaignId: number, orgUnitId?: number) =>
    api<ObligationCalendar>(`/api/reports/campaigns/${campaignId}/calendar${qs({ orgUnitId })}`),
};

export const SUBMISSION_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  unit_review: 'processing',
  leader_review: 'processing',
  reported: 'blue',
  accepted: 'success',
  returned: 'error',
};
export const DUE_STATUS_COLORS: Record<string, string> = {
  pending: 'default',
  on_time: 'success',
  late: 'warning',
  missing: 'error',
  accepted: 'green',
};
