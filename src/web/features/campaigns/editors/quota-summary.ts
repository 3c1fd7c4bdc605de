import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KIND_LABELS,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
} from '../../../../contracts/entity-kinds.js';
import { PRODUCTS } from '../../../../contracts/products.js';
import type { EntitySelector, QuotaRule, QuotaScope } from '../../../../contracts/quota-rules.js';

/** A rule as the form holds it while being edited: any part may still be missing. */
export type DraftRule = { [K in Exclude<keyof QuotaRule, 'children'>]?: any } & { children?: DraftRule[] };

const names = (codes: readonly string[] | undefined, labels: Record<string, string>) => (codes ?? []).map((c) => labels[c] ?? c).join('、');
const pct = (share: number) => `${Math.round(share * 1e4) / 100}%`;

/** “零售药店（单体）中高风险的” — the units a selector covers, in words; one clause per selector key. */
export function describeSelector(s: Partial<EntitySelector> | undefined): string {
  if (!s) return '（未选对象）';
  const who = names(s.kinds, ENTITY_KIND_LABELS) || '各类对象';
  const extra = [
    s.medicalGrades?.length && `${names(s.medicalGrades, MEDICAL_GRADES)}医疗机构`,
    s.deviceLevels?.length && `${names(s.deviceLevels, DEVICE_LEVELS)}监管`,
    s.tagsAny?.length && names(s.tagsAny, ENTITY_TAGS),
    s.riskLevels?.length && `风险等级${names(s.riskLevels, RISK_LEVELS)}`,
    s.creditGrades?.length && `信用${names(s.creditGrades, CREDIT_GRADES)}`,
    s.familyPlanning && '经营计划生育用品',
    s.productsAny?.length && `经营${names(s.productsAny, PRODUCTS)}`,
  ].filter(Boolean);
  const set = (e: Partial<EntitySelector>) =>
    Object.values(e ?? {}).some((v) => (Array.isArray(v) ? v.length > 0 : v != null && v !== false));
  const excl = (s.exclude ?? []).filter(set).map((e: Partial<EntitySelector>) => describeSelector(e));
  return `${who}${extra.length ? `（${extra.join('，')}）` : ''}${excl.length ? `（${excl.join('、')}除外）` : ''}`;
}

function describeTarget(r: DraftRule): string {
  const t = r.target;
  if (!t?.type) return '（未设指标）';
  if (t.type === 'all') return '全覆盖';
  if (t.type === 'share') return t.min == null ? '检查比例（未填）' : `检查比例不低于${pct(t.min)}`;
  const over = Object.entries((t.byStation ?? {}) as Record<string, number>).map(([s, n]) => `${s}${n}家`);
  return `不少于${t.min ?? '?'}家${over.length ? `（${over.join('，')}）` : ''}`;
}

function describeRest(r: DraftRule, window: (w: NonNullable<QuotaRule['window']>) => string): string {
  const parts: string[] = [];
  if (r.times && r.times > 1) parts.push(`每家检查${r.times}次${r.minGapDays ? `，间隔不少于${r.minGapDays}天` : ''}`);
  const grades = Object.entries((r.byCreditGrade ?? {}) as Record<string, { share?: number; times?: number }>);
  if (grades.length)
    parts.push(
      `按信用等级：${grades.map(([g, v]) => `${g}级${v.share != null ? pct(v.share) : '?'}${v.times && v.times > 1 ? `×${v.times}次` : ''}`).join('，')}`,
    );
  if (r.window && (r.window.phase || r.window.from || r.window.to)) parts.push(window(r.window));
  return parts.length ? `，${parts.join('，')}` : '';
}

/** The line's opening words per quota scope (`QUOTA_SCOPES` holds the longer form labels). */
export const SCOPE_WORDS: Record<QuotaScope, string> = {
  station: '每个所',
  county: '每个县（市、区）',
  city: '每个市（州）',
  campaign: '全区',
};

/**
 * The plain-language line under a rule, e.g.
 * “每个所：零售药店（连锁门店） 检查比例不低于50%，其中零售药店（单体） 不少于2家（曙光所1家）”.
 * `phaseName` turns a window's phase key into its name; a sub-quota (`child`) reads “其中：…”.
 */
export function describeQuota(r: DraftRule, phaseName: (key: string) => string = (k) => k, child = false): string {
  const window = (w: NonNullable<QuotaRule['window']>) =>
    w.phase ? `在“${phaseName(w.phase)}”内完成` : `在${w.from ?? '…'}至${w.to ?? '…'}内完成`;
  const body = (x: DraftRule): string =>
    `${describeSelector(x.population)} ${describeTarget(x)}${describeRest(x, window)}` +
    (x.children?.length ? `，其中${x.children.map(body).join('；')}` : '');
  return `${child ? '其中' : (SCOPE_WORDS[r.per as QuotaScope] ?? SCOPE_WORDS.station)}：${body(r)}`;
}
