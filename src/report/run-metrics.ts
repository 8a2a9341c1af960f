// The figures of one run, from its log and final evaluation alone.
import type { IterationLog } from '../meta/trainer.js';
import type { RunInput } from './input.js';
import { mean, sampleVariance } from './statistics.js';

/** A held-out evaluation: after `iteration` meta-iterations, with the totals spent up to then. */
export interface HeldOutPoint {
  readonly iteration: number;
  readonly seconds: number;
  readonly envSteps: number;
  /** Gradient evaluations plus Hessian-vector products. */
  readonly derivatives: number;
  readonly before: number;
  readonly after: number;
}

/** Where a run first reached its env's threshold. */
export type Convergence = HeldOutPoint | null;

export interface RunMetrics {
  readonly run: RunInput;
  readonly iterations: number;
  /** Held-out evaluations in order; the last is eval.json at the last iteration. */
  readonly curve: readonly HeldOutPoint[];
  /** eval.json: before adaptation, after the last inner step, and their difference. */
  readonly finalBefore: number;
  readonly finalAfter: number;
  readonly gain: number;
  /** null when the run never reached the threshold (or its env has none). */
  readonly convergence: Convergence;
  /** Standard deviation of the post-adaptation held-out return over the last quarter of iterations; NaN with fewer than two evaluations there. */
  readonly fluctuation: number;
  /** Mean seconds per iteration of each part. */
  readonly cost: { readonly sampling: number; readonly gradients: number; readonly hvp: number; readonly directed: number; readonly trpo: number; readonly total: number };
}

function point(record: IterationLog, returns: readonly number[]): HeldOutPoint {
  return {
    iteration: record.iteration,
    seconds: record.totals.seconds,
    envSteps: record.totals.envSteps,
    derivatives: record.totals.gradientEvaluations + record.totals.hvps,
    before: returns[0],
    after: returns[returns.length - 1],
  };
}

/** The held-out curve: every logged evaluation, and eval.json in place of one at the last iteration. */
function heldOutCurve(run: RunInput): HeldOutPoint[] {
  const last = run.log[run.log.length - 1];
  const curve = run.log.filter((r) => r.heldOut !== undefined && r !== last).map((r) => point(r, (r.heldOut as NonNullable<IterationLog['heldOut']>).returns));
  curve.push(point(last, run.finalReturns));
  return curve;
}

export function runMetrics(run: RunInput, threshold: number | null): RunMetrics {
  const curve = heldOutCurve(run);
  const iterations = run.log[run.log.length - 1].iteration;
  const final = curve[curve.length - 1];
  const lastQuarter = curve.filter((p) => p.iteration > 0.75 * iterations).map((p) => p.after);
  const part = (key: keyof IterationLog['seconds']): number => mean(run.log.map((r) => r.seconds[key]));
  return {
    run,
    iterations,
    curve,
    finalBefore: final.before,
    finalAfter: final.after,
    gain: final.after - final.before,
    convergence: threshold === null ? null : curve.find((p) => p.after >= threshold) ?? null,
    fluctuation: lastQuarter.length < 2 ? NaN : Math.sqrt(sampleVariance(lastQuarter)),
    cost: { sampling: part('sampling'), gradients: part('gradients'), hvp: part('hvp'), directed: part('directed'), trpo: part('trpo'), total: part('total') },
  };
}
