import os from 'node:os';
import type { Database } from '../src/db/client.js';

/**
 * Benchmark harness. A suite is `bench/suites/<name>.ts` exporting `default: BenchSuite`.
 * Figures are printed with the machine and data size; nothing here passes or fails on time.
 */
export interface BenchEnv {
  database: Database;
  /** 'pglite' or 'postgres' */
  kind: Database['kind'];
  /** Seed for every random choice, so data is reproducible. */
  seed: number;
  /** 'province' (full scale) or 'small' (quick check of the harness). */
  scale: 'province' | 'small';
  figure(name: string, value: number, unit: string, note?: string): void;
  /** Shared state between suites of one run (e.g. the generated province). */
  shared: Record<string, unknown>;
}

export interface BenchSuite {
  name: string;
  /** Suites that must run first (their shared state is needed). */
  after?: string[];
  run(env: BenchEnv): Promise<void>;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Run fn `n` times (after `warmup` runs) and return the latency distribution in ms. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return { n, p50: pct(50), p95: pct(95), max: ms[ms.length - 1] };
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}
