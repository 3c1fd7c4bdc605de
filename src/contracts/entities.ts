import { sheetRowError } from './sheets.js';
import { z } from 'zod';
import { PRODUCT_CODES, PRODUCTS } from './products.js';
import { versioned } from './versions.js';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KIND_CODES,
  ENTITY_KINDS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  LICENCE_STATES,
  MEDICAL_GRADES,
  RISK_LEVELS,
  type EntityKind,
  type LicenceState,
} from './entity-kinds.js';
import { daysBetween, optionalDate, shanghaiToday } from './calendar.js';
import { id, idParam } from './fields.js';

export { LICENCE_STATES, type LicenceState };

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Kinds of licence (许可证/备案凭证) a unit may hold. */
export const LICENCE_KINDS = {
  drug_trade: '药品经营许可证',
  drug_manufacture: '药品生产许可证',
  medical_practice: '医疗机构执业许可证',
  device_manufacture: '医疗器械生产许可证',
  device_trade: '医疗器械经营许可证',
  device_record: '第二类医疗器械经营备案凭证',
  online_record: '药品网络销售备案',
  public_hygiene: '公共场所卫生许可证',
  business: '营业执照',
} as const;
export type LicenceKind = keyof typeof LICENCE_KINDS;

/** The licence a unit of each kind normally holds; an import row's 许可证编号 is of this kind unless 许可证类型 says otherwise. */
export const DEFAULT_LICENCE: Record<EntityKind, LicenceKind> = {
  drug_manufacturer: 'drug_manufacture',
  drug_wholesaler: 'drug_trade',
  retail_chain_hq: 'drug_trade',
  pharmacy_chain: 'drug_trade',
  pharmacy_single: 'drug_trade',
  medical_institution: 'medical_practice',
  clinic: 'medical_practice',
  cdc: 'medical_practice',
  vaccination_site: 'medical_practice',
  vaccine_distributor: 'drug_trade',
  online_seller: 'online_record',
  online_platform: 'online_record',
  device_manufacturer: 'device_manufacture',
  device_dealer: 'device_trade',
  device_user: 'medical_practice',
  cosmetics_maternal: 'business',
  cosmetics_store: 'business',
  cosmetics_counter: 'business',
  beauty_salon: 'public_hygiene',
  hair_salon: 'public_hygiene',
  hotel: 'public_hygiene',
  bathhouse: 'public_hygiene',
  medical_aesthetics: 'medical_practice',
};

/** A licence expiring within this many days is flagged 即将到期. */
export const LICENCE_EXPIRING_DAYS = 90;

export function licenceState(validTo: string | null, today = shanghaiToday()): LicenceState {
  if (!validTo) return 'valid';
  const left = daysBetween(today, validTo.slice(0, 10));
  if (left < 0) return 'expired';
  return left <= LICENCE_EXPIRING_DAYS ? 'expiring' : 'valid';
}

export const licence = z.object({
  id: z.number(),
  kind: z.enum(keys(LICENCE_KINDS)),
  kindLabel: z.string(),
  number: z.string(),
  scope: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  state: z.enum(keys(LICENCE_STATES)),
});
export type Licence = z.infer<typeof licence>;

export const entitySummary = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  kind: z.enum(ENTITY_KIND_CODES),
  kindLabel: z.string(),
  jurisdictionId: z.number(),
  stationName: z.string(),
  townshipId: z.number().nullable(),
  townshipName: z.string().nullable(),
  villageId: z.number().nullable(),
  villageName: z.string().nullable(),
  address: z.string().nullable(),
  personInCharge: z.string().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  /** 经营品种 (codes of contracts/products.ts). */
  products: z.array(z.string()),
  medicalGrade: z.enum(keys(MEDICAL_GRADES)).nullable(),
  deviceLevel: z.enum(keys(DEVICE_LEVELS)).nullable(),
  familyPlanning: z.boolean(),
  riskLevel: z.enum(keys(RISK_LEVELS)),
  creditGrade: z.enum(keys(CREDIT_GRADES)).nullable(),
  status: z.enum(keys(ENTITY_STATUSES)),
  /** Earliest expiry among the unit's licences, and its state. */
  licenceValidTo: z.string().nullable(),
  licenceState: z.enum(keys(LICENCE_STATES)).nullable(),
  updatedAt: z.string(),
  /** Optimistic-concurrency version: send it back with an update (contracts/versions.ts). */
  version: z.number(),
});
export type EntitySummary = z.infer<typeof entitySummary>;

export const entityDetail = entitySummary.extend({
  legalRepresentative: z.string().nullable(),
  qualityManager: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  licences: z.array(licence),
  createdAt: z.string(),
});
export type EntityDetail = z.infer<typeof entityDetail>;

export const SORTS = ['name', '-name', 'updated', '-updated', 'risk', '-risk', 'licence', '-licence', 'kind', '-kind'] as const;
export type EntitySort = (typeof SORTS)[number];

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

/** Filters on every attribute; the same object drives the list, the count and the Excel export. */
export const listEntitiesQuery = z.object({
  q: z.string().trim().max(60).optional(),
  kinds: csv(z.enum(ENTITY_KIND_CODES)),
  sectors: csv(z.enum(['drug', 'device', 'cosmetics', 'aesthetics'])),
  /** Any jurisdiction: a station or above selects its subtree, a township or village its own units. */
  jurisdictionId: idParam.optional(),
  tagsAny: csv(z.enum(keys(ENTITY_TAGS))),
  /** 经营品种 (any of them), as quota populations select by `productsAny`. */
  productsAny: csv(z.enum(PRODUCT_CODES)),
  riskLevels: csv(z.enum(keys(RISK_LEVELS))),
  creditGrades: csv(z.enum(keys(CREDIT_GRADES))),
  statuses: csv(z.enum(keys(ENTITY_STATUSES))),
  medicalGrades: csv(z.enum(keys(MEDICAL_GRADES))),
  deviceLevels: csv(z.enum(keys(DEVICE_LEVELS))),
  familyPlanning: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  licenceStates: csv(z.enum(keys(LICENCE_STATES))),
  licenceKind: z.enum(keys(LICENCE_KINDS)).optional(),
  sort: z.enum(SORTS).default('name'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListEntitiesQuery = z.infer<typeof listEntitiesQuery>;
export type EntityFilters = Omit<ListEntitiesQuery, 'page' | 'pageSize' | 'sort'>;

export const entityPage = z.object({
  items: z.array(entitySummary),
  total: z.number(),
  /** True when total is a lower bound (counting stopped at the cap). */
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type EntityPage = z.infer<typeof entityPage>;

const text = (max: number) => z.string().trim().max(max, `不能超过${max}字`).nullish();
const phone = z
  .string()
  .trim()
  .max(40, '电话不能超过40字')
  .regex(/^[0-9+\-()（）、,，/ ]*$/, '电话格式错误')
  .nullish();

export const licenceInput = z.object({
  kind: z.enum(keys(LICENCE_KINDS)),
  number: z.string().trim().min(1, '许可证编号不能为空').max(60),
  scope: text(500),
  validFrom: optionalDate,
  validTo: optionalDate,
});

const entityFields = z.object({
  name: z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称不能超过100字'),
  creditCode: z.string().trim().max(30).nullish(),
  kind: z.enum(ENTITY_KIND_CODES),
  jurisdictionId: id,
  townshipId: id.nullish(),
  villageId: id.nullish(),
  address: text(200),
  legalRepresentative: text(50),
  personInCharge: text(50),
  qualityManager: text(50),
  phone,
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  tags: z.array(z.enum(keys(ENTITY_TAGS))).max(20),
  products: z.array(z.enum(PRODUCT_CODES, { error: '未知的经营品种' })).max(30),
  medicalGrade: z.enum(keys(MEDICAL_GRADES)).nullish(),
  deviceLevel: z.enum(keys(DEVICE_LEVELS)).nullish(),
  familyPlanning: z.boolean(),
  riskLevel: z.enum(keys(RISK_LEVELS)),
  creditGrade: z.enum(keys(CREDIT_GRADES)).nullish(),
  status: z.enum(keys(ENTITY_STATUSES)),
  licences: z.array(licenceInput).max(20),
});
export const entityInput = entityFields.extend({
  tags: entityFields.shape.tags.default([]),
  products: entityFields.shape.products.default([]),
  familyPlanning: entityFields.shape.familyPlanning.default(false),
  riskLevel: entityFields.shape.riskLevel.default('low'),
  status: entityFields.shape.status.default('operating'),
  licences: entityFields.shape.licences.default([]),
});
export type EntityInput = z.infer<typeof entityInput>;
/** Only the given fields change; given licences replace the current ones. */
export const updateEntityInput = entityFields.partial().extend(versioned);

export const timelineItem = z.object({
  at: z.string(),
  source: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  link: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const entityKindRef = z.object({ code: z.string(), label: z.string(), sector: z.string(), attrs: z.array(z.string()) });

/** Import columns: header in the template, synonyms recognised when mapping another file's headers. */
export interface ImportColumn {
  field: string;
  header: string;
  required?: boolean;
  synonyms?: string[];
  /** Drop-down values in the template. */
  options?: () => string[];
  note?: string;
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  { field: 'name', header: '单位名称', required: true, synonyms: ['企业名称', '名称', '单位', '机构名称', '店名'] },
  { field: 'creditCode', header: '统一社会信用代码', required: true, synonyms: ['信用代码', '社会信用代码', '统一代码', '信用代码证号'] },
  {
    field: 'kind',
    header: '主体类型',
    required: true,
    synonyms: ['类型', '单位类型', '企业类型', '业态'],
    options: () => ENTITY_KINDS.map((k) => k.label),
  },
  { field: 'licenceKind', header: '许可证类型', synonyms: ['证照类型'], options: () => Object.values(LICENCE_KINDS) },
  { field: 'licenceNumber', header: '许可证编号', synonyms: ['许可证号', '证号', '许可证', '备案编号', '备案凭证编号'] },
  { field: 'licenceValidTo', header: '许可证有效期至', synonyms: ['有效期至', '有效期', '许可证有效期', '到期日期'] },
  { field: 'licenceScope', header: '经营范围', synonyms: ['许可范围', '诊疗科目'] },
  { field: 'station', header: '所属监管所', required: true, synonyms: ['监管所', '所属所', '市场监管所', '管辖所'] },
  { field: 'township', header: '乡镇（街道）', synonyms: ['乡镇(街道)', '乡镇', '街道', '苏木', '乡镇街道'] },
  { field: 'village', header: '村（社区）', synonyms: ['村(社区)', '村', '社区', '嘎查', '村社区'] },
  { field: 'address', header: '地址', synonyms: ['经营地址', '注册地址', '详细地址', '住所'] },
  { field: 'legalRepresentative', header: '法定代表人', synonyms: ['法人', '法人代表', '经营者'] },
  { field: 'personInCharge', header: '负责人', synonyms: ['企业负责人', '主要负责人'] },
  { field: 'qualityManager', header: '质量负责人', synonyms: ['执业药师', '质量负责人/执业药师', '驻店药师'] },
  { field: 'phone', header: '联系电话', synonyms: ['电话', '手机', '联系方式'] },
  { field: 'riskLevel', header: '风险等级', synonyms: ['风险'], options: () => Object.values(RISK_LEVELS) },
  { field: 'creditGrade', header: '信用等级', synonyms: ['信用', '信用分级'], options: () => Object.keys(CREDIT_GRADES) },
  { field: 'medicalGrade', header: '医疗机构等级', synonyms: ['医院等级', '等级'], options: () => Object.values(MEDICAL_GRADES) },
  { field: 'deviceLevel', header: '医疗器械监管级别', synonyms: ['器械监管级别', '监管级别'], options: () => Object.values(DEVICE_LEVELS) },
  { field: 'familyPlanning', header: '计划生育类产品', synonyms: ['计生用品', '计划生育'], options: () => ['是', '否'] },
  { field: 'status', header: '经营状态', synonyms: ['状态'], options: () => Object.values(ENTITY_STATUSES) },
  { field: 'tags', header: '标签', synonyms: ['重点标签', '分类标签'], note: `多个用顿号分隔：${Object.values(ENTITY_TAGS).join('、')}` },
  {
    field: 'products',
    header: '经营品种',
    synonyms: ['品种', '经营品种范围', '重点品种'],
    note: `多个用顿号分隔：${Object.values(PRODUCTS).join('、')}`,
  },
];
export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];

export const importError = sheetRowError;
export type ImportError = z.infer<typeof importError>;

export const IMPORT_STATES = { validated: '校验通过', invalid: '存在错误', running: '导入中', done: '已导入', failed: '导入失败' } as const;
export type ImportState = keyof typeof IMPORT_STATES;
/** Steps of an import (the job's actions); `remap` and `confirm` are the person's, the others the background job's. */
export const IMPORT_ACTIONS = {
  remap: '修改列对应',
  confirm: '确认导入',
  complete: '完成导入',
  recheck: '重新校验',
  fail: '导入失败',
} as const;
export type ImportAction = keyof typeof IMPORT_ACTIONS;

export const importJob = z.object({
  id: z.number(),
  fileName: z.string(),
  status: z.enum(keys(IMPORT_STATES)),
  headers: z.array(z.string()),
  /** field → index of the file's column, or null when not mapped. */
  mapping: z.record(z.string(), z.number().nullable()),
  total: z.number(),
  valid: z.number(),
  toCreate: z.number(),
  toUpdate: z.number(),
  processed: z.number(),
  errors: z.array(importError),
  errorCount: z.number(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the caller may do now (workflow): 修改列对应, 确认导入. */
  actions: z.array(z.enum(['remap', 'confirm'])),
});
export type ImportJob = z.infer<typeof importJob>;
