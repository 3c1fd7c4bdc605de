import { describe, expect, it } from 'vitest';
import { MEASURES } from '../contracts/measures.js';
import { pointOf } from './core/extensions.js';
import { registry } from './modules/index.js';

/** The measure catalogue and its implementations agree: every key implemented once, with a definition and a drill-down. */
describe('report measures', () => {
  const measures = pointOf(registry(), 'measures');
  it('implements every catalogue key, and nothing else', () => {
    expect(measures.map((m) => m.key).sort()).toEqual(Object.keys(MEASURES).sort());
  });
  it('gives each a definition sentence, the catalogue label and unit, and a drill-down', () => {
    for (const m of measures) {
      expect(m.definition.length, m.key).toBeGreaterThan(20);
      expect(m.label).toBe(MEASURES[m.key].label);
      expect(m.unit).toBe(MEASURES[m.key].unit);
      expect(typeof m.drill).toBe('function');
    }
  });
  it('keeps summaries only of measures that say what their plain SQL is', () => {
    for (const src of pointOf(registry(), 'measureSummaries'))
      for (const key of Object.keys(src.measures)) expect(measures.find((m) => m.key === key)?.plain, key).toBeTypeOf('function');
  });
});
