/**
 * From sampled episodes to the tensors a policy-gradient loss reads: fit a value baseline, take
 * GAE advantages (bootstrapped from the baseline at truncation, zero after termination),
 * optionally normalise them, and wrap obs, actions and advantages as a PolicyBatch.
 */
import { fromBuffer } from '../autodiff/tensor.js';
import { discountedReturns, gae, normalizeAdvantages } from '../nn/advantages.js';
import type { Episodes } from '../nn/episodes.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import type { Rollout } from './rollout.js';

/** What advantages need of a baseline; LinearFeatureBaseline has this shape. */
export interface ValueBaseline {
  fit(obs: Float64Array, returns: Float64Array, episodes: Episodes): unknown;
  predict(obs: Float64Array, episodes: Episodes, out: Float64Array): void;
  predictNext(nextObs: Float64Array, episodes: Episodes, out: Float64Array): void;
}

export interface AdvantageOptions {
  /** Discount; default 0.99. */
  readonly gamma?: number;
  /** GAE lambda; default 1 (Monte Carlo returns minus the baseline). */
  readonly gaeLambda?: number;
  /** Standardise the advantages over the batch (each episode weighing the same); default true. */
  readonly normalizeAdvantages?: boolean;
}

/**
 * The fields of a rollout that advantages and the batch tensors read; without actionShape, the
 * actions are one integer per step (a Discrete space).
 */
export type EpisodeBatch = Pick<
  Rollout,
  'obsDim' | 'steps' | 'obs' | 'actions' | 'rewards' | 'terminated' | 'episodeStarts' | 'episodeLengths' | 'finalObs'
> &
  Partial<Pick<Rollout, 'actionShape'>>;

/**
 * Advantages [steps] of every step of `episodes`, in three passes:
 * 1. discounted returns, bootstrapped at truncation from the baseline's value of finalObs with
 *    its weights as they are on entry (zero for a fresh LinearFeatureBaseline, the previous
 *    batch's fit when the baseline is kept across iterations);
 * 2. the baseline fitted on those returns;
 * 3. GAE(gamma, lambda) on the fitted values, bootstrapped at truncation from the fitted
 *    baseline's value of finalObs; then standardised if asked.
 * The baseline is left fitted on this batch.
 */
export function computeAdvantages(episodes: EpisodeBatch, baseline: ValueBaseline, options: AdvantageOptions = {}): Float64Array {
  const { gamma = 0.99, gaeLambda = 1, normalizeAdvantages: normalize = true } = options;
  const { steps, obs, rewards, finalObs } = episodes;
  const numEpisodes = episodes.episodeStarts.length;
  if (steps === 0 || numEpisodes === 0) throw new Error('computeAdvantages: the batch is empty, expected at least one step');
  const nextValues = new Float64Array(numEpisodes);
  baseline.predictNext(finalObs, episodes, nextValues);
  const returns = new Float64Array(steps);
  discountedReturns(rewards, episodes, gamma, returns, nextValues);
  baseline.fit(obs, returns, episodes);

  const values = new Float64Array(steps);
  baseline.predict(obs, episodes, values);
  baseline.predictNext(finalObs, episodes, nextValues);
  const advantages = new Float64Array(steps);
  gae(rewards, values, episodes, gamma, gaeLambda, advantages, nextValues);
  if (normalize) normalizeAdvantages(advantages, episodes, advantages);
  return advantages;
}

/**
 * obs [steps, obsDim], actions [steps, ...actionShape] and advantages [steps] as tensors over
 * copies of the buffers.
 */
export function toPolicyBatch(episodes: EpisodeBatch, advantages: Float64Array): PolicyBatch {
  const { steps, obsDim } = episodes;
  const actionShape = episodes.actionShape ?? [];
  const actionDim = actionShape.reduce((a, b) => a * b, 1);
  if (advantages.length !== steps) throw new Error(`toPolicyBatch: advantages have length ${advantages.length}, expected ${steps} (one per step)`);
  return {
    obs: fromBuffer(episodes.obs.slice(0, steps * obsDim), [steps, obsDim]),
    actions: fromBuffer(episodes.actions.slice(0, steps * actionDim), [steps, ...actionShape]),
    advantages: fromBuffer(advantages.slice(), [steps]),
  };
}
