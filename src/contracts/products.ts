/**
 * Products and business scope (经营范围 / 品种) a regulated unit handles, as reference data. The
 * registry stores codes on each entity (`entities.products`, column 经营品种 of the entity sheet);
 * quota populations select by them (`entitySelector.productsAny`), so "wholesalers that deal in
 * cold medicines" or "essential-medicine manufacturers" are exact. Labels are what users see and
 * what the import accepts besides the codes.
 */
export const PRODUCTS = {
  ephedrine_compound: '含麻黄碱类复方制剂',
  cold_medicine: '感冒药',
  essential_medicine: '国家基本药物',
  vaccine: '疫苗',
  cold_chain: '冷链药品',
  tcm_pieces: '中药饮片',
  tcm_granules: '中药配方颗粒',
  special_drugs: '麻醉药品和精神药品',
  blood_products: '血液制品',
  biologics: '生物制品',
  prescription_drugs: '处方药',
  otc_drugs: '非处方药',
  sterile_implant_devices: '无菌和植入性医疗器械',
  ivd_reagents: '体外诊断试剂',
  contraceptive_devices: '计划生育类医疗器械',
  special_cosmetics: '特殊化妆品',
  children_cosmetics: '儿童化妆品',
} as const;
export type ProductCode = keyof typeof PRODUCTS;
export const PRODUCT_CODES = Object.keys(PRODUCTS) as [ProductCode, ...ProductCode[]];

const BY_LABEL = new Map<string, ProductCode>(Object.entries(PRODUCTS).map(([c, l]) => [l, c as ProductCode]));
/** A code or label (as typed in a sheet cell) → code; undefined when unknown. */
export function productCode(s: string): ProductCode | undefined {
  const t = s.trim();
  return t in PRODUCTS ? (t as ProductCode) : BY_LABEL.get(t);
}
