import type { Db } from '../db/client.js';

/**
 * Deterministic interleaving of two requests, for race tests that must also run on PGlite.
 *
 * PGlite is one connection: transactions run one after the other, so two requests sent "at once"
 * rarely interleave the way two PostgreSQL connections do, and a missing re-check inside the
 * transaction goes unnoticed. This wrapper around the real database lets a test stop a request
 * right before it opens its transaction (after everything it read and checked outside it), run a
 * second request to the end, and then let the first go on. That is the interleaving a race
 * produces on PostgreSQL: the first request's outside checks are stale when its transaction runs,
 * so only a check inside the transaction can refuse it. Nothing is faked: the same queries run on
 * the same database, only later.
 */
export interface Interleaver {
  /** Give this to createTestApp({ wrapDb }). */
  wrap(db: Db): Db;
  /**
   * The next `db.transaction(...)` call waits. `reached` resolves when a request gets there;
   * `release()` lets it go on.
   */
  holdNextTransaction(): { reached: Promise<void>; release(): void };
}

export function interleaver(): Interleaver {
  let held: { arrive: () => void; gate: Promise<void> } | null = null;
  return {
    wrap(db) {
      return new Proxy(db, {
        get(target, prop) {
          if (prop === 'transaction') {
            return async (...args: Parameters<Db['transaction']>) => {
              const h = held;
              if (h) {
                held = null;
                h.arrive();
                await h.gate;
              }
              return target.transaction(...args);
            };
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    holdNextTransaction() {
      let arrive!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((r) => (arrive = r));
      const gate = new Promise<void>((r) => (release = r));
      held = { arrive, gate };
      return { reached, release };
    },
  };
}
