import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARTPOLE_DEFAULTS, CARTPOLE_PARAMS, CartPole, type CartPoleParams, type KinematicsIntegrator } from '../../src/envs/cartpole.js';
import { PCG64 } from '../../src/rng/index.js';

interface RefStep {
  t: number;
  action: number;
  obs: number[];
  state: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
}
interface RefRun {
  param_set: string;
  param_overrides: Record<string, number>;
  params_in_effect: Record<string, number | string>;
  integrator: string;
  sequence: string;
  reset_seed: number;
  reset_obs_before_override: number[];
  initial_state: number[];
  n_steps: number;
  final_terminated: boolean;
  final_truncated: boolean;
  steps: RefStep[];
}

// Missing reference data must fail the suite, not skip it.
const ref = JSON.parse(readFileSync(new URL('../data/reference/cartpole-v1.json', import.meta.url), 'utf8'));
const runs: RefRun[] = ref.runs;

// Python attribute names -> ours.
const PARAM_NAMES: Record<string, keyof CartPoleParams> = {
  gravity: 'gravity',
  masscart: 'masscart',
  masspole: 'masspole',
  length: 'length',
  force_mag: 'forceMag',
  tau: 'tau',
  theta_threshold_radians: 'thetaThresholdRadians',
  x_threshold: 'xThreshold',
};
const integratorOf = (name: string): KinematicsIntegrator => (name === 'euler' ? 'euler' : 'semi-implicit-euler');

/** Relative 1e-9 (reference README), with a 1e-15 absolute floor for values at zero. */
function expectClose(actual: ArrayLike<number>, expected: number[], where: string): void {
  expected.forEach((e, i) => {
    const a = actual[i];
    const ok = Math.abs(a - e) <= 1e-9 * Math.max(Math.abs(a), Math.abs(e), 1e-6);
    if (!ok) expect.fail(`${where}[${i}]: ${a} vs reference ${e}`);
  });
}

/** The README's only exception: this barely stable run is compared up to step 200. */
const stepLimit = (run: RefRun): number =>
  run.param_set === 'default' && run.integrator === 'euler' && run.sequence === 'pd_controller_openloop' ? 200 : Infinity;

describe('cartpole-v1.json replay', () => {
  it('has the 24 runs', () => {
    expect(runs.length).toBe(24);
  });

  it.each(runs.map((r) => [`${r.param_set} / ${r.integrator} / ${r.sequence}`, r] as const))('%s', (_, run) => {
    const env = new CartPole();
    // Seeded-reset parity: our PCG64 + 4 uniform draws reproduce Gymnasium's reset obs.
    const { obs: resetObs } = env.reset({ seed: run.reset_seed });
    expect(Array.from(resetObs)).toEqual(run.reset_obs_before_override);

    const overrides: Partial<CartPoleParams> = { kinematicsIntegrator: integratorOf(run.integrator) };
    for (const [k, v] of Object.entries(run.param_overrides)) {
      expect(PARAM_NAMES[k], `unmapped parameter ${k}`).toBeDefined();
      (overrides as Record<string, number>)[PARAM_NAMES[k]] = v;
    }
    env.setParams(overrides);
    const eff = run.params_in_effect;
    for (const [k, name] of Object.entries(PARAM_NAMES)) expect(env.params[name], k).toBe(eff[k]);
    expect(env.totalMass).toBe(eff.total_mass);
    expect(env.polemassLength).toBe(eff.polemass_length);

    expect(run.initial_state).toEqual(ref.initial_states[run.sequence]);
    env.setState(run.initial_state);

    const actions: number[] = ref.action_sequences[run.sequence];
    const limit = stepLimit(run);
    let compared = 0;
    for (const [i, s] of run.steps.entries()) {
      if (s.t > limit) break;
      expect(s.t).toBe(i + 1);
      expect(s.action).toBe(actions[i]);
      const out = env.step(s.action);
      const where = `t=${s.t}`;
      expectClose(env.getState(), s.state, `${where} state`);
      expect(Array.from(out.obs), `${where} obs`).toEqual(s.obs);
      expect(out.reward, `${where} reward`).toBe(s.reward);
      expect(out.terminated, `${where} terminated`).toBe(s.terminated);
      expect(out.truncated, `${where} truncated`).toBe(s.truncated);
      compared++;
    }
    expect(compared).toBe(Math.min(run.n_steps, limit));
    if (limit === Infinity) {
      const last = run.steps[run.steps.length - 1];
      expect([last.terminated, last.truncated]).toEqual([run.final_terminated, run.final_truncated]);
    }
  });
});

describe('reset semantics', () => {
  const draws = (seed: number, skip: number, low = -0.05, high = 0.05): number[] => {
    const g = new PCG64(seed);
    for (let i = 0; i < skip; i++) g.random();
    return [0, 1, 2, 3].map(() => Math.fround(g.uniform(low, high)));
  };

  it('the first unseeded reset uses the constructor seed (default 0)', () => {
    expect(Array.from(new CartPole().reset().obs)).toEqual(draws(0, 0));
    const run = runs[0];
    expect(Array.from(new CartPole({ seed: run.reset_seed }).reset().obs)).toEqual(run.reset_obs_before_override);
  });

  it('reset() without a seed continues the current stream; a seed replaces it', () => {
    const env = new CartPole();
    env.reset({ seed: 42 });
    expect(Array.from(env.reset().obs)).toEqual(draws(42, 4));
    expect(Array.from(env.reset({ seed: 42 }).obs)).toEqual(draws(42, 0));
  });

  it('options low/high set the draw bounds; low > high is an error, low == high is not', () => {
    const env = new CartPole();
    expect(Array.from(env.reset({ seed: 1, options: { low: -0.2, high: 0.3 } }).obs)).toEqual(draws(1, 0, -0.2, 0.3));
    expect(Array.from(env.reset({ options: { low: 0.1, high: 0.1 } }).obs)).toEqual([0.1, 0.1, 0.1, 0.1].map(Math.fround));
    expect(() => env.reset({ options: { low: 0.2, high: 0.1 } })).toThrow(/low \(0\.2\) must be <= options\.high \(0\.1\)/);
    expect(() => env.reset({ options: { low: NaN } })).toThrow(/options\.low/);
  });

  it('rejects invalid seeds', () => {
    expect(() => new CartPole().reset({ seed: -1 })).toThrow(/non-negative/);
    expect(() => new CartPole({ seed: 0.5 })).toThrow(/non-negative/);
  });

  it('observation space is float32 Box(±[2·xThreshold, inf, 2·thetaThreshold, inf]) and follows the params', () => {
    const env = new CartPole();
    const high = [4.8, Infinity, 2 * CARTPOLE_DEFAULTS.thetaThresholdRadians, Infinity].map(Math.fround);
    expect(Array.from(env.observationSpace.high)).toEqual(high);
    expect(Array.from(env.observationSpace.low)).toEqual(high.map((h) => -h));
    expect(env.observationSpace.shape).toEqual([4]);
    expect(env.actionSpace).toEqual({ kind: 'discrete', n: 2 });
    env.setParams({ xThreshold: 3 });
    expect(env.observationSpace.high[0]).toBe(6);
  });
});

describe('step semantics', () => {
  it('requires reset and a Discrete(2) action', () => {
    const env = new CartPole();
    expect(() => env.step(0)).toThrow(/reset\(\) before step\(\)/);
    env.reset();
    for (const a of [2, -1, 0.5, NaN]) expect(() => env.step(a)).toThrow(/action must be 0 or 1/);
  });

  it('truncates when the step count reaches maxEpisodeSteps (500), and after', () => {
    const env = new CartPole({ xThreshold: 1e9, thetaThresholdRadians: 1e9 });
    expect(env.maxEpisodeSteps).toBe(500);
    env.reset({ seed: 3 });
    for (let t = 1; t <= 499; t++) expect(env.step(t % 2).truncated).toBe(false);
    expect(env.step(0).truncated).toBe(true);
    expect(env.step(0).truncated).toBe(true);
    env.reset();
    expect(env.step(0).truncated).toBe(false);
  });

  it('terminated and truncated can both be true', () => {
    const env = new CartPole({ maxEpisodeSteps: 1 });
    env.reset();
    env.setState([2.39, 5, 0, 0]);
    const out = env.step(1);
    expect([out.terminated, out.truncated, out.reward]).toEqual([true, true, 1]);
  });

  it('rewards 1 on the terminating step and 0 after it; Sutton-Barto gives 0 then -1', () => {
    const env = new CartPole();
    env.reset();
    env.setState([0, 0, 0.2, 2]);
    expect(env.step(0)).toMatchObject({ terminated: true, reward: 1 });
    expect(env.step(0)).toMatchObject({ terminated: true, reward: 0 });
    const sb = new CartPole({ suttonBartoReward: true });
    sb.reset();
    expect(sb.step(0)).toMatchObject({ terminated: false, reward: 0 });
    sb.setState([0, 0, 0.2, 2]);
    expect(sb.step(0)).toMatchObject({ terminated: true, reward: -1 });
    expect(sb.step(0)).toMatchObject({ terminated: true, reward: -1 });
    sb.reset();
    expect(sb.step(0).reward).toBe(0);
  });

  it('returns fresh observation arrays holding float32 values of the float64 state', () => {
    const env = new CartPole();
    const a = env.reset({ seed: 9 }).obs;
    const b = env.step(1).obs;
    expect(a).not.toBe(b);
    expect(Array.from(b)).toEqual(Array.from(env.getState(), Math.fround));
  });
});

describe('parameters', () => {
  it('recomputes totalMass and polemassLength on change', () => {
    const env = new CartPole({ masspole: 0.3, length: 0.3 });
    expect(env.totalMass).toBe(0.3 + 1.0);
    expect(env.polemassLength).toBe(0.3 * 0.3);
    env.setParams({ masscart: 2 });
    expect(env.totalMass).toBe(0.3 + 2);
  });

  it.each([
    ['masscart', -1, /invalid masscart = -1 \(expected a number in \[0\.01, 100\] kg\)/],
    ['masspole', 0, /invalid masspole = 0 \(expected a number in \[0\.001, 10\] kg\)/],
    ['length', 0, /invalid length = 0 \(expected a number in \[0\.01, 10\] m\)/],
    ['length', -0.5, /invalid length = -0\.5 \(expected a number in \[0\.01, 10\] m\)/],
    ['gravity', NaN, /invalid gravity = NaN \(expected a number in \[0, 100\] m\/s\^2\)/],
    ['tau', Infinity, /invalid tau = Infinity \(expected a number in \[0\.0001, 0\.1\] s\)/],
    ['tau', 1e308, /invalid tau = 1e\+308 \(expected a number in \[0\.0001, 0\.1\] s\)/],
    ['forceMag', 1e308, /invalid forceMag = 1e\+308 \(expected a number in \[0, 100\] N\)/],
    ['masscart', 1e-300, /invalid masscart = 1e-300 \(expected a number in \[0\.01, 100\] kg\)/],
    ['forceMag', -10, /invalid forceMag = -10 \(expected a number in \[0, 100\] N\)/],
    ['xThreshold', 0, /invalid xThreshold = 0 \(expected a number in \(0, 1000000000\] m\)/],
    ['thetaThresholdRadians', -0.1, /invalid thetaThresholdRadians = -0\.1/],
    ['masscart', '1', /invalid masscart = "1" \(expected a number in \[0\.01, 100\] kg\)/],
    ['kinematicsIntegrator', 'rk4', /invalid kinematicsIntegrator = "rk4" \(expected "euler" or "semi-implicit-euler"\)/],
    ['suttonBartoReward', 1, /invalid suttonBartoReward = 1 \(expected a boolean\)/],
    ['mass', 1, /unknown parameter "mass" \(expected one of gravity, masscart, .*\)/],
  ] as const)('rejects %s = %s', (key, value, message) => {
    const bad = { [key]: value } as unknown as Partial<CartPoleParams>;
    expect(() => new CartPole(bad)).toThrow(message);
    const env = new CartPole();
    expect(() => env.setParams({ gravity: 12, ...bad })).toThrow(message);
    expect(env.params).toEqual(CARTPOLE_DEFAULTS); // nothing applied on failure
  });

  it('keeps every observation of an episode finite at all 64 corners of the dynamic parameters\' ranges', () => {
    const keys = ['gravity', 'masscart', 'masspole', 'length', 'forceMag', 'tau'] as const;
    let steps = 0;
    let finiteSteps = 0;
    for (let corner = 0; corner < 64; corner++) {
      const params: Partial<CartPoleParams> = { xThreshold: CARTPOLE_PARAMS.xThreshold.max, thetaThresholdRadians: CARTPOLE_PARAMS.thetaThresholdRadians.max };
      keys.forEach((key, bit) => (params[key] = (corner >> bit) & 1 ? CARTPOLE_PARAMS[key].max : CARTPOLE_PARAMS[key].min));
      const env = new CartPole(params);
      env.reset({ seed: corner });
      for (let t = 0, done = false; !done; t++) {
        const { obs, terminated, truncated } = env.step(t % 3 === 0 ? 1 : 0);
        steps++;
        if (obs.every(Number.isFinite)) finiteSteps++;
        done = terminated || truncated;
      }
    }
    expect(steps).toBe(27260); // the corners with a light cart and a strong push terminate early
    expect(finiteSteps).toBe(steps);
  });

  it('rejects bad maxEpisodeSteps and raw states', () => {
    expect(() => new CartPole({ maxEpisodeSteps: 0 })).toThrow(/maxEpisodeSteps/);
    const env = new CartPole();
    expect(() => env.setState([0, 0, 0])).toThrow(/expected 4 finite numbers/);
    expect(() => env.setState([0, 0, NaN, 0])).toThrow(/expected 4 finite numbers/);
  });
});
