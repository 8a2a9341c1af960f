// The claims the page tests: Directed-X against X on the same env and config (the directed
// section, which X ignores, aside). Each claim is tested on several measures; every measure's
// verdict follows one rule, stated on the page before the numbers (VERDICT_RULE), from its p-value
// adjusted by Holm-Bonferroni over its experiment's claims (multiplicity.ts).
import { algorithmSpec, isAlgorithmName } from '../meta/algorithms.js';
import { meanOverBudget } from './area.js';
import { estimatorControl } from './control-kind.js';
import type { RunGroup } from './groups.js';
import { type Level, levelsOf } from './levels.js';
import { holmAdjusted } from './multiplicity.js';
import { type Budget, type RunMetrics, fluctuationFrom, levelObservations } from './run-metrics.js';
import { mean, welchTest } from './statistics.js';
import { xAxis } from '../meta/x-axes.js';
import { type Observation, kaplanMeier, logRank, medianTime } from './survival.js';

export type Verdict = 'supported' | 'contradicted' | 'inconclusive' | 'not testable';

export const SIGNIFICANCE = 0.05;

export interface ClaimSpec {
  readonly id: 'C1' | 'C2' | 'C3' | 'C4';
  readonly statement: string;
  /** How each of its measures is computed and tested. */
  readonly rule: string;
}

const WELCH = 'Welch\'s two-sided t-test over seeds (the table shows the 95% interval of mean(directed) - mean(base))';
const LOG_RANK = 'the two-sided log-rank test over the runs, each run an event where it first reached the level or censored at its total';

export const CLAIMS: readonly ClaimSpec[] = [
  {
    id: 'C1',
    statement: 'Directed-X converges faster than X',
    rule: `the meta-iterations to reach each level, by ${LOG_RANK} (directed faster: more directed runs reach it than expected under equal hazards); and the area under the post-adaptation held-out curve against meta-iterations, env steps, gradients + HVPs and CPU seconds, as the mean return over the budget (from 0 to the smallest total of any run of the two groups on that axis; the first evaluation's return held back to 0, the curve interpolated at the budget), higher for directed, by ${WELCH}`,
  },
  {
    id: 'C2',
    statement: 'Directed-X ends with a higher post-adaptation held-out return than X',
    rule: `eval.json's post-adaptation held-out return, higher for directed, by ${WELCH}`,
  },
  {
    id: 'C3',
    statement: 'Directed-X fluctuates less after convergence than X',
    rule: `at each level, the standard deviation of the post-adaptation held-out return over the evaluations from the one that first reached the level on, lower for directed, by ${WELCH}; a run that never reached the level, or has fewer than two evaluations from there, is left out of it and counted as left out`,
  },
  {
    id: 'C4',
    statement: 'Directed-X needs less compute than X to reach the same level',
    rule: `at each level, the CPU seconds, env steps and gradients + HVPs to reach it, by ${LOG_RANK} (directed cheaper: more directed runs reach it than expected); and the mean CPU seconds per iteration over the first H iterations (H the fewest iterations of any run of the two groups), lower for directed, by ${WELCH}; CPU time is the run's own thread's (and its task workers'), and runs whose logs carry none make the CPU measures not testable`,
  },
];

export const VERDICT_RULE = `Every measure's p-value is adjusted by Holm-Bonferroni over all the measures of its experiment's claims table that have one (the i-th smallest of m multiplied by m - i + 1, capped at 1, made non-decreasing). The verdict comes from the adjusted value: supported if it is below ${SIGNIFICANCE} and the difference goes the way the claim says, contradicted if below ${SIGNIFICANCE} the other way, inconclusive otherwise; "not testable" (with the reason) when the test cannot be made: no run of either side reached the level, fewer than two values a side for a t-test, or no CPU time in the logs`;

export interface ClaimResult {
  readonly claim: ClaimSpec;
  /** What was compared: "iterations to level", "mean return over env steps". */
  readonly measure: string;
  readonly level: Level | null;
  readonly env: string;
  readonly variant: string;
  readonly base: string;
  /** The variant of the base runs: another than `variant` when that variant ran only Directed-X. */
  readonly baseVariant: string;
  readonly baseSummary: string;
  readonly directedSummary: string;
  /** The test's figures: the interval of the difference, or observed / expected events. */
  readonly effect: string;
  readonly p: number | null;
  /** Holm-adjusted over the experiment's claims; null with p. */
  readonly adjusted: number | null;
  readonly verdict: Verdict;
  /** Why not testable. */
  readonly reason: string | null;
}

/** A measure's result before the experiment-wide adjustment: the sign says which way directed went. */
type Tested = Omit<ClaimResult, 'adjusted' | 'verdict'> & { readonly directedLower: boolean | null; readonly predictsLower: boolean };

/** Whether a logged algorithm name is a Directed-X (the report reads names from grid.json as they are: unknown ones are not). */
export const isDirectedName = (algo: string): boolean => isAlgorithmName(algo) && algorithmSpec(algo).directed;

/** X of Directed-X, and X itself. */
export const baseName = (algo: string): string => (isAlgorithmName(algo) ? algorithmSpec(algo).base : algo);

/**
 * The X group of a Directed-X group: on the same env, with the same config apart from algo, seed
 * and the directed section; the one of the same variant if it matches, else the first in `groups`.
 */
export function baseGroup(directed: RunGroup, groups: readonly RunGroup[]): RunGroup | undefined {
  const algo = baseName(directed.algo);
  const matching = groups.filter((g) => g.env === directed.env && g.algo === algo && g.configKey === directed.configKey);
  return matching.find((g) => g.variant === directed.variant) ?? matching[0];
}

const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
export const levelName = (l: Level): string => `${l.kind === 'threshold' ? 'threshold' : 'relative'} ${fixed(l.value, 2)}`;
const NO_CPU = 'the logs carry no CPU time';

/** Each run's final value on a budget axis (its totals); null for CPU seconds when a log has none. */
const totalOn = (m: RunMetrics, axis: Budget): number | null => m.curve[m.curve.length - 1][axis];
const hasAxis = (runs: readonly RunMetrics[], axis: Budget): boolean => runs.every((m) => totalOn(m, axis) !== null);

function survivalSummary(obs: readonly Observation[], digits: number): string {
  const median = medianTime(kaplanMeier(obs));
  return `${obs.filter((o) => o.event).length}/${obs.length} reached, median ${median === null ? 'not reached' : fixed(median, digits)}`;
}

interface Pair {
  readonly directed: RunGroup;
  readonly base: RunGroup;
}

type Common = Pick<Tested, 'env' | 'variant' | 'base' | 'baseVariant'>;

function timeToLevel(pair: Pair, common: Common, claim: ClaimSpec, level: Level, axis: Budget, measure: string, digits: number): Tested {
  const out = { ...common, claim, measure, level, predictsLower: true };
  const d = levelObservations(pair.directed.runs, level.value, axis);
  const b = levelObservations(pair.base.runs, level.value, axis);
  if (d === null || b === null) return { ...out, baseSummary: 'n/a', directedSummary: 'n/a', effect: 'n/a', p: null, directedLower: null, reason: NO_CPU };
  const test = logRank(d, b);
  const summaries = { baseSummary: survivalSummary(b, digits), directedSummary: survivalSummary(d, digits) };
  if (test === null) return { ...out, ...summaries, effect: 'n/a', p: null, directedLower: null, reason: 'no run of either side reached the level' };
  const effect = `O ${test.observedA} / E ${fixed(test.expectedA, 2)}, χ² ${fixed(test.chiSquare, 2)}`;
  return { ...out, ...summaries, effect, p: test.p, directedLower: test.observedA > test.expectedA, reason: null };
}

function welchMeasure(common: Common, claim: ClaimSpec, measure: string, level: Level | null, d: readonly number[], b: readonly number[], predictsLower: boolean, digits: number, note = (_side: 'd' | 'b') => ''): Tested {
  const test = welchTest(d, b);
  const summary = (v: readonly number[], side: 'd' | 'b'): string => (v.length === 0 ? 'n/a' : `${fixed(mean(v), digits)} (n ${v.length}${note(side)})`);
  const out = { ...common, claim, measure, level, predictsLower, baseSummary: summary(b, 'b'), directedSummary: summary(d, 'd') };
  if (test === null) return { ...out, effect: 'n/a', p: null, directedLower: null, reason: 'fewer than two values a side' };
  return { ...out, effect: `${fixed(test.difference, digits)} [${fixed(test.low, digits)}, ${fixed(test.high, digits)}]`, p: test.p, directedLower: test.difference < 0 ? true : test.difference > 0 ? false : null, reason: null };
}

const AUC_AXES: readonly { readonly axis: Budget; readonly label: string }[] = [
  { axis: 'iteration', label: xAxis('iteration').label },
  { axis: 'envSteps', label: xAxis('envSteps').label },
  { axis: 'derivatives', label: 'gradients + HVPs' },
  { axis: 'cpuSeconds', label: 'CPU seconds' },
];

function areaMeasure(pair: Pair, common: Common, axis: Budget, label: string): Tested {
  const claim = CLAIMS[0];
  const measure = `mean return over ${label}`;
  const runs = [...pair.directed.runs, ...pair.base.runs];
  if (!hasAxis(runs, axis)) return { ...common, claim, measure, level: null, predictsLower: false, baseSummary: 'n/a', directedSummary: 'n/a', effect: 'n/a', p: null, directedLower: null, reason: NO_CPU };
  const budget = Math.min(...runs.map((m) => totalOn(m, axis) as number));
  if (!(budget > 0)) return { ...common, claim, measure, level: null, predictsLower: false, baseSummary: 'n/a', directedSummary: 'n/a', effect: 'n/a', p: null, directedLower: null, reason: `a run's total ${label} is 0` };
  const areas = (g: RunGroup): number[] => g.runs.map((m) => meanOverBudget(m.curve.map((p) => [p[axis] as number, p.after] as const), budget));
  return welchMeasure(common, claim, measure, null, areas(pair.directed), areas(pair.base), false, 2);
}

function fluctuationMeasure(pair: Pair, common: Common, level: Level): Tested {
  const values = (g: RunGroup): number[] => g.runs.map((m) => fluctuationFrom(m.curve, level.value)).filter((v) => !Number.isNaN(v));
  const [d, b] = [values(pair.directed), values(pair.base)];
  const left = { d: pair.directed.runs.length - d.length, b: pair.base.runs.length - b.length };
  return welchMeasure(common, CLAIMS[2], 'fluctuation from the level on', level, d, b, true, 2, (side) => (left[side] === 0 ? '' : `, ${left[side]} left out`));
}

function cpuPerIteration(pair: Pair, common: Common): Tested {
  const claim = CLAIMS[3];
  const runs = [...pair.directed.runs, ...pair.base.runs];
  const horizon = Math.min(...runs.map((m) => m.iterations));
  const measure = `CPU seconds per iteration over the first ${horizon}`;
  if (!runs.every((m) => m.cpuPerIteration !== null)) return { ...common, claim, measure, level: null, predictsLower: true, baseSummary: 'n/a', directedSummary: 'n/a', effect: 'n/a', p: null, directedLower: null, reason: NO_CPU };
  const per = (g: RunGroup): number[] => g.runs.map((m) => mean((m.cpuPerIteration as readonly number[]).slice(0, horizon)));
  return welchMeasure(common, claim, measure, null, per(pair.directed), per(pair.base), true, 4);
}

/** Every measure of every claim for one directed group and its base, before the adjustment. */
function pairMeasures(pair: Pair, levels: readonly Level[]): Tested[] {
  const { directed, base } = pair;
  const common: Common = { env: directed.env, variant: directed.variant, base: base.algo, baseVariant: base.variant };
  const [c1, c2, , c4] = CLAIMS;
  const final = (g: RunGroup): number[] => g.runs.map((m) => m.finalAfter);
  return [
    ...levels.map((l) => timeToLevel(pair, common, c1, l, 'iteration', 'iterations to level', 1)),
    ...AUC_AXES.map((a) => areaMeasure(pair, common, a.axis, a.label)),
    welchMeasure(common, c2, 'final return', null, final(directed), final(base), false, 2),
    ...levels.map((l) => fluctuationMeasure(pair, common, l)),
    ...levels.flatMap((l) => [
      timeToLevel(pair, common, c4, l, 'cpuSeconds', 'CPU seconds to level', 3),
      timeToLevel(pair, common, c4, l, 'envSteps', 'env steps to level', 0),
      timeToLevel(pair, common, c4, l, 'derivatives', 'gradients + HVPs to level', 0),
    ]),
    cpuPerIteration(pair, common),
  ];
}

function verdictOf(t: Tested, adjusted: number | null): Verdict {
  if (adjusted === null) return 'not testable';
  if (!(adjusted < SIGNIFICANCE) || t.directedLower === null) return 'inconclusive';
  return t.directedLower === t.predictsLower ? 'supported' : 'contradicted';
}

/** A Directed-X group the claims are about: a directed algorithm whose estimator is not one of the controls'. */
export const isClaimGroup = (g: RunGroup): boolean => isDirectedName(g.algo) && estimatorControl(g) === null;

/**
 * Every claim on every Directed-X group that has an X group of the same config (groups of one
 * experiment), Holm-adjusted together; the random-task and pooled-step controls are not Directed-X
 * (they would count as comparisons of their own and widen the Holm family).
 */
export function evaluateClaims(groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): ClaimResult[] {
  const all = groups.flatMap((g) => g.runs);
  const tested: Tested[] = [];
  for (const directed of groups.filter(isClaimGroup)) {
    const base = baseGroup(directed, groups);
    if (base === undefined) continue;
    tested.push(...pairMeasures({ directed, base }, levelsOf(directed.env, all, thresholdFor)));
  }
  const withP = tested.filter((t) => t.p !== null);
  const adjusted = holmAdjusted(withP.map((t) => t.p as number));
  const adjustedOf = new Map<Tested, number>(withP.map((t, i) => [t, adjusted[i]]));
  return tested.map((t) => {
    const { directedLower: _lower, predictsLower: _predicts, ...result } = t;
    const a = adjustedOf.get(t) ?? null;
    return { ...result, adjusted: a, verdict: verdictOf(t, a) };
  });
}
