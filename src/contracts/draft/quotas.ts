import type { EntitySelector, QuotaTarget } from '../quota-rules.js';
import { NUMERAL, parseNumeral } from './numerals.js';
import { sub, type SourceSpan } from './text.js';

/** A quota read from a clause: the target and who it is about, in the clause's own words. */
export interface QuotaHit {
  label: string;
  target: QuotaTarget;
  times?: number;
  population: EntitySelector;
  /** Station groups named in the clause: （创新所、兴隆所…）不低于15家. */
  stations?: Record<string, number>;
  /** The clause, exactly as in the text. */
  source: SourceSpan;
  notes: string[];
}

/** Names of the plans → entity kinds of the registry (contracts/entity-kinds.ts). */
const KIND_NAMES: [RegExp, EntitySelector['kinds']][] = [
  [/零售药\s*店|药品零售企业/, ['pharmacy_chain', 'pharmacy_single']],
  [/药品批发企业/, ['drug_wholesaler']],
  [/(?<!美容)医疗机构/, ['medical_institution']],
  [/个体诊所/, ['clinic']],
  [/疾控机构/, ['cdc']],
  [/接种单位/, ['vaccination_site']],
  [/疫苗配送单位/, ['vaccine_distributor']],
  [/医疗器械经营企业/, ['device_dealer']],
  [/医疗器械使用单位/, ['device_user']],
  [/母婴用品专卖店/, ['cosmetics_maternal']],
  [/化妆品专营店/, ['cosmetics_store']],
  [/化妆品专用柜台|化妆品专柜/, ['cosmetics_counter']],
  [/生活美容机构/, ['beauty_salon']],
  [/美发机构/, ['hair_salon']],
  [/宾馆/, ['hotel']],
  [/洗浴场所/, ['bathhouse']],
  [/医疗美容机构/, ['medical_aesthetics']],
];
/** Exclusions the plans write in brackets (…除外). */
const EXCLUDE_NAMES: [RegExp, NonNullable<EntitySelector['exclude']>[number]][] = [
  [/三级医疗机构/, { kinds: ['medical_institution'], medicalGrades: ['3'] }],
  [/市疾控中心/, { kinds: ['cdc'], tagsAny: ['city_level'] }],
];

const STATION_GROUP = /[（(]([^（）()]{2,200})[）)]/g;
const N = `(${NUMERAL})`;
const TARGET = new RegExp(
  [`(各)?不低于\\s*(?:[（(]([^（）()]*)[）)])?\\s*${N}\\s*(%|％|家)`, `(?<!抽检)全覆盖`].map((p) => `(?:${p})`).join('|'),
  'g',
);

/** Stations named in brackets: every item ends in 所 (创新所、兴隆所). */
function stationList(s: string): string[] | null {
  const items = s.split(/[、，,]/).map((x) => x.trim());
  return items.length && items.every((x) => /^[\u4e00-\u9fa5]{1,8}所$/.test(x)) ? items : null;
}

function selector(object: string, notes: string[]): EntitySelector {
  const excluded = /[（(]([^（）()]*)除外[）)]/.exec(object);
  const body = excluded ? object.replace(excluded[0], '') : object;
  const kinds = [...new Set(KIND_NAMES.filter(([re]) => re.test(body)).flatMap(([, k]) => k ?? []))];
  const sel: EntitySelector = kinds.length ? { kinds } : {};
  if (/高风险/.test(body)) sel.tagsAny = ['high_risk'];
  if (/一、?\s*二\s*级监管/.test(body)) sel.deviceLevels = ['1', '2'];
  else if (/三级(?:委托)?监管/.test(body)) sel.deviceLevels = ['3'];
  if (/计划生育类/.test(body)) sel.familyPlanning = true;
  if (excluded) {
    const ex = EXCLUDE_NAMES.filter(([re]) => re.test(excluded[1])).map(([, e]) => e);
    if (ex.length) sel.exclude = ex;
    else notes.push(`除外对象“${excluded[1]}”未能对应到监管对象类型：请核定`);
  }
  if (!kinds.length) notes.push('检查对象未能对应到监管对象类型：请选择');
  return sel;
}

/**
 * Quota sentences of a paragraph: “…比例不低于50%”, “…全覆盖（检查至少1次）”, “（7个所）不低于15家、
 * （4个所）不低于5家”, “A、B、C各不低于50%” (one rule each), “A、B各不低于（甲所…）2家（乙所…）不低于1家”.
 * Clauses are cut at ；。 and at 一是/二是/其中. Sampling (抽检全覆盖) is not an inspection quota.
 */
export function quotasIn(s: SourceSpan): QuotaHit[] {
  const out: QuotaHit[] = [];
  const cuts = [0];
  for (const m of s.text.matchAll(/[；;。]|[一二三四五六七八九]是|其中\s*[:：]/g)) cuts.push(m.index!);
  cuts.push(s.text.length);
  for (let c = 0; c + 1 < cuts.length; c++) {
    const [a, b] = [cuts[c], cuts[c + 1]];
    const clause = s.text.slice(a, b);
    const hits = [...clause.matchAll(TARGET)];
    let from = /^[\s。；;，,]*/.exec(clause)![0].length;
    for (let h = 0; h < hits.length; h++) {
      const m = hits[h];
      const hitStart = m.index!;
      const notes: string[] = [];
      let target: QuotaTarget;
      let stations: Record<string, number> | undefined;
      let end = hitStart + m[0].length;
      let objectEnd = hitStart;
      if (m[0].includes('全覆盖')) {
        target = { type: 'all' };
      } else if (m[4] === '家') {
        const groups = [...clause.slice(from, hitStart).matchAll(STATION_GROUP)].filter((g) => stationList(g[1]));
        const first = parseNumeral(m[3]) ?? 0;
        stations = {};
        const put = (list: string[] | null, n: number) => list?.forEach((st) => (stations![st] = n));
        const lead = groups.at(-1);
        if (m[2] && stationList(m[2])) put(stationList(m[2]), first);
        else if (lead) {
          put(stationList(lead[1]), first);
          objectEnd = from + lead.index!;
        }
        // Further station groups joined to this one: 、（曙光所…）不低于 5家 / （曙光所…）不低于 1家.
        while (h + 1 < hits.length && hits[h + 1][4] === '家') {
          const next = hits[h + 1];
          const gap = clause.slice(end, next.index!);
          const g = /^\s*[、，,]?\s*[（(]([^（）()]{2,200})[）)]\s*$/.exec(gap);
          if (!g || !stationList(g[1])) break;
          put(stationList(g[1]), parseNumeral(next[3]) ?? 0);
          end = next.index! + next[0].length;
          h++;
        }
        if (!first) continue;
        target = { type: 'count', min: first, ...(Object.keys(stations).length ? { byStation: stations } : {}) };
        if (!Object.keys(stations).length) stations = undefined;
      } else {
        const pct = parseNumeral(m[3]) ?? 0;
        if (pct <= 0 || pct > 100) continue;
        target = { type: 'share', min: pct / 100 };
      }
      const times = /^[^，,；;。]{0,12}?至少\s*([0-9一二三四五六七八九十两]+)\s*次/.exec(clause.slice(end));
      if (times) end += times.index + times[0].length;
      const object = clause
        .slice(from, objectEnd)
        .replace(/^[\s，,、:：]*(?:其中\s*[:：]\s*|[一二三四五六七八九]是\s*)?/, '')
        .replace(/^(?:对|要对|抽查|检查)\s*/, '');
      const span = sub(s, a + from, a + end);
      const label = span.text.replace(/^[\s，,、:：]+/, '').slice(0, 200);
      const make = (obj: string): QuotaHit => ({
        label: m[1] ? `${obj}${span.text.slice(hitStart - from + (m.index! - hitStart))}`.slice(0, 200) : label,
        target,
        ...(times ? { times: parseNumeral(times[1]) ?? undefined } : {}),
        population: selector(obj, notes),
        ...(stations ? { stations } : {}),
        source: span,
        notes: [...notes],
      });
      if (m[1]) {
        // “A、B、C各不低于…”: one rule per object.
        const items = object
          .replace(/^.*?(?:抽查|对)/, '')
          .split('、')
          .map((x) => x.trim())
          .filter(Boolean);
        for (const it of items) out.push(make(it));
      } else out.push(make(object));
      from = end;
    }
  }
  return out;
}
