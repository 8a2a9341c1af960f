/**
 * The directed step's mechanism, measured (directed.logMechanism): the directed step is meant to
 * stand in for the effect of MAML's second-order terms, so each iteration compares the gradient
 * it stepped along, g_d (the update is -eta g_d), with the second-order part of the exact
 * meta-gradient, g_MAML - g_FO, where g_MAML and g_FO are the exact and first-order meta-gradients
 * averaged over the meta-batch. Both are taken from the inner loops' start on the iteration's own
 * batches, replayed as fixed data after the training computation, so training's bits and counts
 * do not change; only the time is spent, and its CPU time is logged apart (mechanismCpuSeconds),
 * not in the run's cpuSeconds, so the cost of a directed run with the probe is that of one without.
 */
import type { MlpLayout } from '../nn/mlp.js';
import { CostMeter } from './costs.js';
import { taskMetaGradient } from './inner-loop.js';
import type { SurrogatePrograms } from './programs.js';
import type { SampledBatch } from './sampling.js';

/** One task's exact (MAML) and first-order (FOMAML) meta-gradients on the same batches. */
export interface MechanismGradients {
  readonly exact: Float64Array;
  readonly firstOrder: Float64Array;
}

/**
 * From `start`, with the K inner batches and the validation batch (in that order) as fixed data:
 * the inner iterates are a function of the batches and start alone, so these are the meta-gradients
 * either mode would have taken on this data. Its work goes to a meter of its own.
 */
export function mechanismGradients(
  layout: MlpLayout,
  start: Float64Array,
  rate: number | Float64Array,
  batches: readonly SampledBatch[],
  programs?: SurrogatePrograms,
): MechanismGradients {
  if (batches.length === 0) throw new Error('mechanismGradients: no batches, expected the K inner batches and the validation batch');
  const r = taskMetaGradient({
    layout,
    theta: start,
    rate,
    steps: batches.length - 1,
    mode: 'exact',
    sample: (_params, k) => batches[k],
    meter: new CostMeter(() => 0),
    programs,
  });
  return { exact: r.grad, firstOrder: r.firstOrderGrad };
}

/** The logged comparison; a cosine with a zero vector is null. */
export interface MechanismLog {
  /** cos(g_d, g_MAML - g_FO): the directed gradient against the second-order (Hessian) part. */
  cosHessianTerm: number | null;
  /** cos(g_FO + g_d, g_MAML): FOMAML plus the directed gradient against MAML. */
  cosCombined: number | null;
  /** cos(g_FO, g_MAML): FOMAML alone against MAML, the reference for cosCombined. */
  cosFirstOrder: number | null;
  /** Euclidean norms of g_d, g_FO and g_MAML - g_FO. */
  normDirected: number;
  normFirstOrder: number;
  normHessianTerm: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

export function cosine(a: Float64Array, b: Float64Array): number | null {
  if (a.length !== b.length) throw new Error(`cosine: lengths ${a.length} and ${b.length}, expected equal`);
  const d = norm(a) * norm(b);
  return d === 0 ? null : dot(a, b) / d;
}

/** The mean over tasks of their meta-gradients. */
export function meanGradients(tasks: readonly MechanismGradients[]): MechanismGradients {
  if (tasks.length === 0) throw new Error('meanGradients: no tasks, expected at least one');
  const n = tasks[0].exact.length;
  const exact = new Float64Array(n);
  const firstOrder = new Float64Array(n);
  for (const t of tasks) {
    for (let i = 0; i < n; i++) {
      exact[i] += t.exact[i];
      firstOrder[i] += t.firstOrder[i];
    }
  }
  for (let i = 0; i < n; i++) {
    exact[i] /= tasks.length;
    firstOrder[i] /= tasks.length;
  }
  return { exact, firstOrder };
}

export function mechanismLog(directedGrad: Float64Array, g: MechanismGradients): MechanismLog {
  const n = directedGrad.length;
  const secondOrder = new Float64Array(n);
  const combined = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    secondOrder[i] = g.exact[i] - g.firstOrder[i];
    combined[i] = g.firstOrder[i] + directedGrad[i];
  }
  return {
    cosHessianTerm: cosine(directedGrad, secondOrder),
    cosCombined: cosine(combined, g.exact),
    cosFirstOrder: cosine(g.firstOrder, g.exact),
    normDirected: norm(directedGrad),
    normFirstOrder: norm(g.firstOrder),
    normHessianTerm: norm(secondOrder),
  };
}
