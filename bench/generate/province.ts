/**
 * Reproducible province-scale organisation data for benchmarks: 1 province, ~14 cities,
 * ~100 counties/districts/banners, ~1,500 stations, ~3,000 townships, ~20,000 villages,
 * the org units of every level and ~35,000 invented people. Same seed → same data.
 * All names are invented; no real officials.
 */
import { sql } from 'drizzle-orm';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { ROLE_DEFAULT_SCOPE, type Role } from '../../src/contracts/permissions.js';
import type { Db } from '../../src/db/client.js';
import { orgUnits, users } from '../../src/db/schema/index.js';
import { DEPARTMENTS, personName, townshipName, villageName } from '../../src/server/demo/org-data.js';
import { insertTree, type TreeNode } from '../../src/server/modules/org/public.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';

export const BENCH_PASSWORD = 'bench1234';

export interface GeneratedStation {
  jurisdictionId: number;
  orgUnitId: number;
  countyId: number;
  cityId: number;
  townshipIds: number[];
  villageIds: number[];
}

export interface GeneratedProvince {
  provinceId: number;
  cityIds: number[];
  countyIds: number[];
  /** county id → its bureau's org unit id */
  bureauUnitIds: Record<number, number>;
  stations: GeneratedStation[];
  counts: { cities: number; counties: number; stations: number; townships: number; villages: number; orgUnits: number; people: number };
  /** One login per kind of actor the suites need (all share BENCH_PASSWORD). */
  accounts: { admin: string; cityViewer: string; countyLeader: string; stationInspector: string; coordinator: string; informant: string };
}

const CITY_STEMS = [
  '云川',
  '北原',
  '青岭',
  '白河',
  '金川',
  '长岚',
  '沙泉',
  '东陵',
  '西坪',
  '安平',
  '临溪',
  '望海',
  '苍梧',
  '宁远',
  '松原',
  '丹霞',
];
const COUNTY_STEMS = [
  '永宁',
  '和顺',
  '清河',
  '柳林',
  '石门',
  '新城',
  '双桥',
  '丰台',
  '凤鸣',
  '仁和',
  '广德',
  '平乐',
  '兴文',
  '泰来',
  '宝丰',
  '嘉禾',
  '长乐',
  '兴安',
  '富源',
  '德化',
];
const BANNER_STEMS = ['查干', '巴彦', '乌兰', '阿拉坦', '额尔敦', '宝力根', '锡林', '敖包', '呼和', '哈达'];
const STATION_STEMS = [
  '城关',
  '东城',
  '西城',
  '南关',
  '北关',
  '河东',
  '河西',
  '新区',
  '开发区',
  '工业园',
  '站前',
  '滨江',
  '桥头',
  '大石',
  '马场',
  '白塔',
  '红星',
  '前进',
  '向阳',
  '太平',
  '长安',
  '金山',
  '银河',
  '青松',
  '牧原',
  '草原',
  '湖滨',
  '古城',
  '大坝',
  '龙泉',
];

function stem(list: string[], i: number) {
  return `${list[i % list.length]}${i >= list.length ? Math.floor(i / list.length) + 1 : ''}`;
}

type CountyKind = '区' | '县' | '旗';
const TOWNSHIP_KIND: Record<CountyKind, '街道' | '镇' | '苏木'> = { 区: '街道', 县: '镇', 旗: '苏木' };
const VILLAGE_KIND: Record<CountyKind, '社区' | '村' | '嘎查'> = { 区: '社区', 县: '村', 旗: '嘎查' };

const SHAPE = {
  province: { cities: 14, counties: [5, 9], stations: [11, 19], townships: [1, 3], villages: [4, 10] },
  small: { cities: 2, counties: [2, 3], stations: [2, 4], townships: [1, 3], villages: [2, 4] },
} as const;

/** Build the data; the database must hold no other jurisdictions named like these. */
export async function generateProvince(db: Db, opts: { seed: number; scale: 'province' | 'small' }): Promise<GeneratedProvince> {
  const rng = xoroshiro128plus(opts.seed);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const shape = SHAPE[opts.scale];

  // 1. The jurisdiction tree, described in memory then inserted level by level.
  const counties: { node: TreeNode; kind: CountyKind; city: TreeNode }[] = [];
  const cities: TreeNode[] = [];
  const cityOffset = int(0, CITY_STEMS.length - 1);
  for (let c = 0; c < shape.cities; c++) {
    const city: TreeNode = { name: `${stem(CITY_STEMS, cityOffset + c)}市`, level: 'city', label: '市', children: [] };
    const nCounties = int(shape.counties[0], shape.counties[1]);
    const countyOffset = int(0, COUNTY_STEMS.length - 1);
    const bannerOffset = int(0, BANNER_STEMS.length - 1);
    let banners = 0;
    for (let k = 0; k < nCounties; k++) {
      // Roughly one county in six is a banner (旗) with 苏木/嘎查; the first of a city is a district.
      const roll = int(0, 99);
      const kind: CountyKind = k === 0 ? '区' : roll < 16 ? '旗' : roll < 50 ? '区' : '县';
      const name = kind === '旗' ? `${stem(BANNER_STEMS, bannerOffset + banners++)}旗` : `${stem(COUNTY_STEMS, countyOffset + k)}${kind}`;
      const node: TreeNode = { name, level: 'county', label: kind, children: [] };
      const nStations = int(shape.stations[0], shape.stations[1]);
      const stationOffset = int(0, STATION_STEMS.length - 1);
      for (let s = 0; s < nStations; s++) {
        const st: TreeNode = {
          name: `${stem(STATION_STEMS, stationOffset + s)}市场监督管理所`,
          level: 'station',
          label: '市场监管所',
          children: [],
        };
        const nTowns = int(shape.townships[0], shape.townships[1]);
        const townOffset = int(0, 21);
        for (let t = 0; t < nTowns; t++) {
          const tk = kind === '县' && int(0, 3) === 0 ? '乡' : TOWNSHIP_KIND[kind];
          const town: TreeNode = {
            name: tk === '乡' ? townshipName(townOffset + t, '镇').replace(/镇$/, '乡') : townshipName(townOffset + t, TOWNSHIP_KIND[kind]),
            level: 'township',
            label: tk,
            children: [],
          };
          const nVillages = int(shape.villages[0], shape.villages[1]);
          const villageOffset = int(0, 29);
          for (let v = 0; v < nVillages; v++) {
            town.children!.push({ name: villageName(villageOffset + v, VILLAGE_KIND[kind]), level: 'village', label: VILLAGE_KIND[kind] });
          }
          st.children!.push(town);
        }
        node.children!.push(st);
      }
      city.children!.push(node);
      counties.push({ node, kind, city });
    }
    cities.push(city);
  }
  const province: TreeNode = { name: '北川省', level: 'province', label: '省', children: cities };
  await insertTree(db, [province]);

  // 2. Org units: province and city administrations, county bureaus with 股室, brigades and squads, stations.
  const insertUnits = async (rows: (typeof orgUnits.$inferInsert)[]) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const r = await db
        .insert(orgUnits)
        .values(rows.slice(i, i + 1000))
        .returning({ id: orgUnits.id });
      ids.push(...r.map((x) => x.id));
    }
    return ids;
  };
  const [provinceUnit] = await insertUnits([{ jurisdictionId: province.id!, kind: 'upper', name: `${province.name}药品监督管理局` }]);
  const cityUnits = await insertUnits(
    cities.map((c, i) => ({ jurisdictionId: c.id!, kind: 'upper', name: `${c.name}市场监督管理局`, parentId: provinceUnit, sortOrder: i })),
  );
  const cityUnitOf = new Map(cities.map((c, i) => [c.id!, cityUnits[i]]));
  const bureauIds = await insertUnits(
    counties.map(({ node, city }, i) => ({
      jurisdictionId: node.id!,
      kind: 'bureau',
      name: `${node.name}市场监督管理局`,
      parentId: cityUnitOf.get(city.id!)!,
      sortOrder: i,
    })),
  );
  const bureauUnitIds: Record<number, number> = {};
  counties.forEach(({ node }, i) => (bureauUnitIds[node.id!] = bureauIds[i]));
  const deptRows: (typeof orgUnits.$inferInsert)[] = [];
  const brigadeRows: (typeof orgUnits.$inferInsert)[] = [];
  counties.forEach(({ node }, i) => {
    DEPARTMENTS.forEach((d, k) =>
      deptRows.push({ jurisdictionId: node.id!, kind: 'department', name: d, parentId: bureauIds[i], sortOrder: k }),
    );
    brigadeRows.push({ jurisdictionId: node.id!, kind: 'brigade', name: '执法大队', parentId: bureauIds[i], sortOrder: 20 });
  });
  const deptIds = await insertUnits(deptRows);
  const brigadeIds = await insertUnits(brigadeRows);
  const squadIds = await insertUnits(
    counties.flatMap(({ node }, i) =>
      ['执法一中队', '执法二中队'].map((name) => ({ jurisdictionId: node.id!, kind: 'squad', name, parentId: brigadeIds[i] })),
    ),
  );
  const stationList = counties.flatMap(({ node, city }, ci) =>
    node.children!.map((st) => ({ st, county: node, city, bureau: bureauIds[ci] })),
  );
  const stationUnitIds = await insertUnits(
    stationList.map(({ st, bureau }, i) => ({
      jurisdictionId: st.id!,
      kind: 'station',
      name: st.name,
      shortName: st.name.replace('市场监督管理所', '所'),
      parentId: bureau,
      sortOrder: 100 + i,
    })),
  );

  // 3. People: one argon2 hash for every generated account.
  const hash = await hashPassword(BENCH_PASSWORD);
  type P = { username: string; role: Role; unit: number; jur: number; title: string };
  const people: P[] = [];
  people.push({ username: 'g.admin', role: 'admin', unit: provinceUnit, jur: province.id!, title: '信息中心' });
  cities.forEach((c, i) => {
    people.push({ username: `g.c${i}.viewer`, role: 'viewer', unit: cityUnits[i], jur: c.id!, title: '药品科' });
    people.push({ username: `g.c${i}.leader`, role: 'leader', unit: cityUnits[i], jur: c.id!, title: '副局长' });
  });
  counties.forEach(({ node }, i) => {
    people.push({ username: `g.k${i}.leader`, role: 'leader', unit: bureauIds[i], jur: node.id!, title: '副局长' });
    people.push({ username: `g.k${i}.office`, role: 'office', unit: deptIds[i * DEPARTMENTS.length], jur: node.id!, title: '专项办' });
    for (let d = 0; d < DEPARTMENTS.length; d++) {
      const n = int(1, 3);
      for (let k = 0; k < n; k++)
        people.push({
          username: `g.k${i}.d${d}.${k}`,
          role: 'department',
          unit: deptIds[i * DEPARTMENTS.length + d],
          jur: node.id!,
          title: '科员',
        });
    }
    for (let q = 0; q < 2; q++) {
      const n = int(2, 5);
      for (let k = 0; k < n; k++)
        people.push({ username: `g.k${i}.q${q}.${k}`, role: 'enforcement', unit: squadIds[i * 2 + q], jur: node.id!, title: '执法队员' });
    }
  });
  const stations: GeneratedStation[] = stationList.map(({ st, county, city }, i) => {
    const unit = stationUnitIds[i];
    people.push({ username: `g.s${i}.head`, role: 'station_head', unit, jur: st.id!, title: '所长' });
    const inspectors = int(3, 6);
    for (let k = 0; k < inspectors; k++) people.push({ username: `g.s${i}.i${k}`, role: 'inspector', unit, jur: st.id!, title: '监管员' });
    st.children!.forEach((t, ti) => {
      people.push({ username: `g.s${i}.t${ti}`, role: 'coordinator', unit, jur: t.id!, title: '协管员' });
      t.children!.forEach((v, vi) =>
        people.push({ username: `g.s${i}.t${ti}.v${vi}`, role: 'informant', unit, jur: v.id!, title: '信息员' }),
      );
    });
    return {
      jurisdictionId: st.id!,
      orgUnitId: unit,
      countyId: county.id!,
      cityId: city.id!,
      townshipIds: st.children!.map((t) => t.id!),
      villageIds: st.children!.flatMap((t) => t.children!.map((v) => v.id!)),
    };
  });
  const rows = people.map((p) => ({
    username: p.username,
    displayName: personName(int(0, 999_999)),
    role: p.role,
    dataScope: ROLE_DEFAULT_SCOPE[p.role],
    orgUnitId: p.unit,
    jurisdictionId: p.jur,
    title: p.title,
    phone: `13${int(0, 9)}${String(int(0, 99_999_999)).padStart(8, '0')}`,
    passwordHash: hash,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(users).values(rows.slice(i, i + 1000));
  await db.execute(sql`analyze`);

  const townships = stations.reduce((n, s) => n + s.townshipIds.length, 0);
  const villages = stations.reduce((n, s) => n + s.villageIds.length, 0);
  return {
    provinceId: province.id!,
    cityIds: cities.map((c) => c.id!),
    countyIds: counties.map((c) => c.node.id!),
    bureauUnitIds,
    stations,
    counts: {
      cities: cities.length,
      counties: counties.length,
      stations: stations.length,
      townships,
      villages,
      orgUnits: 1 + cityUnits.length + bureauIds.length + deptIds.length + brigadeIds.length + squadIds.length + stationUnitIds.length,
      people: rows.length,
    },
    accounts: {
      admin: 'g.admin',
      cityViewer: 'g.c0.viewer',
      countyLeader: 'g.k0.leader',
      stationInspector: 'g.s0.i0',
      coordinator: 'g.s0.t0',
      informant: 'g.s0.t0.v0',
    },
  };
}

/**
 * Recorded casework for the report benchmarks, set-based and reproducible (positions derive from
 * ids and the seed): per unit `visits` done inspections (province: 10 × 200,000 = 2,000,000) dated
 * from 2023-07-01 to 2026-11-30 with 2–3 inspectors; one finding on ~15 % of them (300,000), each
 * with a 责令改正 and its rectification (closed within 60 days for ~85 %, else open); cases for one
 * unit in two (100,000) filed over the same span, ~70 % decided (fines, confiscated income, ~2 %
 * revoking the licence), half of those closed; ~3 % referred to the police and sent.
 */
export async function generateCasework(db: Db, opts: { seed: number; visits: number; caseShare: number }) {
  const s = opts.seed % 9973;
  const days = sql.raw(`(date '2026-11-30' - date '2023-07-01')`);
  await db.execute(sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind, inspector_ids, recorded_at)
    select e.id, e.jurisdiction_id, date '2023-07-01' + ((e.id * 7919 + g * 104729 + ${s}) % ${days})::int, 'done', 'special',
      case when (e.id + g) % 4 = 0 then array[1, 2, 3] else array[1, 2] end, now()
    from entities e, generate_series(1, ${opts.visits}) g`);
  await db.execute(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description)
    select i.id, i.jurisdiction_id, 'general', '进货查验记录不全' from inspections i
    where i.status = 'done' and (i.id * 31 + ${s}) % 100 < 15`);
  await db.execute(sql`insert into inspection_measures (inspection_id, jurisdiction_id, kind, deadline)
    select f.inspection_id, f.jurisdiction_id, 'rectify', i.date + 30 from inspection_findings f join inspections i on i.id = f.inspection_id`);
  await db.execute(sql`insert into rectifications (inspection_id, measure_id, entity_id, jurisdiction_id, deadline, status, closed_at)
    select m.inspection_id, m.id, i.entity_id, i.jurisdiction_id, m.deadline,
      case when (m.id * 13 + ${s}) % 100 < 85 then 'closed' else 'ordered' end,
      case when (m.id * 13 + ${s}) % 100 < 85 then (i.date + ((m.id % 60) + 1))::timestamp at time zone 'Asia/Shanghai' end
    from inspection_measures m join inspections i on i.id = m.inspection_id where m.kind = 'rectify'`);
  await db.execute(sql`insert into cases (jurisdiction_id, org_unit_id, entity_id, procedure, status, violation_type, violation_label, facts,
      violation_date, discovered_on, filed_on, decided_on, closed_on, penalty, fine)
    select x.jurisdiction_id, x.unit, x.id, 'ordinary',
      case when x.decided and x.closed then 'closed' when x.decided then 'decided' else 'investigating' end,
      'substandard-drug', '销售劣药', '当事人销售劣药', x.filed - 30, x.filed - 5, x.filed,
      case when x.decided then x.filed + 40 end, case when x.decided and x.closed then x.filed + 70 end,
      case when x.decided then jsonb_build_object('article', 'drug-law-117-retail', 'tier', 'base', 'fine', x.fine,
        'confiscatedIncome', (x.id % 5) * 100, 'revokeLicence', x.id % 50 = 0, 'persons', '[]'::jsonb) end,
      case when x.decided then x.fine end
    from (select e.id, e.jurisdiction_id, u.id as unit, date '2023-07-01' + ((e.id * 6007 + ${s}) % (${days} - 80))::int as filed,
            (e.id * 17) % 10 < 7 as decided, (e.id * 23) % 2 = 0 as closed, 10000 + (e.id % 90) * 1000 as fine
          from entities e join lateral (select id from org_units o where o.jurisdiction_id = e.jurisdiction_id order by id limit 1) u on true
          where (e.id * 3 + ${s}) % 100 < ${Math.round(opts.caseShare * 100)}) x`);
  await db.execute(sql`insert into case_referrals (case_id, jurisdiction_id, status, reason, proposed_at, decide_due_at, approved_at, sent_at, police_unit)
    select c.id, c.jurisdiction_id, 'sent', '涉嫌犯罪', c.filed_on::timestamp, c.filed_on + 3, c.filed_on + 1, (c.filed_on + 2)::timestamp at time zone 'Asia/Shanghai', '公安分局'
    from cases c where c.id % 33 = 0`);
  for (const t of ['inspections', 'inspection_findings', 'inspection_measures', 'rectifications', 'cases', 'case_referrals'])
    await db.execute(sql`analyze ${sql.identifier(t)}`);
}
