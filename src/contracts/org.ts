import { z } from 'zod';
import { passwordRule } from './auth.js';
import { versioned } from './versions.js';
import { DATA_SCOPES, ROLES } from './permissions.js';
import { id, idParam } from './fields.js';

export const JURISDICTION_LEVELS = ['province', 'city', 'county', 'station', 'township', 'village'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export const LEVEL_LABELS: Record<JurisdictionLevel, string> = {
  province: '省',
  city: '市',
  county: '县/区/旗',
  station: '市场监管所',
  township: '乡镇/街道/苏木',
  village: '村/社区/嘎查',
};

export const ORG_UNIT_KINDS = ['upper', 'bureau', 'department', 'station', 'brigade', 'squad', 'grassroots'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  upper: '上级机关',
  bureau: '市场监督管理局',
  department: '股室',
  station: '市场监管所',
  brigade: '执法大队',
  squad: '执法中队',
  grassroots: '基层网格',
};

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称不能超过100字');
const optText = (max: number) => z.string().trim().max(max, `不能超过${max}字`).nullish();

export const jurisdiction = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  level: z.enum(JURISDICTION_LEVELS),
  levelLabel: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  childCount: z.number(),
  /** Optimistic-concurrency version: send it back with an update (contracts/versions.ts). */
  version: z.number(),
});
export type Jurisdiction = z.infer<typeof jurisdiction>;

export const createJurisdictionInput = z.object({
  parentId: id,
  name,
  levelLabel: z.string().trim().min(1).max(10).optional(),
  code: optText(20),
});
export const updateJurisdictionInput = z.object({
  name: name.optional(),
  levelLabel: z.string().trim().min(1).max(10).optional(),
  code: optText(20),
  ...versioned,
});

export const orgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  peopleCount: z.number(),
  version: z.number(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

const phone = z
  .string()
  .trim()
  .max(30, '电话不能超过30字')
  .regex(/^[0-9+\-() ]*$/, '电话格式错误')
  .nullish();

export const createOrgUnitInput = z.object({
  parentId: id.nullish(),
  jurisdictionId: id,
  kind: z.enum(ORG_UNIT_KINDS),
  name,
  shortName: optText(30),
  phone,
  address: optText(200),
});
export const updateOrgUnitInput = createOrgUnitInput.partial().extend({ active: z.boolean().optional(), ...versioned });

export const person = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  dataScope: z.enum(DATA_SCOPES),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  /** 执法证号 */
  badgeNo: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type Person = z.infer<typeof person>;

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,40}$/, '用户名须为2-40位字母、数字、下划线、点或连字符');

export const createPersonInput = z.object({
  username,
  displayName: z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过50字'),
  role: z.enum(ROLES),
  dataScope: z.enum(DATA_SCOPES).optional(),
  orgUnitId: id,
  jurisdictionId: id.optional(),
  title: optText(50),
  phone,
  badgeNo: optText(50),
  email: z.string().trim().email('邮箱格式错误').max(100).nullish().or(z.literal('')),
  password: passwordRule.optional(),
});
export const updatePersonInput = createPersonInput
  .omit({ username: true, password: true })
  .partial()
  .extend({
    active: z.boolean().optional(),
    unlock: z.boolean().optional(),
    ...versioned,
  });

export const listPeopleQuery = z.object({
  orgUnitId: idParam.optional(),
  jurisdictionId: idParam.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

/** Grant rules live with the roles (permissions.ts); re-exported for the people forms. */
export { canGrantRole, canGrantScope } from './permissions.js';
