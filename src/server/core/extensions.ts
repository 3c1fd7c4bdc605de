import type { FastifyPluginAsync } from 'fastify';
import type { TimelineItem } from '../../contracts/entities.js';
import type { Dashboard } from '../../contracts/dashboard.js';
import type { MeasureKey } from '../../contracts/measures.js';
import type { RowSourceKey } from '../../contracts/row-sources.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor, Ctx } from './context.js';
import type { JobDefinition } from './jobs/runner.js';
import type { SummarySource } from './measure-summaries.js';

/**
 * Extension points: each module declares, in its `module.ts`, what it adds to the lists other
 * modules read (timeline sources, dashboard sections, report measures, background jobs, and the
 * points modules define for each other, e.g. inspection origins). `modules/index.ts` is the one
 * list of modules; `buildRegistry` merges their contributions. Nothing registers itself by being
 * imported.
 *
 * A module adds a point of its own by declaration merging in its `public.ts`:
 *
 *     declare module '../../core/extensions.js' { interface ExtensionPoints { inspectionOrigins: InspectionOrigin } }
 */
export interface ExtensionPoints {
  /** Sources of an entity file's timeline (the entities module merges them by time). */
  timeline: TimelineSource;
  /** Sections of the 工作台 (the dashboard module merges them). */
  dashboard: DashboardSection;
  /** Named computations statistical-table columns refer to (reports). */
  measures: Measure;
  /** Background job handlers (core/jobs). */
  jobs: JobDefinition<any>;
  /** Maintained summaries of a module's measures (core/measure-summaries.ts), built at start. */
  measureSummaries: SummarySource;
  /** Records a table of free rows starts from (reports; keys in contracts/row-sources.ts). */
  tableRowSources: TableRowSource;
}

/** One source of free table rows: the records of an area and period, one object of fields per row, in order. */
export interface TableRowSource {
  key: RowSourceKey;
  rows(db: DbOrTx, filter: Pick<MeasureFilter, 'path' | 'from' | 'to'>): Promise<Record<string, string | number | boolean | null>[]>;
}

/** The unit a timeline is loaded for (what every source needs of it). */
export interface TimelineEntity {
  id: number;
  jurisdictionId: number;
}

export interface TimelineSource {
  key: string;
  label: string;
  load(db: DbOrTx, entity: TimelineEntity, actor: Actor): Promise<TimelineItem[]>;
}

/** A part of the dashboard: returns the fields of `Dashboard` it owns (null when the role has none). */
export interface DashboardSection {
  key: string;
  load(ctx: Ctx, today: string): Promise<Partial<Omit<Dashboard, 'today' | 'windowDays'>>>;
}

/** What a measure is computed over. */
export interface MeasureFilter {
  /** The jurisdiction subtree (materialised path, e.g. "/1/2/5/"): only records inside count. */
  path: string;
  /** Inclusive Beijing dates; `from` may be a campaign's start for cumulative figures. */
  from: string;
  to: string;
  /** Entity kinds (contracts/entity-kinds.ts); empty = all. */
  entityKinds?: string[];
  /** Only records of this campaign (where the record knows its campaign). */
  campaignId?: number;
  /** Only records of this product category (where the record carries or its unit's kind implies one). */
  category?: MeasureCategory;
}

/** Product categories a measure may be filtered by (药品, 医疗器械, 化妆品). */
export type MeasureCategory = 'drug' | 'device' | 'cosmetics';

/** One record behind a figure (what a leader opens when a number looks wrong). */
export interface MeasureDrillRow {
  /** The record type users open: inspection, case, risk, clue, sampling, consultation, … */
  type: string;
  id: number;
  label: string;
  /** The record's date that put it in the period (Beijing date). */
  date: string;
  jurisdictionId: number;
  entityId?: number;
  entityName?: string;
  /** For sum measures (元, 人次): what this record adds; absent for counts (each row counts 1). */
  value?: number;
}

/**
 * The records behind a measure's figure, newest first. For a count, `total` per jurisdiction equals
 * `compute`; for a distinct-units measure, one row per unit (its latest qualifying record); for a
 * sum, the rows' `value`s add up to `compute`.
 */
export type MeasureDrill = (
  db: DbOrTx,
  filter: MeasureFilter,
  opts: { jurisdictionId?: number; limit: number; offset: number },
) => Promise<{ total: number; rows: MeasureDrillRow[] }>;

/**
 * A report measure: one documented number over recorded work, grouped by the station (or other
 * jurisdiction) the record belongs to. Report tables refer to measures by key, so a new table is data.
 */
export interface Measure {
  key: MeasureKey;
  label: string;
  /** The precise definition, shown to the people who sign the report. */
  definition: string;
  unit: '家' | '家次' | '件' | '人次' | '元' | '个' | '批次';
  /** Value per jurisdiction id (the record's station); missing = 0. */
  compute(db: DbOrTx, filter: MeasureFilter): Promise<Map<number, number>>;
  /** Where `compute` may answer from maintained summaries: the plain SQL over the raw rows (the definition). */
  plain?: (db: DbOrTx, filter: MeasureFilter) => Promise<Map<number, number>>;
  /** Kept in maintained summaries (core/measure-summaries.ts): a table asks them for all its cells at once. */
  kept?: { source: { key: string; version: number }; shape: 'additive' | 'distinct' };
  drill: MeasureDrill;
}

export type Registry = { readonly [K in keyof ExtensionPoints]: readonly ExtensionPoints[K][] };

/** What one module is: its routes and what it contributes to the extension points. */
export interface ModuleDefinition {
  name: string;
  routes: FastifyPluginAsync<any>;
  contributes?: { [K in keyof ExtensionPoints]?: ExtensionPoints[K][] };
}

/** Merge the contributions of every module, refusing two entries with the same key in one point. */
export function buildRegistry(modules: readonly ModuleDefinition[]): Registry {
  const out: Record<string, unknown[]> = { timeline: [], dashboard: [], measures: [], jobs: [], measureSummaries: [], tableRowSources: [] };
  for (const m of modules) {
    for (const [point, items] of Object.entries(m.contributes ?? {})) {
      const list = (out[point] ??= []);
      for (const item of items as { key?: string; kind?: string }[]) {
        const key = item.key ?? item.kind;
        if (key && list.some((x: any) => (x.key ?? x.kind) === key))
          throw new Error(`extension ${point}: duplicate key ${key} (module ${m.name})`);
        list.push(item);
      }
    }
  }
  return out as unknown as Registry;
}

/** The entries of one point (empty when no module contributes). */
export function pointOf<K extends keyof ExtensionPoints>(registry: Registry, point: K): readonly ExtensionPoints[K][] {
  return (registry[point] as readonly ExtensionPoints[K][] | undefined) ?? [];
}
