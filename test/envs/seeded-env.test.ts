import { describe, expect, it } from 'vitest';
import { CartPole } from '../../src/envs/cartpole.js';
import { Intersection } from '../../src/envs/intersection.js';
import { LunarLander } from '../../src/envs/lunar-lander.js';
import { PCG64 } from '../../src/rng/pcg64.js';

const envs = [
  ['CartPole', (seed?: number) => new CartPole(seed === undefined ? {} : { seed }), 500],
  ['Intersection', (seed?: number) => new Intersection(seed === undefined ? {} : { seed }), 200],
  ['LunarLander', (seed?: number) => new LunarLander(seed === undefined ? {} : { seed }), 1000],
] as const;

describe.each(envs)('%s as a seeded env', (_, make, limit) => {
  it('has Gymnasium\'s step limit and counts the steps since the last reset', () => {
    const env = make();
    expect(env.maxEpisodeSteps).toBe(limit);
    env.reset({ seed: 0 });
    for (let i = 0; i < 3; i++) env.step(0);
    expect(env.elapsedSteps).toBe(3);
    env.reset();
    expect(env.elapsedSteps).toBe(0);
  });

  it('draws from the PCG64 of its seed until a reset with a seed replaces it', () => {
    const env = make(7);
    expect(env.rng.random()).toBe(new PCG64(7).random());
    const before = env.rng;
    env.reset({ seed: 3 });
    expect(env.rng).not.toBe(before);
    // From here on it is the generator of seed 3, as an env constructed with any seed has it after the same reset.
    const fresh = make(11);
    fresh.reset({ seed: 3 });
    expect([env.rng.random(), env.rng.random()]).toEqual([fresh.rng.random(), fresh.rng.random()]);
  });
});
