import { sql } from 'drizzle-orm';
import { CLUSTER_KEY_KINDS, type ClusterKeyKind } from '../../../contracts/adr.js';
import { addDays } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { audit } from '../../core/audit.js';
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
  const opened: number[] = [];
  for (const { key, e, s } of chosen.values()) {
    {
      const W = s.clusterWindowDays;
      // The same episode already alerted (its start may have moved with a back-dated report): counts only.
      const [existing] = await rows<{ id: number }>(
        tx,
        sql`update adr_alerts set report_count = greatest(report_count, ${e.reportCount}),
              last_onset_on = greatest(last_onset_on, ${e.lastOnsetOn}::date), updated_at = now()
            where id = (select id from adr_alerts where jurisdiction_id = ${key.countyId} and key_kind = ${key.kind} and key_value = ${key.value}
              and episode_start <= ${addDays(e.lastOnsetOn, W)}::date and last_onset_on >= ${addDays(e.episodeStart, -W)}::date
              order by episode_start limit 1)
            returning id`,
      );
      if (existing) continue;
      const [created] = await rows<{ id: number }>(
        tx,
        sql`insert into adr_alerts (jurisdiction_id, category, key_kind, key_value, key_label, episode_start, window_start, window_end,
              window_reports, report_count, last_onset_on, expected)
            values (${key.countyId}, ${key.category}, ${key.kind}, ${key.value}, ${key.label}, ${e.episodeStart}, ${e.windowStart}, ${e.windowEnd},
              ${e.windowReports}, ${e.reportCount}, ${e.lastOnsetOn}, ${e.expected})
            on conflict (jurisdiction_id, key_kind, key_value, episode_start) do nothing returning id`,
      );
      if (!created) continue;
      opened.push(created.id);
      await audit(tx, ctx, {
        action: 'adr_alert.open',
        entityType: 'adr_alert',
        entityId: created.id,
        jurisdictionId: key.countyId,
        summary: `发现聚集性信号：${CLUSTER_KEY_KINDS[key.kind]} ${key.label}，${e.windowStart} 至 ${e.windowEnd} 共 ${e.windowReports} 份报告（预期 ${e.expected}）`,
        after: { keyKind: key.kind, keyLabel: key.label, ...e },
      });
    }
  }
  return opened;
}
