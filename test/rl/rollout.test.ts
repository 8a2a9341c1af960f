import { describe, expect, it } from 'vitest';
import { CartPole } from '../../src/envs/cartpole.js';
import { cartPoleTasks } from '../../src/envs/cartpole-tasks.js';
import { EMPTY_INFO, boxSpace, type Env, type ResetResult, type StepResult } from '../../src/envs/env.js';
import { lunarLanderContinuousTasks } from '../../src/envs/lunar-lander-tasks.js';
import { type VectorAction, VectorEnv } from '../../src/envs/vector-env.js';
import { PCG64 } from '../../src/rng/index.js';
import { rollout, type BatchedPolicy, type Rollout } from '../../src/rl/rollout.js';

/** An action per observation row: an integer (Discrete), or a row of reals (Box). */
type RowPolicy = (obs: ArrayLike<number>, row: number) => number | number[];
/** Push towards the pole's lean: reaches the 500-step limit for most seeds. */
const lean: RowPolicy = (o, r) => (o[r * 4 + 2] + o[r * 4 + 3] > 0 ? 1 : 0);
/** Push by the angle only: episodes of 25..55 steps. */
const byAngle: RowPolicy = (o, r) => (o[r * 4 + 2] > 0 ? 1 : 0);
const batched = (p: RowPolicy, dim = 1): BatchedPolicy => (obs, n, out) => {
  for (let k = 0; k < n; k++) {
    const a = p(obs, k);
    if (typeof a === 'number') out[k] = a;
    else for (let j = 0; j < dim; j++) out[k * dim + j] = a[j];
  }
};

interface RefEpisode {
  env: number;
  /** Index of the vector step that ended it; Infinity for an episode cut by the budget. */
  end: number;
  obs: number[];
  /** actionDim numbers per step, flattened. */
  actions: number[];
  rewards: number[];
  terminated: number;
  truncated: number;
  final: number[];
}

/**
 * The rollout's data built by hand: env i (reset with seed + i) runs its quota of episodes or its
 * share of the step budget alone, and the episodes are ordered by (end step, env index).
 */
function replay(envs: Env<VectorAction>[], seed: number, policy: RowPolicy, quota: (i: number) => number, stepShare: (i: number) => number): RefEpisode[] {
  const episodes: RefEpisode[] = [];
  envs.forEach((env, i) => {
    let obs = env.reset({ seed: seed + i }).obs;
    let ep: RefEpisode = { env: i, end: Infinity, obs: [], actions: [], rewards: [], terminated: 0, truncated: 0, final: [] };
    let done = 0;
    for (let t = 1; t <= stepShare(i) && done < quota(i); t++) {
      const a = policy(obs, 0);
      ep.obs.push(...obs);
      ep.actions.push(...[a].flat());
      const r = env.step(typeof a === 'number' ? a : Float64Array.from(a));
      ep.rewards.push(r.reward);
      obs = r.obs;
      if (r.terminated || r.truncated) {
        episodes.push({ ...ep, end: t, terminated: +r.terminated, truncated: +r.truncated, final: Array.from(r.obs) });
        ep = { env: i, end: Infinity, obs: [], actions: [], rewards: [], terminated: 0, truncated: 0, final: [] };
        obs = env.reset().obs;
        done++;
      }
    }
    if (ep.rewards.length > 0) episodes.push({ ...ep, truncated: 1, final: Array.from(obs) });
  });
  return episodes.sort((a, b) => a.end - b.end || a.env - b.env);
}

/** Element-wise Object.is (so bit-identical for non-NaN numbers); far faster than toEqual on long arrays. */
function expectSame(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) expect.fail(`${what}[${k}]: ${actual[k]}, expected ${expected[k]}`);
  }
}

function expectEqualsReplay(r: Rollout, ref: RefEpisode[]): void {
  expect(r.numEpisodes).toBe(ref.length);
  const flat = (f: (e: RefEpisode) => number[]): number[] => ref.flatMap(f);
  const last = (e: RefEpisode, flag: number): number[] => e.rewards.map((_, t) => (t === e.rewards.length - 1 ? flag : 0));
  expectSame(r.obs, flat((e) => e.obs), 'obs');
  expectSame(r.actions, flat((e) => e.actions), 'actions');
  expectSame(r.rewards, flat((e) => e.rewards), 'rewards');
  expectSame(r.terminated, flat((e) => last(e, e.terminated)), 'terminated');
  expectSame(r.truncated, flat((e) => last(e, e.truncated)), 'truncated');
  expectSame(r.episodeLengths, ref.map((e) => e.rewards.length), 'episodeLengths');
  expectSame(r.finalObs, flat((e) => e.final), 'finalObs');
  expect(r.completeEpisodes).toBe(ref.filter((e) => e.end !== Infinity).length);
}

/** Invariants every rollout satisfies. */
function expectConsistent(r: Rollout): void {
  const T = r.steps;
  expect([r.obs.length, r.actions.length, r.rewards.length, r.terminated.length, r.truncated.length]).toEqual([T * r.obsDim, T * r.actionDim, T, T, T]);
  expect([r.episodeStarts.length, r.episodeLengths.length, r.episodeReturns.length, r.finalObs.length]).toEqual([
    r.numEpisodes, r.numEpisodes, r.numEpisodes, r.numEpisodes * r.obsDim,
  ]);
  let start = 0;
  for (let e = 0; e < r.numEpisodes; e++) {
    const len = r.episodeLengths[e];
    expect(r.episodeStarts[e]).toBe(start);
    expect(len).toBeGreaterThan(0);
    let sum = 0;
    for (let t = start; t < start + len; t++) sum += r.rewards[t];
    expect(r.episodeReturns[e]).toBe(sum);
    for (let t = start; t < start + len - 1; t++) if (r.terminated[t] + r.truncated[t] !== 0) expect.fail(`episode ${e} ends early at step ${t}`);
    const end = start + len - 1;
    expect(r.terminated[end] + r.truncated[end]).toBeGreaterThan(0);
    if (e >= r.completeEpisodes) expect([r.terminated[end], r.truncated[end]]).toEqual([0, 1]);
    start += len;
  }
  expect(start).toBe(T);
}

describe('rollout', () => {
  it('equals a hand-driven replay of the same envs and policy (episode quotas, mixed tasks)', () => {
    const tasks = cartPoleTasks().sampleTasks(new PCG64(3), 4);
    const family = cartPoleTasks();
    const venv = new VectorEnv(tasks.map((t) => family.makeEnv(t)));
    const calls: number[] = [];
    const policy = batched(byAngle);
    const r = rollout(venv, (obs, n, out) => (calls.push(n), policy(obs, n, out)), { episodes: 10, seed: 11 });
    expectConsistent(r);
    const quotas = [3, 3, 2, 2];
    const ref = replay(tasks.map((t) => family.makeEnv(t)), 11, byAngle, (i) => quotas[i], () => Infinity);
    expectEqualsReplay(r, ref);
    expect(r.completeEpisodes).toBe(10);
    expect(r.steps).toBe(venv.totalSteps);
    // Sub-envs drop out as their quotas fill, so the batch shrinks to the last one running.
    expect(calls.length).toBe(r.policyCalls);
    expect(calls[0]).toBe(4);
    expect(calls[calls.length - 1]).toBe(1);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(r.steps);
    expect(calls.every((n, k) => k === 0 || n <= calls[k - 1])).toBe(true);
  });

  it('keeps the final observation of time-limit truncated episodes', () => {
    const venv = new VectorEnv([new CartPole(), new CartPole(), new CartPole()]);
    const r = rollout(venv, batched(lean), { episodes: 3, seed: 1 });
    expectConsistent(r);
    expect([r.steps, r.policyCalls, r.numEpisodes]).toEqual([1500, 500, 3]);
    expect(Array.from(r.episodeLengths)).toEqual([500, 500, 500]);
    expect(Array.from(r.episodeReturns)).toEqual([500, 500, 500]);
    const ref = replay([new CartPole(), new CartPole(), new CartPole()], 1, lean, () => 1, () => Infinity);
    expect(ref.every((e) => e.truncated === 1 && e.terminated === 0 && e.final.length === 4)).toBe(true);
    expectEqualsReplay(r, ref);
  });

  it('spends a step budget exactly and cuts the running episodes, marked truncated with their last observation', () => {
    const make = (): CartPole[] => [0, 1, 2, 3].map(() => new CartPole());
    const r = rollout(new VectorEnv(make()), batched(lean), { maxSteps: 50, seed: 4 });
    expectConsistent(r);
    expect([r.steps, r.numEpisodes, r.completeEpisodes, r.policyCalls]).toEqual([50, 4, 0, 13]);
    expect(Array.from(r.episodeLengths)).toEqual([13, 13, 12, 12]);
    expectEqualsReplay(r, replay(make(), 4, lean, () => Infinity, (i) => (i < 2 ? 13 : 12)));

    const short = rollout(new VectorEnv(make()), batched(byAngle), { maxSteps: 301, seed: 4 });
    expectConsistent(short);
    expect(short.steps).toBe(301);
    expect(short.completeEpisodes).toBeGreaterThan(4);
    expectEqualsReplay(short, replay(make(), 4, byAngle, () => Infinity, (i) => (i < 1 ? 76 : 75)));
  });

  it('stops at the step budget before the episode quota', () => {
    const venv = new VectorEnv([new CartPole(), new CartPole()]);
    const r = rollout(venv, batched(byAngle), { episodes: 100, maxSteps: 200, seed: 0 });
    expectConsistent(r);
    expect(r.steps).toBe(200);
    expect(r.completeEpisodes).toBeLessThan(100);
  });

  it('is deterministic given the env and policy seeds, and continues the streams without one', () => {
    const run = (venvSeed: number, seeds: (number | undefined)[]): Rollout[] => {
      const g = new PCG64(99);
      const policy: BatchedPolicy = (obs, n, out) => {
        for (let k = 0; k < n; k++) out[k] = g.random() < 1 / (1 + Math.exp(-10 * (obs[k * 4 + 2] + obs[k * 4 + 3]))) ? 1 : 0;
      };
      const venv = new VectorEnv([new CartPole(), new CartPole(), new CartPole()], { seed: venvSeed });
      return seeds.map((seed) => rollout(venv, policy, { episodes: 7, seed }));
    };
    const [a] = run(0, [5]);
    expectConsistent(a);
    expect(run(0, [5])[0]).toEqual(a);
    // The first unseeded reset uses the VectorEnv's seed.
    expect(run(5, [undefined])[0]).toEqual(a);
    const [, next] = run(5, [undefined, undefined]);
    expectConsistent(next);
    expect(next.obs.subarray(0, 4)).not.toEqual(a.obs.subarray(0, 4));
    expect(run(0, [6])[0].obs.subarray(0, 4)).not.toEqual(a.obs.subarray(0, 4));
  });

  it('grows its buffers past the preallocated 2^16 steps', () => {
    const make = (): CartPole[] => [0, 1, 2].map(() => new CartPole({ maxEpisodeSteps: Infinity, xThreshold: 1e9, thetaThresholdRadians: 1e9 }));
    const r = rollout(new VectorEnv(make()), batched(byAngle), { maxSteps: 70_001, seed: 2 });
    expectConsistent(r);
    expect(Array.from(r.episodeLengths)).toEqual([23_334, 23_334, 23_333]);
    expectEqualsReplay(r, replay(make(), 2, byAngle, () => Infinity, (i) => (i < 2 ? 23_334 : 23_333)));
  });

  it('rejects missing or invalid limits, naming the option', () => {
    const venv = new VectorEnv([new CartPole()]);
    const p = batched(lean);
    expect(() => rollout(venv, p, {})).toThrow(/give episodes, maxSteps or both/);
    expect(() => rollout(venv, p, { episodes: 0 })).toThrow(/episodes must be a positive integer, got 0/);
    expect(() => rollout(venv, p, { maxSteps: 1.5 })).toThrow(/maxSteps must be a positive integer, got 1\.5/);
    const endless = new VectorEnv([new CartPole({ maxEpisodeSteps: Infinity })]);
    expect(() => rollout(endless, p, { episodes: 1 })).toThrow(/a sub-env has no time limit \(maxEpisodeSteps = Infinity\), so maxSteps is required/);
    expect(rollout(endless, p, { episodes: 1, maxSteps: 10 }).steps).toBe(10);
  });
});

/** obs [x], Box(2) actions: x moves by a0 - a1, the reward is a0 * a1; ends when |x| > 3 or at the limit. */
class DriftEnv implements Env<Float64Array> {
  readonly observationSpace = boxSpace([-1e9], [1e9]);
  readonly actionSpace = boxSpace([-1, -1], [1, 1]);
  private x = 0;
  private t = 0;
  constructor(readonly maxEpisodeSteps = 20) {}
  reset(args: { seed?: number | bigint } = {}): ResetResult {
    this.x = args.seed === undefined ? 0 : Number(args.seed) / 10;
    this.t = 0;
    return { obs: Float64Array.of(this.x), info: EMPTY_INFO };
  }
  step(a: Float64Array): StepResult {
    this.x += a[0] - a[1];
    this.t++;
    return { obs: Float64Array.of(this.x), reward: a[0] * a[1], terminated: Math.abs(this.x) > 3, truncated: this.t >= this.maxEpisodeSteps, info: EMPTY_INFO };
  }
}

describe('rollout with Box actions', () => {
  it('stores rows of actionDim numbers as the policy wrote them (unclipped) and equals a hand-driven replay (continuous LunarLander, mixed tasks)', () => {
    const family = lunarLanderContinuousTasks();
    const tasks = family.sampleTasks(new PCG64(8), 3);
    // Engine commands outside [-1, 1] on purpose: the env clips them, the rollout keeps them raw.
    const steer: RowPolicy = (o, r) => [2 * o[r * 8 + 1] - 1.5, 4 * o[r * 8 + 4] + 0.3 * o[r * 8 + 5]];
    const r = rollout(new VectorEnv(tasks.map((t) => family.makeEnv(t))), batched(steer, 2), { episodes: 5, seed: 21 });
    expectConsistent(r);
    expect([r.actionShape, r.actionDim, r.numEpisodes, r.completeEpisodes]).toEqual([[2], 2, 5, 5]);
    expectEqualsReplay(r, replay(tasks.map((t) => family.makeEnv(t)), 21, steer, (i) => (i < 2 ? 2 : 1), () => Infinity));
    expect(r.actions.some((a) => Math.abs(a) > 1)).toBe(true);
  });

  it('gives a discrete rollout actionShape [] and actionDim 1', () => {
    const r = rollout(new VectorEnv([new CartPole()]), batched(byAngle), { episodes: 1, seed: 0 });
    expect([r.actionShape, r.actionDim]).toEqual([[], 1]);
  });

  it('grows its Box action buffers past the preallocated 2^16 steps', () => {
    const make = (): DriftEnv[] => [0, 1, 2].map(() => new DriftEnv(Infinity));
    const toward0: RowPolicy = (o, r) => [0.3, 0.3 + 0.01 * o[r]];
    const r = rollout(new VectorEnv(make()), batched(toward0, 2), { maxSteps: 70_001, seed: 2 });
    expectConsistent(r);
    expect(Array.from(r.episodeLengths)).toEqual([23_334, 23_334, 23_333]);
    expectEqualsReplay(r, replay(make(), 2, toward0, () => Infinity, (i) => (i < 2 ? 23_334 : 23_333)));
  });
});
