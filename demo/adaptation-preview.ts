import { type Env, type MetaTrainer, type MlpLayout, type PCG64, sampledActor } from '../src/index.js';
// The trainer's own task sampling and gradient, below the package's public surface.
import { taskFamily } from '../src/meta/config.js';
import { TaskSampler, TaskStreams, seedSequence, streamRng } from '../src/meta/sampling.js';
import { reinforceGradient } from '../src/rl/policy-gradient.js';
import { captureOf } from './episode-capture.js';
import type { AdaptationPreview, EpisodeTrace } from './worker-protocol.js';

/**
 * What one adaptation step does to the current meta-policy: on a freshly sampled task, an episode
 * with theta, then one inner step exactly as training takes it (a batch of episodesPerTask episodes
 * with theta, theta' = theta - alpha * grad, Meta-SGD's learned rates if any), then an episode
 * with theta' from the same start state. Its randomness has its own seed-sequence key under the
 * run's seed, outside the trainer's (sampling.ts STREAM), so previews never change training.
 */
const PREVIEW_STREAM = 100;

/** Episodes are cut here when the env itself never truncates. */
const MAX_PREVIEW_STEPS = 1000;

function recordEpisode(env: Env<number, never>, layout: MlpLayout, params: Float64Array, seed: number, rng: PCG64): EpisodeTrace {
  const act = sampledActor(layout, params, rng);
  const action = new Float64Array(1);
  const capture = captureOf(env);
  const reset = env.reset({ seed });
  let obs = reset.obs;
  const frames: Float64Array[] = [capture.frame(reset)];
  const scenery = capture.scenery();
  const actions: number[] = [];
  let totalReturn = 0;
  let terminated = false;
  const limit = Math.min(env.maxEpisodeSteps, MAX_PREVIEW_STEPS);
  for (let t = 0; t < limit; t++) {
    act(obs, 1, action);
    const step = env.step(action[0]);
    obs = step.obs;
    frames.push(capture.frame(step));
    actions.push(action[0]);
    totalReturn += step.reward;
    if (step.terminated || step.truncated) {
      terminated = step.terminated;
      break;
    }
  }
  const stateSize = frames[0].length;
  const states = new Float64Array(frames.length * stateSize);
  frames.forEach((f, i) => states.set(f, i * stateSize));
  return { states, stateSize, scenery, actions: Float64Array.from(actions), totalReturn, terminated };
}

export class PreviewMaker {
  private readonly rng: PCG64;
  private count = 0;

  constructor(private readonly trainer: MetaTrainer) {
    this.rng = streamRng(trainer.config.seed, PREVIEW_STREAM);
  }

  next(): AdaptationPreview {
    const { config, layout } = this.trainer;
    const family = taskFamily(config);
    const [task] = family.sampleTasks(this.rng, 1);
    const key = this.count++;
    const streams = new TaskStreams(seedSequence(config.seed, PREVIEW_STREAM, key));
    const sampler = new TaskSampler(family, task, streams, {
      layout,
      numEnvs: config.numEnvs,
      gamma: config.gamma,
      gaeLambda: config.gaeLambda,
      normalizeAdvantages: config.normalizeAdvantages,
    });
    const theta = Float64Array.from(this.trainer.params);
    const { batch } = sampler.sample(theta, config.episodesPerTask, null);
    const adapted = Float64Array.from(theta);
    if (batch !== null) {
      const { grad } = reinforceGradient(layout, theta, batch);
      const rates = this.trainer.alphaVec;
      for (let i = 0; i < adapted.length; i++) adapted[i] -= (rates === null ? config.innerLr : rates[i]) * grad[i];
    }
    const env = family.makeEnv(task);
    const seed = streams.nextEnvSeed();
    const before = recordEpisode(env, layout, theta, seed, streams.actions);
    const after = recordEpisode(env, layout, adapted, seed, streams.actions);
    const envParams = { ...(env as unknown as { params?: Record<string, unknown> }).params };
    return { iteration: this.trainer.iteration, envParams, task: { ...task }, before, after };
  }
}
