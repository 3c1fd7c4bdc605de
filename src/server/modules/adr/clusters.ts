import { sql } from 'drizzle-orm';
import { CLUSTER_KEY_KINDS, type ClusterKeyKind } from '../../../contracts/adr.js';
import { addDays } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { auditMany } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { rows } from '../../core/sql.js';
import { findEpisodes, type ClusterSettings, type Episode, type KeyReport } from './cluster-engine.js';
import { intArray, settingsFor, textArray } from './queries.js';

/** A cluster key: what "the same drug, batch or manufacturer" means for one report drug row. */
interface Key {
  countyId: number;
  kind: ClusterKeyKind;
  value: string;
  label: string;
  category: 'drug' | 'device';
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** The keys of one report drug: the product (by kind and generic name), its batch, its manufacturer. */
function keysOf(r: {
  county_id: number;
  kind: 'drug' | 'device';
  generic_name: string;
  batch_no: string | null;
  manufacturer: string | null;
}): Key[] {
  const base = { countyId: r.county_id, category: r.kind };
  const name = norm(r.generic_name);
  const out: Key[] = [{ ...base, kind: 'drug', value: `${r.kind}|${name}`, label: r.generic_name }];
  if (r.batch_no?.trim())
    out.push({
      ...base,
      kind: 'batch',
      value: `${r.kind}|${name}|${norm(r.batch_no)}`,
      label: `${r.generic_name}（批号 ${r.batch_no.trim()}）`,
    });
  if (r.manufacturer?.trim())
    out.push({ ...base, kind: 'manufacturer', value: `${r.kind}|${norm(r.manufacturer)}`, label: r.manufacturer.trim() });
  return out;
}

const keyId = (k: Pick<Key, 'countyId' | 'kind' | 'value'>) => `${k.countyId}\u0001${k.kind}\u0001${k.value}`;

/**
 * Re-examine the cluster keys of some reports (just written, in this transaction) and open an alert
 * for every firing episode that contains one of them and has none yet. An episode with an alert only
 * has its counts brought up to date: an alert fires once per county × key × episode (unique index).
 * Returns the ids of the alerts opened now.
 */
export async function detectClusters(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'ip'>, reportIds: number[]): Promise<number[]> {
  if (!reportIds.length) return [];
  const touched = await rows<{
    id: number;
    county_id: number;
    kind: 'drug' | 'device';
    generic_name: string;
    batch_no: string | null;
    manufacturer: string | null;
  }>(
    tx,
    sql`select r.id, r.county_id, r.kind, d.generic_name, d.batch_no, d.manufacturer
        from adr_reports r join adr_report_drugs d on d.report_id = r.id
        where r.id = any(${intArray(reportIds)})`,
  );
  const keys = new Map<string, Key>();
  const touchedIds = new Set<number>();
  for (const r of touched) {
    touchedIds.add(r.id);
    for (const k of keysOf(r)) keys.set(keyId(k), k);
  }
  if (!keys.size) return [];
  const counties = [...new Set(touched.map((r) => r.county_id))];
  // Every report of the touched counties naming one of the touched products or manufacturers.
  const names = [...new Set(touched.map((r) => r.generic_name))];
  const makers = [...new Set(touched.map((r) => r.manufacturer).filter((m): m is string => !!m))];
  const all = await rows<{
    id: number;
    county_id: number;
    kind: 'drug' | 'device';
    generic_name: string;
    batch_no: string | null;
    manufacturer: string | null;
    onset_on: string;
  }>(
    tx,
    sql`select r.id, r.county_id, r.kind, d.generic_name, d.batch_no, d.manufacturer, r.onset_on::text as onset_on
        from adr_reports r join adr_report_drugs d on d.report_id = r.id
        where r.county_id = any(${intArray(counties)})
          and (d.generic_name = any(${textArray(names)}) or d.manufacturer = any(${textArray(makers)}))`,
  );
  const byKey = new Map<string, Map<number, KeyReport>>();
  for (const r of all) {
    for (const k of keysOf(r)) {
      const id = keyId(k);
      if (!keys.has(id)) continue;
      let m = byKey.get(id);
      if (!m) byKey.set(id, (m = new Map()));
      m.set(r.id, { id: r.id, onsetOn: r.onset_on });
    }
  }
  const settings = new Map<number, Awaited<ReturnType<typeof settingsFor>>>();
  for (const c of counties) settings.set(c, await settingsFor(tx, c));
  // Every episode containing a touched report; keys whose episodes hold exactly the same reports (a
  // batch, its drug and its maker in one burst) alert once, by the most specific key: batch, drug, maker.
  const PRIORITY: Record<ClusterKeyKind, number> = { batch: 0, drug: 1, manufacturer: 2 };
  const chosen = new Map<string, { key: Key; e: Episode; s: ClusterSettings }>();
  for (const [id, key] of keys) {
    const s = settings.get(key.countyId)!;
    for (const e of findEpisodes([...(byKey.get(id)?.values() ?? [])], s)) {
      if (!e.reportIds.some((r) => touchedIds.has(r))) continue;
      const set = `${key.countyId}:${[...e.reportIds].sort((a, b) => a - b).join(',')}`;
      const prev = chosen.get(set);
      if (!prev || PRIORITY[key.kind] < PRIORITY[prev.key.kind]) chosen.set(set, { key, e, s });
    }
  }
  return writeAlerts(tx, ctx, [...chosen.values()]);
}

/** An episode's alert as it will be written: its key, counts and the window its overlap is tested in. */
interface Pending {
  key: Key;
  e: Episode;
  /** An episode within W days of an alert's is that alert's episode (its start may have moved with a back-dated report). */
  lo: string;
  hi: string;
}

/**
 * Write the alerts of some firing episodes, in a few statements however many there are (an import
 * may bring thousands): an episode whose alert exists — already stored, or made earlier in this
 * call — only raises that alert's counts (the earliest such alert, as one-at-a-time writing would);
 * the others become new alerts, audited. Returns the ids of the alerts opened.
 */
async function writeAlerts(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'ip'>, chosen: { key: Key; e: Episode; s: ClusterSettings }[]) {
  if (!chosen.length) return [];
  const pending: Pending[] = chosen.map(({ key, e, s }) => ({
    key,
    e,
    lo: addDays(e.episodeStart, -s.clusterWindowDays),
    hi: addDays(e.lastOnsetOn, s.clusterWindowDays),
  }));
  // The earliest stored alert each episode belongs to.
  const stored = await rows<{ i: number; id: number; episode_start: string }>(
    tx,
    sql`select c.i, a.id, a.episode_start::text as episode_start
        from jsonb_to_recordset(${JSON.stringify(pending.map((p, i) => ({ i, county: p.key.countyId, kind: p.key.kind, value: p.key.value, lo: p.lo, hi: p.hi })))}::jsonb)
          as c(i int, county int, kind text, value text, lo date, hi date)
        cross join lateral (select id, episode_start from adr_alerts a
          where a.jurisdiction_id = c.county and a.key_kind = c.kind and a.key_value = c.value and a.episode_start <= c.hi and a.last_onset_on >= c.lo
          order by a.episode_start limit 1) a`,
  );
  const storedOf = new Map(stored.map((r) => [r.i, r]));
  // Alerts made in this call, per key, with their counts as raised by later episodes.
  const made: { key: Key; e: Episode }[] = [];
  const madeByKey = new Map<string, { key: Key; e: Episode }[]>();
  const raise = new Map<number, { reportCount: number; lastOnsetOn: string }>();
  pending.forEach((p, i) => {
    const old = storedOf.get(i);
    const mine = (madeByKey.get(keyId(p.key)) ?? []).find((m) => m.e.episodeStart <= p.hi && m.e.lastOnsetOn >= p.lo);
    if (mine && (!old || mine.e.episodeStart < old.episode_start)) {
      mine.e = {
        ...mine.e,
        reportCount: Math.max(mine.e.reportCount, p.e.reportCount),
        lastOnsetOn: maxDate(mine.e.lastOnsetOn, p.e.lastOnsetOn),
      };
    } else if (old) {
      const r = raise.get(old.id);
      raise.set(old.id, {
        reportCount: Math.max(r?.reportCount ?? 0, p.e.reportCount),
        lastOnsetOn: r ? maxDate(r.lastOnsetOn, p.e.lastOnsetOn) : p.e.lastOnsetOn,
      });
    } else {
      const m = { key: p.key, e: p.e };
      made.push(m);
      madeByKey.set(keyId(p.key), [...(madeByKey.get(keyId(p.key)) ?? []), m]);
    }
  });
  if (raise.size)
    await tx.execute(
      sql`update adr_alerts a set report_count = greatest(a.report_count, r.report_count), last_onset_on = greatest(a.last_onset_on, r.last),
            updated_at = now()
          from jsonb_to_recordset(${JSON.stringify([...raise].map(([id, r]) => ({ id, report_count: r.reportCount, last: r.lastOnsetOn })))}::jsonb)
            as r(id int, report_count int, last date)
          where a.id = r.id`,
    );
  if (!made.length) return [];
  const inserted = await rows<{ id: number; jurisdiction_id: number; key_kind: ClusterKeyKind; key_value: string; episode_start: string }>(
    tx,
    sql`insert into adr_alerts (jurisdiction_id, category, key_kind, key_value, key_label, episode_start, window_start, window_end,
          window_reports, report_count, last_onset_on, expected)
        select county, category, kind, value, label, episode_start, window_start, window_end, window_reports, report_count, last_onset_on, expected
        from jsonb_to_recordset(${JSON.stringify(
          made.map(({ key, e }, i) => ({
            i,
            county: key.countyId,
            category: key.category,
            kind: key.kind,
            value: key.value,
            label: key.label,
            episode_start: e.episodeStart,
            window_start: e.windowStart,
            window_end: e.windowEnd,
            window_reports: e.windowReports,
            report_count: e.reportCount,
            last_onset_on: e.lastOnsetOn,
            expected: e.expected,
          })),
        )}::jsonb)
          as x(i int, county int, category text, kind text, value text, label text, episode_start date, window_start date, window_end date,
            window_reports int, report_count int, last_onset_on date, expected numeric)
        order by i
        on conflict (jurisdiction_id, key_kind, key_value, episode_start) do nothing
        returning id, jurisdiction_id, key_kind, key_value, episode_start::text as episode_start`,
  );
  const madeAt = new Map(made.map(({ key, e }, i) => [`${keyId(key)}\u0001${e.episodeStart}`, i]));
  const created = inserted
    .map((r) => ({
      id: r.id,
      i: madeAt.get(`${keyId({ countyId: r.jurisdiction_id, kind: r.key_kind, value: r.key_value })}\u0001${r.episode_start}`)!,
    }))
    .sort((x, y) => x.i - y.i);
  await auditMany(
    tx,
    ctx,
    created.map(({ id, i }) => {
      const { key, e } = made[i];
      return {
        action: 'adr_alert.open',
        entityType: 'adr_alert',
        entityId: id,
        jurisdictionId: key.countyId,
        summary: `发现聚集性信号：${CLUSTER_KEY_KINDS[key.kind]} ${key.label}，${e.windowStart} 至 ${e.windowEnd} 共 ${e.windowReports} 份报告（预期 ${e.expected}）`,
        after: { keyKind: key.kind, keyLabel: key.label, ...e },
      };
    }),
  );
  return created.map((c) => c.id);
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
