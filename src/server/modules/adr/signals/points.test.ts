import { describe, expect, it } from 'vitest';
import { groupPoints } from './points.js';

describe('grouping pairs by (N, E)', () => {
  it('keeps one point per distinct (N, E), ordered by N then E, with weights and each pair’s point', () => {
    const N = [3, 1, 1, 2, 1, 3, 1, 2];
    const E = [0.5, 2, 0.25, 2, 2, 0.5, 0.125, 1];
    const p = groupPoints(N, E);
    expect(Array.from(p.n)).toEqual([1, 1, 1, 2, 2, 3]);
    expect(Array.from(p.e)).toEqual([0.125, 0.25, 2, 1, 2, 0.5]);
    expect(Array.from(p.weight)).toEqual([1, 1, 2, 1, 1, 2]);
    for (let i = 0; i < N.length; i++) {
      expect(p.n[p.pointOf[i]], `pair ${i}`).toBe(N[i]);
      expect(p.e[p.pointOf[i]], `pair ${i}`).toBe(E[i]);
    }
  });

  it('handles no pairs', () => {
    const p = groupPoints([], []);
    expect(p.n.length).toBe(0);
    expect(p.pointOf.length).toBe(0);
  });
});
