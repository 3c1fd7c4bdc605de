/**
 * Paths into a campaign definition by key, not by index: `quotas.high-risk-full.times`,
 * `obligations.weekly-clues.rule`, `tasks.3.units`, `organisation.office.unit`. In an array the
 * segment names the element whose `key`, `id` or `no` equals it (a task's `no`, a quota's `id`);
 * arrays without keys (events, basis) fall back to the index. Provenance and readings use these
 * paths, so they survive reordering and do not shift when an item is added.
 */
const KEY_FIELDS = ['key', 'id', 'no'] as const;

function indexIn(arr: unknown[], seg: string): number {
  for (const f of KEY_FIELDS) {
    const i = arr.findIndex((x) => x !== null && typeof x === 'object' && (x as any)[f] !== undefined && String((x as any)[f]) === seg);
    if (i >= 0) return i;
  }
  if (
    /^\d+$/.test(seg) &&
    Number(seg) < arr.length &&
    !arr.some((x) => x !== null && typeof x === 'object' && KEY_FIELDS.some((f) => (x as any)[f] !== undefined))
  )
    return Number(seg);
  return -1;
}

/** The value at a path; `found` is false when a segment does not exist. */
export function getAtPath(root: unknown, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur)) {
      const i = indexIn(cur, seg);
      if (i < 0) return { found: false };
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg)) {
      cur = (cur as Record<string, unknown>)[seg];
    } else return { found: false };
    if (cur === undefined) return { found: false };
  }
  return { found: true, value: cur };
}

/** The parent path ('' for a top-level field). */
export const parentPath = (path: string) => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '');

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes it. The parent must
 * exist (throws otherwise); a missing last segment of an object is created.
 */
export function setAtPath<T>(root: T, path: string, value: unknown): T {
  const copy = structuredClone(root) as any;
  const segs = path.split('.');
  let cur = copy;
  for (let k = 0; k < segs.length - 1; k++) {
    const seg = segs[k];
    if (Array.isArray(cur)) {
      const i = indexIn(cur, seg);
      if (i < 0) throw new Error(`no ${segs.slice(0, k + 1).join('.')}`);
      cur = cur[i];
    } else if (cur && typeof cur === 'object' && cur[seg] !== undefined) cur = cur[seg];
    else throw new Error(`no ${segs.slice(0, k + 1).join('.')}`);
  }
  const last = segs[segs.length - 1];
  if (Array.isArray(cur)) {
    const i = indexIn(cur, last);
    if (i < 0) throw new Error(`no ${path}`);
    if (value === undefined) cur.splice(i, 1);
    else cur[i] = value;
  } else if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** Structural equality of JSON values (key order ignored; undefined and null both mean absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).filter((k) => (a as any)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as any)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as any)[k], (b as any)[k]));
  }
  return a === b;
}
