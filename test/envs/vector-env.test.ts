import { describe, expect, it } from 'vitest';
import { CartPole } from '../../src/envs/cartpole.js';
import { EMPTY_INFO, boxSpace, discreteSpace, type Env, type ResetArgs, type ResetResult, type StepResult } from '../../src/envs/env.js';
import { LunarLander } from '../../src/envs/lunar-lander.js';
import { VectorEnv } from '../../src/envs/vector-env.js';

/** Push towards the pole's lean: balances CartPole to the 500-step limit for most seeds. */
const lean = (o: ArrayLike<number>, row = 0): number => (o[row * 4 + 2] + o[row * 4 + 3] > 0 ? 1 : 0);
/** Push by the angle only: fails in 25..55 steps. */
const byAngle = (o: ArrayLike<number>, row = 0): number => (o[row * 4 + 2] > 0 ? 1 : 0);

const row = (a: Float64Array, i: number, dim: number): number[] => Array.from(a.subarray(i * dim, (i + 1) * dim));

/** A minimal non-CartPole env: obs [count, lastAction, seedTag], Discrete(3), episodes of 3 steps. */
class CountEnv implements Env<number> {
  readonly observationSpace = boxSpace([0, 0, 0], [3, 2, 1e9]);
  readonly actionSpace = discreteSpace(3);
  readonly maxEpisodeSteps = 3;
  private count = 0;
  private tag = -1;
  reset(args: ResetArgs = {}): ResetResult {
    if (args.seed !== undefined) this.tag = Number(args.seed);
    this.count = 0;
    return { obs: Float64Array.of(0, 0, this.tag), info: EMPTY_INFO };
  }
  step(action: number): StepResult {
    this.count++;
    return { obs: Float64Array.of(this.count, action, this.tag), reward: action, terminated: false, truncated: this.count >= 3, info: EMPTY_INFO };
  }
}

describe('VectorEnv of CartPoles', () => {
  it('equals N independent CartPoles seeded seed + i, bit for bit, across autoresets', () => {
    const n = 5;
    const seed = 7;
    const venv = new VectorEnv(Array.from({ length: n }, () => new CartPole()));
    const refs = Array.from({ length: n }, () => new CartPole());
    const refObs = refs.map((env, i) => env.reset({ seed: seed + i }).obs);
    const obs = venv.reset({ seed });
    expect(obs).toBe(venv.obs);
    for (let i = 0; i < n; i++) expect(row(venv.obs, i, 4)).toEqual(Array.from(refObs[i]));

    const actions = new Float64Array(n);
    let resets = 0;
    let truncations = 0;
    for (let t = 0; t < 1200; t++) {
      // Even sub-envs balance (500-step episodes), odd ones fall: both kinds of ending occur.
      for (let i = 0; i < n; i++) actions[i] = i % 2 === 0 ? lean(refObs[i]) : byAngle(refObs[i]);
      venv.step(actions);
      for (let i = 0; i < n; i++) {
        const r = refs[i].step(actions[i]);
        const done = r.terminated || r.truncated;
        const expected = [r.reward, +r.terminated, +r.truncated, +done];
        expect([venv.rewards[i], venv.terminated[i], venv.truncated[i], venv.done[i]], `t=${t} env ${i}`).toEqual(expected);
        if (done) {
          expect(row(venv.finalObs, i, 4), `t=${t} env ${i} finalObs`).toEqual(Array.from(r.obs));
          refObs[i] = refs[i].reset().obs;
          resets++;
          truncations += +r.truncated;
        } else refObs[i] = r.obs;
        expect(row(venv.obs, i, 4), `t=${t} env ${i} obs`).toEqual(Array.from(refObs[i]));
      }
    }
    expect(resets).toBeGreaterThan(50);
    expect(truncations).toBeGreaterThanOrEqual(4);
    expect(venv.totalSteps).toBe(1200 * n);
  });

  it('truncates every sub-env at step 500 and resets it in the same step', () => {
    const n = 4;
    const venv = new VectorEnv(Array.from({ length: n }, () => new CartPole()));
    const refs = Array.from({ length: n }, (_, i) => new CartPole({ seed: 1 + i }));
    venv.reset({ seed: 1 });
    refs.forEach((env) => env.reset());
    const actions = new Float64Array(n);
    for (let t = 1; t <= 500; t++) {
      for (let i = 0; i < n; i++) actions[i] = lean(venv.obs, i);
      venv.step(actions);
      const last = refs.map((env, i) => env.step(actions[i]).obs);
      if (t < 500) {
        expect(Array.from(venv.done), `t=${t}`).toEqual([0, 0, 0, 0]);
        continue;
      }
      expect(Array.from(venv.truncated)).toEqual([1, 1, 1, 1]);
      expect(Array.from(venv.terminated)).toEqual([0, 0, 0, 0]);
      expect(Array.from(venv.rewards)).toEqual([1, 1, 1, 1]);
      for (let i = 0; i < n; i++) {
        expect(row(venv.finalObs, i, 4)).toEqual(Array.from(last[i]));
        expect(row(venv.obs, i, 4)).toEqual(Array.from(refs[i].reset().obs));
      }
    }
    venv.step(actions);
    expect(Array.from(venv.truncated)).toEqual([0, 0, 0, 0]);
  });

  it('the first unseeded reset uses the constructor seed (default 0) + i; later ones continue the streams', () => {
    const resetRows = (seed: number, skipResets: number): number[][] =>
      [0, 1, 2].map((i) => {
        const env = new CartPole();
        let obs = env.reset({ seed: seed + i }).obs;
        for (let k = 0; k < skipResets; k++) obs = env.reset().obs;
        return Array.from(obs);
      });
    const rows = (v: VectorEnv<unknown>): number[][] => [0, 1, 2].map((i) => row(v.obs, i, 4));
    const venv = new VectorEnv([new CartPole(), new CartPole(), new CartPole()]);
    venv.reset();
    expect(rows(venv)).toEqual(resetRows(0, 0));
    venv.reset();
    expect(rows(venv)).toEqual(resetRows(0, 1));
    const seeded = new VectorEnv([new CartPole(), new CartPole(), new CartPole()], { seed: 40 });
    seeded.reset();
    expect(rows(seeded)).toEqual(resetRows(40, 0));
    seeded.reset({ seed: 40n });
    expect(rows(seeded)).toEqual(resetRows(40, 0));
  });

  it('passes reset options to every sub-env', () => {
    const venv = new VectorEnv([new CartPole(), new CartPole()]);
    venv.reset({ seed: 3, options: { low: 0.1, high: 0.1 } });
    expect(Array.from(venv.obs)).toEqual(new Array(8).fill(Math.fround(0.1)));
  });

  it('leaves inactive sub-envs untouched and does not count them', () => {
    const venv = new VectorEnv([new CartPole(), new CartPole()]);
    const ref = new CartPole();
    venv.reset({ seed: 5 });
    ref.reset({ seed: 6 });
    const before = row(venv.obs, 1, 4);
    venv.step([1, 1]);
    venv.step([0, 1], Uint8Array.of(1, 0));
    expect(row(venv.obs, 1, 4)).toEqual(Array.from(ref.step(1).obs));
    expect([venv.rewards[1], venv.terminated[1], venv.truncated[1], venv.done[1]]).toEqual([0, 0, 0, 0]);
    expect(before).not.toEqual(row(venv.obs, 1, 4));
    expect(venv.totalSteps).toBe(3);
  });
});

describe('VectorEnv with any discrete env', () => {
  it('handles other observation sizes and action counts', () => {
    const venv = new VectorEnv([new CountEnv(), new CountEnv()]);
    expect([venv.numEnvs, venv.obsDim, venv.singleActionSpace, venv.actionDim]).toEqual([2, 3, discreteSpace(3), 1]);
    venv.reset({ seed: 10 });
    expect(Array.from(venv.obs)).toEqual([0, 0, 10, 0, 0, 11]);
    venv.step([2, 1]);
    venv.step([2, 1]);
    venv.step([0, 2]);
    expect(Array.from(venv.done)).toEqual([1, 1]);
    expect(Array.from(venv.rewards)).toEqual([0, 2]);
    expect(Array.from(venv.finalObs)).toEqual([3, 0, 10, 3, 2, 11]);
    expect(Array.from(venv.obs)).toEqual([0, 0, 10, 0, 0, 11]);
  });

  it('rejects bad construction and bad steps with the field and expected value', () => {
    expect(() => new VectorEnv([])).toThrow(/at least one env/);
    expect(() => new VectorEnv<unknown>([new CartPole(), new CountEnv()])).toThrow(/env 1 action space must be Discrete\(2\) like env 0, got Discrete\(3\)/);
    const venv = new VectorEnv([new CartPole(), new CartPole()]);
    expect(() => venv.step([0, 0])).toThrow(/reset\(\) before step\(\)/);
    venv.reset();
    expect(() => venv.step([0])).toThrow(/actions must have length 2 \(numEnvs\), got 1/);
    expect(() => venv.step([0, 2])).toThrow(/actions\[1\] must be an integer in \[0, 2\)/);
    expect(() => venv.step([0.5, 0])).toThrow(/actions\[0\]/);
    expect(() => venv.step([0, 0], [1])).toThrow(/active must have length 2/);
    expect(() => venv.env(2)).toThrow(/index must be an integer in \[0, 2\), got 2/);
  });
});

/** obs [a0, a1, calls], Box([2]) actions; keeps the action it was given, episodes of 2 steps. */
class KeepEnv implements Env<Float64Array> {
  readonly observationSpace = boxSpace([-10, -10, 0], [10, 10, 100]);
  readonly actionSpace = boxSpace([-1, -1], [1, 1]);
  readonly maxEpisodeSteps = 2;
  last: Float64Array | null = null;
  private calls = 0;
  private t = 0;
  reset(): ResetResult {
    this.t = 0;
    return { obs: Float64Array.of(0, 0, this.calls), info: EMPTY_INFO };
  }
  step(action: Float64Array): StepResult {
    this.last = action;
    this.calls++;
    this.t++;
    return { obs: Float64Array.of(action[0], action[1], this.calls), reward: action[0] + action[1], terminated: false, truncated: this.t >= 2, info: EMPTY_INFO };
  }
}

describe('VectorEnv with Box actions', () => {
  it('equals N independent continuous LunarLanders given the same rows, raw values outside the bounds included, across autoresets', () => {
    const n = 3;
    const venv = new VectorEnv(Array.from({ length: n }, () => new LunarLander({ continuous: true })));
    const refs = Array.from({ length: n }, () => new LunarLander({ continuous: true }));
    expect([venv.actionDim, venv.singleActionSpace.kind]).toEqual([2, 'box']);
    venv.reset({ seed: 40 });
    const refObs = refs.map((env, i) => Array.from(env.reset({ seed: 40 + i }).obs));
    const actions = new Float64Array(2 * n);
    // Per step and sub-env: reward, flags, the final observation of an ending episode, the next observation.
    const got: number[] = [];
    const want: number[] = [];
    let ended = 0;
    for (let t = 0; t < 400; t++) {
      for (let i = 0; i < n; i++) {
        actions[2 * i] = 3 * Math.sin(0.1 * t + i) - 0.5;
        actions[2 * i + 1] = 2.5 * Math.cos(0.07 * t * (i + 1));
      }
      venv.step(actions);
      for (let i = 0; i < n; i++) {
        const r = refs[i].step(Float64Array.of(actions[2 * i], actions[2 * i + 1]));
        got.push(venv.rewards[i], venv.terminated[i], venv.truncated[i]);
        want.push(r.reward, +r.terminated, +r.truncated);
        if (r.terminated || r.truncated) {
          ended++;
          got.push(...row(venv.finalObs, i, 8));
          want.push(...r.obs);
          refObs[i] = Array.from(refs[i].reset().obs);
        } else {
          refObs[i] = Array.from(r.obs);
        }
        got.push(...row(venv.obs, i, 8));
        want.push(...refObs[i]);
      }
    }
    expect(got).toEqual(want);
    expect(ended).toBeGreaterThan(2);
  });

  it('passes sub-env i its own row, a buffer that the next step of another env does not overwrite', () => {
    const envs = [new KeepEnv(), new KeepEnv()];
    const venv = new VectorEnv(envs);
    venv.reset();
    venv.step([0.5, -0.25, 3, 4]);
    const kept = envs[0].last;
    venv.step([7, 8, -1, -2], Uint8Array.of(0, 1));
    expect(Array.from(kept ?? [])).toEqual([0.5, -0.25]);
    expect(Array.from(envs[1].last ?? [])).toEqual([-1, -2]);
    expect(Array.from(venv.rewards)).toEqual([0, -3]);
    expect(Array.from(venv.obs)).toEqual([0.5, -0.25, 1, 0, 0, 2]);
    expect(Array.from(venv.finalObs.subarray(3))).toEqual([-1, -2, 2]);
  });

  it('rejects mixed action spaces, wrong lengths and non-finite actions, naming them', () => {
    expect(() => new VectorEnv<unknown>([new KeepEnv(), new CartPole()])).toThrow('VectorEnv: env 1 action space must be Box([2]) like env 0, got Discrete(2)');
    expect(() => new VectorEnv<unknown>([new CartPole(), new KeepEnv()])).toThrow('VectorEnv: env 1 action space must be Discrete(2) like env 0, got Box([2])');
    const venv = new VectorEnv([new KeepEnv(), new KeepEnv()]);
    venv.reset();
    expect(() => venv.step([0, 0])).toThrow('VectorEnv.step: actions must have length 4 (numEnvs * actionDim 2), got 2');
    expect(() => venv.step([0, 0, 0, NaN])).toThrow('VectorEnv.step: actions[3] (env 1, component 1) must be a finite number, got NaN');
  });
});
