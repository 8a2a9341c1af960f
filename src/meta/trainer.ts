/**
 * Meta-training of an MLP policy over a task family (categorical head for a Discrete action space,
 * Gaussian for a Box): MAML, FOMAML, Meta-SGD and their Directed- variants (spec:
 * docs/specs/directed-maml.md).
 *
 * One `step()` (meta-iteration i, 1-based):
 *   1. B tasks from the task stream;
 *   2. Directed- algorithms: the directed phase (directed.ts), which may move theta ('permanent')
 *      or only the inner loops' start ('lookahead');
 *   3. per task: K inner steps from the start point, each on a fresh batch sampled with the current
 *      iterate, then a validation batch with the adapted policy, and the task's meta-gradient
 *      (exact through the K steps by explicit Hessian-vector products, or first-order);
 *   4. the meta-gradient averaged over the B tasks, one outer optimiser step on theta; Meta-SGD's
 *      alpha_vec (initialised to innerLr everywhere) is updated by a second optimiser instance of
 *      the same kind and learning rate (Adam and momentum-free SGD act elementwise, so this is the
 *      same as one optimiser over the concatenation [theta, alpha_vec]). With outerOptimizer
 *      'trpo' the step is instead MAML-TRPO's trust-region step over theta (and alpha_vec), on the
 *      batches the tasks kept (trpo.ts); no optimiser state.
 *
 * Randomness: see STREAM in sampling.ts. Everything is a function of config.seed; the only stream
 * that carries state from one iteration to the next is the task stream (the per-task and directed
 * streams are keyed by iteration and task), and it is part of the snapshot, as are the optimiser
 * states (snapshot.ts). Each batch uses a fresh value baseline (sampling.ts), so nothing else persists.
 */
import { badValue } from '../validation/values.js';
import { Adam, Sgd, sgdStepInto } from '../nn/optimizers.js';
import { initPolicy } from '../rl/policy-layout.js';
import { isGaussianLayout } from '../nn/gaussian.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PCG64 } from '../rng/pcg64.js';
import { type MetaConfig, resolveConfig, taskFamily } from './config.js';
import { type Clock, CostMeter, defaultClock } from './costs.js';
import { checkFiniteGradient } from './finite.js';
import { algorithmSpec } from './algorithms.js';
import { directedPhase, directedRate } from './directed.js';
import { lossAndGrad } from './inner-loop.js';
import { evaluateOutcomes } from '../rl/outcomes.js';
import type { CompileMode } from './programs.js';
import { type TrainerSnapshot, type TrainerState, restoreState, snapshotConfig, takeSnapshot } from './snapshot.js';
import { STREAM, TaskStreams, seedSequence, streamRng } from './sampling.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from './task-runner.js';
import { type TrpoLog, trpoStep } from './trpo.js';
import type { TrpoTaskData } from './trpo-task.js';

export interface IterationLog {
  /** 1-based, after this step. */
  iteration: number;
  /** Mean episode return of the pre-adaptation (first inner) batches and of the post-adaptation (validation) batches, over the meta-batch. */
  returnBefore: number;
  returnAfter: number;
  /** Mean surrogate losses L(theta; D_0) and L(theta_K; D_val) over the meta-batch. */
  lossBefore: number;
  lossAfter: number;
  /**
   * Wall-clock seconds of this iteration: sampling (rollouts and advantages of the inner and
   * validation batches), gradients (surrogate gradients), hvp (Hessian-vector products), directed
   * (the whole directed step: its rollouts and its gradient), trpo (the whole TRPO outer step: its
   * conjugate gradient and line search, their gradients and HVPs; 0 for Adam and SGD), total (the
   * whole step, including task sampling, env construction and the outer update; >= the sum of the
   * others).
   */
  seconds: { sampling: number; gradients: number; hvp: number; directed: number; trpo: number; total: number };
  /** This iteration's work, the directed step's rollouts and gradient included. */
  counts: { envSteps: number; gradientEvaluations: number; hvps: number };
  /** Totals since the start of training, this iteration included. */
  totals: { envSteps: number; gradientEvaluations: number; hvps: number; seconds: number };
  /**
   * Float64 elements held for the exact backward recursion (inner iterates, stored batches, Meta-SGD
   * inner gradients), peak over the meta-batch's tasks; first-order modes hold none (Meta-SGD
   * first-order would hold one running sum). Grows with K in exact mode, flat in first-order.
   * TRPO's step holds every task's batches and iterates at once, and counts them all.
   */
  memory: { retainedFloats: number };
  /** outerOptimizer 'trpo' only: the conjugate gradient, the line search and the step it took. */
  trpo?: TrpoLog;
  /** With config.evalEvery = N, on every N-th iteration: `evaluate()` after this step (not timed in `seconds`). */
  heldOut?: EvaluationResult;
}

export interface EvaluationResult {
  /** The held-out tasks. */
  tasks: Record<string, number>[];
  /** Index k = mean return (over the held-out tasks) of the batch sampled after k inner steps, k = 0..K. */
  returns: number[];
  /**
   * For envs whose step info reports an `outcome` (the intersection): the fraction of episodes of
   * the adapted policies (after K steps, evalEpisodes more per task) ending in each outcome, and
   * 'none' for those cut by the time limit. Drawn after the returns, so they are unchanged.
   */
  outcomes?: Record<string, number>;
}

type OuterOptimizer = Adam | Sgd;

export interface MetaTrainerOptions {
  /** Milliseconds; default performance.now (Date.now where there is no `performance`). */
  clock?: () => number;
  /**
   * Gradients and HVPs: 'auto' (default) runs batches of 32 rows or more through compiled programs,
   * one per bucket of row counts (bit-identical to eager, see programs.ts), 'never', or 'always'.
   */
  compile?: CompileMode;
}

/** The outer optimiser, or null for TRPO (a step of its own, without state). */
function makeOptimizer(config: MetaConfig, size: number): OuterOptimizer | null {
  if (config.outerOptimizer === 'trpo') return null;
  return config.outerOptimizer === 'adam' ? new Adam(size, { lr: config.outerLr }) : new Sgd(size, { lr: config.outerLr });
}

interface StepInProgress {
  readonly meter: CostMeter;
  readonly t0: number;
  readonly jobs: TaskJob[];
}

export class MetaTrainer {
  readonly config: MetaConfig;
  readonly layout: MlpLayout;
  private readonly family: ReturnType<typeof taskFamily>;
  private readonly theta: Float64Array;
  private readonly alpha: Float64Array | null;
  private readonly optimizer: OuterOptimizer | null;
  private readonly alphaOptimizer: OuterOptimizer | null;
  private readonly taskRng: PCG64;
  private readonly clock: Clock;
  private readonly runner: TaskRunner;
  private done = 0;
  private readonly sums = { envSteps: 0, gradientEvaluations: 0, hvps: 0, seconds: 0 };

  constructor(config: MetaConfig, options: MetaTrainerOptions = {}) {
    this.config = resolveConfig(config);
    const c = this.config;
    this.clock = options.clock ?? defaultClock;
    this.family = taskFamily(c);
    this.layout = policyLayout(c);
    if (c.outerOptimizer === 'trpo' && isGaussianLayout(this.layout)) {
      // TRPO's KL and ratio are the categorical head's; they would read the Gaussian's means as logits.
      throw new Error(badValue('outerOptimizer', c.outerOptimizer, `"adam" or "sgd" with env ${c.env} (Box actions, Gaussian head: TRPO supports the categorical head only)`));
    }
    this.theta = initPolicy(this.layout, streamRng(c.seed, STREAM.init), 'torch-default');
    const metaSgd = algorithmSpec(c.algo).learnsRates;
    this.alpha = metaSgd ? new Float64Array(this.layout.size).fill(c.innerLr) : null;
    this.optimizer = makeOptimizer(c, this.layout.size);
    this.alphaOptimizer = metaSgd ? makeOptimizer(c, this.layout.size) : null;
    this.taskRng = streamRng(c.seed, STREAM.tasks);
    this.runner = new TaskRunner(c, this.layout, this.clock, options.compile ?? 'auto');
  }

  /** Meta-iterations done. */
  get iteration(): number {
    return this.done;
  }

  /** The meta-parameters theta (the live vector: copy it to keep a value). */
  get params(): Float64Array {
    return this.theta;
  }

  /** Meta-SGD's learned per-parameter inner rates (live), else null. */
  get alphaVec(): Float64Array | null {
    return this.alpha;
  }

  /** One meta-iteration, every task in this realm. */
  step(): IterationLog {
    const begun = this.beginStep();
    return this.finishStep(begun, begun.jobs.map((job) => this.runner.run(job)));
  }

  /**
   * One meta-iteration with the tasks' jobs on `pool` (worker threads): the same bits as step(),
   * since jobs are deterministic and their outcomes are summed in task order.
   */
  async stepOn(pool: TaskPool): Promise<IterationLog> {
    const begun = this.beginStep();
    return this.finishStep(begun, await pool.runTasks(this.config, begun.jobs));
  }

  /** Steps 1-2: the meta-batch and the directed phase; the tasks' jobs to run. */
  private beginStep(): StepInProgress {
    const c = this.config;
    const meter = new CostMeter(this.clock);
    const t0 = this.clock();
    const index = this.done; // 0-based key of this iteration's streams
    const tasks = this.family.sampleTasks(this.taskRng, c.metaBatchSize);
    let start: Float64Array = this.theta;
    if (algorithmSpec(c.algo).directed) {
      const phase = directedPhase({
        config: c.directed,
        iteration: index + 1,
        layout: this.layout,
        theta: this.theta,
        rate: directedRate(c, this.alpha),
        tasks,
        family: this.family,
        samplerFor: (task) => this.runner.sampler(task, new TaskStreams(seedSequence(c.seed, STREAM.directed, index))),
        episodes: c.directed.episodes ?? c.episodesPerTask,
        meter,
        programs: this.runner.surrogatePrograms,
      });
      this.theta.set(phase.theta);
      start = phase.start;
    }
    const jobs = tasks.map((task, j) => ({ iterationIndex: index, taskIndex: j, task, start, alpha: this.alpha }));
    return { meter, t0, jobs };
  }

  /** Steps 3-4: the tasks' outcomes summed in task order, the outer update (TRPO's on the tasks' kept batches), the log line. */
  private finishStep({ meter, t0, jobs }: StepInProgress, outcomes: readonly TaskOutcome[]): IterationLog {
    const iteration = this.done + 1;
    const n = this.layout.size;
    const grad = new Float64Array(n);
    const alphaGrad = this.alpha === null ? null : new Float64Array(n);
    let returnBefore = 0;
    let returnAfter = 0;
    let lossBefore = 0;
    let lossAfter = 0;
    for (const r of outcomes) {
      for (let i = 0; i < n; i++) grad[i] += r.grad[i];
      if (alphaGrad !== null && r.alphaGrad !== null) for (let i = 0; i < n; i++) alphaGrad[i] += r.alphaGrad[i];
      returnBefore += r.returnBefore;
      returnAfter += r.returnAfter;
      lossBefore += r.lossBefore;
      lossAfter += r.lossAfter;
      meter.add(r.cost);
    }
    const B = jobs.length;
    for (let i = 0; i < n; i++) grad[i] /= B;
    checkFiniteGradient(iteration, 'meta-gradient', grad, lossBefore / B, lossAfter / B);
    if (alphaGrad !== null) checkFiniteGradient(iteration, 'alpha gradient', alphaGrad, lossBefore / B, lossAfter / B);
    const kept = this.config.outerOptimizer === 'trpo' ? outcomes.map(trpoData) : null;
    const trpo = kept === null ? undefined : this.trpoUpdate(meter, jobs[0].start, grad, alphaGrad, B, kept);
    if (this.optimizer !== null) {
      this.optimizer.step(this.theta, grad);
      if (alphaGrad !== null && this.alpha !== null && this.alphaOptimizer !== null) {
        for (let i = 0; i < n; i++) alphaGrad[i] /= B;
        this.alphaOptimizer.step(this.alpha, alphaGrad);
      }
    }

    const total = (this.clock() - t0) / 1000;
    this.done = iteration;
    const s = this.sums;
    s.envSteps += meter.envSteps;
    s.gradientEvaluations += meter.gradientEvaluations;
    s.hvps += meter.hvps;
    s.seconds += total;
    const entry: IterationLog = {
      iteration,
      returnBefore: returnBefore / B,
      returnAfter: returnAfter / B,
      lossBefore: lossBefore / B,
      lossAfter: lossAfter / B,
      seconds: { ...meter.seconds, total },
      counts: { envSteps: meter.envSteps, gradientEvaluations: meter.gradientEvaluations, hvps: meter.hvps },
      totals: { ...s },
      memory: { retainedFloats: meter.peakRetainedFloats },
      ...(trpo === undefined ? {} : { trpo }),
    };
    // Its own streams (evalSeed), so training's bits do not depend on it.
    if (this.config.evalEvery > 0 && iteration % this.config.evalEvery === 0) entry.heldOut = this.evaluate();
    return entry;
  }

  /** MAML-TRPO's step from the old point `start`: theta (and alpha_vec) move by the accepted step, or not at all. */
  private trpoUpdate(meter: CostMeter, start: Float64Array, grad: Float64Array, alphaGrad: Float64Array | null, B: number, kept: readonly TrpoTaskData[]): TrpoLog {
    const n = this.layout.size;
    const gradient = new Float64Array(alphaGrad === null ? n : 2 * n);
    gradient.set(grad);
    if (alphaGrad !== null) for (let i = 0; i < n; i++) gradient[n + i] = alphaGrad[i] / B;
    const { step, log } = trpoStep({
      layout: this.layout,
      tasks: kept,
      start,
      rate: this.alpha ?? this.config.innerLr,
      firstOrder: algorithmSpec(this.config.algo).firstOrder,
      gradient,
      options: this.config.trpo,
      meter,
      compiled: this.runner.surrogatePrograms.mode !== 'never',
    });
    if (step !== null) {
      // The same expression as the candidate the line search accepted, so the same bits.
      for (let i = 0; i < n; i++) this.theta[i] -= step[i];
      if (this.alpha !== null) for (let i = 0; i < n; i++) this.alpha[i] -= step[n + i];
    }
    return log;
  }

  /**
   * Mean return on held-out tasks before adaptation and after each of 1..K inner steps. The tasks,
   * their env seeds and actions come from config.evalSeed's own streams, so every call sees the
   * same tasks and seeds (curves compare like with like) and training's streams are untouched.
   * Each step adapts on a fresh batch sampled with the current iterate, as in training (inner rate
   * alpha, or Meta-SGD's alpha_vec), from theta itself: no directed step at test time. Evaluation
   * env steps are not counted in the training totals.
   */
  evaluate(): EvaluationResult {
    const c = this.config;
    const K = c.innerSteps;
    const tasks = this.family.sampleTasks(streamRng(c.evalSeed, STREAM.evalTasks), c.evalTasks);
    const returns = new Array<number>(K + 1).fill(0);
    const scratch = new CostMeter(() => 0); // evaluation is not timed here, and reads no clock
    const n = this.layout.size;
    const probe = this.family.makeEnv(tasks[0]);
    const counted = !isGaussianLayout(this.layout) && 'outcome' in probe.reset().info ? new Map<string, number>() : null;
    for (let j = 0; j < tasks.length; j++) {
      const sampler = this.runner.sampler(tasks[j], new TaskStreams(seedSequence(c.evalSeed, STREAM.evalTask, j)));
      let current: Float64Array = Float64Array.from(this.theta);
      for (let k = 0; k <= K; k++) {
        const sampled = sampler.sample(current, c.evalEpisodes, null, k < K);
        returns[k] += sampled.meanReturn;
        if (k === K || sampled.batch === null) continue;
        const { grad } = lossAndGrad(this.layout, current, sampled.batch, scratch, this.runner.surrogatePrograms);
        current = sgdStepInto(new Float64Array(n), current, this.alpha ?? c.innerLr, grad);
      }
      if (counted !== null) {
        const streams = sampler.streams;
        const r = evaluateOutcomes(this.family.makeEnv(tasks[j]), this.layout, current, { episodes: c.evalEpisodes, seed: streams.nextEnvSeed(), rng: streams.actions });
        for (const [outcome, count] of Object.entries(r.counts)) counted.set(outcome, (counted.get(outcome) ?? 0) + count);
        counted.set('none', (counted.get('none') ?? 0) + Math.round(r.noOutcomeRate * r.episodes));
      }
    }
    const result: EvaluationResult = { tasks: tasks.map((t) => ({ ...t })), returns: returns.map((r) => r / tasks.length) };
    if (counted !== null) {
      const total = tasks.length * c.evalEpisodes;
      result.outcomes = Object.fromEntries([...counted].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v / total]));
    }
    return result;
  }

  /** Everything a bit-identical resume needs, as plain JSON. */
  snapshot(): TrainerSnapshot {
    return takeSnapshot(this.state, this.done, this.sums);
  }

  /**
   * A trainer in the snapshot's state; a corrupt snapshot throws an Error naming the field, and
   * one whose content no longer matches its checksum (edited or corrupted) an Error saying so.
   */
  static restore(snapshot: unknown, options: MetaTrainerOptions = {}): MetaTrainer {
    const t = new MetaTrainer(snapshotConfig(snapshot), options);
    const { iteration, totals } = restoreState(t.state, snapshot as Record<string, unknown>);
    Object.assign(t.sums, totals);
    t.done = iteration;
    return t;
  }

  /** The live state a snapshot holds (restore writes into it). */
  private get state(): TrainerState {
    return { config: this.config, theta: this.theta, alpha: this.alpha, optimizer: this.optimizer, alphaOptimizer: this.alphaOptimizer, taskRng: this.taskRng };
  }
}

function trpoData(outcome: TaskOutcome, j: number): TrpoTaskData {
  if (outcome.trpo === null) throw new Error(`task ${j}'s outcome has no TRPO data, expected its batches (outerOptimizer "trpo")`);
  return outcome.trpo;
}
