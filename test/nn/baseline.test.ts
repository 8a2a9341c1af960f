import { describe, expect, it } from 'vitest';
import { LinearFeatureBaseline } from '../../src/nn/baseline.js';
import type { Episodes } from '../../src/nn/episodes.js';
import { PCG64 } from '../../src/rng/index.js';

const OBS_DIM = 2;

function layout(lengths: number[], gap = 0): Episodes {
  const starts = new Int32Array(lengths.length);
  let row = 0;
  lengths.forEach((l, e) => {
    starts[e] = row;
    row += l + gap;
  });
  return { episodeStarts: starts, episodeLengths: Int32Array.from(lengths), terminated: new Uint8Array(row) };
}

/** phi = [o, o^2, t/100, (t/100)^2, (t/100)^3, 1], written out independently of src. */
function features(o: number[], t: number): number[] {
  const c = o.map((x) => Math.min(10, Math.max(-10, x)));
  const s = t / 100;
  return [...c, ...c.map((x) => x * x), s, s * s, s * s * s, 1];
}

const dot = (a: number[], b: ArrayLike<number>): number => a.reduce((s, x, i) => s + x * b[i], 0);

/** Episodes with uniform obs in [-lim, lim] and returns an exact linear function of the features. */
function linearData(lengths: number[], w: number[], lim: number, seed: number) {
  const episodes = layout(lengths);
  const rows = lengths.reduce((a, b) => a + b, 0);
  const rng = new PCG64(seed);
  const obs = new Float64Array(rows * OBS_DIM);
  for (let i = 0; i < obs.length; i++) obs[i] = rng.uniform(-lim, lim);
  const returns = new Float64Array(rows);
  lengths.forEach((l, e) => {
    for (let t = 0; t < l; t++) {
      const r = episodes.episodeStarts[e] + t;
      returns[r] = dot(features(Array.from(obs.subarray(r * OBS_DIM, (r + 1) * OBS_DIM)), t), w);
    }
  });
  return { episodes, obs, returns, rows };
}

const W_TRUE = [0.5, -1.2, 0.3, 0.05, 2, -0.7, 0.4, 3];

describe('LinearFeatureBaseline', () => {
  it('recovers an exact linear function of the features', () => {
    const { episodes, obs, returns, rows } = linearData([120, 200, 90, 150], W_TRUE, 3, 1);
    const b = new LinearFeatureBaseline(OBS_DIM, { regCoeff: 1e-12 });
    expect(b.featureSize).toBe(8);
    expect(b.fit(obs, returns, episodes)).toBe(1e-12);
    for (let i = 0; i < 8; i++) expect(b.weights[i]).toBeCloseTo(W_TRUE[i], 7);
    const values = new Float64Array(rows);
    b.predict(obs, episodes, values);
    for (let r = 0; r < rows; r++) expect(values[r]).toBeCloseTo(returns[r], 9);
  });

  it('the default ridge 1e-5 still fits the returns closely', () => {
    const { episodes, obs, returns, rows } = linearData([120, 200, 90, 150], W_TRUE, 3, 2);
    const b = new LinearFeatureBaseline(OBS_DIM);
    expect(b.fit(obs, returns, episodes)).toBe(1e-5);
    const values = new Float64Array(rows);
    b.predict(obs, episodes, values);
    for (let r = 0; r < rows; r++) expect(Math.abs(values[r] - returns[r])).toBeLessThan(1e-4);
  });

  it('clips observations to [-10, 10] in fit and predict', () => {
    const episodes = layout([3]);
    const b = new LinearFeatureBaseline(1);
    b.weights.set([1, 1, 0, 0, 0, 0]);
    const values = new Float64Array(3);
    b.predict(Float64Array.of(25, -40, 4), episodes, values);
    expect(Array.from(values)).toEqual([110, 90, 20]);
  });

  it('predicts at each episode step (t restarting at 0) and predictNext at t = length; gap rows untouched', () => {
    const episodes = layout([2, 3], 1);
    const b = new LinearFeatureBaseline(1);
    b.weights.set([0, 0, 100, 0, 0, 1]); // V = t + 1
    const values = new Float64Array(7).fill(-1);
    b.predict(new Float64Array(7), episodes, values);
    expect(Array.from(values).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 2, -1, 1, 2, 3, -1]);
    const next = new Float64Array(2);
    b.predictNext(Float64Array.of(0, 0), episodes, next);
    expect(next[0]).toBeCloseTo(3, 12);
    expect(next[1]).toBeCloseTo(4, 12);
  });

  describe('ridge escalation on a singular design (all-zero observations)', () => {
    // One episode of 50 steps: the obs columns are zero, so their Cholesky pivots equal the ridge r
    // exactly. The solve fails when a pivot is not above 8 * 2^-52 * max diagonal (= 50 + r, the
    // ones column): about 8.9e-14.
    const episodes = layout([50]);
    const obs = new Float64Array(50 * OBS_DIM);
    const returns = Float64Array.from({ length: 50 }, (_, t) => 1 + t / 10);

    it('the default ridge 1e-5 needs no escalation and gives the zero columns zero weight', () => {
      const b = new LinearFeatureBaseline(OBS_DIM);
      expect(b.fit(obs, returns, episodes)).toBe(1e-5);
      expect(Array.from(b.weights.subarray(0, 4))).toEqual([0, 0, 0, 0]);
      const values = new Float64Array(50);
      b.predict(obs, episodes, values);
      // t/100 < 0.5 makes the time columns nearly collinear, so the ridge shows at the 1e-4 level.
      for (let t = 0; t < 50; t++) expect(Math.abs(values[t] - returns[t])).toBeLessThan(1e-3);
    });

    it('a ridge below the threshold is multiplied by 10 until the solve succeeds (5th try)', () => {
      const b = new LinearFeatureBaseline(OBS_DIM, { regCoeff: 3e-17 });
      const used = b.fit(obs, returns, episodes);
      expect(used).toBeCloseTo(3e-13, 25); // 3e-17, 3e-16, 3e-15, 3e-14 fail
      for (const w of b.weights) expect(Number.isFinite(w)).toBe(true);
    });

    it('gives up after 5 tries', () => {
      const b = new LinearFeatureBaseline(OBS_DIM, { regCoeff: 1e-18 });
      expect(() => b.fit(obs, returns, episodes)).toThrow('stayed singular or non-finite for ridge coefficients 1e-18 to');
      expect(Array.from(b.weights)).toEqual(new Array(8).fill(0));
    });

    it('non-finite returns fail every try', () => {
      const bad = Float64Array.from(returns);
      bad[7] = NaN;
      expect(() => new LinearFeatureBaseline(OBS_DIM).fit(obs, bad, episodes)).toThrow('expected finite features and returns');
    });
  });

  it('validates its inputs', () => {
    const b = new LinearFeatureBaseline(OBS_DIM);
    const episodes = layout([3]);
    expect(() => new LinearFeatureBaseline(0)).toThrow('obsDim is 0, expected a positive integer');
    expect(() => new LinearFeatureBaseline(2, { regCoeff: 0 })).toThrow('regCoeff is 0, expected a positive finite number');
    expect(() => b.fit(new Float64Array(5), new Float64Array(3), episodes)).toThrow('expected a multiple of obsDim = 2');
    expect(() => b.fit(new Float64Array(6), new Float64Array(2), episodes)).toThrow('returns have length 2, expected 3');
    expect(() => b.fit(new Float64Array(4), new Float64Array(2), episodes)).toThrow('terminated has length 3, expected 2 (one per row)');
    const long = { ...episodes, terminated: new Uint8Array(2) };
    expect(() => b.fit(new Float64Array(4), new Float64Array(2), long)).toThrow('episode 0 ends at row 3, expected at most 2 rows');
    expect(() => b.predictNext(new Float64Array(1), episodes, new Float64Array(1))).toThrow('expected episodes * obsDim = 2');
  });
});
