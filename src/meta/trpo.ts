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
import type { SurrogatePrograms } from './programs.js';
import { type KlProductShare, type TrpoEvaluation, TrpoTask, type TrpoTaskData, addKlProductShare } from './trpo-task.js';

/** Where the old point and the trust region are: shared by every task of a step. */
export interface TrpoPoint {
  readonly layout: MlpLayout;
  /** The old point's theta: where the tasks' inner loops started (read, never written). */
  readonly start: Float64Array;
  /** alpha, or Meta-SGD's alpha_vec (then in the trust region, after theta). */
  readonly rate: number | Float64Array;
  /** J = I in the KL Hessian (FOMAML). */
  readonly firstOrder: boolean;
}

export interface TrpoStepArgs extends TrpoPoint {
  readonly tasks: readonly TrpoTaskData[];
  /** g: dL/dtheta, then (Meta-SGD) dL/dalpha_vec, at the old point. */
  readonly gradient: Float64Array;
  readonly options: TrpoConfig;
  readonly meter: CostMeter;
  /** Where the tasks' gradients and products run (compiled, or eager with mode 'never'). */
  readonly programs: SurrogatePrograms;
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

/**
 * What the step asks of its tasks, all of them at once, answered per task in task order: each
 * task's share of a KL Hessian-vector product (weighted 1/B), or its evaluation of a candidate.
 */
export type TrpoRequest =
  | { readonly kind: 'product'; readonly v: Float64Array; readonly weight: number }
  | { readonly kind: 'evaluate'; readonly theta: Float64Array; readonly rate: number | Float64Array };

export type TrpoReply = readonly KlProductShare[] | readonly TrpoEvaluation[];

/** The step's arithmetic between its requests (the same on one thread or many). */
export interface TrpoProgramArgs extends TrpoPoint {
  /** Each task's surrogate of the old policy on D_val, in task order. */
  readonly oldLosses: readonly number[];
  readonly gradient: Float64Array;
  readonly options: TrpoConfig;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function checkArgs(a: TrpoPoint & { readonly gradient: Float64Array }, tasks: number): void {
  const n = a.layout.size;
  const size = typeof a.rate === 'number' ? n : 2 * n;
  if (a.start.length !== n) throw new Error(`trpoStep: start has length ${a.start.length}, expected ${n} (layout.size)`);
  if (a.gradient.length !== size) throw new Error(`trpoStep: gradient has length ${a.gradient.length}, expected ${size} (${size > n ? 'theta and alpha_vec' : 'theta'})`);
  if (tasks === 0) throw new Error('trpoStep: no tasks, expected at least one');
}

/** The step as a generator: it yields its requests and is sent the tasks' replies. */
export function* trpoProgram(a: TrpoProgramArgs): Generator<TrpoRequest, TrpoStep, TrpoReply> {
  const n = a.layout.size;
  const vector = typeof a.rate !== 'number';
  const size = vector ? 2 * n : n;
  const B = a.oldLosses.length;
  const { maxKl, cgDamping } = a.options;
  function* klHessianVector(v: Float64Array, out: Float64Array): Generator<TrpoRequest, void, TrpoReply> {
    const shares = (yield { kind: 'product', v, weight: 1 / B }) as readonly KlProductShare[];
    out.fill(0);
    for (const share of shares) addKlProductShare(out, share, 1 / B);
    for (let i = 0; i < size; i++) out[i] += cgDamping * v[i];
  }

  const solve = new ConjugateGradient(size).iterate(a.gradient, a.options.cgIters);
  let next = solve.next();
  while (next.done !== true) {
    yield* klHessianVector(next.value.v, next.value.out);
    next = solve.next();
  }
  const cg = next.value;
  const log: TrpoLog = { cgIterations: cg.iterations, cgResidual: cg.residualNorm, lineSearchSteps: 0, stepFraction: 0, kl: 0, improvement: 0 };
  const direction = cg.x;
  const curvature = new Float64Array(size);
  yield* klHessianVector(direction, curvature);
  const shs = 0.5 * dot(direction, curvature);
  // g = 0 (no signal) or a non-finite solve: no direction to step along.
  if (!(shs > 0 && Number.isFinite(shs))) return { step: null, log };
  const lagrangeMultiplier = Math.sqrt(shs / maxKl);
  const fullStep = new Float64Array(size);
  for (let i = 0; i < size; i++) fullStep[i] = direction[i] / lagrangeMultiplier;

  let oldLoss = 0;
  for (const l of a.oldLosses) oldLoss += l;
  oldLoss /= B;
  const step = new Float64Array(size);
  let fraction = 1;
  for (let j = 0; j < a.options.lsMaxSteps; j++) {
    for (let i = 0; i < size; i++) step[i] = fraction * fullStep[i];
    // Fresh vectors per candidate: a request may still be in flight to other threads.
    const theta = new Float64Array(n);
    for (let i = 0; i < n; i++) theta[i] = a.start[i] - step[i];
    let rate = a.rate;
    if (vector) {
      const alpha = new Float64Array(n);
      for (let i = 0; i < n; i++) alpha[i] = (a.rate as Float64Array)[i] - step[n + i];
      rate = alpha;
    }
    const evaluations = (yield { kind: 'evaluate', theta, rate }) as readonly TrpoEvaluation[];
    let loss = 0;
    let kl = 0;
    for (const e of evaluations) {
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
}

/** Answers a request with the tasks of this realm, in order. */
export function answerLocally(tasks: readonly TrpoTask[], request: TrpoRequest): TrpoReply {
  if (request.kind === 'product') return tasks.map((t) => t.klProductShare(request.v, request.weight));
  return tasks.map((t) => t.evaluate(request.theta, request.rate));
}

/** The step with every task in this realm. */
export function trpoStep(a: TrpoStepArgs): TrpoStep {
  checkArgs(a, a.tasks.length);
  return a.meter.time('trpo', () => {
    const taskOptions = { layout: a.layout, start: a.start, rate: a.rate, firstOrder: a.firstOrder, programs: a.programs, meter: a.meter };
    const tasks = a.tasks.map((data) => new TrpoTask(data, taskOptions));
    try {
      a.meter.retain(tasks.reduce((s, t) => s + t.retainedFloats, 0));
      const program = trpoProgram({ ...a, oldLosses: tasks.map((t) => t.oldLoss) });
      let next = program.next();
      while (next.done !== true) next = program.next(answerLocally(tasks, next.value));
      return next.value;
    } finally {
      for (const t of tasks) t.release();
    }
  });
}

/**
 * Where a step's tasks can live elsewhere (worker threads): `begin` sets them up there and
 * resolves with each task's old loss, retained floats and counts; `answer` resolves with the
 * replies in task order; `end` releases them. Counts of the work done there come back with each reply.
 */
export interface TrpoTaskHost {
  begin(point: TrpoPoint, tasks: readonly TrpoTaskData[]): Promise<{ oldLosses: number[]; retainedFloats: number; counts: TrpoCounts }>;
  answer(request: TrpoRequest): Promise<{ reply: TrpoReply; counts: TrpoCounts }>;
  end(): Promise<void>;
}

/** Gradient evaluations and HVPs some tasks' work took. */
export interface TrpoCounts {
  gradientEvaluations: number;
  hvps: number;
}

/** The step with its tasks on `host`: the same bits as {@link trpoStep}. */
export async function trpoStepOn(host: TrpoTaskHost, a: Omit<TrpoStepArgs, 'programs'>): Promise<TrpoStep> {
  checkArgs(a, a.tasks.length);
  const t0 = a.meter.clock();
  const count = (c: TrpoCounts): void => {
    a.meter.gradientEvaluations += c.gradientEvaluations;
    a.meter.hvps += c.hvps;
  };
  try {
    const begun = await host.begin({ layout: a.layout, start: a.start, rate: a.rate, firstOrder: a.firstOrder }, a.tasks);
    count(begun.counts);
    a.meter.retain(begun.retainedFloats);
    const program = trpoProgram({ ...a, oldLosses: begun.oldLosses });
    let next = program.next();
    while (next.done !== true) {
      const answered = await host.answer(next.value);
      count(answered.counts);
      next = program.next(answered.reply);
    }
    return next.value;
  } finally {
    await host.end();
    a.meter.seconds.trpo += (a.meter.clock() - t0) / 1000;
  }
}
