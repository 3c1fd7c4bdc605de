import { sql } from 'drizzle-orm';
import type { DataScope, Role } from '../../contracts/permissions.js';
import { ROLE_DEFAULT_SCOPE } from '../../contracts/permissions.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { orgUnits, users } from '../../db/schema/index.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import { hashPassword, type HashCost } from '../modules/auth/public.js';
import {
  ADMIN_PASSWORD,
  BANNER_STATIONS,
  DEMO_BANNER,
  DEMO_CITY,
  DEMO_DISTRICT,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  DEPARTMENTS,
  DISTRICT_STATIONS,
  personName,
  townshipName,
  villageName,
} from './org-data.js';
import { insertTree, type TreeNode } from '../modules/org/public.js';

export interface DemoOrg {
  provinceId: number;
  cityId: number;
  districtId: number;
  bannerId: number;
  /** station short name → { jurisdictionId, orgUnitId, townshipIds, villageIds } */
  stations: Record<string, { jurisdictionId: number; orgUnitId: number; townshipIds: number[]; villageIds: number[] }>;
  bureauId: number;
}

function stationNode(short: string, idx: number, banner: boolean): TreeNode {
  const towns = banner ? 3 : 2 + (idx % 2);
  return {
    name: `${short}市场监督管理所`,
    level: 'station',
    label: '市场监管所',
    children: Array.from({ length: towns }, (_, t) => ({
      name: townshipName(idx * 3 + t, banner ? '苏木' : idx % 3 === 2 ? '镇' : '街道'),
      level: 'township' as const,
      label: banner ? '苏木' : idx % 3 === 2 ? '镇' : '街道',
      children: Array.from({ length: 3 + ((idx + t) % 3) }, (_, v) => ({
        name: villageName(idx * 11 + t * 5 + v, banner ? '嘎查' : idx % 3 === 2 ? '村' : '社区'),
        level: 'village' as const,
        label: banner ? '嘎查' : idx % 3 === 2 ? '村' : '社区',
      })),
    })),
  };
}

async function unit(db: DbOrTx, v: typeof orgUnits.$inferInsert) {
  const [row] = await db.insert(orgUnits).values(v).returning();
  return row;
}

/**
 * The demo passwords' hashes, made once per process: each costs argon2's full work (~0.35 s), and test
 * files seed a demo organisation each. Every seeded database shares the salted hash; the passwords
 * are public demo passwords either way.
 */
const demoHashes = new Map<string, Promise<string>>();
/**
 * Under the test runner (NODE_ENV=test) the demo accounts' hashes are made at argon2id's lowest cost:
 * the suite signs demo accounts in many hundred times, each verify costing the hash's full work. The
 * same code verifies them; `npm start`'s demo data, and every password set through the app, keep
 * the full cost.
 */
const DEMO_HASH_COST: HashCost | undefined =
  process.env.NODE_ENV === 'test' ? { memoryCost: 1024, timeCost: 1, parallelism: 1 } : undefined;
function demoPasswordHash(plain: string): Promise<string> {
  let h = demoHashes.get(plain);
  if (!h) demoHashes.set(plain, (h = hashPassword(plain, DEMO_HASH_COST)));
  return h;
}

/** Build the demo organisation and one account per role. Runs only on an empty database. */
export async function seedDemoOrg(db: Db): Promise<DemoOrg> {
  const stationsD = DISTRICT_STATIONS.map((s, i) => stationNode(s, i, false));
  const stationsB = BANNER_STATIONS.map((s, i) => stationNode(s, i + DISTRICT_STATIONS.length, true));
  const district: TreeNode = { name: DEMO_DISTRICT, level: 'county', label: '区', children: stationsD };
  const banner: TreeNode = { name: DEMO_BANNER, level: 'county', label: '旗', children: stationsB };
  const city: TreeNode = { name: DEMO_CITY, level: 'city', label: '市', children: [district, banner] };
  const province: TreeNode = { name: DEMO_PROVINCE, level: 'province', label: '省', children: [city] };

  const [demoHash, adminHash] = await Promise.all([demoPasswordHash(DEMO_PASSWORD), demoPasswordHash(ADMIN_PASSWORD)]);

  return db.transaction(async (tx) => {
    await insertTree(tx, [province]);
    const provinceUnit = await unit(tx, { jurisdictionId: province.id!, kind: 'upper', name: '辽宁省药品监督管理局' });
    const cityUnit = await unit(tx, { jurisdictionId: city.id!, kind: 'upper', name: '盘锦市市场监督管理局', parentId: provinceUnit.id });
    const bureau = await unit(tx, {
      jurisdictionId: district.id!,
      kind: 'bureau',
      name: '兴隆台区市场监督管理局',
      parentId: cityUnit.id,
      phone: '0427-0000000',
    });
    const bannerBureau = await unit(tx, {
      jurisdictionId: banner.id!,
      kind: 'bureau',
      name: '查干旗市场监督管理局',
      parentId: cityUnit.id,
    });
    const depts: Record<string, number> = {};
    for (const [i, d] of DEPARTMENTS.entries()) {
      depts[d] = (await unit(tx, { jurisdictionId: district.id!, kind: 'department', name: d, parentId: bureau.id, sortOrder: i })).id;
    }
    const brigade = await unit(tx, { jurisdictionId: district.id!, kind: 'brigade', name: '执法大队', parentId: bureau.id, sortOrder: 20 });
    const squad1 = await unit(tx, { jurisdictionId: district.id!, kind: 'squad', name: '执法一中队', parentId: brigade.id });
    await unit(tx, { jurisdictionId: district.id!, kind: 'squad', name: '执法二中队', parentId: brigade.id });
    await unit(tx, { jurisdictionId: banner.id!, kind: 'department', name: '药品和医疗器械股', parentId: bannerBureau.id });

    const stations: DemoOrg['stations'] = {};
    const allStations = [
      ...DISTRICT_STATIONS.map((s, i) => ({ s, node: stationsD[i], parent: bureau.id })),
      ...BANNER_STATIONS.map((s, i) => ({ s, node: stationsB[i], parent: bannerBureau.id })),
    ];
    for (const [i, { s, node, parent }] of allStations.entries()) {
      const u = await unit(tx, {
        jurisdictionId: node.id!,
        kind: 'station',
        name: node.name,
        shortName: `${s}所`,
        parentId: parent,
        sortOrder: 100 + i,
      });
      stations[s] = {
        jurisdictionId: node.id!,
        orgUnitId: u.id,
        townshipIds: node.children!.map((t) => t.id!),
        villageIds: node.children!.flatMap((t) => t.children!.map((v) => v.id!)),
      };
    }

    type P = { username: string; name?: string; role: Role; unit: number; jur: number; title?: string; hash?: string; scope?: DataScope };
    const people: P[] = [
      { username: 'admin', name: '系统管理员', role: 'admin', unit: cityUnit.id, jur: city.id!, hash: adminHash, title: '信息中心' },
      { username: 'leader', role: 'leader', unit: bureau.id, jur: district.id!, title: '副局长' },
      { username: 'office', role: 'office', unit: depts['药品和医疗器械股'], jur: district.id!, title: '专项办主任' },
      { username: 'dept', role: 'department', unit: depts['化妆品股'], jur: district.id!, title: '科员' },
      { username: 'enforcer', role: 'enforcement', unit: squad1.id, jur: district.id!, title: '执法队员' },
      { username: 'head_cx', role: 'station_head', unit: stations['创新'].orgUnitId, jur: stations['创新'].jurisdictionId, title: '所长' },
      {
        username: 'inspector_cx',
        role: 'inspector',
        unit: stations['创新'].orgUnitId,
        jur: stations['创新'].jurisdictionId,
        title: '监管员',
      },
      {
        username: 'inspector_xl',
        role: 'inspector',
        unit: stations['兴隆'].orgUnitId,
        jur: stations['兴隆'].jurisdictionId,
        title: '监管员',
      },
      {
        username: 'coordinator',
        role: 'coordinator',
        unit: stations['创新'].orgUnitId,
        jur: stations['创新'].townshipIds[0],
        title: '协管员',
      },
      { username: 'informant', role: 'informant', unit: stations['创新'].orgUnitId, jur: stations['创新'].villageIds[0], title: '信息员' },
      { username: 'viewer', role: 'viewer', unit: cityUnit.id, jur: city.id!, title: '市局药品科' },
    ];
    // Station heads and inspectors for every station (no login unless listed above).
    let n = 1;
    for (const [s, st] of Object.entries(stations)) {
      if (s !== '创新')
        people.push({ username: `head_${n}`, role: 'station_head', unit: st.orgUnitId, jur: st.jurisdictionId, title: '所长' });
      for (let k = 0; k < 4; k++)
        people.push({ username: `insp_${n}_${k}`, role: 'inspector', unit: st.orgUnitId, jur: st.jurisdictionId, title: '监管员' });
      st.townshipIds.forEach((t, k) =>
        people.push({ username: `xg_${n}_${k}`, role: 'coordinator', unit: st.orgUnitId, jur: t, title: '协管员' }),
      );
      n++;
    }
    const rows = people.map((p, i) => ({
      username: p.username,
      displayName: p.name ?? personName(i + 1),
      role: p.role,
      dataScope: p.scope ?? ROLE_DEFAULT_SCOPE[p.role],
      orgUnitId: p.unit,
      jurisdictionId: p.jur,
      title: p.title ?? null,
      phone: `139${String(10000000 + i * 7919).slice(-8)}`,
      passwordHash: p.hash ?? (i <= 10 ? demoHash : null),
    }));
    await tx.insert(users).values(rows);
    await audit(
      tx,
      { actor: systemActor() },
      { action: 'demo.seed', entityType: 'system', summary: `载入演示数据：${people.length} 人、${allStations.length} 个监管所` },
    );
    return { provinceId: province.id!, cityId: city.id!, districtId: district.id!, bannerId: banner.id!, stations, bureauId: bureau.id };
  });
}

export async function isEmpty(db: DbOrTx) {
  const r = await db.execute(sql`select count(*)::int as n from jurisdictions`);
  return Number((r as any).rows?.[0]?.n ?? 0) === 0;
}
