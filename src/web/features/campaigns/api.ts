import type { CampaignDetail, CampaignSummary, DefinitionIssue, DefinitionWarning } from '../../../contracts/campaigns.js';
import { api, ApiError } from '../../lib/api.js';

export interface TemplateInfo {
  code: string;
  name: string;
  docNo: string | null;
  issuer: string;
  from: string;
  to: string;
  summary: string | null;
}
export interface VersionInfo {
  version: number;
  authorName: string;
  note: string | null;
  createdAt: string;
  changes: string[];
}

type Saved = CampaignSummary & { warnings?: DefinitionWarning[] };

export const campaignsApi = {
  list: () => api<CampaignSummary[]>('/api/campaigns'),
  get: (id: number) => api<CampaignDetail>(`/api/campaigns/${id}`),
  home: (id: number) => api<any>(`/api/campaigns/${id}/home`),
  versions: (id: number) => api<VersionInfo[]>(`/api/campaigns/${id}/versions`),
  templates: () => api<TemplateInfo[]>('/api/campaign-templates'),
  template: (code: string) => api<{ code: string; definition: any; yaml: string }>(`/api/campaign-templates/${code}`),
  /** Create and amend answer the definition's warnings too (kept, but worth a look). */
  create: (definition: unknown) => api<Saved>('/api/campaigns', { body: { definition, status: 'draft' } }),
  /** Amend from the definition version the editor loaded (a newer one → 409 STALE_VERSION). */
  amend: (id: number, definition: unknown, note: string, version: number) =>
    api<Saved>(`/api/campaigns/${id}/definition`, { method: 'PUT', body: { definition, note, version } }),
  status: (id: number, status: string) => api<CampaignSummary>(`/api/campaigns/${id}/status`, { body: { status } }),
  confirm: (id: number, path: string, note?: string) => api<CampaignSummary>(`/api/campaigns/${id}/confirm`, { body: { path, note } }),
  readings: (id: number) =>
    api<{
      readings: { key: string; chosen: string; options: { key: string; label: string; inspections: number | null; optimal: boolean }[] }[];
    }>(`/api/campaigns/${id}/readings`),
  chooseReading: (id: number, key: string, option: string) =>
    api<CampaignSummary>(`/api/campaigns/${id}/readings/${key}`, { body: { option } }),
  validate: (definition: unknown) =>
    api<{ ok: boolean; issues: DefinitionIssue[]; warnings?: DefinitionWarning[] }>('/api/campaigns/validate', { body: { definition } }),
};

/** Issues (path + message) of a failed save, if the server sent them. */
export function issuesOf(e: unknown): DefinitionIssue[] {
  if (e instanceof ApiError && Array.isArray(e.details)) return e.details as DefinitionIssue[];
  return [];
}

/**
 * Drop empty strings, nulls and empty optional objects left by form inputs. `provenance` and
 * `readings` are data the form does not edit; they pass unchanged (a reading's null means "remove").
 */
export function clean(v: any): any {
  if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined);
  if (v && typeof v === 'object') {
    const out: any = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'provenance' || k === 'readings') {
        if (x !== undefined) out[k] = x;
        continue;
      }
      const c = clean(x);
      // An emptied period (方案未定) is left out, not sent as {}.
      if (c !== undefined && !(k === 'period' && typeof c === 'object' && !Object.keys(c).length)) out[k] = c;
    }
    return out;
  }
  if (v === '' || v === null) return undefined;
  return v;
}

/** A blank definition to start from. */
export function blankDefinition() {
  const y = new Date().getFullYear();
  return {
    schemaVersion: 1,
    name: '',
    issuer: '',
    period: { from: `${y}-01-01`, to: `${y}-12-31` },
    phases: [
      { key: 'dongyuan', name: '动员部署阶段', from: `${y}-01-01`, to: `${y}-01-31` },
      { key: 'zhengzhi', name: '集中整治阶段', from: `${y}-02-01`, to: `${y}-11-30` },
      { key: 'zongjie', name: '总结提高阶段', from: `${y}-12-01`, to: `${y}-12-31` },
    ],
    subActions: [],
    focus: { products: [], entityKinds: [], objects: [], tags: [], areas: [], channels: [], violations: [] },
    quotas: [],
    tables: [],
    obligations: [],
    checklists: [],
    violationTypes: [],
    organisation: {
      leadingGroup: { name: '', leader: { title: '局长' }, deputies: [], members: [], memberUnits: [], duties: [] },
      office: { unit: '', duties: [] },
      workingGroups: [],
    },
    tasks: [],
    events: [],
  };
}
