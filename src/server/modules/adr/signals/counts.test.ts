import { describe, expect, it } from 'vitest';
import { countCoded, countRows, countsFromTotals } from './counts.js';

const row = (reportId: string, drug: string, event: string) => ({ reportId, drug, event });

function byPair(c: ReturnType<typeof countRows>) {
  const out: Record<string, number> = {};
  for (let i = 0; i < c.N.length; i++) out[`${c.drugs[c.pairDrug[i]]}|${c.events[c.pairEvent[i]]}`] = c.N[i];
  return out;
}

describe('counting distinct reports', () => {
  const rows = [
    row('r1', 'A', 'X'),
    row('r1', 'A', 'Y'),
    row('r2', 'A', 'X'),
    row('r3', 'B', 'X'),
    row('r4', 'B', 'Y'),
    row('r5', 'C', 'Z'),
    row('r6', 'A', 'X'),
    row('r6', 'B', 'X'),
  ];

  it('counts N per pair, N_drug, N_event and N_total as distinct reports', () => {
    const c = countRows(rows);
    expect(c.reports).toBe(6);
    expect(byPair(c)).toEqual({ 'A|X': 3, 'A|Y': 1, 'B|X': 2, 'B|Y': 1, 'C|Z': 1 });
    const drugN = Object.fromEntries(c.drugs.map((d, i) => [d, c.drugN[i]]));
    const eventN = Object.fromEntries(c.events.map((e, i) => [e, c.eventN[i]]));
    // A is on r1 (twice: X and Y), r2, r6 → 3 reports, not 4 rows.
    expect(drugN).toEqual({ A: 3, B: 3, C: 1 });
    // X is on r1, r2, r3, r6 (r6 twice: drugs A and B) → 4.
    expect(eventN).toEqual({ X: 4, Y: 2, Z: 1 });
  });

  it('a repeated (report, drug, event) row never counts twice, wherever it appears', () => {
    const dup = [row('r2', 'A', 'X'), ...rows, row('r1', 'A', 'X'), row('r6', 'B', 'X'), row('r2', 'A', 'X')];
    const a = countRows(rows);
    const b = countRows(dup);
    expect(b.reports).toBe(a.reports);
    expect(byPair(b)).toEqual(byPair(a));
    expect(Array.from(b.drugN)).toEqual(Array.from(a.drugN));
    expect(Array.from(b.eventN)).toEqual(Array.from(a.eventN));
  });

  it('takes names exactly (case and spaces matter) and handles no rows', () => {
    const c = countRows([row('1', 'a', 'X'), row('1', 'A', 'X'), row('1', 'A ', 'X')]);
    expect(c.drugs).toEqual(['a', 'A', 'A ']);
    expect(c.reports).toBe(1);
    const empty = countRows([]);
    expect(empty.reports).toBe(0);
    expect(empty.N.length).toBe(0);
  });

  it('keeps 10 000 pairs apart over a 25-million-cell drug × event space (hash table growth)', () => {
    const many = [];
    for (let i = 0; i < 5000; i++) many.push(row(`r${i}`, `D${i}`, `E${i}`), row(`r${i}`, `D${i}`, `E${(i + 1) % 5000}`));
    many.push(row('r0', 'D0', 'E1'));
    const c = countRows(many);
    expect(c.N.length).toBe(10000);
    expect(Math.max(...c.N)).toBe(1);
    expect(c.eventN[c.events.indexOf('E1')]).toBe(2);
  });

  it('counts the same with the direct pair index (small key space) and the hash table (large one)', () => {
    // Seeded rows over 30 drugs × 20 events; declaring 3000 × 2000 codes forces the hash table.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 48271) % 2147483647), Math.floor((seed / 2147483647) * n));
    const length = 4000;
    const report = Int32Array.from({ length }, () => next(500));
    const drug = Int32Array.from({ length }, () => next(30));
    const event = Int32Array.from({ length }, () => next(20));
    const direct = countCoded(report, drug, event, length, 500, 30, 20);
    const hashed = countCoded(report, drug, event, length, 500, 3000, 2000);
    expect(direct.N.length).toBeGreaterThan(300);
    expect(Array.from(hashed.pairDrug)).toEqual(Array.from(direct.pairDrug));
    expect(Array.from(hashed.pairEvent)).toEqual(Array.from(direct.pairEvent));
    expect(Array.from(hashed.N)).toEqual(Array.from(direct.N));
    expect(Array.from(hashed.drugN.slice(0, 30))).toEqual(Array.from(direct.drugN));
    expect(Array.from(hashed.eventN.slice(0, 20))).toEqual(Array.from(direct.eventN));
    expect(hashed.reports).toBe(direct.reports);
    // N summed over pairs = distinct (report, drug, event) triples.
    const triples = new Set(Array.from(report, (r, i) => `${r}|${drug[i]}|${event[i]}`));
    expect(direct.N.reduce((a, b) => a + b, 0)).toBe(triples.size);
  });
});

describe('countsFromTotals', () => {
  it('gives the same counts as countRows when the totals were made elsewhere', () => {
    const rows = [
      { reportId: 'a', drug: 'D1', event: 'E1' },
      { reportId: 'a', drug: 'D1', event: 'E1' },
      { reportId: 'a', drug: 'D2', event: 'E1' },
      { reportId: 'b', drug: 'D1', event: 'E2' },
      { reportId: 'c', drug: 'D2', event: 'E2' },
    ];
    const direct = countRows(rows);
    const pairs = [...direct.N].map((n, i) => ({ drug: direct.drugs[direct.pairDrug[i]], event: direct.events[direct.pairEvent[i]], n }));
    const made = countsFromTotals(
      pairs.reverse(),
      direct.drugs.map((drug, d) => ({ drug, n: direct.drugN[d] })),
      direct.events.map((event, e) => ({ event, n: direct.eventN[e] })),
      direct.reports,
    );
    const byPair = (c: typeof made) =>
      Object.fromEntries(
        [...c.N].map((n, i) => [
          `${c.drugs[c.pairDrug[i]]}/${c.events[c.pairEvent[i]]}`,
          [n, c.drugN[c.pairDrug[i]], c.eventN[c.pairEvent[i]]],
        ]),
      );
    expect(byPair(made)).toEqual(byPair(direct));
    expect(made.reports).toBe(3);
  });
  it('refuses a pair whose drug or event has no total', () => {
    expect(() => countsFromTotals([{ drug: 'D', event: 'E', n: 1 }], [], [{ event: 'E', n: 1 }], 1)).toThrow(/drug D/);
    expect(() => countsFromTotals([{ drug: 'D', event: 'E', n: 1 }], [{ drug: 'D', n: 1 }], [], 1)).toThrow(/event E/);
  });
});
