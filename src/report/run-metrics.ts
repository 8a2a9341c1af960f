// The figures of one run, from its log and final evaluation alone.
import type { IterationLog } from '../meta/trainer.js';
import { type XAxisKey, xAxis } from '../meta/x-axes.js';
import type { RunInput } from './input.js';
import { mean, sampleVariance } from './statistics.js';
import type { Observation } from './survival.js';

/** A held-out evaluation: after `iteration` meta-iterations, with the totals spent up to then (each x-axis's count). */
export interface HeldOutPoint extends Readonly<Record<XAxisKey, number>> {
  /** Gradient evaluations plus Hessian-vector products. */
  readonly derivatives: number;
  /** CPU seconds of training up to then (the sum of the log's cpuSeconds); null when a line has none. */
  readonly cpuSeconds: number | null;
  readonly before: number;
  readonly after: number;
}

/** What a run's cost is counted in, for the time to reach a level and the area under its curve. */
export type Budget = Exclude<XAxisKey, 'seconds'> | 'derivatives' | 'cpuSeconds';

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
  /** fluctuationFrom(curve, threshold): NaN when the env has none or the run never reached it with two evaluations. */
  readonly fluctuation: number;
  /** Mean seconds per iteration of each part. */
  readonly cost: { readonly sampling: number; readonly gradients: number; readonly hvp: number; readonly directed: number; readonly trpo: number; readonly total: number };
  /** CPU seconds of each iteration, in order; null when the log carries none (written before CPU time was measured). */
  readonly cpuPerIteration: readonly number[] | null;
  /** The highest isolateMemoryBytes of the log; null when it carries none. */
  readonly peakMemoryBytes: number | null;
}

/** Cumulative CPU seconds after each log line, or null when some line has no cpuSeconds. */
function cumulativeCpu(log: readonly IterationLog[]): number[] | null {
  if (!log.every((r) => r.cpuSeconds !== undefined)) return null;
  let s = 0;
  return log.map((r) => (s += r.cpuSeconds as number));
}

function point(record: IterationLog, returns: readonly number[], cpu: number | null): HeldOutPoint {
  return {
    iteration: xAxis('iteration').of(record),
    seconds: xAxis('seconds').of(record),
    envSteps: xAxis('envSteps').of(record),
    derivatives: record.totals.gradientEvaluations + record.totals.hvps,
    cpuSeconds: cpu,
    before: returns[0],
    after: returns[returns.length - 1],
  };
}

/** The held-out curve: every logged evaluation, and eval.json in place of one at the last iteration. */
function heldOutCurve(run: RunInput, cpu: readonly number[] | null): HeldOutPoint[] {
  const last = run.log.length - 1;
  const curve: HeldOutPoint[] = [];
  run.log.forEach((r, i) => {
    if (r.heldOut !== undefined && i !== last) curve.push(point(r, r.heldOut.returns, cpu === null ? null : cpu[i]));
  });
  curve.push(point(run.log[last], run.finalReturns, cpu === null ? null : cpu[last]));
  return curve;
}

/** The first evaluation at or above `level`, or null. */
export function reached(m: RunMetrics, level: number): HeldOutPoint | null {
  return m.curve.find((p) => p.after >= level) ?? null;
}

/** Each run's time on `axis` to reach `level`: an event where it did, else censored at its total (null: a log without CPU time). */
export function levelObservations(runs: readonly RunMetrics[], level: number, axis: Budget): Observation[] | null {
  const totals = runs.map((m) => m.curve[m.curve.length - 1][axis]);
  if (totals.some((t) => t === null)) return null;
  return runs.map((m, i) => {
    const p = reached(m, level);
    return p === null ? { time: totals[i] as number, event: false } : { time: p[axis] as number, event: true };
  });
}

/**
 * Standard deviation of the post-adaptation held-out return over the evaluations from the one that
 * first reached `level` on (that one included); NaN when the run never reached it or has fewer
 * than two evaluations from there.
 */
export function fluctuationFrom(curve: readonly HeldOutPoint[], level: number): number {
  const first = curve.findIndex((p) => p.after >= level);
  const after = first < 0 ? [] : curve.slice(first).map((p) => p.after);
  return after.length < 2 ? NaN : Math.sqrt(sampleVariance(after));
}

export function runMetrics(run: RunInput, threshold: number | null): RunMetrics {
  const cpu = cumulativeCpu(run.log);
  const curve = heldOutCurve(run, cpu);
  const iterations = run.log[run.log.length - 1].iteration;
  const final = curve[curve.length - 1];
  const part = (key: keyof IterationLog['seconds']): number => mean(run.log.map((r) => r.seconds[key]));
  const memory = run.log.flatMap((r) => (r.isolateMemoryBytes === undefined ? [] : [r.isolateMemoryBytes]));
  return {
    run,
    iterations,
    curve,
    finalBefore: final.before,
    finalAfter: final.after,
    gain: final.after - final.before,
    convergence: threshold === null ? null : curve.find((p) => p.after >= threshold) ?? null,
    fluctuation: threshold === null ? NaN : fluctuationFrom(curve, threshold),
    cost: { sampling: part('sampling'), gradients: part('gradients'), hvp: part('hvp'), directed: part('directed'), trpo: part('trpo'), total: part('total') },
    cpuPerIteration: cpu === null ? null : run.log.map((r) => r.cpuSeconds as number),
    peakMemoryBytes: memory.length === run.log.length ? Math.max(...memory) : null,
  };
}
