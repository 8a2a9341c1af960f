import { describe, expect, it } from 'vitest';
import type { Episodes } from '../../src/nn/episodes.js';
import { MlpCritic, criticLayout, initCritic } from '../../src/nn/critic.js';
import { PCG64 } from '../../src/rng/index.js';

const OBS_DIM = 2;

/** Episodes of the given lengths back to back, the last step of each terminal. */
function episodesOf(...lengths: number[]): Episodes {
  const starts = new Int32Array(lengths.length);
  for (let e = 1; e < lengths.length; e++) starts[e] = starts[e - 1] + lengths[e - 1];
  const rows = lengths.reduce((a, b) => a + b, 0);
  const terminated = new Uint8Array(rows);
  for (let e = 0; e < lengths.length; e++) terminated[starts[e] + lengths[e] - 1] = 1;
  return { episodeStarts: starts, episodeLengths: Int32Array.from(lengths), terminated };
}

const EPISODES = episodesOf(6, 9, 5);
const ROWS = 20;
const rng = new PCG64(9);
const OBS = Float64Array.from({ length: ROWS * OBS_DIM }, () => rng.uniform(-1, 1));
/** Step index within its episode of each row. */
const T = Array.from({ length: ROWS }, (_, row) => {
  let e = EPISODES.episodeStarts.length - 1;
  while (EPISODES.episodeStarts[e] > row) e--;
  return row - EPISODES.episodeStarts[e];
});

function critic(hidden: number[], steps: number, lr: number, seed = 2): MlpCritic {
  const options = { hidden, steps, lr };
  return new MlpCritic(OBS_DIM, initCritic(criticLayout(OBS_DIM, options), new PCG64(seed)), options);
}

describe('MlpCritic', () => {
  it('values every state at 0 before its first fit (zero output layer)', () => {
    const c = critic([8, 8], 10, 0.01);
    const out = new Float64Array(ROWS).fill(NaN);
    c.predict(OBS, EPISODES, out);
    expect(Array.from(out)).toEqual(new Array(ROWS).fill(0));
  });

  it('recovers a target linear in its inputs (obs, t/100) with no hidden layer', () => {
    const target = Float64Array.from({ length: ROWS }, (_, i) => 30 * OBS[2 * i] - 20 * OBS[2 * i + 1] + 50 * (T[i] / 100) - 7);
    const c = critic([], 4000, 0.05);
    c.fit(OBS, target, EPISODES);
    const out = new Float64Array(ROWS);
    c.predict(OBS, EPISODES, out);
    for (let i = 0; i < ROWS; i++) expect(out[i]).toBeCloseTo(target[i], 6);
    // The next observation of episode e is valued at t = its length: row 1 of episode 1 there.
    const next = new Float64Array(3);
    c.predictNext(Float64Array.of(0, 0, 0.5, -0.5, 0, 0), EPISODES, next);
    expect(next[1]).toBeCloseTo(30 * 0.5 + 20 * 0.5 + 50 * 0.09 - 7, 6);
  });

  it("one Adam step moves only the output layer, each weight by lr times about the sign of mean(z h_j) (closed form)", () => {
    const hidden = 4;
    const lr = 0.01;
    const c = critic([hidden], 1, lr);
    const w1 = c.params.slice(0, hidden * (OBS_DIM + 1));
    const b1 = c.params.slice(hidden * (OBS_DIM + 1), hidden * (OBS_DIM + 2));
    const h = (row: number, t: number, obs = OBS): number[] =>
      Array.from({ length: hidden }, (_, j) => Math.tanh(w1[j * 3] * obs[2 * row] + w1[j * 3 + 1] * obs[2 * row + 1] + w1[j * 3 + 2] * (t / 100) + b1[j]));
    const returns = Float64Array.from({ length: ROWS }, (_, i) => 5 * Math.sin(3 * i) + 2);
    const mu = returns.reduce((a, b) => a + b, 0) / ROWS;
    const sigma = Math.sqrt(returns.reduce((a, b) => a + (b - mu) ** 2, 0) / ROWS);
    const z = Array.from(returns, (y) => (y - mu) / sigma);
    // Adam's first step is lr g / (|g| + eps) for each entry; g = -mean(z h_j) for w_j, -mean(z) for the bias.
    const firstStep = (c: number): number => (lr * c) / (Math.abs(c) + 1e-8);
    const w2 = Array.from({ length: hidden }, (_, j) => firstStep(z.reduce((s, zi, i) => s + zi * h(i, T[i])[j], 0) / ROWS));
    const b2 = firstStep(z.reduce((s, zi) => s + zi, 0) / ROWS);
    c.fit(OBS, returns, EPISODES);
    expect(Array.from(c.params.slice(0, hidden * (OBS_DIM + 2)))).toEqual([...w1, ...b1]);
    const out = new Float64Array(ROWS);
    c.predict(OBS, EPISODES, out);
    for (let i = 0; i < ROWS; i++) {
      expect(out[i]).toBeCloseTo(mu + sigma * (h(i, T[i]).reduce((s, hj, j) => s + w2[j] * hj, 0) + b2), 9);
    }
  });

  it('clips observations to [-10, 10] and starts every fit from the same parameters', () => {
    const c = critic([6], 30, 0.02);
    const returns = Float64Array.from({ length: ROWS }, (_, i) => i % 3);
    c.fit(OBS, returns, EPISODES);
    const once = Float64Array.from(c.params);
    c.fit(OBS, Float64Array.from(returns, (x) => -x), EPISODES);
    c.fit(OBS, returns, EPISODES);
    expect(Array.from(c.params)).toEqual(Array.from(once));
    const far = new Float64Array(3);
    c.predictNext(Float64Array.of(10, -10, 55, -1e9, 0, 0), episodesOf(1, 1, 1), far);
    const clipped = new Float64Array(3);
    c.predictNext(Float64Array.of(10, -10, 10, -10, 0, 0), episodesOf(1, 1, 1), clipped);
    expect(far[1]).toBe(clipped[1]);
  });

  it('names bad arguments', () => {
    const c = critic([3], 1, 0.1);
    expect(() => c.fit(OBS, new Float64Array(5), EPISODES)).toThrow('MlpCritic.fit: returns have length 5, expected 20 (one per obs row)');
    expect(() => c.predict(OBS.subarray(1), EPISODES, new Float64Array(ROWS))).toThrow('obs has length 39, expected a multiple of obsDim = 2');
    expect(() => new MlpCritic(OBS_DIM, new Float64Array(3), { hidden: [3], steps: 1, lr: 0.1 })).toThrow('initial parameters have length 3, expected 16 (the critic\'s layout)');
    expect(() => new MlpCritic(OBS_DIM, new Float64Array(16), { hidden: [3], steps: 1, lr: 0 })).toThrow('MlpCritic: lr is 0, expected a positive finite number');
  });
});
