/**
 * How a categorical MLP policy's episodes end, for envs that report it: an env whose step info
 * carries `outcome` (a string such as 'success' or 'collision', or null while the episode goes on
 * and when it is only truncated) gets its episodes counted by the outcome of their last step,
 * beside the mean return. One env, one episode at a time: the vector env and rollout do not keep
 * the infos.
 */
import type { Env } from '../envs/env.js';
import { outcomesOf } from '../envs/registry.js';
import { isGaussianLayout } from '../nn/gaussian.js';
import { greedy, sampleCategorical } from '../nn/categorical.js';
import type { MlpLayout } from '../nn/mlp.js';
import { mlpInference } from '../nn/mlp-inference.js';
import type { Rng } from '../rng/rng.js';

/** How many episodes `evaluateOutcomes` runs, from which seed, greedy or sampled. */
export interface OutcomeOptions {
  /** Complete episodes to run. */
  readonly episodes: number;
  /** Seed of the first episode's reset; later episodes continue the env's stream. Omitted, the first continues it too. */
  readonly seed?: number | bigint;
  /** Draws the actions (one `random()` per step); omitted, the policy acts greedily (argmax of the logits). */
  readonly rng?: Rng;
}

/** Returns of a policy with how its episodes ended, counted by outcome. */
export interface OutcomeEvaluation {
  readonly episodes: number;
  /** Episodes by the outcome their last step reported: { success: 181, collision: 19 }. */
  readonly counts: Readonly<Record<string, number>>;
  /** counts / episodes. */
  readonly rates: Readonly<Record<string, number>>;
  /** Fraction of episodes whose last step reported no outcome (null: cut by the time limit). */
  readonly noOutcomeRate: number;
  /** Mean undiscounted return and length of an episode. */
  readonly meanReturn: number;
  readonly meanSteps: number;
  /** Undiscounted return of each episode, in order. */
  readonly returns: Float64Array;
  readonly envSteps: number;
}

/**
 * Whether held-out evaluation counts how episodes end: the env's family declares the outcomes its
 * info reports, and the policy is categorical (the episodes here are played by logits).
 */
export function countsOutcomes(env: string, layout: MlpLayout): boolean {
  return !isGaussianLayout(layout) && outcomesOf(env) !== null;
}

/**
 * Runs `options.episodes` episodes of the policy `params` on `env` and counts how they ended.
 * Throws if the env's info has no `outcome` field (or a non-string, non-null one), or if the
 * env's spaces do not fit the policy.
 */
export function evaluateOutcomes<O>(env: Env<number, O>, layout: MlpLayout, params: Float64Array, options: OutcomeOptions): OutcomeEvaluation {
  const { episodes, seed, rng } = options;
  if (!Number.isSafeInteger(episodes) || episodes <= 0) throw new Error(`evaluateOutcomes: episodes must be a positive integer, got ${episodes}`);
  const obsDim = layout.sizes[0];
  const numActions = layout.sizes[layout.sizes.length - 1];
  const envObsDim = env.observationSpace.shape.reduce((a, b) => a * b, 1);
  if (envObsDim !== obsDim) throw new Error(`evaluateOutcomes: env obsDim is ${envObsDim}, expected the policy's input size ${obsDim}`);
  if (env.actionSpace.kind !== 'discrete' || env.actionSpace.n !== numActions) {
    const got = env.actionSpace.kind === 'discrete' ? `Discrete(${env.actionSpace.n})` : env.actionSpace.kind;
    throw new Error(`evaluateOutcomes: env action space is ${got}, expected Discrete(${numActions}) (the policy's output size)`);
  }
  if (env.maxEpisodeSteps === Infinity) throw new Error('evaluateOutcomes: env has no time limit (maxEpisodeSteps = Infinity), expected a finite one');
  const logits = mlpInference(layout, params);
  const obs = new Float64Array(obsDim);
  const action = new Float64Array(1);
  const returns = new Float64Array(episodes);
  const counts: Record<string, number> = {};
  let noOutcome = 0;
  let envSteps = 0;
  for (let e = 0; e < episodes; e++) {
    obs.set(env.reset(e === 0 && seed !== undefined ? { seed } : undefined).obs);
    let total = 0;
    for (;;) {
      const row = logits(obs, 1);
      if (rng === undefined) greedy(row, 1, numActions, action);
      else sampleCategorical(row, 1, numActions, rng, action);
      const { obs: next, reward, terminated, truncated, info } = env.step(action[0]);
      total += reward;
      envSteps++;
      if (terminated || truncated) {
        const outcome = info.outcome;
        if (outcome === null) noOutcome++;
        else if (typeof outcome === 'string') counts[outcome] = (counts[outcome] ?? 0) + 1;
        else throw new Error(`evaluateOutcomes: the env's info.outcome is ${outcome === undefined ? 'missing' : JSON.stringify(outcome)}, expected a string or null`);
        break;
      }
      obs.set(next);
    }
    returns[e] = total;
  }
  const rates: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) rates[key] = n / episodes;
  let sum = 0;
  for (let e = 0; e < episodes; e++) sum += returns[e];
  return { episodes, counts, rates, noOutcomeRate: noOutcome / episodes, meanReturn: sum / episodes, meanSteps: envSteps / episodes, returns, envSteps };
}
