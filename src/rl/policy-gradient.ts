/**
 * One vanilla policy-gradient (REINFORCE) step of an MLP policy (categorical or Gaussian head, by
 * its layout), in two reusable halves: sample a batch with advantages, and the gradient of the
 * REINFORCE surrogate on it.
 */
import { fromBuffer } from '../autodiff/tensor.js';
import { valueAndGrad } from '../autodiff/transforms.js';
import type { Tensor } from '../autodiff/tensor.js';
import type { VectorEnv } from '../envs/vector-env.js';
import { LinearFeatureBaseline } from '../nn/baseline.js';
import { gaussianLogStd, gaussianMean, isGaussianLayout } from '../nn/gaussian.js';
import { type MlpLayout, mlpForward } from '../nn/mlp.js';
import { type EntropyBonus, type PolicyBatch, gaussianReinforceLoss, reinforceLoss } from '../nn/reinforce.js';
import type { Rng } from '../rng/rng.js';
import { type AdvantageOptions, type ValueBaseline, computeAdvantages, toPolicyBatch } from './batch.js';
import { sampledActor } from './policy.js';
import { checkPolicyFits } from './policy-layout.js';
import { type Rollout, meanEpisodeReturn, rollout } from './rollout.js';

export interface PolicyGradientOptions extends AdvantageOptions {
  /** Complete episodes per batch (split over the sub-envs as `rollout` does). */
  readonly episodes: number;
  /** Seed of the reset that starts the batch (sub-env i gets seed + i); omitted, streams continue. */
  readonly seed?: number | bigint;
  /**
   * Value baseline, fitted on this batch and left fitted; default a fresh LinearFeatureBaseline
   * (so truncated returns are then bootstrapped from 0 before its fit, see computeAdvantages).
   */
  readonly baseline?: ValueBaseline;
}

export interface BatchStats {
  /** Mean undiscounted return of the batch's episodes. */
  readonly meanReturn: number;
  /** Env steps taken, i.e. rows of the batch. */
  readonly envSteps: number;
  readonly episodes: number;
}

export interface PolicyGradientBatch {
  readonly batch: PolicyBatch;
  readonly stats: BatchStats;
  /** The sampled episodes themselves. */
  readonly rollout: Rollout;
}

/**
 * Samples `options.episodes` episodes from `venv` (streams continue; seed the vector env to fix
 * them) with actions drawn from the policy by `rng`, and returns them as a PolicyBatch with
 * baseline-subtracted GAE advantages.
 */
export function samplePolicyGradientBatch<O>(
  layout: MlpLayout,
  params: Float64Array,
  venv: VectorEnv<O>,
  rng: Rng,
  options: PolicyGradientOptions,
): PolicyGradientBatch {
  checkPolicyFits('samplePolicyGradientBatch', layout, venv);
  const sampled = rollout(venv, sampledActor(layout, params, rng), { episodes: options.episodes, seed: options.seed });
  const baseline = options.baseline ?? new LinearFeatureBaseline(venv.obsDim);
  const advantages = computeAdvantages(sampled, baseline, options);
  return {
    batch: toPolicyBatch(sampled, advantages),
    stats: { meanReturn: meanEpisodeReturn(sampled), envSteps: sampled.steps, episodes: sampled.numEpisodes },
    rollout: sampled,
  };
}

/**
 * The REINFORCE surrogate of an MLP policy (its layout's head) as a function of its flat
 * parameters; `scale`, a scalar tensor, replaces the surrogate's -1/n (see reinforceLoss); with
 * `bonus`, minus its coefficient times the policy's mean entropy.
 */
export function reinforceObjective(layout: MlpLayout, theta: Tensor, batch: PolicyBatch, scale?: Tensor, bonus?: EntropyBonus): Tensor {
  if (isGaussianLayout(layout)) {
    return gaussianReinforceLoss(gaussianMean(layout, theta, batch.obs), gaussianLogStd(layout, theta), batch.actions, batch.advantages, scale, bonus);
  }
  return reinforceLoss(mlpForward(layout, theta, batch.obs), batch.actions, batch.advantages, scale, bonus);
}

/** The surrogate's value and its gradient (a fresh buffer) at `params`. */
export function reinforceGradient(layout: MlpLayout, params: Float64Array, batch: PolicyBatch): { loss: number; grad: Float64Array } {
  if (params.length !== layout.size) throw new Error(`reinforceGradient: params have length ${params.length}, expected ${layout.size} (layout.size)`);
  const { value, grad } = valueAndGrad((theta: Tensor) => reinforceObjective(layout, theta, batch))(fromBuffer(params, [layout.size]));
  return { loss: value.item(), grad: grad.data };
}
