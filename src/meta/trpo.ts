/**
 * The MAML-TRPO outer step (Finn et al. 2017; pytorch-maml-rl's MAMLTRPO.step), for every
 * algorithm: the trust region is over theta, or [theta, alpha_vec] for Meta-SGD.
 *
 *   L(x) = (1/B) sum_j -(1/N_j) sum_i exp(log pi'_x(a_i|s_i) - log pi_old(a_i|s_i)) A_i   on each D_val,
 *   KL(x) = (1/B) sum_j (1/N_j) sum_i KL(pi'_x(.|s_i) || pi_old(.|s_i)),
 * with pi'_x the policy adapted from x on the task's stored inner batches and pi_old the one
 * adapted from the old point x_0 (TrpoTask). Then:
 *   1. g = dL/dx at x_0: the trainer's meta-gradient (the ratio is 1 there, so it is the REINFORCE
 *      surrogate's: exact through the inner steps, or first-order);
 *   2. s = (H_KL + cgDamping I)^-1 g by conjugate gradient (cgIters products), H_KL = mean J^T F J;
 *   3. the full step beta s, scaled so that its quadratic KL 0.5 (beta s)^T (H_KL + damping) (beta s)
 *      is maxKl;
 *   4. backtracking: the first fraction f in 1, r, r^2, ... (lsMaxSteps of them) whose candidate
 *      x_0 - f beta s improves L (L - L(x_0) < 0) with KL < maxKl is taken, else no step.
 * All its time, its gradients and HVPs included, goes to the meter's 'trpo' bucket; its gradients
 * and HVPs are counted.
 */
import type { MlpLayout } from '../nn/mlp.js';
import type { TrpoConfig } from './config.js';
import { ConjugateGradient } from './conjugate-gradient.js';
import type { CostMeter } from './costs.js';
import { TrpoTask, type TrpoTaskData } from './trpo-task.js';

export interface TrpoStepArgs {
  readonly layout: MlpLayout;
  readonly tasks: readonly TrpoTaskData[];
  /** The old point's theta: where the tasks' inner loops started (read, never written). */
  readonly start: Float64Array;
  /** alpha, or Meta-SGD's alpha_vec (then in the trust region, after theta). */
  readonly rate: number | Float64Array;
  /** J = I in the KL Hessian (FOMAML). */
  readonly firstOrder: boolean;
  /** g: dL/dtheta, then (Meta-SGD) dL/dalpha_vec, at the old point. */
  readonly gradient: Float64Array;
  readonly options: TrpoConfig;
  readonly meter: CostMeter;
  /** Compile each task's gradients and products on first use (false: eager; the same bits). */
  readonly compiled: boolean;
}

/** What one TRPO step did (the log line's `trpo`). */
export interface TrpoLog {
  /** Products taken by the conjugate gradient, and ||r|| of its last (recursive) residual. */
  cgIterations: number;
  cgResidual: number;
  /** Line-search candidates evaluated. */
  lineSearchSteps: number;
  /** The fraction of the full step taken (r^j), 0 when none was accepted. */
  stepFraction: number;
  /** Mean KL of the step taken (< maxKl), 0 when none. */
  kl: number;
  /** L(new) - L(old) of the step taken (< 0), 0 when none. */
  improvement: number;
}

export interface TrpoStep {
  /** What to subtract from [theta, alpha_vec]: f beta s, or null when no step was accepted. */
  readonly step: Float64Array | null;
  readonly log: TrpoLog;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function trpoStep(a: TrpoStepArgs): TrpoStep {
  const n = a.layout.size;
  const vector = typeof a.rate !== 'number';
  const size = vector ? 2 * n : n;
  if (a.start.length !== n) throw new Error(`trpoStep: start has length ${a.start.length}, expected ${n} (layout.size)`);
  if (a.gradient.length !== size) throw new Error(`trpoStep: gradient has length ${a.gradient.length}, expected ${size} (${vector ? 'theta and alpha_vec' : 'theta'})`);
  if (a.tasks.length === 0) throw new Error('trpoStep: no tasks, expected at least one');
  return a.meter.time('trpo', () => {
    const taskOptions = { layout: a.layout, start: a.start, rate: a.rate, firstOrder: a.firstOrder, compiled: a.compiled, meter: a.meter };
    const tasks = a.tasks.map((data) => new TrpoTask(data, taskOptions));
    a.meter.retain(tasks.reduce((s, t) => s + t.retainedFloats, 0));
    const B = tasks.length;
    const { maxKl, cgDamping } = a.options;
    const klHessianVector = (v: Float64Array, out: Float64Array): void => {
      out.fill(0);
      for (const task of tasks) task.addKlHessianVector(v, out, 1 / B);
      for (let i = 0; i < size; i++) out[i] += cgDamping * v[i];
    };

    const cg = new ConjugateGradient(size).solve(klHessianVector, a.gradient, a.options.cgIters);
    const log: TrpoLog = { cgIterations: cg.iterations, cgResidual: cg.residualNorm, lineSearchSteps: 0, stepFraction: 0, kl: 0, improvement: 0 };
    const direction = cg.x;
    const curvature = new Float64Array(size);
    klHessianVector(direction, curvature);
    const shs = 0.5 * dot(direction, curvature);
    // g = 0 (no signal) or a non-finite solve: no direction to step along.
    if (!(shs > 0 && Number.isFinite(shs))) return { step: null, log };
    const lagrangeMultiplier = Math.sqrt(shs / maxKl);
    const fullStep = new Float64Array(size);
    for (let i = 0; i < size; i++) fullStep[i] = direction[i] / lagrangeMultiplier;

    let oldLoss = 0;
    for (const task of tasks) oldLoss += task.oldLoss;
    oldLoss /= B;
    const step = new Float64Array(size);
    const theta = new Float64Array(n);
    const alpha = vector ? new Float64Array(n) : null;
    let fraction = 1;
    for (let j = 0; j < a.options.lsMaxSteps; j++) {
      for (let i = 0; i < size; i++) step[i] = fraction * fullStep[i];
      for (let i = 0; i < n; i++) theta[i] = a.start[i] - step[i];
      if (alpha !== null) for (let i = 0; i < n; i++) alpha[i] = (a.rate as Float64Array)[i] - step[n + i];
      let loss = 0;
      let kl = 0;
      for (const task of tasks) {
        const e = task.evaluate(theta, alpha ?? a.rate);
        loss += e.loss;
        kl += e.kl;
      }
      const improvement = loss / B - oldLoss;
      kl /= B;
      log.lineSearchSteps = j + 1;
      if (improvement < 0 && kl < maxKl) {
        Object.assign(log, { stepFraction: fraction, kl, improvement });
        return { step, log };
      }
      fraction *= a.options.lsBacktrackRatio;
    }
    return { step: null, log };
  });
}
