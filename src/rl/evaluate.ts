/** Mean episode return of a categorical MLP policy, acting by sampling or greedily. */
import type { VectorEnv } from '../envs/vector-env.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { Rng } from '../rng/rng.js';
import { greedyActor, sampledActor } from './policy.js';
import { rollout } from './rollout.js';

export interface EvaluationOptions {
  /** Complete episodes to run. */
  readonly episodes: number;
  /** Draws the actions; omitted, the policy acts greedily (argmax of the logits). */
  readonly rng?: Rng;
  /** Seed of the reset that starts the evaluation (sub-env i gets seed + i); omitted, streams continue. */
  readonly seed?: number | bigint;
}

export interface Evaluation {
  readonly meanReturn: number;
  /** Undiscounted return of each episode, in the order they ended. */
  readonly returns: Float64Array;
  readonly envSteps: number;
}

export function evaluatePolicy<O>(venv: VectorEnv<O>, layout: MlpLayout, params: Float64Array, options: EvaluationOptions): Evaluation {
  const act = options.rng === undefined ? greedyActor(layout, params) : sampledActor(layout, params, options.rng);
  const r = rollout(venv, act, { episodes: options.episodes, seed: options.seed });
  const returns = r.episodeReturns.slice();
  let total = 0;
  for (let e = 0; e < returns.length; e++) total += returns[e];
  return { meanReturn: total / returns.length, returns, envSteps: r.steps };
}
