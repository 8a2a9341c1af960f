// The directed step's mechanism over training (the `mechanism` lines of directed.logMechanism):
// per group, the distribution of each logged cosine over every iteration of every run, and one
// test per question with the run as the unit (a run's iterations are not independent draws).
import { SIGNIFICANCE, type Verdict } from './claims.js';
import type { RunGroup } from './groups.js';
import { holmAdjusted } from './multiplicity.js';
import { type OneSampleTest, mean, oneSampleTest, quantile } from './statistics.js';

export type CosineKey = 'cosHessianTerm' | 'cosCombined' | 'cosFirstOrder';

export interface CosineSpec {
  readonly key: CosineKey;
  readonly label: string;
  /** What its test asks; null for the reference, which is not tested. */
  readonly question: string | null;
}

export const COSINES: readonly CosineSpec[] = [
  { key: 'cosHessianTerm', label: 'cos(directed, MAML - FOMAML)', question: 'the directed gradient points along the exact second-order part of the meta-gradient: each run\'s mean cosine over its iterations, above 0' },
  { key: 'cosCombined', label: 'cos(FOMAML + directed, MAML)', question: 'FOMAML plus the directed gradient is closer to MAML\'s than FOMAML alone: each run\'s mean over its iterations of cos(FOMAML + directed, MAML) - cos(FOMAML, MAML), above 0' },
  { key: 'cosFirstOrder', label: 'cos(FOMAML, MAML)', question: null },
];

export const QUANTILES: readonly number[] = [0.1, 0.25, 0.5, 0.75, 0.9];

export const MECHANISM_RULE = 'The distribution is over every logged iteration of every run of the group: quantiles by linear interpolation between order statistics, and the fraction of values above 0; a null cosine (a zero vector) is left out and counted. '
  + 'Each test takes the run as its unit, since a run\'s iterations are not independent draws: Student\'s one-sample two-sided t-test over runs of the per-run value it names, against 0 (the interval is the 95% interval of its mean); '
  + `the p-values of the experiment's mechanism tests are Holm-adjusted together. Supported if the adjusted p is below ${SIGNIFICANCE} and the mean is above 0, contradicted if below and the mean is below 0, inconclusive otherwise; not testable with fewer than two runs. cos(FOMAML, MAML) is the reference and is not tested`;

export interface MechanismRow {
  readonly group: RunGroup;
  readonly cosine: CosineSpec;
  /** Runs of the group whose log has mechanism lines. */
  readonly runs: number;
  /** Logged values, and nulls left out. */
  readonly values: number;
  readonly nulls: number;
  /** At QUANTILES. */
  readonly quantiles: readonly number[];
  readonly fractionAbove: number;
  readonly test: OneSampleTest | null;
  readonly adjusted: number | null;
  readonly verdict: Verdict | null;
}

/** A run's logged cosines, in iteration order, null ones included. */
function cosines(run: RunGroup['runs'][number], key: CosineKey): { iteration: number; value: number | null }[] {
  return run.run.log.flatMap((r) => (r.mechanism === undefined ? [] : [{ iteration: r.iteration, value: r.mechanism[key] }]));
}

/** Per run, the value its test is over; NaN for a run with none. */
function perRun(run: RunGroup['runs'][number], key: CosineKey): number {
  if (key === 'cosHessianTerm') {
    const v = cosines(run, key).flatMap((c) => (c.value === null ? [] : [c.value]));
    return v.length === 0 ? NaN : mean(v);
  }
  const gains = run.run.log.flatMap((r) => (r.mechanism === undefined || r.mechanism.cosCombined === null || r.mechanism.cosFirstOrder === null ? [] : [r.mechanism.cosCombined - r.mechanism.cosFirstOrder]));
  return gains.length === 0 ? NaN : mean(gains);
}

const hasMechanism = (g: RunGroup): boolean => g.runs.some((m) => m.run.log.some((r) => r.mechanism !== undefined));

function verdictOf(test: OneSampleTest, adjusted: number): Verdict {
  if (!(adjusted < SIGNIFICANCE) || test.mean === 0) return 'inconclusive';
  return test.mean > 0 ? 'supported' : 'contradicted';
}

/** Rows for every group with mechanism lines, each cosine of COSINES, in the order of `groups`. */
export function mechanismRows(groups: readonly RunGroup[]): MechanismRow[] {
  const drafts = groups.filter(hasMechanism).flatMap((group) => {
    const logged = group.runs.filter((m) => m.run.log.some((r) => r.mechanism !== undefined));
    return COSINES.map((cosine) => {
      const all = logged.flatMap((m) => cosines(m, cosine.key));
      const values = all.flatMap((c) => (c.value === null ? [] : [c.value]));
      const unit = logged.map((m) => perRun(m, cosine.key)).filter((v) => !Number.isNaN(v));
      return {
        group, cosine, runs: logged.length, values: values.length, nulls: all.length - values.length,
        quantiles: QUANTILES.map((q) => quantile(values, q)),
        fractionAbove: values.length === 0 ? NaN : values.filter((v) => v > 0).length / values.length,
        test: cosine.question === null ? null : oneSampleTest(unit),
      };
    });
  });
  const tested = drafts.filter((d) => d.test !== null);
  const adjusted = holmAdjusted(tested.map((d) => (d.test as OneSampleTest).p));
  const adjustedOf = new Map(tested.map((d, i) => [d, adjusted[i]]));
  return drafts.map((d) => {
    const a = adjustedOf.get(d) ?? null;
    const verdict: Verdict | null = d.cosine.question === null ? null : d.test === null || a === null ? 'not testable' : verdictOf(d.test, a);
    return { ...d, adjusted: a, verdict };
  });
}

/** A cosine in blocks of `block` iterations (1..block, block + 1..2 block, ...): each block's first iteration and each run's mean over it (null cosines left out). */
export function blockMeans(group: RunGroup, key: CosineKey, block: number): { start: number; values: number[] }[] {
  const byBlock = new Map<number, Map<number, number[]>>();
  group.runs.forEach((m, runIndex) => {
    for (const c of cosines(m, key)) {
      if (c.value === null) continue;
      const b = Math.floor((c.iteration - 1) / block);
      const runs = byBlock.get(b) ?? new Map<number, number[]>();
      byBlock.set(b, runs);
      const v = runs.get(runIndex) ?? [];
      runs.set(runIndex, v);
      v.push(c.value);
    }
  });
  return [...byBlock.entries()].sort((x, y) => x[0] - y[0]).map(([b, runs]) => ({ start: b * block + 1, values: [...runs.values()].map(mean) }));
}
