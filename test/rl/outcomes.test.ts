import { describe, expect, it } from 'vitest';
import { CartPole } from '../../src/envs/cartpole.js';
import { Intersection, inZone } from '../../src/envs/intersection.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';
import { evaluateOutcomes } from '../../src/rl/outcomes.js';

// A linear policy [6] -> [5] (no hidden layer): logits = W obs + b, W [5, 6] row-major then b.
const linear = mlpLayout([6, 5], 'tanh');

function linearParams(weights: { action: number; input: number; value: number }[], bias: number[]): Float64Array {
  const params = new Float64Array(linear.size);
  for (const w of weights) params[w.action * 6 + w.input] = w.value;
  params.set(bias, 30);
  return params;
}

/** Greedy: hard brake (0) while O is in the zone (obs[5] = 1: logit 2 > 1), else full throttle (4). */
const brakeWhileOtherInZone = linearParams([{ action: 0, input: 5, value: 2 }], [0, 0, 0, 0, 1]);

interface Reference {
  returns: number[];
  outcomes: (string | null)[];
  steps: number;
}

/** An aggressive other driver: always-go collides in two episodes of three. */
const AGGRESSIVE = { desiredSpeed: 13, gap: 1, maxAccel: 2.5 };

/** The same rule read from the env's state instead of a network: the reference. */
function drive(episodes: number, seed: number, rule: (state: Float64Array, env: Intersection) => number): Reference {
  const env = new Intersection(AGGRESSIVE);
  const ref: Reference = { returns: [], outcomes: [], steps: 0 };
  for (let e = 0; e < episodes; e++) {
    env.reset(e === 0 ? { seed } : undefined);
    let total = 0;
    for (;;) {
      const { reward, terminated, truncated, info } = env.step(rule(env.getState(), env));
      total += reward;
      ref.steps++;
      if (terminated || truncated) {
        ref.outcomes.push(info.outcome);
        break;
      }
    }
    ref.returns.push(total);
  }
  return ref;
}

const count = (outcomes: (string | null)[], value: string | null): number => outcomes.filter((o) => o === value).length;

describe('evaluateOutcomes', () => {
  it('counts how a greedy policy\'s episodes end, episode for episode as the same rule driven from the state', () => {
    const ref = drive(300, 11, (s, env) => (inZone(s[2], env.params) ? 0 : 4));
    const result = evaluateOutcomes(new Intersection(AGGRESSIVE), linear, brakeWhileOtherInZone, { episodes: 300, seed: 11 });
    expect(Array.from(result.returns)).toEqual(ref.returns);
    expect(result.counts).toEqual({ success: count(ref.outcomes, 'success'), collision: count(ref.outcomes, 'collision') });
    expect(result.rates.success).toBe(count(ref.outcomes, 'success') / 300);
    expect(result.rates.collision).toBe(count(ref.outcomes, 'collision') / 300);
    expect(result.noOutcomeRate).toBe(0);
    expect(result.envSteps).toBe(ref.steps);
    expect(result.meanSteps).toBe(ref.steps / 300);
    expect(result.meanReturn).toBeCloseTo(ref.returns.reduce((a, b) => a + b, 0) / 300, 12);
    // Both outcomes occur, so the counting of each is exercised.
    expect(result.counts.success).toBeGreaterThan(0);
    expect(result.counts.collision).toBeGreaterThan(0);
  });

  it('samples with one rng.random() per step: a policy that puts all but 4e-22 on full throttle is always-go', () => {
    const rng = new PCG64(5);
    const nearlyCertain = linearParams([], [0, 0, 0, 0, 50]);
    const result = evaluateOutcomes(new Intersection(AGGRESSIVE), linear, nearlyCertain, { episodes: 100, seed: 3, rng });
    const ref = drive(100, 3, () => 4);
    expect(Array.from(result.returns)).toEqual(ref.returns);
    expect([result.counts.success, result.counts.collision ?? 0]).toEqual([count(ref.outcomes, 'success'), count(ref.outcomes, 'collision')]);
    const advanced = new PCG64(5);
    for (let i = 0; i < result.envSteps; i++) advanced.random();
    expect(rng.random()).toBe(advanced.random());
  });

  it('episodes cut by the time limit have no outcome: braking forever stops short of the zone, 200 steps of -0.42', () => {
    const alwaysBrake = linearParams([], [1, 0, 0, 0, 0]);
    const result = evaluateOutcomes(new Intersection(), linear, alwaysBrake, { episodes: 20, seed: 0 });
    expect(result.counts).toEqual({});
    expect(result.rates).toEqual({});
    expect(result.noOutcomeRate).toBe(1);
    expect(result.meanSteps).toBe(200);
    // Each step: -0.1 (time) - 0.02 · (-4)² (comfort).
    for (const r of result.returns) expect(r).toBeCloseTo(-84, 10);
  });

  it('later episodes continue the env\'s stream: 2 + 3 episodes from the state the first 2 left equal 5 at once', () => {
    const env = new Intersection();
    const first = evaluateOutcomes(env, linear, brakeWhileOtherInZone, { episodes: 2, seed: 9 });
    const rest = evaluateOutcomes(env, linear, brakeWhileOtherInZone, { episodes: 3 });
    const all = evaluateOutcomes(new Intersection(), linear, brakeWhileOtherInZone, { episodes: 5, seed: 9 });
    expect([...first.returns, ...rest.returns]).toEqual(Array.from(all.returns));
  });

  it('refuses an env without info.outcome, spaces that do not fit the policy, and a bad episode count', () => {
    const cartPoleLayout = mlpLayout([4, 2], 'tanh');
    const cartPoleParams = new Float64Array(cartPoleLayout.size);
    expect(() => evaluateOutcomes(new CartPole(), cartPoleLayout, cartPoleParams, { episodes: 1 })).toThrow(
      "evaluateOutcomes: the env's info.outcome is missing, expected a string or null",
    );
    expect(() => evaluateOutcomes(new CartPole(), linear, brakeWhileOtherInZone, { episodes: 1 })).toThrow(
      "evaluateOutcomes: env obsDim is 4, expected the policy's input size 6",
    );
    expect(() => evaluateOutcomes(new Intersection(), mlpLayout([6, 3], 'tanh'), new Float64Array(21), { episodes: 1 })).toThrow(
      "evaluateOutcomes: env action space is Discrete(5), expected Discrete(3) (the policy's output size)",
    );
    expect(() => evaluateOutcomes(new Intersection(), linear, brakeWhileOtherInZone, { episodes: 0 })).toThrow(
      'evaluateOutcomes: episodes must be a positive integer, got 0',
    );
    expect(() => evaluateOutcomes(new Intersection({ maxEpisodeSteps: Infinity }), linear, brakeWhileOtherInZone, { episodes: 1 })).toThrow(
      'evaluateOutcomes: env has no time limit (maxEpisodeSteps = Infinity), expected a finite one',
    );
  });
});
