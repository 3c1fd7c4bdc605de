/**
 * Generated keys for the definition's lists (rule ids, checklist / item / column keys): a prefix and
 * the smallest counter not yet taken, so a person never types one and two never collide. Keys match
 * the contracts' key pattern (lowercase letters, digits, '-', '_').
 */
export function nextKey(prefix: string, taken: Iterable<string | undefined>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

interface WithChildren {
  id?: string;
  children?: WithChildren[];
}

/** Every rule id of a quota tree (ids are unique over the whole tree, children included). */
export function quotaIds(rules: WithChildren[] | undefined): string[] {
  return (rules ?? []).flatMap((r) => [r.id ?? '', ...quotaIds(r.children)]).filter(Boolean);
}

/** The value at a form path (`['quotas', 0, 'children', 1]`) of a plain object. */
export function at(values: unknown, path: (string | number)[]): any {
  let v: any = values;
  for (const p of path) v = v?.[p];
  return v;
}
