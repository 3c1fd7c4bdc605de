import type {
  AdrAlert,
  AdrFunnel,
  AdrImportJob,
  AdrReport,
  AdrReportInput,
  AdrSettings,
  AdrSignals,
  AdrTargets,
  AdrTrend,
  AlertAction,
  SignalSort,
} from '../../../contracts/adr.js';
import { api, qs } from '../../lib/api.js';

export interface Paged<T> {
  items: T[];
  total: number;
}
export interface ReportFilters {
  from?: string;
  to?: string;
  jurisdictionId?: number;
  drug?: string;
  kind?: string;
  seriousness?: string;
  late?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}
export interface PopulationRow {
  jurisdictionId: number;
  jurisdictionName: string;
  year: number;
  population: number | null;
  demo: boolean;
  version: number;
}

export interface SignalFilters {
  from?: string;
  to?: string;
  jurisdictionId?: number;
  drug?: string;
  event?: string;
  minN?: number;
  onlySignals?: 'true';
  sort?: SignalSort;
  page?: number;
  pageSize?: number;
}

export const adrApi = {
  reports: (f: ReportFilters) => api<Paged<AdrReport>>(`/api/adr-reports${qs({ ...f })}`),
  areas: () => api<{ defaultId: number | null; items: { id: number; name: string; level: string }[] }>('/api/adr-reports/areas'),
  create: (input: AdrReportInput) => api<{ report: AdrReport; alertsOpened: number[] }>('/api/adr-reports', { body: input }),
  update: (id: number, input: AdrReportInput & { version: number }) =>
    api<{ report: AdrReport; alertsOpened: number[] }>(`/api/adr-reports/${id}`, { method: 'PUT', body: input }),
  importJob: (id: number) => api<AdrImportJob>(`/api/adr-imports/${id}`),
  confirmImport: (id: number) => api<AdrImportJob>(`/api/adr-imports/${id}/confirm`, { method: 'POST' }),
  targets: (year: number) => api<AdrTargets>(`/api/adr-targets${qs({ year })}`),
  population: (year: number) => api<PopulationRow[]>(`/api/adr-population${qs({ year })}`),
  savePopulation: (input: { jurisdictionId: number; year: number; population: number; version: number }) =>
    api<PopulationRow>('/api/adr-population', { method: 'PUT', body: input }),
  settings: (jurisdictionId?: number) => api<AdrSettings>(`/api/adr-settings${qs({ jurisdictionId })}`),
  saveSettings: (input: AdrSettings) => api<AdrSettings>('/api/adr-settings', { method: 'PUT', body: input }),
  alerts: (f: { status?: string; page?: number; pageSize?: number }) => api<Paged<AdrAlert>>(`/api/adr-alerts${qs({ ...f })}`),
  act: (id: number, input: { action: AlertAction; note?: string; version: number }) =>
    api<AdrAlert>(`/api/adr-alerts/${id}/transition`, { body: input }),
  signals: (f: SignalFilters) => api<AdrSignals>(`/api/adr/signals${qs({ ...f })}`),
  signalReports: (f: {
    drug: string;
    event: string;
    from?: string;
    to?: string;
    jurisdictionId?: number;
    page?: number;
    pageSize?: number;
  }) => api<Paged<AdrReport>>(`/api/adr/signals/reports${qs({ ...f })}`),
  trend: (f: { from?: string; to?: string; jurisdictionId?: number; drug?: string }) => api<AdrTrend>(`/api/adr/trend${qs({ ...f })}`),
  funnel: (year: number) => api<AdrFunnel>(`/api/adr/funnel${qs({ year })}`),
};
