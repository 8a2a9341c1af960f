// One experiment folder's share of the results page: its runs' metrics, their seed groups, the
// claims paired within it and its figures.
import { type ClaimResult, evaluateClaims } from './claims.js';
import { type Figure, reportFigures } from './figures.js';
import { type RunGroup, groupRuns } from './groups.js';
import type { ReportInput } from './input.js';
import { type RunMetrics, runMetrics } from './run-metrics.js';

export interface ExperimentReport {
  readonly input: ReportInput;
  /** In the order of input.runs: env, variant, algo, seed. */
  readonly runs: readonly RunMetrics[];
  readonly groups: readonly RunGroup[];
  readonly claims: readonly ClaimResult[];
  readonly figures: readonly Figure[];
  /** Some planned runs have not finished: the claims are over part of the grid. */
  readonly partial: boolean;
}

export function experimentReport(input: ReportInput, thresholdFor: (env: string) => number | null): ExperimentReport {
  const runs = input.runs.map((run) => runMetrics(run, thresholdFor(run.env)));
  const groups = groupRuns(runs);
  return { input, runs, groups, claims: evaluateClaims(groups, thresholdFor), figures: reportFigures(input.name, groups, thresholdFor), partial: input.unfinished.length > 0 };
}
