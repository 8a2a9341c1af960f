// Runs that differ only by seed, gathered for the across-seed figures and the claims.
import { pairingKey } from './config-key.js';
import type { RunMetrics } from './run-metrics.js';

export interface RunGroup {
  readonly env: string;
  readonly variant: string;
  readonly algo: string;
  /** The first run's pairingKey: a group's configs differ only by seed. */
  readonly configKey: string;
  /** Sorted by seed. */
  readonly runs: readonly RunMetrics[];
}

/** Groups in the order of `runs`, which is already sorted by env, variant, algo, seed. */
export function groupRuns(runs: readonly RunMetrics[]): RunGroup[] {
  const groups: { env: string; variant: string; algo: string; configKey: string; runs: RunMetrics[] }[] = [];
  for (const m of runs) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.env === m.run.env && last.variant === m.run.variant && last.algo === m.run.algo) last.runs.push(m);
    else groups.push({ env: m.run.env, variant: m.run.variant, algo: m.run.algo, configKey: pairingKey(m.run.config), runs: [m] });
  }
  return groups;
}
