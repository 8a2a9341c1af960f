/**
 * One task's share of a meta-iteration, as a pure job: K inner steps from the start point on fresh
 * batches (none for an algorithm without an inner loop), the validation batch, and the task's
 * meta-gradient. A job depends only on the config,
 * its (iteration, task) key, the task and the start point, so jobs can run in any order, on any
 * thread, and their outcomes summed in task order give the same bits as one loop.
 */
import { getEnv } from '../envs/registry.js';
import type { TaskParams } from '../envs/task-family.js';
import { MlpCritic, criticLayout, initCritic } from '../nn/critic.js';
import type { MlpLayout } from '../nn/mlp.js';
import { mlpPolicyLayout } from '../rl/policy-layout.js';
import { algorithmSpec } from './algorithms.js';
import type { MetaConfig } from './config.js';
import { taskFamily } from './config.js';
import { type Clock, type CostBucket, CostMeter } from './costs.js';
import { taskMetaGradient } from './inner-loop.js';
import { type CompileMode, SurrogatePrograms } from './programs.js';
import { toPlainBatch } from './plain-batch.js';
import type { TrpoTaskData } from './trpo-task.js';
import type { TrpoTaskHost } from './trpo.js';
import type { HeldOutHost } from './held-out-eval.js';
import { STREAM, type SampledBatch, type SamplerOptions, TaskSampler, TaskStreams, seedSequence, streamRng } from './sampling.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { type MechanismGradients, mechanismGradients } from './mechanism.js';

export interface TaskJob {
  /** 0-based meta-iteration: keys the task's streams. */
  readonly iterationIndex: number;
  /** 0-based position in the meta-batch: keys the task's streams. */
  readonly taskIndex: number;
  readonly task: TaskParams;
  /** Where the inner loop starts (theta, or the directed point). */
  readonly start: Float64Array;
  /** Meta-SGD's alpha_vec, else null (the config's innerLr). */
  readonly alpha: Float64Array | null;
  /** directed.logMechanism on an iteration whose directed step ran: also the mechanism's meta-gradients. */
  readonly probeMechanism?: boolean;
}

/** What a task's job measured: its time per bucket and its work. */
export interface TaskCost {
  readonly seconds: Record<CostBucket, number>;
  readonly envSteps: number;
  readonly gradientEvaluations: number;
  readonly hvps: number;
  readonly peakRetainedFloats: number;
  /** CPU seconds of the job, where it ran on a thread other than the trainer's (a task worker); absent in the trainer's own thread, whose CPU time covers it. */
  readonly cpuSeconds?: number;
}

export interface TaskOutcome {
  /** With outerOptimizer 'trpo', what the TRPO step re-adapts on: the task's batches as plain data; else null. */
  readonly trpo: TrpoTaskData | null;
  readonly grad: Float64Array;
  readonly alphaGrad: Float64Array | null;
  readonly returnBefore: number;
  readonly returnAfter: number;
  readonly lossBefore: number;
  readonly lossAfter: number;
  readonly cost: TaskCost;
  /** With job.probeMechanism, the exact and first-order meta-gradients on this task's batches (mechanism.ts); else null. */
  readonly mechanism: MechanismGradients | null;
  /**
   * With job.probeMechanism and a CPU clock, the probe's CPU seconds on the thread that ran the job
   * (already inside that thread's CPU time, from which the trainer takes it out); else null.
   */
  readonly mechanismCpuSeconds: number | null;
}

/** The policy network of a config: categorical logits for Discrete actions, Gaussian means + log-std for Box. */
export function policyLayout(config: MetaConfig): MlpLayout {
  const { observationSpace, actionSpace } = getEnv(config.env);
  const obsDim = observationSpace.shape.reduce((a, b) => a * b, 1);
  return mlpPolicyLayout([obsDim, ...config.hidden], actionSpace, config.activation);
}

/**
 * Fresh MLP critics, all from one initialisation drawn from the run's seed: a job's advantages
 * then depend only on its own batches, as with the linear baseline.
 */
function criticFactory(config: MetaConfig, obsDim: number): () => MlpCritic {
  const options = { hidden: config.critic.hidden, steps: config.critic.steps, lr: config.critic.lr };
  const initial = initCritic(criticLayout(obsDim, options), streamRng(config.seed, STREAM.critic));
  return () => new MlpCritic(obsDim, initial, options);
}

/** Runs task jobs of one config in this realm (its compiled programs are reused across jobs). */
export class TaskRunner {
  readonly family: ReturnType<typeof taskFamily>;
  private readonly samplerOptions: SamplerOptions;
  private readonly programs: SurrogatePrograms;

  constructor(
    readonly config: MetaConfig,
    readonly layout: MlpLayout,
    private readonly clock: Clock,
    compile: CompileMode = 'auto',
    /** CPU milliseconds of the thread running the jobs, to time the mechanism probe apart from training; none by default. */
    private readonly cpuClock: Clock | null = null,
  ) {
    this.family = taskFamily(config);
    this.programs = new SurrogatePrograms(layout, { mode: compile, entropyCoeff: config.entropyCoeff });
    this.samplerOptions = {
      layout,
      numEnvs: config.numEnvs,
      gamma: config.gamma,
      gaeLambda: config.gaeLambda,
      normalizeAdvantages: config.normalizeAdvantages,
      makeBaseline: config.baseline === 'mlp' ? criticFactory(config, layout.sizes[0]) : undefined,
    };
  }

  /** The programs this runner's gradients and HVPs run through (shared with the trainer's own work). */
  get surrogatePrograms(): SurrogatePrograms {
    return this.programs;
  }

  /** A task's sampler on the given streams. */
  sampler(task: TaskParams, streams: TaskStreams): TaskSampler {
    return new TaskSampler(this.family, task, streams, this.samplerOptions);
  }

  run(job: TaskJob): TaskOutcome {
    const c = this.config;
    const meter = new CostMeter(this.clock);
    const sampler = this.sampler(job.task, new TaskStreams(seedSequence(c.seed, STREAM.task, job.iterationIndex, job.taskIndex)));
    const spec = algorithmSpec(c.algo);
    const steps = spec.innerLoop ? c.innerSteps : 0;
    const kept: PolicyBatch[] | null = c.outerOptimizer === 'trpo' ? [] : null;
    const probed: SampledBatch[] | null = job.probeMechanism === true ? [] : null;
    const innerGradients: Float64Array[] | undefined = kept === null ? undefined : [];
    const sample = (params: Float64Array): SampledBatch => {
      const sampled = sampler.sample(params, c.episodesPerTask, meter);
      if (kept !== null && sampled.batch !== null) kept.push(sampled.batch);
      probed?.push(sampled);
      return sampled;
    };
    const rate = job.alpha ?? c.innerLr;
    const r = taskMetaGradient({
      layout: this.layout,
      theta: job.start,
      rate,
      steps,
      mode: spec.firstOrder ? 'first-order' : 'exact',
      sample,
      meter,
      programs: this.programs,
      innerGradients,
    });
    // After the training computation, on its batches: nothing above depends on it.
    const cpu0 = probed === null || this.cpuClock === null ? null : this.cpuClock();
    const mechanism = probed === null ? null : mechanismGradients(this.layout, job.start, rate, probed, this.programs);
    const mechanismCpuSeconds = cpu0 === null || this.cpuClock === null ? null : (this.cpuClock() - cpu0) / 1000;
    return {
      trpo: kept === null ? null : { train: kept.slice(0, steps).map(toPlainBatch), validation: toPlainBatch(kept[steps]), innerGradients },
      grad: r.grad,
      alphaGrad: r.alphaGrad,
      returnBefore: r.returnBefore,
      returnAfter: r.returnAfter,
      lossBefore: r.lossBefore,
      lossAfter: r.lossAfter,
      cost: { seconds: { ...meter.seconds }, envSteps: meter.envSteps, gradientEvaluations: meter.gradientEvaluations, hvps: meter.hvps, peakRetainedFloats: meter.peakRetainedFloats },
      mechanism,
      mechanismCpuSeconds,
    };
  }
}

/**
 * Where a meta-batch's jobs run. `runTasks` resolves with one outcome per job, in job order.
 * In-realm (serial) by default; a worker pool (Node's worker threads in the CLI, Web Workers in a
 * page) gives the same outcomes, since every job is deterministic.
 */
export interface TaskPool {
  /**
   * `runHere` runs a job in the caller's realm on the caller's runner (warm, its programs
   * compiled), which a pool may use for the jobs it has no worker ready for.
   */
  runTasks(config: MetaConfig, jobs: readonly TaskJob[], runHere?: (job: TaskJob) => TaskOutcome): Promise<TaskOutcome[]>;
  /** Where a TRPO step of this config can run its tasks' products and evaluations (absent: in this realm). */
  trpoHost?(config: MetaConfig): TrpoTaskHost;
  /** Where the held-out evaluation of this config can run its per-task jobs (absent: in this realm). */
  heldOutHost?(config: MetaConfig): HeldOutHost;
}
