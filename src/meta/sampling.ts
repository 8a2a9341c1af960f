/**
 * Batches of one task: a vector env built from the task family, reset with a seed drawn from the
 * task's env stream before each rollout, actions drawn from the task's action stream, advantages
 * from a fresh value baseline per batch (a linear feature baseline as pytorch-maml-rl, or an MLP
 * critic from the run's one initialisation), so no state crosses batches.
 */
import type { Env } from '../envs/env.js';
import type { TaskFamily, TaskParams } from '../envs/task-family.js';
import { VectorEnv } from '../envs/vector-env.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { PCG64 } from '../rng/pcg64.js';
import { SeedSequence } from '../rng/seed-sequence.js';
import type { AdvantageOptions, ValueBaseline } from '../rl/batch.js';
import { samplePolicyGradientBatch } from '../rl/policy-gradient.js';
import { sampledActor } from '../rl/policy.js';
import { checkPolicyFits } from '../rl/policy-layout.js';
import { meanEpisodeReturn, rollout } from '../rl/rollout.js';
import type { CostMeter } from './costs.js';

/** One sampled batch: the loss data (null when only the returns were wanted) and its statistics. */
export interface SampledBatch {
  readonly batch: PolicyBatch | null;
  /** Mean undiscounted return of the batch's episodes. */
  readonly meanReturn: number;
  readonly envSteps: number;
}

/**
 * Spawn-key prefixes under SeedSequence(seed): [0] init, [1] task sampling, [2, it, j] task j of
 * iteration it (then spawn(2): env seeds, actions), [3, it] the directed step of iteration it
 * (same split), [6, it] the 'random' estimator's task draw, [7, it, j] the 'pooled' step's batch
 * of task j (same split). Evaluation lives under SeedSequence(evalSeed): [4] held-out tasks,
 * [5, j] task j, [8, j, ...] task j's adaptation evaluation (adaptation-eval.ts); [9] the MLP
 * critic's initialisation (under the training seed).
 * Keys identical to numpy's `SeedSequence(seed).spawn(...)` tree; disjoint prefixes keep training
 * and evaluation independent even when evalSeed equals seed.
 */
export const STREAM = Object.freeze({ init: 0, tasks: 1, task: 2, directed: 3, evalTasks: 4, evalTask: 5, directedTask: 6, directedBatch: 7, evalAdaptation: 8, critic: 9 });

/** The config's held-out tasks: the same for every evaluation of a run, from evalSeed's own stream. */
export function heldOutTasks<T extends TaskParams>(family: Pick<TaskFamily<T, Env<number, never>, unknown>, 'sampleTasks'>, evalSeed: number, count: number): T[] {
  return family.sampleTasks(streamRng(evalSeed, STREAM.evalTasks), count);
}

export function seedSequence(seed: number, ...key: number[]): SeedSequence {
  return new SeedSequence(seed, { spawnKey: key });
}

export function streamRng(seed: number, ...key: number[]): PCG64 {
  return new PCG64(seedSequence(seed, ...key));
}

/** A task's own randomness: env reset seeds and action draws, two independent child streams. */
export class TaskStreams {
  readonly envSeeds: PCG64;
  readonly actions: PCG64;

  constructor(seq: SeedSequence) {
    const [envSeq, actionSeq] = seq.spawn(2);
    this.envSeeds = new PCG64(envSeq);
    this.actions = new PCG64(actionSeq);
  }

  nextEnvSeed(): number {
    return this.envSeeds.integers(0, 2 ** 31);
  }
}

export interface SamplerOptions extends AdvantageOptions {
  readonly layout: MlpLayout;
  readonly numEnvs: number;
  /** A fresh baseline for each batch; omitted, a LinearFeatureBaseline. */
  readonly makeBaseline?: () => ValueBaseline;
}

/** One task's vector env and streams; `sample` draws a batch of complete episodes with pi_params. */
export class TaskSampler {
  readonly venv: VectorEnv<unknown>;

  constructor(
    family: TaskFamily<TaskParams, Env<number, never>, unknown>,
    readonly task: TaskParams,
    readonly streams: TaskStreams,
    private readonly options: SamplerOptions,
  ) {
    const envs = Array.from({ length: options.numEnvs }, () => family.makeEnv(task) as unknown as Env<number, unknown>);
    this.venv = new VectorEnv(envs);
    checkPolicyFits('TaskSampler', options.layout, this.venv);
  }

  /** A batch of `episodes` complete episodes with pi_params; `withBatch` false keeps only the returns. */
  sample(params: Float64Array, episodes: number, meter: CostMeter | null, withBatch = true): SampledBatch {
    const run = (): SampledBatch => {
      const { layout } = this.options;
      const seed = this.streams.nextEnvSeed();
      if (withBatch) {
        const baseline = this.options.makeBaseline?.();
        const { batch, stats } = samplePolicyGradientBatch(layout, params, this.venv, this.streams.actions, { ...this.options, episodes, seed, baseline });
        return { batch, meanReturn: stats.meanReturn, envSteps: stats.envSteps };
      }
      const r = rollout(this.venv, sampledActor(layout, params, this.streams.actions), { episodes, seed });
      return { batch: null, meanReturn: meanEpisodeReturn(r), envSteps: r.steps };
    };
    const out = meter === null ? run() : meter.time('sampling', run);
    if (meter !== null) meter.envSteps += out.envSteps;
    return out;
  }
}

/** Floats a stored batch holds (obs, actions, advantages). */
export function batchFloats(batch: PolicyBatch): number {
  return batch.obs.size + batch.actions.size + batch.advantages.size;
}
