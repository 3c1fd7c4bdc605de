import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { adrSignalPriors } from '../../../db/schema/index.js';
import { fitFor, type CountedSignals, type Hyperparameters } from './signals/compute.js';
import { priorKey } from './signals/prior.js';

export interface StoredPrior {
  hyper: Hyperparameters;
  fittedAt: Date;
  /** Whether the fit was read from an earlier request (true) or made by this one. */
  reused: boolean;
  fitMs: number;
}

/**
 * The EBGM prior for a set of counted reports: the stored fit when the same points were fitted before
 * (same key: priorKey), else fitted now and stored for the next request. A fit that failed (no pairs,
 * non-finite values) is returned but not stored. Two requests fitting the same points at once both fit
 * and the second insert is a no-op: the fits are equal by construction.
 */
export async function priorFor(db: DbOrTx, counted: CountedSignals): Promise<StoredPrior> {
  const key = priorKey(counted.pts);
  const [row] = await db.select().from(adrSignalPriors).where(eq(adrSignalPriors.pointsKey, key));
  if (row) {
    const { alpha1, beta1, alpha2, beta2, p: P, logLik, converged, starts } = row;
    return {
      hyper: { alpha1, beta1, alpha2, beta2, P, logLik, converged, starts },
      fittedAt: row.fittedAt,
      reused: true,
      fitMs: row.fitMs,
    };
  }
  const t0 = performance.now();
  const hyper = fitFor(counted);
  const fitMs = Math.round(performance.now() - t0);
  const fittedAt = new Date();
  const values = [hyper.alpha1, hyper.beta1, hyper.alpha2, hyper.beta2, hyper.P, hyper.logLik];
  if (values.every(Number.isFinite)) {
    await db
      .insert(adrSignalPriors)
      .values({
        pointsKey: key,
        alpha1: hyper.alpha1,
        beta1: hyper.beta1,
        alpha2: hyper.alpha2,
        beta2: hyper.beta2,
        p: hyper.P,
        logLik: hyper.logLik,
        converged: hyper.converged,
        starts: hyper.starts,
        points: counted.pts.n.length,
        fitMs,
        fittedAt,
      })
      .onConflictDoNothing();
  }
  return { hyper, fittedAt, reused: false, fitMs };
}
