// One experiment folder's share of the results page: its runs' metrics, their seed groups, the
// claims paired within it, the adaptation evaluation, the controls, the mechanism and its figures.
import { type GroupAdaptation, adaptationOf } from './adaptation.js';
import { adaptationFigures } from './adaptation-figures.js';
import { type ClaimResult, evaluateClaims } from './claims.js';
import { type ControlsTable, controlsTables } from './controls.js';
import { type Figure, reportFigures } from './figures.js';
import { type RunGroup, groupRuns } from './groups.js';
import type { ReportInput } from './input.js';
import { type MechanismRow, mechanismRows } from './mechanism-distribution.js';
import { mechanismFigures } from './mechanism-figures.js';
import { type RunMetrics, runMetrics } from './run-metrics.js';

export interface ExperimentReport {
  readonly input: ReportInput;
  /** In the order of input.runs: env, variant, algo, seed. */
  readonly runs: readonly RunMetrics[];
  readonly groups: readonly RunGroup[];
  readonly claims: readonly ClaimResult[];
  /** The groups whose eval.json has adaptation, in the order of groups. */
  readonly adaptation: readonly GroupAdaptation[];
  readonly controls: readonly ControlsTable[];
  readonly mechanism: readonly MechanismRow[];
  readonly figures: readonly Figure[];
  /** Some planned runs have not finished: the claims are over part of the grid. */
  readonly partial: boolean;
}

export function experimentReport(input: ReportInput, thresholdFor: (env: string) => number | null): ExperimentReport {
  const runs = input.runs.map((run) => runMetrics(run, thresholdFor(run.env)));
  const groups = groupRuns(runs);
  const adaptation = adaptationOf(groups);
  const mechanism = mechanismRows(groups);
  const figures = [...reportFigures(input.name, groups, thresholdFor), ...adaptationFigures(input.name, adaptation), ...mechanismFigures(input.name, mechanism)];
  return { input, runs, groups, claims: evaluateClaims(groups, thresholdFor), adaptation, controls: controlsTables(groups), mechanism, figures, partial: input.unfinished.length > 0 };
}
