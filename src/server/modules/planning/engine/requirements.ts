import type { QuotaRule, QuotaScope, QuotaTarget } from '../../../../contracts/quota-rules.js';
import { OPEN, intersect, isEmpty, toDay } from './dates.js';
import { compileSelector } from './selector.js';
import type { DayWindow, PlannerCampaign, PlannerEntity, PlannerStation, PlanningInput, Requirement, Shortfall } from './types.js';

/** A rule set that cannot be applied at all (unknown phase, empty window). */
export class RuleError extends Error {
  constructor(
    public readonly code: 'UNKNOWN_PHASE' | 'EMPTY_WINDOW',
    message: string,
  ) {
    super(message);
  }
}

/** Everything the planner, the checker and coverage share: units in scope and the requirements. */
export interface PlanningContext {
  /** Units in scope, sorted by id. */
  entities: PlannerEntity[];
  index: Map<string, number>;
  stations: PlannerStation[];
  stationById: Map<string, PlannerStation>;
  requirements: Requirement[];
  shortfalls: Shortfall[];
  warnings: string[];
  /** Per unit (index), the requirements whose population holds it (shared arrays: see `sigOf`). */
  entityReqs: number[][];
  /** Per unit, the id of its requirement signature; units with equal ids belong to the same requirements. */
  sigOf: Int32Array;
  /** Signature id → requirement indices (ascending). */
  signatures: number[][];
  /**
   * Per unit, its attribute profile; units of one profile (same kind, tags, grades, levels, risk,
   * credit) match the same selectors and weigh the same in draws. `profiles[p]` is one such unit.
   */
  profileOf: Int32Array;
  profiles: PlannerEntity[];
  campaignWindow: DayWindow;
  /**
   * How the requirements were built, for patching them after a change to some stations' units
   * (`patchContext`): units left out as orphans, and each rule's units per scope (`ruleId@scopeKey`).
   */
  built?: {
    orphans: number;
    scopeUnits: Map<string, number[]>;
    /** Unit indices per station (ascending). */
    byStation: Map<string, number[]>;
    /** Signature id by its requirement indices joined with commas (made by the first patch). */
    sigIds?: Map<string, number>;
  };
}

/** Where a requirement is counted: one station, one county or city (its stations), or the whole campaign. */
interface Scope {
  /** `stationId`, `county:<id>`, `city:<id>` or `*`. */
  key: string;
  stationId: string | null;
  area: { level: 'county' | 'city'; id: string } | null;
  /** Stations of the scope; null = every station. */
  stations: Set<string> | null;
}

export function campaignWindow(c?: PlannerCampaign): DayWindow {
  return { from: c?.from ? toDay(c.from) : OPEN.from, to: c?.to ? toDay(c.to) : OPEN.to };
}

function ruleWindow(rule: QuotaRule, inherited: DayWindow, campaign?: PlannerCampaign): DayWindow {
  if (!rule.window) return inherited;
  let w = campaignWindow(campaign);
  if (rule.window.phase) {
    const phase = campaign?.phases?.find((p) => p.key === rule.window!.phase);
    if (!phase) throw new RuleError('UNKNOWN_PHASE', `规则「${rule.label}」引用的阶段「${rule.window.phase}」不存在`);
    w = { from: toDay(phase.from), to: toDay(phase.to) };
  }
  if (rule.window.from) w = { ...w, from: toDay(rule.window.from) };
  if (rule.window.to) w = { ...w, to: toDay(rule.window.to) };
  w = intersect(w, campaignWindow(campaign));
  if (isEmpty(w)) throw new RuleError('EMPTY_WINDOW', `规则「${rule.label}」的检查时段为空`);
  return w;
}

const shareOf = (share: number, n: number) => Math.ceil(share * n - 1e-9);

function wantedBy(target: QuotaTarget, n: number, station: PlannerStation | undefined): number {
  if (target.type === 'share') return shareOf(target.min, n);
  if (target.type === 'all') return n;
  if (station && target.byStation && station.shortName in target.byStation) return target.byStation[station.shortName];
  return target.min;
}

/**
 * A function of a unit's attributes (selector match, draw weight, draw reasons) memoised per
 * attribute profile: computed once per profile, looked up per unit.
 */
export function perProfile<T>(ctx: Pick<PlanningContext, 'profileOf' | 'profiles'>, f: (e: PlannerEntity) => T): (unit: number) => T {
  const memo: T[] = new Array(ctx.profiles.length);
  const done = new Uint8Array(ctx.profiles.length);
  return (unit) => {
    const p = ctx.profileOf[unit];
    if (!done[p]) {
      memo[p] = f(ctx.profiles[p]);
      done[p] = 1;
    }
    return memo[p];
  };
}

/** The attribute profile of a unit (see `PlanningContext.profileOf`). Control characters separate: no code or tag contains them. */
export const profileKey = (e: PlannerEntity) =>
  [
    e.kind,
    e.tags.join('\x1e'),
    e.medicalGrade ?? '',
    e.deviceLevel ?? '',
    e.familyPlanning ?? '',
    e.riskLevel ?? '',
    e.creditGrade ?? '',
    (e.products ?? []).join('\x1e'),
  ].join('\x1f');

/** Units in scope with their index and profiles: the part of a context that depends on the units alone. */
export interface ContextUnits {
  entities: PlannerEntity[];
  index: Map<string, number>;
  profileOf: Int32Array;
  profiles: PlannerEntity[];
  /** Units of stations outside the input (left out, with a warning). */
  orphans: number;
  /** Unit indices per station, when known already (else made from the units). */
  byStation?: Map<string, number[]>;
}

/** Signatures of the units under given requirements (`internSignatures`, or a patch's own). */
export type Interning = (requirements: Requirement[]) => ReturnType<typeof internSignatures> & { sigIds?: Map<string, number> };

/** The input with its stations in id order (the order of station scopes and requirements). */
export const withSortedStations = (input: PlanningInput): PlanningInput => ({
  ...input,
  stations: input.stations.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
});

export const plannedStatuses = (input: PlanningInput) => new Set(input.options?.statuses ?? ['operating']);

export function buildContext(input: PlanningInput): PlanningContext {
  input = withSortedStations(input);
  const statuses = plannedStatuses(input);
  const known = new Set(input.stations.map((s) => s.id));
  let orphans = 0;
  const entities = input.entities.filter((e) => {
    if (!statuses.has(e.status)) return false;
    if (!known.has(e.stationId)) return (orphans++, false);
    return true;
  });
  // A stable order (by id) makes plans independent of the input order; loaders usually give it already.
  if (entities.some((e, i) => i > 0 && entities[i - 1].id > e.id)) entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(entities.map((e, i) => [e.id, i]));

  // Units with the same attributes match the same selectors: each rule's selector is evaluated once
  // per distinct profile (a few hundred at province scale), not once per unit (hundreds of thousands).
  const profileOf = new Int32Array(entities.length);
  const profiles: PlannerEntity[] = [];
  const ids = new Map<string, number>();
  entities.forEach((e, i) => {
    const key = profileKey(e);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = profiles.push(e) - 1));
    profileOf[i] = id;
  });
  return assembleContext(input, { entities, index, profileOf, profiles, orphans }, null);
}

/**
 * The requirements over given units. `reuse(key)` may hand back the units a rule counts in one
 * scope (`ruleId@scopeKey`, before any split by credit grade) when they are known not to have
 * changed (see `patchContext`); every other scope is computed from the units.
 * `input.stations` must be in id order (`withSortedStations`).
 */
export function assembleContext(
  input: PlanningInput,
  u: ContextUnits,
  reuse: ((key: string) => number[] | undefined) | null,
  intern?: Interning,
): PlanningContext {
  const { entities, index, profileOf, profiles } = u;
  const stationById = new Map(input.stations.map((s) => [s.id, s]));
  const warnings: string[] = [];
  if (u.orphans) warnings.push(`${u.orphans} 家单位不属于任何参与的监管所，未纳入计划`);
  const byStation =
    u.byStation ??
    (() => {
      const lists = new Map<string, number[]>(input.stations.map((s) => [s.id, []]));
      entities.forEach((e, i) => lists.get(e.stationId)!.push(i));
      return lists;
    })();
  const requirements: Requirement[] = [];
  const shortfalls: Shortfall[] = [];
  const scopeUnits = new Map<string, number[]>();
  const shortNames = new Set(input.stations.map((s) => s.shortName));
  const cw = campaignWindow(input.campaign);

  // Scopes of each level: every station, every county / city the stations belong to, the whole area.
  const warned = new Set<string>();
  const scopesMemo = new Map<QuotaScope, Scope[]>();
  const scopesOf = (per: QuotaScope): Scope[] => {
    let scopes = scopesMemo.get(per);
    if (!scopes) scopesMemo.set(per, (scopes = scopesAt(per)));
    return scopes;
  };
  const scopesAt = (per: QuotaScope): Scope[] => {
    if (per === 'campaign') return [{ key: '*', stationId: null, area: null, stations: null }];
    if (per === 'station') return input.stations.map((s) => ({ key: s.id, stationId: s.id, area: null, stations: new Set([s.id]) }));
    const byArea = new Map<string, Scope>();
    for (const s of input.stations) {
      const id = s[per];
      if (!id) {
        if (!warned.has(`${per}|${s.id}`) && warned.add(`${per}|${s.id}`))
          warnings.push(
            `监管所「${s.shortName}」不属于任何${per === 'county' ? '县（市、区）' : '市（州）'}，未纳入按${per === 'county' ? '县' : '市'}统计的规则`,
          );
        continue;
      }
      const key = `${per}:${id}`;
      let sc = byArea.get(key);
      if (!sc) byArea.set(key, (sc = { key, stationId: null, area: { level: per, id }, stations: new Set() }));
      sc.stations!.add(s.id);
    }
    return [...byArea.values()];
  };

  const add = (
    rule: QuotaRule,
    path: string[],
    scope: Scope,
    parentKey: string | null,
    grade: string | null,
    units: number[],
    wanted: number,
    times: number,
    window: DayWindow,
  ) => {
    if (wanted <= 0 && units.length === 0) return;
    const key = `${rule.id}@${scope.key}${grade ? `#${grade}` : ''}`;
    const target = Math.min(wanted, units.length);
    requirements.push({
      key,
      ruleId: rule.id,
      label: rule.label,
      rulePath: path,
      parentKey,
      stationId: scope.stationId,
      area: scope.area,
      grade,
      population: units,
      wanted,
      target,
      times,
      window,
    });
    if (wanted > units.length) {
      const station = scope.stationId ? stationById.get(scope.stationId)! : undefined;
      shortfalls.push({
        requirementKey: key,
        ruleId: rule.id,
        label: rule.label,
        stationId: scope.stationId,
        stationShortName: station?.shortName ?? null,
        area: scope.area,
        grade,
        required: wanted,
        available: units.length,
        missing: wanted - units.length,
      });
    }
  };

  /** `parent`: the parent rule's population per scope key (station id, county:/city: id or '*'), null at the top. */
  const visit = (
    rule: QuotaRule,
    parent: Map<string, number[]> | null,
    path: string[],
    per: QuotaScope,
    inheritedTimes: number,
    inheritedWindow: DayWindow,
    parentPer: QuotaScope | null,
  ) => {
    const myPath = [...path, rule.id];
    const myPer = rule.per ?? per;
    const times = rule.times ?? inheritedTimes;
    const window = ruleWindow(rule, inheritedWindow, input.campaign);
    if (rule.target.type === 'count' && rule.target.byStation) {
      for (const name of Object.keys(rule.target.byStation)) {
        if (!shortNames.has(name)) warnings.push(`规则「${rule.label}」的例外「${name}」不是参与的监管所`);
      }
    }
    // The parent's units, merged once per rule (not once per scope), then split by station.
    let all: number[] | undefined;
    let allByStation: Map<string, number[]> | undefined;
    const unitsOf = (stations: Set<string> | null, source: (id: string) => number[]): number[] => {
      if (stations?.size === 1) return source([...stations][0]);
      const out: number[] = [];
      for (const s of input.stations) if (!stations || stations.has(s.id)) out.push(...source(s.id));
      return stations ? out.sort((a, b) => a - b) : out;
    };
    const base = (scope: Scope): number[] => {
      if (!parent) return scope.stations ? unitsOf(scope.stations, (id) => byStation.get(id)!) : entities.map((_, i) => i);
      if (parent.has(scope.key)) return parent.get(scope.key)!;
      all ??= [...parent.values()].flat().sort((a, b) => a - b);
      if (!scope.stations) return all;
      if (!allByStation) {
        allByStation = new Map();
        for (const i of all) {
          const l = allByStation.get(entities[i].stationId);
          if (l) l.push(i);
          else allByStation.set(entities[i].stationId, [i]);
        }
      }
      return unitsOf(scope.stations, (id) => allByStation!.get(id) ?? []);
    };
    const inPopulation = perProfile({ profileOf, profiles }, compileSelector(rule.population));
    const mine = new Map<string, number[]>();
    for (const scope of scopesOf(myPer)) {
      const { stationId } = scope;
      const key = `${rule.id}@${scope.key}`;
      const units = reuse?.(key) ?? base(scope).filter(inPopulation);
      scopeUnits.set(key, units);
      mine.set(scope.key, units);
      const station = stationId ? stationById.get(stationId) : undefined;
      const parentKey = path.length && parentPer === myPer ? `${path[path.length - 1]}@${scope.key}` : null;
      if (rule.byCreditGrade) {
        const graded = new Set(Object.keys(rule.byCreditGrade));
        for (const [grade, f] of Object.entries(rule.byCreditGrade)) {
          const g = units.filter((i) => entities[i].creditGrade === grade);
          add(rule, myPath, scope, parentKey, grade, g, shareOf(f.share, g.length), f.times ?? times, window);
        }
        const rest = units.filter((i) => !graded.has(entities[i].creditGrade ?? ''));
        add(rule, myPath, scope, parentKey, null, rest, wantedBy(rule.target, rest.length, station), times, window);
      } else {
        add(rule, myPath, scope, parentKey, null, units, wantedBy(rule.target, units.length, station), times, window);
      }
    }
    for (const child of rule.children ?? []) visit(child, mine, myPath, myPer, times, window, myPer);
  };
  for (const rule of input.rules) visit(rule, null, [], 'station', 1, cw, null);

  const interned: ReturnType<Interning> = intern ? intern(requirements) : internSignatures(entities.length, requirements);
  const { sigOf, signatures, entityReqs, sigIds } = interned;
  return {
    entities,
    index,
    stations: input.stations,
    stationById,
    requirements,
    shortfalls,
    warnings,
    entityReqs,
    sigOf,
    signatures,
    profileOf,
    profiles,
    campaignWindow: cw,
    built: { orphans: u.orphans, scopeUnits, byStation, sigIds },
  };
}

/**
 * Signatures are interned while requirements are appended (a trie over requirement indices), so
 * units with the same requirements share one array and later steps work per signature.
 */
export function internSignatures(
  unitCount: number,
  requirements: Requirement[],
): Pick<PlanningContext, 'sigOf' | 'signatures' | 'entityReqs'> {
  const sigOf = new Int32Array(unitCount);
  const signatures: number[][] = [[]];
  const next: Map<number, number>[] = [new Map()];
  requirements.forEach((r, ri) => {
    for (const u of r.population) {
      const cur = sigOf[u];
      let to = next[cur].get(ri);
      if (to === undefined) {
        to = signatures.length;
        signatures.push([...signatures[cur], ri]);
        next.push(new Map());
        next[cur].set(ri, to);
      }
      sigOf[u] = to;
    }
  });
  const entityReqs = Array.from(sigOf, (id) => signatures[id]);
  return { sigOf, signatures, entityReqs };
}
