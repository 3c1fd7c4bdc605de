import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { cachedPlanIds, rememberPlanContext, type PlanContextEntry } from './coverage-source.js';

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
