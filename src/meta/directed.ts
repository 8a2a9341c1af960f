/**
 * The task-directed approximation ("Directed-"), one piece that any base algorithm applies before
 * its meta-update (spec: docs/specs/directed-maml.md):
 *   1. a medium task T_m: the midpoint of every range ('center'), the mean of this iteration's
 *      meta-batch ('batch-mean'), or a task given by the user ('fixed'); as controls, a task drawn
 *      from the distribution ('random');
 *   2. M trajectories in T_m with pi_theta;
 *   3. one plain first-order step theta_d = theta - eta grad L_Tm(theta; D_m) (no optimiser
 *      state; Meta-SGD may step with its learned alpha_vec instead of the scalar eta);
 *   4. 'permanent': theta becomes theta_d, the base algorithm's inner loops and meta-update start
 *      from it; 'lookahead': the inner loops start from theta_d, the meta-gradient (taken at
 *      theta_d) is applied to the original theta.
 * The control 'pooled' replaces steps 1-3 by the same plain step (same eta) on the whole
 * meta-batch: M trajectories in each of the B tasks, the mean of their gradients. It tells a
 * larger first-order step apart from a step toward the medium task.
 * Scheduled every iteration, every n-th (iterations n, 2n, ...) or for the first n iterations.
 * Its rollouts and gradient count in the iteration's costs, its time in seconds.directed.
 */
import type { TaskParams } from '../envs/task-family.js';
import type { MlpLayout } from '../nn/mlp.js';
import { sgdStepInto } from '../nn/optimizers.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { algorithmSpec } from './algorithms.js';
import type { DirectedConfig, MetaConfig } from './config.js';
import type { CostMeter } from './costs.js';
import { lossAndGrad } from './inner-loop.js';
import type { SurrogatePrograms } from './programs.js';
import type { TaskSampler } from './sampling.js';

/** Whether the directed step runs at 1-based meta-iteration `iteration`. */
export function isScheduled(config: Pick<DirectedConfig, 'schedule' | 'scheduleN'>, iteration: number): boolean {
  switch (config.schedule) {
    case 'every':
      return true;
    case 'every-nth':
      return iteration % config.scheduleN === 0;
    case 'first-n':
      return iteration <= config.scheduleN;
  }
}

/**
 * The medium task's parameters, keys in the family's order; 'random' takes `randomTask()` (a draw
 * from the task distribution on a stream of its own). 'pooled' has no single task.
 */
export function estimateMediumTask(
  config: Pick<DirectedConfig, 'estimator' | 'fixedTask'>,
  family: { readonly ranges: Readonly<Record<string, readonly [number, number]>>; mediumTask(): TaskParams },
  tasks: readonly TaskParams[],
  randomTask?: () => TaskParams,
): TaskParams {
  switch (config.estimator) {
    case 'center':
      return family.mediumTask();
    case 'random':
      if (randomTask === undefined) throw new Error('directed: estimator is "random" but no task draw was given, expected randomTask');
      return randomTask();
    case 'pooled':
      throw new Error('directed: estimator "pooled" steps on the whole meta-batch, expected a single-task estimator here');
    case 'fixed': {
      if (config.fixedTask === null) throw new Error('directed: estimator is "fixed" but fixedTask is null, expected a task object');
      const out: TaskParams = {};
      for (const key of Object.keys(family.ranges)) out[key] = config.fixedTask[key];
      return out;
    }
    case 'batch-mean': {
      if (tasks.length === 0) throw new Error('directed: batch-mean needs at least one task of the meta-batch, got 0');
      const out: TaskParams = {};
      for (const key of Object.keys(family.ranges)) {
        let s = 0;
        for (const t of tasks) s += t[key];
        out[key] = s / tasks.length;
      }
      return out;
    }
  }
}

/** The step size of the directed step: eta (default alpha), or Meta-SGD's learned alpha_vec. */
export function directedRate(config: Pick<MetaConfig, 'algo' | 'innerLr' | 'directed'>, alphaVec: Float64Array | null): number | Float64Array {
  if (algorithmSpec(config.algo).learnsRates && config.directed.metaSgdRate === 'learned') {
    if (alphaVec === null) throw new Error('directed: metaSgdRate is "learned" but there is no alpha_vec');
    return alphaVec;
  }
  return config.directed.eta ?? config.innerLr;
}

/** The directed step's point and the gradient it stepped along. */
export interface DirectedUpdate {
  /** theta - rate (*) grad, a fresh vector. */
  readonly theta: Float64Array;
  /** grad L_m(theta; D_m), or for 'pooled' the mean of the B tasks' gradients. */
  readonly grad: Float64Array;
  readonly loss: number;
  readonly meanReturn: number;
  readonly envSteps: number;
}

export interface DirectedStepResult extends DirectedUpdate {
  /** The medium-task batch D_m the gradient was taken on. */
  readonly batch: PolicyBatch;
}

/** Steps 2-3: M trajectories in the medium task with pi_theta, then one plain gradient step. */
export function directedStep(
  layout: MlpLayout,
  theta: Float64Array,
  rate: number | Float64Array,
  sampler: TaskSampler,
  episodes: number,
  meter: CostMeter,
  programs?: SurrogatePrograms,
): DirectedStepResult {
  const sampled = sampler.sample(theta, episodes, meter);
  const batch = sampled.batch as PolicyBatch;
  const { loss, grad } = lossAndGrad(layout, theta, batch, meter, programs);
  const out = sgdStepInto(new Float64Array(theta.length), theta, rate, grad);
  return { theta: out, grad, batch, loss, meanReturn: sampled.meanReturn, envSteps: sampled.envSteps };
}

/**
 * The 'pooled' control: `episodes` trajectories with pi_theta in each task's sampler, the mean of
 * the tasks' surrogate gradients (tasks weigh equally, as in the meta-gradient), one plain step.
 */
export function pooledStep(
  layout: MlpLayout,
  theta: Float64Array,
  rate: number | Float64Array,
  samplers: readonly TaskSampler[],
  episodes: number,
  meter: CostMeter,
  programs?: SurrogatePrograms,
): DirectedUpdate {
  if (samplers.length === 0) throw new Error('directed: the pooled step needs at least one task of the meta-batch, got 0');
  const n = theta.length;
  const grad = new Float64Array(n);
  let loss = 0;
  let meanReturn = 0;
  let envSteps = 0;
  for (const sampler of samplers) {
    const sampled = sampler.sample(theta, episodes, meter);
    const r = lossAndGrad(layout, theta, sampled.batch as PolicyBatch, meter, programs);
    for (let i = 0; i < n; i++) grad[i] += r.grad[i];
    loss += r.loss;
    meanReturn += sampled.meanReturn;
    envSteps += sampled.envSteps;
  }
  const B = samplers.length;
  for (let i = 0; i < n; i++) grad[i] /= B;
  const out = sgdStepInto(new Float64Array(n), theta, rate, grad);
  return { theta: out, grad, loss: loss / B, meanReturn: meanReturn / B, envSteps };
}

export interface DirectedPhase {
  /** Whether the step ran this iteration. */
  readonly applied: boolean;
  /** The meta-parameters after the phase: the directed point in 'permanent' mode, else theta itself. */
  readonly theta: Float64Array;
  /** Where the inner loops start: the directed point when applied (either mode), else theta. */
  readonly start: Float64Array;
  /** The medium task; null when the step did not run or was 'pooled'. */
  readonly task: TaskParams | null;
  readonly step: DirectedUpdate | null;
}

export interface DirectedPhaseArgs {
  readonly config: DirectedConfig;
  /** 1-based meta-iteration being run. */
  readonly iteration: number;
  readonly layout: MlpLayout;
  /** The meta-parameters (read, never written). */
  readonly theta: Float64Array;
  readonly rate: number | Float64Array;
  /** This iteration's meta-batch (for 'batch-mean'). */
  readonly tasks: readonly TaskParams[];
  readonly family: Parameters<typeof estimateMediumTask>[1];
  /** Builds the sampler of the medium task (its env and streams). */
  readonly samplerFor: (task: TaskParams) => TaskSampler;
  /** 'random' only: a task drawn from the distribution. */
  readonly randomTask?: () => TaskParams;
  /** 'pooled' only: the sampler of the meta-batch's task j (streams of its own). */
  readonly batchSamplerFor?: (task: TaskParams, j: number) => TaskSampler;
  /** M. */
  readonly episodes: number;
  readonly meter: CostMeter;
  /** Where the gradient runs; default eager. */
  readonly programs?: SurrogatePrograms;
}

/** Steps 1-4, timed as a whole in the meter's 'directed' bucket. */
export function directedPhase(a: DirectedPhaseArgs): DirectedPhase {
  if (!isScheduled(a.config, a.iteration)) return { applied: false, theta: a.theta, start: a.theta, task: null, step: null };
  return a.meter.time('directed', () => {
    let task: TaskParams | null = null;
    let step: DirectedUpdate;
    if (a.config.estimator === 'pooled') {
      const samplerFor = a.batchSamplerFor;
      if (samplerFor === undefined) throw new Error('directed: estimator is "pooled" but no task samplers were given, expected batchSamplerFor');
      step = pooledStep(a.layout, a.theta, a.rate, a.tasks.map((t, j) => samplerFor(t, j)), a.episodes, a.meter, a.programs);
    } else {
      task = estimateMediumTask(a.config, a.family, a.tasks, a.randomTask);
      step = directedStep(a.layout, a.theta, a.rate, a.samplerFor(task), a.episodes, a.meter, a.programs);
    }
    return { applied: true, theta: a.config.mode === 'permanent' ? step.theta : a.theta, start: step.theta, task, step };
  });
}
