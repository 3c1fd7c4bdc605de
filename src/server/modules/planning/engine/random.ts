import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { isHighRisk } from './selector.js';
import type { PlannerEntity, Weights } from './types.js';

/**
 * Seeded randomness. Every draw takes its own generator derived from the plan seed and a stable
 * key (station, class of units), so a plan is reproducible from its recorded seed and a change in
 * one station does not reshuffle the others.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function rngFor(seed: number, key: string): RandomGenerator {
  return xoroshiro128plus(hash32(`${seed}:${key}`));
}

/** Uniform in (0, 1), from one 32-bit draw (enough resolution for draws among units). */
export const random = (rng: RandomGenerator) => ((rng.next() >>> 0) + 0.5) / 4294967296;

export const DEFAULT_WEIGHTS: Weights = { highRisk: 3, repeatOffender: 2, keyArea: 1, keyObject: 1 };

const KEY_OBJECT_KINDS = new Set(['online_seller', 'online_platform', 'clinic', 'medical_aesthetics']);

/** Why a unit weighs more in the draw. */
export function reasonsOf(e: PlannerEntity): string[] {
  const r: string[] = [];
  if (isHighRisk(e)) r.push('high_risk');
  if (e.tags.includes('repeat_offender')) r.push('repeat_offender');
  if (e.tags.some((t) => t.startsWith('key_area_'))) r.push('key_area');
  if (KEY_OBJECT_KINDS.has(e.kind) || e.tags.includes('online')) r.push('key_object');
  return r;
}

export function weightOf(e: PlannerEntity, w: Weights): number {
  let x = 1;
  for (const r of reasonsOf(e)) {
    if (r === 'high_risk') x += w.highRisk;
    else if (r === 'repeat_offender') x += w.repeatOffender;
    else if (r === 'key_area') x += w.keyArea;
    else x += w.keyObject;
  }
  return x;
}

/**
 * Weighted random order without replacement (Efraimidis–Spirakis): each item gets key u^(1/w);
 * the first k of the order are a weighted sample of size k. Items must come in a stable order.
 */
export function weightedOrder<T>(items: T[], weight: (t: T) => number, rng: RandomGenerator): T[] {
  const keys = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) keys[i] = Math.log(1 - random(rng)) / Math.max(weight(items[i]), 1e-9);
  const idx = Array.from({ length: items.length }, (_, i) => i);
  idx.sort((a, b) => keys[b] - keys[a] || a - b);
  return idx.map((i) => items[i]);
}

/** Fisher–Yates shuffle, seeded. */
export function shuffle<T>(items: T[], rng: RandomGenerator): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random(rng) * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
