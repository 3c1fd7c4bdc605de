import { qs } from '../../lib/api.js';
import type { Filters } from './FilterBar.js';

/** The list's state in the page's address: filters, sort, page. */
export const FILTER_KEYS = [
  'q',
  'kinds',
  'station',
  'township',
  'tagsAny',
  'productsAny',
  'riskLevels',
  'creditGrades',
  'statuses',
  'licenceStates',
  'medicalGrades',
  'deviceLevels',
  'familyPlanning',
  'sort',
] as const;

export function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Filters;
}

export function pageOf(params: URLSearchParams) {
  return { page: Number(params.get('page') ?? 1), pageSize: Number(params.get('pageSize') ?? 20) };
}

/** API query from the page's URL state (station/township become one jurisdiction filter). */
export function apiQuery(f: Filters) {
  const { station, township, ...rest } = f;
  return { ...rest, jurisdictionId: township ?? station };
}

/** The list's read for an address: the page asks it, and the first load starts it before the page's code arrives. */
export function entitiesUrl(params: URLSearchParams) {
  const { page, pageSize } = pageOf(params);
  return `/api/entities${qs({ ...apiQuery(filtersOf(params)), page, pageSize })}`;
}
