import { describe, expect, it } from 'vitest';
import { discountedReturns, gae, normalizeAdvantages } from '../../src/nn/advantages.js';
import type { Episodes } from '../../src/nn/episodes.js';
import { PCG64 } from '../../src/rng/index.js';

// Episode 0 (rows 0-2) terminates, a spare row 3 belongs to no episode, episode 1 (rows 4-5) is truncated.
const EPISODES: Episodes = {
  episodeStarts: Int32Array.of(0, 4),
  episodeLengths: Int32Array.of(3, 2),
  terminated: Uint8Array.of(0, 0, 1, 0, 0, 0),
};
const REWARDS = Float64Array.of(1, 2, 3, 99, 1, 1);
const VALUES = Float64Array.of(1, 1, 1, 99, 2, 4);
// Episode 0's 100 must be ignored: nothing follows a terminal state.
const NEXT = Float64Array.of(100, 10);

const list = (a: Float64Array): number[] => Array.from(a);

describe('discountedReturns', () => {
  it('bootstraps from the next value at truncation only (gamma 0.5, by hand)', () => {
    const out = new Float64Array(6).fill(-7);
    discountedReturns(REWARDS, EPISODES, 0.5, out, NEXT);
    // ep0: R2 = 3, R1 = 2 + 1.5, R0 = 1 + 1.75; ep1: R1 = 1 + 0.5 * 10, R0 = 1 + 3.
    expect(list(out)).toEqual([2.75, 3.5, 3, -7, 4, 6]);
  });

  it('needs no nextValues when every episode terminated, and asks for them otherwise', () => {
    const done: Episodes = { ...EPISODES, terminated: Uint8Array.of(0, 0, 1, 0, 0, 1) };
    const out = new Float64Array(6);
    discountedReturns(REWARDS, done, 1, out);
    expect(list(out)).toEqual([6, 5, 3, 0, 2, 1]);
    expect(() => discountedReturns(REWARDS, EPISODES, 1, out)).toThrow('nextValues is missing, expected one value per episode (episode 1 is truncated)');
    expect(() => discountedReturns(REWARDS, EPISODES, 1, out, Float64Array.of(0, NaN))).toThrow('nextValues[1] is NaN');
    expect(() => discountedReturns(REWARDS, EPISODES, 1, out, Float64Array.of(0))).toThrow('nextValues has length 1, expected 2');
    expect(() => discountedReturns(REWARDS, EPISODES, 1.5, out, NEXT)).toThrow('gamma is 1.5, expected a number in [0, 1]');
  });
});

describe('gae', () => {
  it('matches a hand computation (gamma 0.5, lambda 0.5)', () => {
    const out = new Float64Array(6).fill(-7);
    gae(REWARDS, VALUES, EPISODES, 0.5, 0.5, out, NEXT);
    // ep0: deltas 0.5, 1.5, 2 (V after the end 0) -> A2 = 2, A1 = 1.5 + 0.25 * 2, A0 = 0.5 + 0.25 * 2.
    // ep1: deltas 1 + 0.5 * 4 - 2 = 1, 1 + 0.5 * 10 - 4 = 2 -> A1 = 2, A0 = 1 + 0.25 * 2.
    expect(list(out)).toEqual([1, 2, 2, -7, 1.5, 2]);
  });

  describe('on random episodes', () => {
    const rng = new PCG64(3);
    // Episode 1 terminates at row 19; episodes 0 and 2 are truncated.
    const episodes: Episodes = {
      episodeStarts: Int32Array.of(0, 7, 20),
      episodeLengths: Int32Array.of(7, 13, 5),
      terminated: Uint8Array.from({ length: 25 }, (_, i) => (i === 19 ? 1 : 0)),
    };
    const rewards = Float64Array.from({ length: 25 }, () => rng.normal());
    const values = Float64Array.from({ length: 25 }, () => rng.normal());
    const next = Float64Array.from({ length: 3 }, () => rng.normal());
    const gamma = 0.97;

    it('lambda = 1 is the (bootstrapped) returns minus the values', () => {
      const returns = new Float64Array(25);
      discountedReturns(rewards, episodes, gamma, returns, next);
      const adv = new Float64Array(25);
      gae(rewards, values, episodes, gamma, 1, adv, next);
      for (let i = 0; i < 25; i++) expect(adv[i]).toBeCloseTo(returns[i] - values[i], 13);
    });

    it('lambda = 0 is the one-step TD error', () => {
      const adv = new Float64Array(25);
      gae(rewards, values, episodes, gamma, 0, adv, next);
      for (let e = 0; e < 3; e++) {
        const s = episodes.episodeStarts[e];
        const l = episodes.episodeLengths[e];
        for (let t = s; t < s + l; t++) {
          const following = t + 1 < s + l ? values[t + 1] : e === 1 ? 0 : next[e];
          expect(adv[t]).toBeCloseTo(rewards[t] + gamma * following - values[t], 14);
        }
      }
    });
  });
});

describe('normalizeAdvantages', () => {
  it('equal lengths: mean 0 and population std 1 over all steps', () => {
    const episodes: Episodes = { episodeStarts: Int32Array.of(0, 4), episodeLengths: Int32Array.of(4, 4), terminated: new Uint8Array(8) };
    const x = Float64Array.of(3, -1, 4, 1, 5, -9, 2, 6);
    normalizeAdvantages(x, episodes, x);
    const mean = x.reduce((s, v) => s + v, 0) / 8;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / 8;
    expect(Math.abs(mean)).toBeLessThan(1e-15);
    expect(Math.sqrt(variance)).toBeCloseTo(1, 7); // (std + 1e-8) in the denominator
  });

  it('unequal lengths weigh episodes equally, as weighted_normalize (by hand)', () => {
    const episodes: Episodes = { episodeStarts: Int32Array.of(0, 3), episodeLengths: Int32Array.of(2, 1), terminated: new Uint8Array(4) };
    const out = new Float64Array(4).fill(-7);
    normalizeAdvantages(Float64Array.of(1, 3, 50, 6), episodes, out);
    // mu = mean(2, 6) = 4; sigma^2 = mean((9 + 1) / 2, 4) = 4.5; row 2 is outside every episode.
    const sigma = Math.sqrt(4.5) + 1e-8;
    expect(list(out)).toEqual([-3 / sigma, -1 / sigma, -7, 2 / sigma]);
  });
});

describe('episode layout validation', () => {
  it('names the offending field', () => {
    const out = new Float64Array(6);
    const bad = (e: Partial<Episodes>): Episodes => ({ ...EPISODES, ...e });
    expect(() => gae(REWARDS, VALUES, bad({ episodeStarts: Int32Array.of(0, 2) }), 1, 1, out, NEXT)).toThrow('episodeStarts[1] is 2, expected at least 3');
    expect(() => gae(REWARDS, VALUES, bad({ episodeLengths: Int32Array.of(3, 0) }), 1, 1, out, NEXT)).toThrow('episodeLengths[1] is 0, expected at least 1');
    expect(() => gae(REWARDS, VALUES, bad({ episodeLengths: Int32Array.of(3, 3) }), 1, 1, out, NEXT)).toThrow('episode 1 ends at row 7, expected at most 6 rows');
    expect(() => gae(REWARDS, VALUES, bad({ episodeLengths: Int32Array.of(3) }), 1, 1, out, NEXT)).toThrow('episodeLengths has length 1, expected 2');
    expect(() => gae(REWARDS, VALUES, bad({ terminated: Uint8Array.of(1) }), 1, 1, out, NEXT)).toThrow('terminated has length 1, expected 6 (one per row)');
    expect(() => gae(REWARDS, VALUES, bad({ terminated: Uint8Array.of(0, 0, 2, 0, 0, 0) }), 1, 1, out, NEXT)).toThrow('terminated[2] is 2, expected 0 or 1');
    expect(() => gae(REWARDS, VALUES.subarray(1), EPISODES, 1, 1, out, NEXT)).toThrow('values has length 5, expected 6');
  });
});
