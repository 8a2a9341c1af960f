// The levels a run's time to converge is measured at: its env's fixed threshold (set before any
// run, thresholds.ts in the CLI), and one relative to the experiment's own results, for envs whose
// fixed threshold no run reaches: within 10% of the best final post-adaptation held-out return of
// any run of the env in the experiment, best - 0.1 |best| (90% of the best when it is positive).
import type { RunMetrics } from './run-metrics.js';

export const RELATIVE_LEVEL_RULE = 'within 10% of the best final post-adaptation held-out return of any run of the env in the experiment, best - 0.1 |best| (90% of the best when it is positive), so that a fixed threshold no run reaches still leaves a level to compare';

export interface Level {
  readonly kind: 'threshold' | 'relative';
  readonly value: number;
}

/** The relative level of an env from its runs' final returns. */
export function relativeLevel(runs: readonly RunMetrics[]): number {
  const best = Math.max(...runs.map((m) => m.finalAfter));
  return best - 0.1 * Math.abs(best);
}

/** An env's levels: its threshold when it has one, then the relative level. */
export function levelsOf(env: string, runs: readonly RunMetrics[], thresholdFor: (env: string) => number | null): Level[] {
  const threshold = thresholdFor(env);
  const relative: Level = { kind: 'relative', value: relativeLevel(runs.filter((m) => m.run.env === env)) };
  return threshold === null ? [relative] : [{ kind: 'threshold', value: threshold }, relative];
}
