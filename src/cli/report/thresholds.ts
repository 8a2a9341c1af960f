// Held-out return thresholds, fixed per env family before any run: "converged" means the first
// held-out evaluation whose post-adaptation mean return reaches it.

/** 90% of the oracle driver's mean return, 15.16 over the default family (README, "The intersection"). */
const INTERSECTION_ORACLE_RETURN = 15.16;

/** The threshold for an env family, or null for families without one. */
export function thresholdFor(env: string): number | null {
  if (env === 'cartpole') return 475;
  if (env.startsWith('lunarlander')) return 200;
  if (env === 'intersection') return 0.9 * INTERSECTION_ORACLE_RETURN;
  return null;
}
