/**
 * One task's inner loop and meta-gradient, with the second-order term computed by explicit
 * Hessian-vector products so that their time and count can be reported.
 *
 * Inner loop (K steps, fresh data per step, each batch sampled with the current iterate):
 *   theta_0 = theta;  g_k = grad L(theta_k; D_k);  theta_{k+1} = theta_k - alpha g_k
 *   (Meta-SGD: theta_{k+1} = theta_k - alpha_vec (*) g_k), then D_val sampled with theta_K.
 * Exact meta-gradient of L(theta_K; D_val): J^T grad L(theta_K; D_val), J the adaptation's Jacobian
 * (adaptation.ts), with H_k the Hessian of the surrogate on the stored batch D_k (the engine's
 * `hvp`, exact reverse-over-reverse), so that dL/dalpha_vec = sum_k -g_k (*) v_{k+1}. The data are
 * fixed ("exact second order" of the surrogate on the sampled data, as MAML-RL).
 * First-order (FOMAML): the meta-gradient is v_K alone; nothing of the inner steps is kept, so
 * memory does not grow with K (for Meta-SGD the alpha gradient is then -(sum_k g_k) (*) v_K, the
 * engine's first-order convention, needing one running sum).
 */
import type { Tensor } from '../autodiff/tensor.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { reinforceObjective } from '../rl/policy-gradient.js';
import { Adaptation, innerStep } from './adaptation.js';
import { CostMeter } from './costs.js';
import { SurrogatePrograms } from './programs.js';
import { type SampledBatch, batchFloats } from './sampling.js';

export type MetaGradientMode = 'exact' | 'first-order';

export interface TaskMetaGradientOptions {
  readonly layout: MlpLayout;
  /** Where the inner loop starts (read, never written). */
  readonly theta: Float64Array;
  /** alpha, or Meta-SGD's alpha_vec (theta's length). */
  readonly rate: number | Float64Array;
  /** K >= 0. */
  readonly steps: number;
  readonly mode: MetaGradientMode;
  /**
   * The batch of step k (k < K) sampled with pi_params, or the validation batch (k = K). It must
   * hold loss data (batch non-null). Fixed data for tests: ignore params.
   */
  readonly sample: (params: Float64Array, k: number) => SampledBatch;
  /** Charged with gradient and HVP time and counts (sampling is charged by the sampler). */
  readonly meter?: CostMeter;
  /** Where gradients and HVPs run (eager, or compiled for repeated batch shapes); default eager. */
  readonly programs?: SurrogatePrograms;
  /** Receives g_0..g_{K-1} (TRPO's step adapts from them again). */
  readonly innerGradients?: Float64Array[];
}

export interface TaskMetaGradient {
  /** d L(theta_K; D_val) / d theta: exact through the K steps, or first-order. */
  readonly grad: Float64Array;
  /** d L / d alpha_vec for Meta-SGD, else null. */
  readonly alphaGrad: Float64Array | null;
  /** grad L(theta_K; D_val): the first-order meta-gradient (equal to `grad` in first-order mode). */
  readonly firstOrderGrad: Float64Array;
  /** theta_K. */
  readonly adapted: Float64Array;
  /** L(theta_0; D_0) and the mean return of D_0 (with K = 0: the validation batch's). */
  readonly lossBefore: number;
  readonly returnBefore: number;
  /** L(theta_K; D_val) and the mean return of D_val. */
  readonly lossAfter: number;
  readonly returnAfter: number;
  /** Float64 elements held for the backward recursion at its peak (stored iterates, batches, gradients). */
  readonly retainedFloats: number;
}

export function surrogate(layout: MlpLayout, batch: PolicyBatch): (theta: Tensor) => Tensor {
  return (theta) => reinforceObjective(layout, theta, batch);
}

function requireBatch(b: SampledBatch, k: number): PolicyBatch {
  if (b.batch === null) throw new Error(`taskMetaGradient: the sampler returned no loss data for step ${k}, expected a batch`);
  return b.batch;
}

const eagerPrograms = new WeakMap<MlpLayout, SurrogatePrograms>();

function eager(layout: MlpLayout): SurrogatePrograms {
  let p = eagerPrograms.get(layout);
  if (p === undefined) {
    p = new SurrogatePrograms(layout, { mode: 'never' });
    eagerPrograms.set(layout, p);
  }
  return p;
}

/** The surrogate's value and gradient at params, on a batch (eager unless programs are given). */
export function lossAndGrad(
  layout: MlpLayout,
  params: Float64Array,
  batch: PolicyBatch,
  meter: CostMeter,
  programs: SurrogatePrograms = eager(layout),
): { loss: number; grad: Float64Array } {
  if (programs.layout !== layout) throw new Error('lossAndGrad: programs were built for another layout');
  return meter.time('gradients', () => {
    meter.gradientEvaluations++;
    return programs.lossAndGrad(params, batch);
  });
}

/** The gradient at an inner iterate, kept able to give H v there once v is known. */
function lossGradAndHvp(programs: SurrogatePrograms, params: Float64Array, batch: PolicyBatch, meter: CostMeter) {
  return meter.time('gradients', () => {
    meter.gradientEvaluations++;
    return programs.lossGradAndHvp(params, batch);
  });
}

function hessianVector(hvpAt: (v: Float64Array) => Float64Array, v: Float64Array, meter: CostMeter): Float64Array {
  return meter.time('hvp', () => {
    meter.hvps++;
    return hvpAt(v);
  });
}

export function taskMetaGradient(o: TaskMetaGradientOptions): TaskMetaGradient {
  const { layout, theta, rate, steps, mode } = o;
  const meter = o.meter ?? new CostMeter();
  const programs = o.programs ?? eager(layout);
  const n = layout.size;
  if (theta.length !== n) throw new Error(`taskMetaGradient: theta has length ${theta.length}, expected ${n} (layout.size)`);
  if (typeof rate !== 'number' && rate.length !== n) throw new Error(`taskMetaGradient: alpha_vec has length ${rate.length}, expected ${n}`);
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`taskMetaGradient: steps is ${steps}, expected a non-negative integer`);
  if (programs.layout !== layout) throw new Error('taskMetaGradient: programs were built for another layout');
  const exact = mode === 'exact';
  const vector = typeof rate !== 'number';

  // Kept for the backward recursion (exact mode only): each step's H_k and, for Meta-SGD, g_k.
  const adaptation = exact ? new Adaptation(rate) : null;
  let gradSum: Float64Array | null = !exact && vector ? new Float64Array(n) : null;
  let retained = gradSum === null ? 0 : n;

  let current = theta;
  let lossBefore = NaN;
  let returnBefore = NaN;
  for (let k = 0; k < steps; k++) {
    const sampled = o.sample(current, k);
    const batch = requireBatch(sampled, k);
    const { loss, grad, hvp } = adaptation !== null ? lossGradAndHvp(programs, current, batch, meter) : { ...lossAndGrad(layout, current, batch, meter, programs), hvp: null };
    o.innerGradients?.push(grad);
    if (k === 0) {
      lossBefore = loss;
      returnBefore = sampled.meanReturn;
    }
    if (adaptation !== null && hvp !== null) {
      current = adaptation.step(current, grad, (v) => hessianVector(hvp, v, meter));
      retained += n + batchFloats(batch) + (vector ? n : 0);
    } else {
      if (gradSum !== null) for (let i = 0; i < n; i++) gradSum[i] += grad[i];
      current = innerStep(current, rate, grad);
    }
  }
  meter.retain(retained);

  const val = o.sample(current, steps);
  const valBatch = requireBatch(val, steps);
  const { loss: lossAfter, grad: vK } = lossAndGrad(layout, current, valBatch, meter, programs);
  if (steps === 0) {
    lossBefore = lossAfter;
    returnBefore = val.meanReturn;
  }

  let v = vK;
  let alphaGrad: Float64Array | null = null;
  if (adaptation !== null) {
    ({ theta: v, alpha: alphaGrad } = adaptation.vjp(vK));
  } else if (gradSum !== null) {
    alphaGrad = new Float64Array(n);
    for (let i = 0; i < n; i++) alphaGrad[i] = -gradSum[i] * v[i];
  }
  return { grad: v, alphaGrad, firstOrderGrad: vK, adapted: current, lossBefore, returnBefore, lossAfter, returnAfter: val.meanReturn, retainedFloats: retained };
}
