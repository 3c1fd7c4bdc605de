import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { cachedPlanIds, parsePairs, rememberPlanContext, type PlanContextEntry } from './coverage-source.js';

const entry = (units: number) =>
  ({ fingerprint: 'f', stations: [], context: { entities: { length: units } } }) as unknown as PlanContextEntry;

describe('requirements cache', () => {
  it('keeps requirements within a unit budget, dropping the least recently used, never the newest', () => {
    const db = {} as Db;
    rememberPlanContext(db, 1, entry(400_000));
    rememberPlanContext(db, 2, entry(150_000));
    expect(cachedPlanIds(db)).toEqual([1, 2]);
    rememberPlanContext(db, 1, entry(400_000)); // used again: now the most recent
    rememberPlanContext(db, 3, entry(100_000));
    expect(cachedPlanIds(db)).toEqual([1, 3]);
    rememberPlanContext(db, 4, entry(900_000));
    expect(cachedPlanIds(db)).toEqual([4]);
    for (let id = 10; id < 60; id++) rememberPlanContext(db, id, entry(100));
    expect(cachedPlanIds(db)).toHaveLength(32);
    expect(cachedPlanIds(db).at(-1)).toBe(59);
  });
});

describe('done inspections as read', () => {
  it('reads "id,day;…" into two integer arrays, negative days too, and refuses a count that does not match', () => {
    expect(parsePairs('12,19800;3,-2;2147483647,0', 3)).toEqual({
      ids: Int32Array.of(12, 3, 2147483647),
      days: Int32Array.of(19800, -2, 0),
    });
    expect(parsePairs('', 0)).toEqual({ ids: new Int32Array(0), days: new Int32Array(0) });
    expect(() => parsePairs('1,2;3,4', 3)).toThrow(/2 pairs read, 3 expected/);
  });
});
