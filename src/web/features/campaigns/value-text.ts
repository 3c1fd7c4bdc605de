import { describeRule, type CampaignDefinition, type DeadlineRule } from '../../../contracts/campaigns.js';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KIND_LABELS,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
  SECTORS,
} from '../../../contracts/entity-kinds.js';
import { OBLIGATION_EVENTS } from '../../../contracts/deadline-rules.js';
import { citeArticles } from '../../../contracts/legal-articles.js';
import { MEASURES } from '../../../contracts/measures.js';
import { PRODUCTS } from '../../../contracts/products.js';
import { describeSelector } from './editors/quota-summary.js';

/** Code lists a definition field holds, by the field's name: shown by their labels, never as codes. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  kinds: ENTITY_KIND_LABELS,
  entityKinds: ENTITY_KIND_LABELS,
  tags: ENTITY_TAGS,
  tagsAny: ENTITY_TAGS,
  products: PRODUCTS,
  productsAny: PRODUCTS,
  medicalGrades: MEDICAL_GRADES,
  deviceLevels: DEVICE_LEVELS,
  riskLevels: RISK_LEVELS,
  creditGrades: CREDIT_GRADES,
  sectors: SECTORS,
  category: SECTORS,
  event: OBLIGATION_EVENTS,
  measure: Object.fromEntries(Object.entries(MEASURES).map(([k, m]) => [k, m.label])),
};

/** Fields of definition objects in the bureau's words (a field not listed shows its value alone). */
const FIELDS: Record<string, string> = {
  units: '责任单位',
  recipient: '接收单位',
  submitters: '报送单位',
  unit: '所在单位',
  duties: '职责',
  director: '主任',
  leader: '组长',
  deputies: '副组长',
  members: '成员',
  memberUnits: '成员单位',
  kinds: '对象类型',
  tagsAny: '对象标签',
  productsAny: '经营品种',
  riskLevels: '风险等级',
  creditGrades: '信用等级',
  medicalGrades: '医疗机构级别',
  deviceLevels: '医疗器械经营类别',
  times: '检查次数',
};
/** The same, where a field means something else under a path's first part. */
const FIELDS_UNDER: Record<string, Record<string, string>> = { liaisons: { units: '登记单位', recipient: '汇总单位' } };

const MAX = 160;

/**
 * A value of a campaign definition in words, for the 待确认 list and the drafting assistant: codes by
 * their labels (对象类型, 标签, 产品, 法条, 统计指标), deadline rules described, people as
 * “姓名（单位 职务）”, lists of named things by their names, other objects field by field — never JSON.
 */
export function definitionValueText(path: string, value: unknown, def?: Pick<CampaignDefinition, 'subActions' | 'phases'>): string {
  const parts = path.split('.');
  const field = parts[parts.length - 1];
  // References to other parts of the definition by key: by their names.
  const named =
    field === 'sub'
      ? def?.subActions?.find((x) => x.key === value)?.name
      : field === 'phase'
        ? def?.phases?.find((x) => x.key === value)?.name
        : undefined;
  const s = named ?? text(field, value, FIELDS_UNDER[parts[0]] ?? {});
  return s.length > MAX ? `${s.slice(0, MAX)}…` : s;
}

function text(field: string, v: unknown, under: Record<string, string>): string {
  if (v === null || v === undefined) return '（未定）';
  if (field === 'rule' && typeof v === 'object' && !Array.isArray(v)) return describeRule(v as DeadlineRule);
  // A quota's units (选择条件), as the rule editor says them.
  if (field === 'population' && typeof v === 'object' && !Array.isArray(v)) return describeSelector(v as never);
  if (field === 'articles' && Array.isArray(v)) return citeArticles(v.map(String)) || v.join('、');
  if (typeof v === 'string') return CODE_LABELS[field]?.[v] ?? v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v
      .map((x) => text(field, x, under))
      .filter(Boolean)
      .join('、');
  const o = v as Record<string, unknown>;
  if (typeof o.from === 'string' && typeof o.to === 'string') return `${o.name ? `${String(o.name)}：` : ''}${o.from} 至 ${o.to}`;
  if (typeof o.name === 'string') {
    const about = [o.unit, o.title].filter((x) => typeof x === 'string' && x).join(' ');
    return about ? `${o.name}（${about}）` : o.name;
  }
  for (const k of ['label', 'title', 'text']) if (typeof o[k] === 'string') return o[k] as string;
  return Object.entries(o)
    .filter(([k, x]) => x !== null && x !== undefined && !(Array.isArray(x) && x.length === 0) && k !== 'key')
    .map(([k, x]) => {
      const label = under[k] ?? FIELDS[k];
      const t = text(k, x, under);
      return label ? `${label}：${t}` : t;
    })
    .join('；');
}
