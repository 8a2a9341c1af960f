// Time to reach a level when some runs never reach it: each run is an observation at the time it
// reached the level (an event) or at the end of its budget (censored: it would have needed at
// least that much). The Kaplan-Meier estimate and the log-rank test use every run that way, so a
// run that never gets there counts as the lower bound it is, not as a made-up time.
import { chiSquare1Upper } from './distributions.js';

export interface Observation {
  readonly time: number;
  /** True: reached at `time`; false: censored at `time`. */
  readonly event: boolean;
}

export interface SurvivalStep {
  readonly time: number;
  /** Observations with time >= this time. */
  readonly atRisk: number;
  readonly events: number;
  /** The estimated fraction not yet at the level just after `time`. */
  readonly survival: number;
}

/** The Kaplan-Meier estimate: one step per distinct event time, in order (a censoring at an event's time is still at risk then). */
export function kaplanMeier(observations: readonly Observation[]): SurvivalStep[] {
  const times = [...new Set(observations.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  const steps: SurvivalStep[] = [];
  let survival = 1;
  for (const time of times) {
    const atRisk = observations.filter((o) => o.time >= time).length;
    const events = observations.filter((o) => o.event && o.time === time).length;
    survival *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, survival });
  }
  return steps;
}

/** The first time the estimate is at or below one half; null when it never gets there. */
export function medianTime(steps: readonly SurvivalStep[]): number | null {
  return steps.find((s) => s.survival <= 0.5)?.time ?? null;
}

export interface LogRank {
  /** Events observed in group a, and expected there were both groups' hazards equal. */
  readonly observedA: number;
  readonly expectedA: number;
  readonly variance: number;
  readonly chiSquare: number;
  /** Two-sided, chi-square with one degree of freedom. */
  readonly p: number;
}

/** The log-rank test of a against b; null when no run of either reached the level (nothing to compare: not testable). */
export function logRank(a: readonly Observation[], b: readonly Observation[]): LogRank | null {
  const all = [...a, ...b];
  const times = [...new Set(all.filter((o) => o.event).map((o) => o.time))].sort((x, y) => x - y);
  if (times.length === 0) return null;
  let observedA = 0;
  let expectedA = 0;
  let variance = 0;
  for (const time of times) {
    const na = a.filter((o) => o.time >= time).length;
    const n = all.filter((o) => o.time >= time).length;
    const da = a.filter((o) => o.event && o.time === time).length;
    const d = all.filter((o) => o.event && o.time === time).length;
    observedA += da;
    expectedA += (d * na) / n;
    if (n > 1) variance += (d * (na / n) * (1 - na / n) * (n - d)) / (n - 1);
  }
  const chiSquare = variance === 0 ? 0 : (observedA - expectedA) ** 2 / variance;
  return { observedA, expectedA, variance, chiSquare, p: variance === 0 ? 1 : chiSquare1Upper(chiSquare) };
}
