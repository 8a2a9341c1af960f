/** Mean episode return of an MLP policy (categorical or Gaussian head), acting by sampling or greedily. */
import type { VectorEnv } from '../envs/vector-env.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { Rng } from '../rng/rng.js';
import { greedyActor, sampledActor } from './policy.js';
import { meanEpisodeReturn, rollout } from './rollout.js';

/** How many episodes `evaluatePolicy` runs, greedy or sampled, from which seed. */
export interface EvaluationOptions {
  /** Complete episodes to run. */
  readonly episodes: number;
  /** Draws the actions; omitted, the policy acts greedily (argmax of the logits, or the Gaussian's mean). */
  readonly rng?: Rng;
  /** Seed of the reset that starts the evaluation (sub-env i gets seed + i); omitted, streams continue. */
  readonly seed?: number | bigint;
}

/** What `evaluatePolicy` returns: the mean and each episode's undiscounted return, and the env steps taken. */
export interface Evaluation {
  readonly meanReturn: number;
  /** Undiscounted return of each episode, in the order they ended. */
  readonly returns: Float64Array;
  readonly envSteps: number;
}

/** Runs complete episodes of a policy on a VectorEnv, greedy or sampled, and returns their returns. */
export function evaluatePolicy<O>(venv: VectorEnv<O>, layout: MlpLayout, params: Float64Array, options: EvaluationOptions): Evaluation {
  const act = options.rng === undefined ? greedyActor(layout, params) : sampledActor(layout, params, options.rng);
  const r = rollout(venv, act, { episodes: options.episodes, seed: options.seed });
  return { meanReturn: meanEpisodeReturn(r), returns: r.episodeReturns.slice(), envSteps: r.steps };
}
