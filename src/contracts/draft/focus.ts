import { sub, type SourceSpan } from './text.js';

export type FocusList = 'products' | 'areas' | 'objects' | 'channels';
export interface FocusHit {
  list: FocusList;
  items: string[];
  source: SourceSpan;
}

const LISTS: [RegExp, FocusList][] = [
  [/以([^。]{2,400}?)(?:等)?为重点产品/g, 'products'],
  [/以([^，。；;]{2,200}?)(?:等)?为重点区域/g, 'areas'],
  [/以([^。；;]{2,200}?)(?:等)?为重点对象/g, 'objects'],
  [/从([^。；;]{2,200}?)等渠道/g, 'channels'],
];

/** Focus lists of each paragraph (a list may run over a ；): “以疫苗、血液制品…等为重点产品”, “…为重点区域”, “…为重点对象”, “从检查核查、…等渠道”. */
export function readFocus(ss: SourceSpan[]): FocusHit[] {
  const out: FocusHit[] = [];
  for (const s of ss)
    for (const [re, list] of LISTS)
      for (const m of s.text.matchAll(re)) {
        const body = m[1].replace(/^.*(?:以(?!及)|从)/, '');
        const items = splitList(body);
        // The phrase itself (以…为重点产品), from its own 以 / 从.
        const from = m.index! + m[0].length - (m[0].length - 1 - m[1].length) - body.length - 1;
        if (items.length) out.push({ list, items, source: sub(s, from, m.index! + m[0].length) });
      }
  return out;
}

/** 疫苗、血液制品、无菌和植入类医疗器械 → items split at 、 only (和 joins words inside an item). */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,；;]/)
    .map((x) =>
      x
        .replace(/^[\s“”"]+|[\s“”"]+$/g, '')
        .replace(/^以及/, '')
        .replace(/等$/, ''),
    )
    .filter((x) => x.length > 0 && x.length <= 60);
}
