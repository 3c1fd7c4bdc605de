/**
 * Kinds of regulated entity (监管对象类型) as reference data. The registry stores the code;
 * campaign definitions and quota rules select by code. Labels are what users see.
 */
export const SECTORS = { drug: '药品', device: '医疗器械', cosmetics: '化妆品', aesthetics: '医疗美容' } as const;
export type Sector = keyof typeof SECTORS;

export interface EntityKindDef {
  code: string;
  label: string;
  sector: Sector;
  /** Which extra attributes apply to this kind. */
  attrs?: ('medicalGrade' | 'deviceLevel' | 'familyPlanning')[];
}

export const ENTITY_KINDS = [
  { code: 'drug_manufacturer', label: '药品生产企业', sector: 'drug' },
  { code: 'drug_wholesaler', label: '药品批发企业', sector: 'drug' },
  { code: 'retail_chain_hq', label: '零售连锁总部', sector: 'drug' },
  { code: 'pharmacy_chain', label: '零售药店（连锁门店）', sector: 'drug' },
  { code: 'pharmacy_single', label: '零售药店（单体）', sector: 'drug' },
  { code: 'medical_institution', label: '医疗机构', sector: 'drug', attrs: ['medicalGrade'] },
  { code: 'clinic', label: '个体诊所', sector: 'drug' },
  { code: 'cdc', label: '疾控机构', sector: 'drug' },
  { code: 'vaccination_site', label: '疫苗接种单位', sector: 'drug' },
  { code: 'vaccine_distributor', label: '疫苗配送单位', sector: 'drug' },
  { code: 'online_seller', label: '药品网络销售者', sector: 'drug' },
  { code: 'online_platform', label: '网络交易第三方平台', sector: 'drug' },
  { code: 'device_manufacturer', label: '医疗器械生产企业', sector: 'device' },
  { code: 'device_dealer', label: '医疗器械经营企业', sector: 'device', attrs: ['deviceLevel', 'familyPlanning'] },
  { code: 'device_user', label: '医疗器械使用单位', sector: 'device' },
  { code: 'cosmetics_maternal', label: '母婴用品专卖店', sector: 'cosmetics' },
  { code: 'cosmetics_store', label: '化妆品专营店', sector: 'cosmetics' },
  { code: 'cosmetics_counter', label: '商超化妆品专柜', sector: 'cosmetics' },
  { code: 'beauty_salon', label: '生活美容机构', sector: 'cosmetics' },
  { code: 'hair_salon', label: '美发机构', sector: 'cosmetics' },
  { code: 'hotel', label: '宾馆', sector: 'cosmetics' },
  { code: 'bathhouse', label: '洗浴场所', sector: 'cosmetics' },
  { code: 'medical_aesthetics', label: '医疗美容机构', sector: 'aesthetics' },
] as const satisfies readonly EntityKindDef[];

export type EntityKind = (typeof ENTITY_KINDS)[number]['code'];
export const ENTITY_KIND_CODES = ENTITY_KINDS.map((k) => k.code) as [EntityKind, ...EntityKind[]];
export const ENTITY_KIND_LABELS = Object.fromEntries(ENTITY_KINDS.map((k) => [k.code, k.label])) as Record<EntityKind, string>;

/** 医疗机构 grade; seed 000 excludes 三级 from its quota. */
export const MEDICAL_GRADES = { '1': '一级', '2': '二级', '3': '三级', none: '未定级' } as const;
/** 医疗器械经营企业 supervision level (分类分级监管). */
export const DEVICE_LEVELS = { '1': '一级', '2': '二级', '3': '三级' } as const;

/** Tags the seeds use for focus and quotas. */
export const ENTITY_TAGS = {
  key_area_urban_rural: '城乡接合部',
  key_area_hospital: '医院周边',
  key_area_rural_pastoral: '农村牧区',
  key_area_transport: '景区/车站/码头',
  high_risk: '高风险',
  repeat_offender: '多次被行政处罚',
  vaccine: '经营使用疫苗',
  special_drugs: '特殊药品',
  cold_chain: '冷链药品',
  vbp: '集采中选药品',
  online: '网络销售',
  city_level: '市属单位',
} as const;
export type EntityTag = keyof typeof ENTITY_TAGS;

export const RISK_LEVELS = { low: '低', medium: '中', high: '高' } as const;
export const CREDIT_GRADES = { A: 'A级（守信）', B: 'B级（基本守信）', C: 'C级（失信）', D: 'D级（严重失信）' } as const;
export const ENTITY_STATUSES = { operating: '在营', suspended: '停业', closed: '注销/关闭' } as const;
/** A licence's state on a day (`licenceState` in entities.ts); here with the other labels, which pages load without the schemas. */
export const LICENCE_STATES = { valid: '有效', expiring: '即将到期', expired: '已过期' } as const;
export type LicenceState = keyof typeof LICENCE_STATES;
