import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../contracts/credit-code.js';
import type { EntityKind } from '../../contracts/entity-kinds.js';
import type { ProductCode } from '../../contracts/products.js';
import { DEFAULT_LICENCE, type LicenceKind } from '../../contracts/entities.js';
import type { ImportRecord } from '../modules/entities/public.js';
import { personName } from './org-data.js';

/** Deterministic random source (pure-rand) with the few helpers the generators need. */
export function makeRng(seed: number) {
  const g = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(g, lo, hi);
  return {
    int,
    chance: (p: number) => int(0, 9999) < p * 10000,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)],
  };
}
export type Rng = ReturnType<typeof makeRng>;

const STEMS = '安康泰和顺福瑞祥隆兴盛华丰德益仁济民生惠春阳光明新茂源宏达嘉佳鑫旺恒昌永利金玉宝天信诚优百佑万家博众同心海滨河湖辽锦'.split(
  '',
);
const BRANDS = ['益康', '仁和堂', '百姓', '同济', '康宁', '安泰', '鑫源', '德仁', '众康', '福寿堂'];
const ROADS = [
  '石油大街',
  '兴隆街',
  '惠宾街',
  '泰山路',
  '双兴路',
  '市府大街',
  '新华路',
  '渤海路',
  '光明路',
  '友谊街',
  '振兴路',
  '红旗大街',
];

function stem(r: Rng, n = 2) {
  let s = '';
  for (let i = 0; i < n; i++) s += r.pick(STEMS);
  return s;
}

const NAME: Record<EntityKind, (r: Rng, place: string) => string> = {
  drug_manufacturer: (r) => `盘锦${stem(r)}制药有限公司`,
  drug_wholesaler: (r) => `盘锦${stem(r)}医药有限公司`,
  retail_chain_hq: (r) => `${r.pick(BRANDS)}${stem(r)}大药房连锁有限公司`,
  pharmacy_chain: (r, p) => `${r.pick(BRANDS)}大药房（${p}${stem(r, 1)}店）`,
  pharmacy_single: (r) => `${stem(r)}药店`,
  medical_institution: (r) => `${stem(r)}${r.pick(['医院', '中医院', '社区卫生服务中心', '卫生院', '口腔医院'])}`,
  clinic: (r) => `${personName(r.int(1, 5000))}${r.pick(['诊所', '中医诊所', '口腔诊所', '内科诊所'])}`,
  cdc: () => '疾病预防控制中心',
  vaccination_site: (r, p) => `${p}${stem(r, 1)}社区卫生服务站（接种门诊）`,
  vaccine_distributor: (r) => `${stem(r)}冷链物流有限公司`,
  online_seller: (r) => `${stem(r)}网上药店有限公司`,
  online_platform: (r) => `${stem(r)}云健康网络科技有限公司`,
  device_manufacturer: (r) => `${stem(r)}医疗器械制造有限公司`,
  device_dealer: (r) => `${stem(r)}医疗器械${r.pick(['有限公司', '经销部', '商店'])}`,
  device_user: (r) => `${stem(r)}${r.pick(['口腔门诊', '眼镜店', '康复中心', '体检中心'])}`,
  cosmetics_maternal: (r) => `${stem(r)}母婴用品店`,
  cosmetics_store: (r) => `${stem(r)}化妆品店`,
  cosmetics_counter: (r) => `${stem(r)}超市化妆品专柜`,
  beauty_salon: (r) => `${stem(r)}美容院`,
  hair_salon: (r) => `${stem(r)}美发店`,
  hotel: (r) => `${stem(r)}宾馆`,
  bathhouse: (r) => `${stem(r)}洗浴中心`,
  medical_aesthetics: (r) => `${stem(r)}医疗美容诊所`,
};

/** 92 = 个体工商户, 91 = 企业, 12 = 事业单位. */
function prefixFor(kind: EntityKind, r: Rng) {
  if (kind === 'cdc' || kind === 'vaccination_site' || (kind === 'medical_institution' && r.chance(0.6))) return '12';
  if (kind === 'clinic' || kind === 'pharmacy_single' || kind === 'hair_salon' || kind === 'beauty_salon' || kind === 'cosmetics_maternal')
    return '92';
  return '91';
}

const LICENCE_PREFIX: Record<LicenceKind, string> = {
  drug_trade: '辽CB',
  drug_manufacture: '辽2019',
  medical_practice: 'PDY',
  device_manufacture: '辽食药监械生产许',
  device_trade: '辽盘食药监械经营许',
  device_record: '辽盘食药监械经营备',
  online_record: '辽药网备',
  public_hygiene: '盘卫公证字',
  business: '',
};

export interface EntityGenerator {
  next(
    kind: EntityKind,
    station: { jurisdictionId: number; townships: { id: number; name: string; villageIds: number[] }[] },
    region: string,
  ): ImportRecord;
}

/**
 * Plausible 经营品种 for a unit of a kind: what every such unit handles, plus lines some carry
 * (each with its share of units). Chosen by a hash of the credit code, not the generator's random
 * stream, so adding products changed no other demo value.
 */
const PRODUCT_LINES: Partial<Record<EntityKind, [ProductCode, number][]>> = {
  drug_manufacturer: [
    ['essential_medicine', 0.6],
    ['prescription_drugs', 0.8],
    ['otc_drugs', 0.5],
    ['cold_medicine', 0.3],
    ['tcm_pieces', 0.25],
    ['ephedrine_compound', 0.15],
  ],
  drug_wholesaler: [
    ['prescription_drugs', 1],
    ['otc_drugs', 1],
    ['essential_medicine', 0.7],
    ['cold_medicine', 0.6],
    ['ephedrine_compound', 0.35],
    ['cold_chain', 0.3],
    ['tcm_pieces', 0.3],
    ['biologics', 0.15],
    ['special_drugs', 0.1],
  ],
  retail_chain_hq: [
    ['prescription_drugs', 1],
    ['otc_drugs', 1],
    ['cold_medicine', 0.9],
    ['ephedrine_compound', 0.6],
    ['tcm_pieces', 0.4],
  ],
  pharmacy_chain: [
    ['otc_drugs', 1],
    ['prescription_drugs', 0.9],
    ['cold_medicine', 0.9],
    ['ephedrine_compound', 0.5],
    ['tcm_pieces', 0.3],
    ['tcm_granules', 0.05],
  ],
  pharmacy_single: [
    ['otc_drugs', 1],
    ['prescription_drugs', 0.7],
    ['cold_medicine', 0.85],
    ['ephedrine_compound', 0.3],
    ['tcm_pieces', 0.35],
  ],
  medical_institution: [
    ['prescription_drugs', 1],
    ['essential_medicine', 0.9],
    ['special_drugs', 0.5],
    ['blood_products', 0.3],
    ['sterile_implant_devices', 0.4],
    ['cold_chain', 0.3],
    ['tcm_pieces', 0.3],
  ],
  clinic: [
    ['prescription_drugs', 0.8],
    ['essential_medicine', 0.6],
    ['cold_medicine', 0.5],
  ],
  cdc: [
    ['vaccine', 1],
    ['cold_chain', 1],
    ['biologics', 0.5],
  ],
  vaccination_site: [
    ['vaccine', 1],
    ['cold_chain', 1],
  ],
  vaccine_distributor: [
    ['vaccine', 1],
    ['cold_chain', 1],
    ['biologics', 0.6],
  ],
  online_seller: [
    ['otc_drugs', 1],
    ['cold_medicine', 0.6],
    ['prescription_drugs', 0.3],
  ],
  device_manufacturer: [
    ['sterile_implant_devices', 0.3],
    ['ivd_reagents', 0.3],
  ],
  device_dealer: [
    ['sterile_implant_devices', 0.25],
    ['ivd_reagents', 0.25],
    ['contraceptive_devices', 0.2],
  ],
  device_user: [
    ['sterile_implant_devices', 0.4],
    ['ivd_reagents', 0.5],
  ],
  cosmetics_store: [
    ['special_cosmetics', 0.5],
    ['children_cosmetics', 0.3],
  ],
  cosmetics_maternal: [['children_cosmetics', 0.8]],
  cosmetics_counter: [['special_cosmetics', 0.5]],
  medical_aesthetics: [
    ['sterile_implant_devices', 0.5],
    ['special_cosmetics', 0.3],
  ],
};
export function productsFor(kind: EntityKind, code: string): ProductCode[] {
  let h = 2166136261;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16777619) >>> 0;
  return (PRODUCT_LINES[kind] ?? [])
    .filter(([, share], i) => {
      const x = Math.imul(h ^ ((i + 1) * 0x9e3779b1), 2246822519) >>> 0;
      return x / 2 ** 32 < share;
    })
    .map(([p]) => p);
}

/** Invented units with valid credit codes and licences; the same seed gives the same units. */
export function entityGenerator(r: Rng, today = new Date('2026-11-25')): EntityGenerator {
  const codes = new Set<string>();
  const names = new Set<string>();
  let seq = 0;
  return {
    next(kind, station, region) {
      seq++;
      const t = r.pick(station.townships);
      const place = t.name.replace(/(街道|镇|苏木)$/, '');
      let name = NAME[kind](r, place);
      for (let k = 2; names.has(name); k++) name = `${NAME[kind](r, place)}${k > 4 ? `（${k}）` : ''}`;
      names.add(name);
      let code: string;
      do {
        let body = '';
        for (let i = 0; i < 8; i++) body += CREDIT_CODE_ALPHABET[r.int(0, i < 2 ? 30 : 9)];
        code = makeCreditCode(prefixFor(kind, r), region, body);
      } while (codes.has(code));
      codes.add(code);
      const lk = DEFAULT_LICENCE[kind];
      const days = r.int(-60, 5 * 365);
      const validTo = new Date(today.getTime() + days * 86400_000).toISOString().slice(0, 10);
      const number = lk === 'business' ? code : `${LICENCE_PREFIX[lk]}${2016 + (seq % 10)}${String(seq).padStart(6, '0')}`;
      return {
        row: seq,
        existingId: null,
        name,
        creditCode: code,
        kind,
        jurisdictionId: station.jurisdictionId,
        townshipId: t.id,
        villageId: t.villageIds.length && r.chance(0.8) ? r.pick(t.villageIds) : null,
        address: `${t.name}${r.pick(ROADS)}${r.int(1, 399)}号`,
        legalRepresentative: personName(r.int(1, 20000)),
        personInCharge: personName(r.int(1, 20000)),
        qualityManager: kind.startsWith('pharmacy') || kind === 'drug_wholesaler' ? personName(r.int(1, 20000)) : null,
        phone: `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999999999)).padStart(9, '0')}`,
        tags: [],
        products: productsFor(kind, code),
        medicalGrade: null,
        deviceLevel: null,
        familyPlanning: null,
        riskLevel: 'low',
        creditGrade: r.pick(['A', 'A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'D']),
        status: r.chance(0.04) ? 'suspended' : r.chance(0.02) ? 'closed' : 'operating',
        licence: {
          kind: lk,
          number,
          validFrom: new Date(new Date(validTo).getTime() - 5 * 365 * 86400_000).toISOString().slice(0, 10),
          validTo,
          scope: null,
        },
      };
    },
  };
}
