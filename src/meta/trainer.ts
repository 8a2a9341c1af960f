/**
 * Meta-training of an MLP policy over a task family (categorical head for a Discrete action space,
 * Gaussian for a Box): MAML, FOMAML, Meta-SGD, their Directed- variants and the multi-task control
 * (spec: docs/specs/directed-maml.md).
 *
 * One `step()` (meta-iteration i, 1-based):
 *   1. B tasks from the task stream;
 *   2. Directed- algorithms: the directed phase (directed.ts), which may move theta ('permanent')
 *      or only the inner loops' start ('lookahead');
 *   3. per task: K inner steps from the start point (none for multitask), each on a fresh batch
 *      sampled with the current iterate, then a validation batch with the adapted policy, and the
 *      task's meta-gradient (exact through the K steps by explicit Hessian-vector products, or
 *      first-order); with directed.logMechanism, the probe of mechanism.ts on the same batches;
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
import { Adam, Sgd } from '../nn/optimizers.js';
import { initPolicy } from '../rl/policy-layout.js';
import { isGaussianLayout } from '../nn/gaussian.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PCG64 } from '../rng/pcg64.js';
import { type MetaConfig, resolveConfig, taskFamily } from './config.js';
import { type Clock, CostMeter, defaultClock } from './costs.js';
import { checkFiniteGradient } from './finite.js';
import { algorithmSpec } from './algorithms.js';
import { directedPhase, directedRate } from './directed.js';
import { type EvaluationResult, heldOutResult, heldOutSwapJobs } from './held-out-eval.js';
import { type HeldOutJob, runHeldOutSwap, runHeldOutTask } from './held-out-task.js';
import { type MechanismGradients, type MechanismLog, meanGradients as meanMechanismGradients, mechanismLog } from './mechanism.js';
import type { CompileMode } from './programs.js';
import { type TrainerSnapshot, type TrainerState, restoreState, snapshotConfig, takeSnapshot } from './snapshot.js';
import { STREAM, TaskStreams, heldOutTasks, seedSequence, streamRng } from './sampling.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from './task-runner.js';
import { type TrpoLog, type TrpoStep, type TrpoStepArgs, trpoStep, trpoStepOn } from './trpo.js';
import type { TrpoTaskData } from './trpo-task.js';

/** One meta-iteration's log: returns before and after adaptation, losses, counts and costs. */
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
   * whole step, including task sampling, env construction, the outer update and the mechanism
   * probe; >= the sum of the others).
   */
  seconds: { sampling: number; gradients: number; hvp: number; directed: number; trpo: number; total: number };
  /**
   * With a CPU clock (MetaTrainerOptions.cpuClock): CPU seconds of the same span as seconds.total,
   * on the trainer's thread and, for tasks run elsewhere (a worker pool), on theirs; the mechanism
   * probe's time left out (it is logged, not training).
   */
  cpuSeconds?: number;
  /** With a CPU clock, on iterations that log `mechanism`: the probe's CPU seconds, summed over the tasks' threads. */
  mechanismCpuSeconds?: number;
  /** This iteration's work, the directed step's rollouts and gradient included. */
  counts: { envSteps: number; gradientEvaluations: number; hvps: number };
  /** Totals since the start of training, this iteration included. */
  totals: { envSteps: number; gradientEvaluations: number; hvps: number; seconds: number; cpuSeconds?: number };
  /**
   * Float64 elements held for the exact backward recursion (inner iterates, stored batches, Meta-SGD
   * inner gradients), peak over the meta-batch's tasks; first-order modes hold none (Meta-SGD
   * first-order would hold one running sum). Grows with K in exact mode, flat in first-order.
   * TRPO's step holds every task's batches and iterates at once, and counts them all.
   */
  memory: { retainedFloats: number };
  /** With a memory probe (MetaTrainerOptions.memoryProbe): its bytes at the end of this iteration's training work. */
  isolateMemoryBytes?: number;
  /** outerOptimizer 'trpo' only: the conjugate gradient, the line search and the step it took. */
  trpo?: TrpoLog;
  /** directed.logMechanism, on iterations whose directed step ran: the directed gradient against MAML's second-order part (mechanism.ts). */
  mechanism?: MechanismLog;
  /** With config.evalEvery = N, on every N-th iteration: `evaluate()` after this step (not timed in `seconds`), with `adaptation` when config.evalAdaptation. */
  heldOut?: EvaluationResult;
}

export type { EvaluationResult } from './held-out-eval.js';

type OuterOptimizer = Adam | Sgd;

/** How a MetaTrainer runs beside its config: its clock, and when it compiles programs. */
export interface MetaTrainerOptions {
  /** Milliseconds; default performance.now (Date.now where there is no `performance`). */
  clock?: () => number;
  /**
   * Gradients and HVPs: 'auto' (default) runs batches of 32 rows or more through compiled programs,
   * one per bucket of row counts (bit-identical to eager, see programs.ts), 'never', or 'always'.
   */
  compile?: CompileMode;
  /**
   * Milliseconds of CPU time of the thread the trainer runs on (not other threads'), for the logs'
   * cpuSeconds; none by default (the runtime may have no per-thread clock), and the log has none.
   */
  cpuClock?: Clock | null;
  /** Bytes of memory the trainer's realm holds, for the logs' isolateMemoryBytes; none by default. */
  memoryProbe?: (() => number) | null;
}

/** The outer optimiser, or null for TRPO (a step of its own, without state). */
function makeOptimizer(config: MetaConfig, size: number): OuterOptimizer | null {
  if (config.outerOptimizer === 'trpo') return null;
  return config.outerOptimizer === 'adam' ? new Adam(size, { lr: config.outerLr }) : new Sgd(size, { lr: config.outerLr });
}

interface StepInProgress {
  readonly meter: CostMeter;
  readonly t0: number;
  readonly cpu0: number | null;
  readonly jobs: TaskJob[];
  /** The gradient the directed step took, when it ran and the mechanism is logged; else null. */
  readonly directedGrad: Float64Array | null;
}

/** Meta-trains a policy by the configured algorithm: `step` runs one meta-iteration; `snapshot` and `restore` save and continue. */
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
  private readonly cpuClock: Clock | null;
  private readonly memoryProbe: (() => number) | null;
  private readonly runner: TaskRunner;
  private done = 0;
  private readonly sums: IterationLog['totals'] = { envSteps: 0, gradientEvaluations: 0, hvps: 0, seconds: 0 };

  constructor(config: MetaConfig, options: MetaTrainerOptions = {}) {
    this.config = resolveConfig(config);
    const c = this.config;
    this.clock = options.clock ?? defaultClock;
    this.cpuClock = options.cpuClock ?? null;
    this.memoryProbe = options.memoryProbe ?? null;
    if (this.cpuClock !== null) this.sums.cpuSeconds = 0;
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
    this.runner = new TaskRunner(c, this.layout, this.clock, options.compile ?? 'auto', this.cpuClock);
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
    const entry = this.finishStep(begun, begun.jobs.map((job) => this.runner.run(job)));
    if (this.evaluatesNow()) entry.heldOut = this.evaluate({ adaptation: this.config.evalAdaptation });
    return entry;
  }

  /**
   * One meta-iteration with the tasks' jobs on `pool` (worker threads): the same bits as step(),
   * since jobs are deterministic and their outcomes are summed in task order. Its held-out
   * evaluation runs on the pool too (evaluateOn).
   * @internal
   */
  async stepOn(pool: TaskPool): Promise<IterationLog> {
    const begun = this.beginStep();
    const outcomes = await pool.runTasks(this.config, begun.jobs, (job) => this.runner.run(job));
    // TRPO's products and line search on the pool too, where it can host them.
    const host = this.config.outerOptimizer === 'trpo' ? pool.trpoHost?.(this.config) : undefined;
    let trpo: TrpoStep | undefined;
    if (host !== undefined) {
      const { grad, alphaGrad } = meanGradients(outcomes, this.layout.size, this.alpha !== null);
      trpo = await trpoStepOn(host, this.trpoArgs(begun.meter, begun.jobs[0].start, grad, alphaGrad, outcomes.map(trpoData)));
    }
    const entry = this.finishStep(begun, outcomes, trpo);
    if (this.evaluatesNow()) entry.heldOut = await this.evaluateOn(pool, { adaptation: this.config.evalAdaptation });
    return entry;
  }

  /**
   * With config.evalEvery = N, on every N-th iteration (after the step, untimed): the held-out
   * evaluation has its own streams (evalSeed), so training's bits do not depend on it.
   */
  private evaluatesNow(): boolean {
    return this.config.evalEvery > 0 && this.done % this.config.evalEvery === 0;
  }

  /** Steps 1-2: the meta-batch and the directed phase; the tasks' jobs to run. */
  private beginStep(): StepInProgress {
    const c = this.config;
    const meter = new CostMeter(this.clock);
    const t0 = this.clock();
    const cpu0 = this.cpuClock === null ? null : this.cpuClock();
    const index = this.done; // 0-based key of this iteration's streams
    const tasks = this.family.sampleTasks(this.taskRng, c.metaBatchSize);
    let start: Float64Array = this.theta;
    let directedGrad: Float64Array | null = null;
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
        randomTask: () => this.family.sampleTasks(streamRng(c.seed, STREAM.directedTask, index), 1)[0],
        batchSamplerFor: (task, j) => this.runner.sampler(task, new TaskStreams(seedSequence(c.seed, STREAM.directedBatch, index, j))),
        episodes: c.directed.episodes ?? c.episodesPerTask,
        meter,
        programs: this.runner.surrogatePrograms,
      });
      this.theta.set(phase.theta);
      start = phase.start;
      if (c.directed.logMechanism && phase.step !== null) directedGrad = phase.step.grad;
    }
    const probeMechanism = directedGrad === null ? {} : { probeMechanism: true };
    const jobs = tasks.map((task, j) => ({ iterationIndex: index, taskIndex: j, task, start, alpha: this.alpha, ...probeMechanism }));
    return { meter, t0, cpu0, jobs, directedGrad };
  }

  /** Steps 3-4: the tasks' outcomes summed in task order, the outer update (TRPO's on the tasks' kept batches), the log line. */
  private finishStep({ meter, t0, cpu0, jobs, directedGrad }: StepInProgress, outcomes: readonly TaskOutcome[], trpoDone?: TrpoStep): IterationLog {
    const iteration = this.done + 1;
    const n = this.layout.size;
    const { grad, alphaGrad } = meanGradients(outcomes, n, this.alpha !== null);
    let returnBefore = 0;
    let returnAfter = 0;
    let lossBefore = 0;
    let lossAfter = 0;
    for (const r of outcomes) {
      returnBefore += r.returnBefore;
      returnAfter += r.returnAfter;
      lossBefore += r.lossBefore;
      lossAfter += r.lossAfter;
      meter.add(r.cost);
    }
    const B = jobs.length;
    checkFiniteGradient(iteration, 'meta-gradient', grad, lossBefore / B, lossAfter / B);
    if (alphaGrad !== null) checkFiniteGradient(iteration, 'alpha gradient', alphaGrad, lossBefore / B, lossAfter / B);
    const kept = this.config.outerOptimizer === 'trpo' ? outcomes.map(trpoData) : null;
    const trpo = kept === null ? undefined : this.trpoUpdate(trpoDone ?? trpoStep({ ...this.trpoArgs(meter, jobs[0].start, grad, alphaGrad, kept), programs: this.runner.surrogatePrograms }));
    if (this.optimizer !== null) {
      this.optimizer.step(this.theta, grad);
      if (alphaGrad !== null && this.alpha !== null && this.alphaOptimizer !== null) {
        for (let i = 0; i < n; i++) alphaGrad[i] /= B;
        this.alphaOptimizer.step(this.alpha, alphaGrad);
      }
    }

    const total = (this.clock() - t0) / 1000;
    // The probe ran inside the span of the thread that ran each job (this one's, or a worker's): taken out once.
    const mechanismCpuSeconds = directedGrad === null ? 0 : outcomes.reduce((sum, r) => sum + (r.mechanismCpuSeconds ?? 0), 0);
    const cpuSeconds = this.cpuClock === null || cpu0 === null ? undefined : (this.cpuClock() - cpu0) / 1000 + meter.cpuSeconds - mechanismCpuSeconds;
    this.done = iteration;
    const s = this.sums;
    s.envSteps += meter.envSteps;
    s.gradientEvaluations += meter.gradientEvaluations;
    s.hvps += meter.hvps;
    s.seconds += total;
    if (s.cpuSeconds !== undefined && cpuSeconds !== undefined) s.cpuSeconds += cpuSeconds;
    const entry: IterationLog = {
      iteration,
      returnBefore: returnBefore / B,
      returnAfter: returnAfter / B,
      lossBefore: lossBefore / B,
      lossAfter: lossAfter / B,
      seconds: { ...meter.seconds, total },
      ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
      ...(cpuSeconds === undefined || directedGrad === null ? {} : { mechanismCpuSeconds }),
      counts: { envSteps: meter.envSteps, gradientEvaluations: meter.gradientEvaluations, hvps: meter.hvps },
      totals: { ...s },
      memory: { retainedFloats: meter.peakRetainedFloats },
      ...(this.memoryProbe === null ? {} : { isolateMemoryBytes: this.memoryProbe() }),
      ...(trpo === undefined ? {} : { trpo }),
      ...(directedGrad === null ? {} : { mechanism: mechanismLog(directedGrad, meanMechanismGradients(outcomes.map(probedGradients))) }),
    };
    return entry;
  }

  /** MAML-TRPO's step from the old point `start` (grad the mean meta-gradient, alphaGrad the sum over tasks). */
  private trpoArgs(meter: CostMeter, start: Float64Array, grad: Float64Array, alphaGrad: Float64Array | null, kept: readonly TrpoTaskData[]): Omit<TrpoStepArgs, 'programs'> {
    const n = this.layout.size;
    const B = kept.length;
    const gradient = new Float64Array(alphaGrad === null ? n : 2 * n);
    gradient.set(grad);
    if (alphaGrad !== null) for (let i = 0; i < n; i++) gradient[n + i] = alphaGrad[i] / B;
    return {
      layout: this.layout,
      tasks: kept,
      start,
      rate: this.alpha ?? this.config.innerLr,
      firstOrder: algorithmSpec(this.config.algo).firstOrder,
      gradient,
      options: this.config.trpo,
      meter,
    };
  }

  /** theta (and alpha_vec) move by the step TRPO accepted, or not at all. */
  private trpoUpdate({ step, log }: TrpoStep): TrpoLog {
    const n = this.layout.size;
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
   * env steps are not counted in the training totals. With `adaptation`, also the evaluation of
   * adaptation-eval.ts on the same tasks, after and apart from the rest (its own streams). The
   * tasks' jobs (held-out-task.ts) run one after another in this realm; evaluateOn spreads them.
   */
  evaluate(options: { adaptation?: boolean } = {}): EvaluationResult {
    const jobs = this.heldOutJobs(options);
    const outcomes = jobs.map((job) => runHeldOutTask(this.runner, job));
    return heldOutResult(this.config, jobs, outcomes, heldOutSwapJobs(jobs, outcomes).map((job) => runHeldOutSwap(this.runner, job)));
  }

  /**
   * evaluate() with its per-task jobs on `pool` (worker threads), where the pool can host them
   * (else in this realm): the same bits, since jobs are deterministic and summed in task order.
   * @internal
   */
  async evaluateOn(pool: TaskPool, options: { adaptation?: boolean } = {}): Promise<EvaluationResult> {
    const host = pool.heldOutHost?.(this.config);
    if (host === undefined) return this.evaluate(options);
    const jobs = this.heldOutJobs(options);
    const outcomes = await host.tasks(jobs, (job) => runHeldOutTask(this.runner, job));
    const swaps = await host.swaps(heldOutSwapJobs(jobs, outcomes), (job) => runHeldOutSwap(this.runner, job));
    return heldOutResult(this.config, jobs, outcomes, swaps);
  }

  /** One job per held-out task, from the current theta (and alpha_vec). */
  private heldOutJobs(options: { adaptation?: boolean }): HeldOutJob[] {
    const c = this.config;
    const theta = Float64Array.from(this.theta);
    const alpha = this.alpha === null ? null : Float64Array.from(this.alpha);
    return heldOutTasks(this.family, c.evalSeed, c.evalTasks).map((task, j) => ({ taskIndex: j, task, theta, alpha, adaptation: options.adaptation === true }));
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
    // A checkpoint without a CPU total (written without a CPU clock) leaves the run's total unknown.
    if (totals.cpuSeconds === undefined) delete t.sums.cpuSeconds;
    t.done = iteration;
    return t;
  }

  /** The live state a snapshot holds (restore writes into it). */
  private get state(): TrainerState {
    return { config: this.config, theta: this.theta, alpha: this.alpha, optimizer: this.optimizer, alphaOptimizer: this.alphaOptimizer, taskRng: this.taskRng };
  }
}

function probedGradients(outcome: TaskOutcome, j: number): MechanismGradients {
  if (outcome.mechanism === null) throw new Error(`task ${j}'s outcome has no mechanism gradients, expected them (directed.logMechanism)`);
  return outcome.mechanism;
}

/** The meta-gradient averaged over the tasks in task order, and Meta-SGD's alpha gradient summed (else null). */
function meanGradients(outcomes: readonly TaskOutcome[], n: number, learnsRates: boolean): { grad: Float64Array; alphaGrad: Float64Array | null } {
  const grad = new Float64Array(n);
  const alphaGrad = learnsRates ? new Float64Array(n) : null;
  for (const r of outcomes) {
    for (let i = 0; i < n; i++) grad[i] += r.grad[i];
    if (alphaGrad !== null && r.alphaGrad !== null) for (let i = 0; i < n; i++) alphaGrad[i] += r.alphaGrad[i];
  }
  for (let i = 0; i < n; i++) grad[i] /= outcomes.length;
  return { grad, alphaGrad };
}

function trpoData(outcome: TaskOutcome, j: number): TrpoTaskData {
  if (outcome.trpo === null) throw new Error(`task ${j}'s outcome has no TRPO data, expected its batches (outerOptimizer "trpo")`);
  return outcome.trpo;
}
