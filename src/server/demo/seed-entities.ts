import { sql } from 'drizzle-orm';
import type { EntityKind, EntityTag } from '../../contracts/entity-kinds.js';
import type { Db } from '../../db/client.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import { syncEntityKinds, writeRecords, type ImportRecord } from '../modules/entities/public.js';
import { entityGenerator, makeRng, type Rng } from './entity-data.js';
import { BANNER_STATIONS, DISTRICT_STATIONS } from './org-data.js';
import type { DemoOrg } from './seed-org.js';

/** Units per station: 7 large stations, 4 small ones (seed 000), and the banner's. */
const LARGE: Partial<Record<EntityKind, number>> = {
  pharmacy_chain: 70,
  pharmacy_single: 64,
  clinic: 95,
  medical_institution: 9,
  vaccination_site: 4,
  drug_wholesaler: 1,
  online_seller: 2,
  device_dealer: 30,
  device_user: 8,
  device_manufacturer: 1,
  cosmetics_maternal: 4,
  cosmetics_store: 6,
  cosmetics_counter: 3,
  beauty_salon: 5,
  hair_salon: 6,
  hotel: 3,
  bathhouse: 3,
  medical_aesthetics: 3,
};
const SMALL: Partial<Record<EntityKind, number>> = {
  pharmacy_chain: 28,
  pharmacy_single: 34,
  clinic: 48,
  medical_institution: 5,
  vaccination_site: 2,
  online_seller: 1,
  device_dealer: 14,
  device_user: 4,
  cosmetics_maternal: 2,
  cosmetics_store: 2,
  cosmetics_counter: 2,
  beauty_salon: 2,
  hair_salon: 3,
  hotel: 2,
  bathhouse: 2,
  medical_aesthetics: 1,
};
const BANNER: Partial<Record<EntityKind, number>> = {
  pharmacy_chain: 6,
  pharmacy_single: 12,
  clinic: 12,
  medical_institution: 3,
  vaccination_site: 2,
  device_dealer: 4,
  cosmetics_store: 1,
  hair_salon: 1,
  hotel: 1,
  bathhouse: 1,
};
/** District-wide units placed in the first stations. */
const ONCE: { station: string; kind: EntityKind; name?: string; tags?: EntityTag[]; grade?: string }[] = [
  { station: '创新', kind: 'cdc', name: '盘锦市疾病预防控制中心', tags: ['city_level', 'vaccine', 'cold_chain'] },
  { station: '兴隆', kind: 'cdc', name: '兴隆台区疾病预防控制中心', tags: ['vaccine', 'cold_chain'] },
  { station: '创新', kind: 'medical_institution', name: '盘锦市中心医院', tags: ['city_level', 'special_drugs', 'vbp'], grade: '3' },
  { station: '振兴', kind: 'medical_institution', name: '盘锦辽油宝石花医院', tags: ['city_level', 'special_drugs'], grade: '3' },
  { station: '兴隆', kind: 'vaccine_distributor', tags: ['vaccine', 'cold_chain'] },
  { station: '兴盛', kind: 'vaccine_distributor', tags: ['vaccine', 'cold_chain'] },
  { station: '创新', kind: 'retail_chain_hq' },
  { station: '兴隆', kind: 'retail_chain_hq' },
  { station: '惠宾', kind: 'drug_manufacturer' },
  { station: '兴海', kind: 'online_platform', tags: ['online'] },
  { station: '查干', kind: 'cdc', name: '查干旗疾病预防控制中心', tags: ['vaccine', 'cold_chain', 'key_area_rural_pastoral'] },
];

function decorate(r: Rng, e: ImportRecord, rural: boolean) {
  const tags = new Set<string>(e.tags ?? []);
  if (rural) tags.add('key_area_rural_pastoral');
  else if (r.chance(0.15)) tags.add('key_area_urban_rural');
  if (r.chance(0.1)) tags.add('key_area_hospital');
  if (r.chance(0.03)) tags.add('key_area_transport');
  if (e.kind === 'vaccination_site' || e.kind === 'vaccine_distributor' || e.kind === 'cdc') tags.add('vaccine').add('cold_chain');
  if (e.kind.startsWith('pharmacy') || e.kind === 'medical_institution') {
    if (r.chance(0.35)) tags.add('vbp');
    if (r.chance(0.1)) tags.add('cold_chain');
    if (r.chance(0.06)) tags.add('online');
  }
  if (e.kind === 'medical_institution') {
    e.medicalGrade ??= r.pick(['1', '1', '1', '2', 'none']);
    if (r.chance(0.4)) tags.add('special_drugs');
  }
  if (e.kind === 'online_seller' || e.kind === 'online_platform') tags.add('online');
  if (r.chance(0.04)) tags.add('high_risk');
  if (r.chance(0.02)) tags.add('repeat_offender');
  e.tags = [...tags];
  e.riskLevel = tags.has('high_risk') ? 'high' : tags.has('repeat_offender') || r.chance(0.18) ? 'medium' : 'low';
  if (tags.has('repeat_offender')) e.creditGrade = r.pick(['C', 'D']);
}

/** About 3,000 invented units across the demo stations in realistic proportions. Deterministic. */
export async function seedDemoEntities(db: Db, org: DemoOrg, seed = 20261125) {
  await syncEntityKinds(db);
  const r = makeRng(seed);
  const gen = entityGenerator(r);
  const names = new Map<number, string>(
    ((await db.execute(sql`select id, name from jurisdictions where level = 'township'`)) as any).rows.map((x: any) => [x.id, x.name]),
  );
  const parentOf = new Map<number, number>(
    ((await db.execute(sql`select id, parent_id from jurisdictions where level = 'village'`)) as any).rows.map((x: any) => [
      x.id,
      x.parent_id,
    ]),
  );
  const records: ImportRecord[] = [];
  const stationOf = (s: string) => {
    const st = org.stations[s];
    return {
      jurisdictionId: st.jurisdictionId,
      townships: st.townshipIds.map((id) => ({
        id,
        name: names.get(id) ?? '',
        villageIds: st.villageIds.filter((v) => parentOf.get(v) === id),
      })),
    };
  };
  const stations = [
    ...DISTRICT_STATIONS.map((s, i) => ({ s, quota: i < 7 ? LARGE : SMALL, region: '211103', rural: false })),
    ...BANNER_STATIONS.map((s) => ({ s, quota: BANNER, region: '152327', rural: true })),
  ];
  for (const { s, quota, region, rural } of stations) {
    const st = stationOf(s);
    const mine: ImportRecord[] = [];
    for (const [kind, n] of Object.entries(quota) as [EntityKind, number][]) {
      const count = Math.max(1, n + (n >= 10 ? r.int(-Math.floor(n / 10), Math.floor(n / 10)) : 0));
      for (let k = 0; k < count; k++) {
        const e = gen.next(kind, st, region);
        if (kind === 'device_dealer') {
          // Every station has level-三 dealers, and level-三 family-planning sellers counted apart.
          e.deviceLevel = k < 4 ? '3' : r.pick(['1', '2', '2', '3']);
          e.familyPlanning = k < 2;
        }
        decorate(r, e, rural);
        mine.push(e);
      }
    }
    for (const o of ONCE.filter((x) => x.station === s)) {
      const e = gen.next(o.kind, st, region);
      if (o.name) e.name = o.name;
      e.tags = o.tags ?? [];
      if (o.grade) e.medicalGrade = o.grade;
      decorate(r, e, rural);
      mine.push(e);
    }
    // Each station has at least one high-risk and one repeat-offender unit for the planner.
    const pharmacies = mine.filter((e) => e.kind.startsWith('pharmacy'));
    const hr = pharmacies[0];
    hr.tags = [...new Set([...(hr.tags ?? []), 'high_risk'])];
    hr.riskLevel = 'high';
    const ro = pharmacies[1];
    ro.tags = [...new Set([...(ro.tags ?? []), 'repeat_offender'])];
    ro.riskLevel = ro.riskLevel === 'high' ? 'high' : 'medium';
    ro.creditGrade = 'C';
    records.push(...mine);
  }
  await db.transaction(async (tx) => {
    const done = await writeRecords(tx, systemActor(), records, { source: 'demo' });
    await audit(
      tx,
      { actor: systemActor() },
      { action: 'demo.seed', entityType: 'entity', summary: `载入演示监管对象 ${done.created} 家` },
    );
  });
  return records.length;
}
