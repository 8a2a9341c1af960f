import { describe, expect, it } from 'vitest';
import { type Tensor, grad, gradcheck, mul, sum, tensor } from '../../src/autodiff/index.js';
import {
  gaussianEntropy,
  gaussianKl,
  gaussianLayout,
  gaussianLogProb,
  gaussianLogStd,
  gaussianMean,
  initLogStd,
  isGaussianLayout,
  sampleGaussian,
} from '../../src/nn/gaussian.js';
import { initMlp } from '../../src/nn/init.js';
import { mlpForward } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';

const N = 3;
const D = 2;
const MEAN = [0.5, -1, 2, 0.3, -0.7, 1.1];
const LOG_STD = [-0.4, 0.6];
const ACTIONS = [1.2, -0.1, 1.5, 0.9, 0.2, -2];
const MEAN_Q = [0.1, 0.4, -1, 0.2, 0.3, 0.8];
const LOG_STD_Q = [0.25, -0.3];
const W = tensor([0.9, -1.4, 0.6]);

const mat = (a: number[]): Tensor => tensor(a, [N, D]);
const vec = (a: number[]): Tensor => tensor(a);

/** Closed forms written out per row, independently of src. */
function logProbRef(i: number): number {
  let s = 0;
  for (let j = 0; j < D; j++) {
    const sd = Math.exp(LOG_STD[j]);
    const z = (ACTIONS[i * D + j] - MEAN[i * D + j]) / sd;
    s += -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
  }
  return s;
}

function klRef(i: number): number {
  let s = 0;
  for (let j = 0; j < D; j++) {
    const sp = Math.exp(LOG_STD[j]);
    const sq = Math.exp(LOG_STD_Q[j]);
    const dm = MEAN[i * D + j] - MEAN_Q[i * D + j];
    s += Math.log(sq / sp) + (sp * sp + dm * dm) / (2 * sq * sq) - 0.5;
  }
  return s;
}

describe('Gaussian policy head', () => {
  it('logProb matches the closed form', () => {
    const lp = gaussianLogProb(mat(MEAN), vec(LOG_STD), mat(ACTIONS)).data;
    for (let i = 0; i < N; i++) expect(lp[i]).toBeCloseTo(logProbRef(i), 13);
  });

  it('entropy is sum(logStd) + d (1 + log 2 pi) / 2', () => {
    const h = LOG_STD.reduce((s, l) => s + l + 0.5 * (1 + Math.log(2 * Math.PI)), 0);
    expect(gaussianEntropy(vec(LOG_STD)).item()).toBeCloseTo(h, 14);
  });

  it('kl matches the closed form, zero against itself', () => {
    const k = gaussianKl(mat(MEAN), vec(LOG_STD), mat(MEAN_Q), vec(LOG_STD_Q)).data;
    for (let i = 0; i < N; i++) expect(k[i]).toBeCloseTo(klRef(i), 13);
    const self = gaussianKl(mat(MEAN), vec(LOG_STD), mat(MEAN), vec(LOG_STD)).data;
    for (const x of self) expect(Math.abs(x)).toBeLessThan(1e-15);
  });

  it('gradients: d logProb / d logStd_j = sum_i w_i (z_ij^2 - 1); every argument passes gradcheck', () => {
    const g = grad((l: Tensor) => sum(mul(gaussianLogProb(mat(MEAN), l, mat(ACTIONS)), W)))(vec(LOG_STD));
    for (let j = 0; j < D; j++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += W.data[i] * (((ACTIONS[i * D + j] - MEAN[i * D + j]) / Math.exp(LOG_STD[j])) ** 2 - 1);
      expect(g.data[j]).toBeCloseTo(s, 13);
    }
    const checks: [(x: Tensor) => Tensor, Tensor][] = [
      [(m) => sum(mul(gaussianLogProb(m, vec(LOG_STD), mat(ACTIONS)), W)), mat(MEAN)],
      [(l) => sum(mul(gaussianLogProb(mat(MEAN), l, mat(ACTIONS)), W)), vec(LOG_STD)],
      [(l) => gaussianEntropy(l), vec(LOG_STD)],
      [(m) => sum(mul(gaussianKl(m, vec(LOG_STD), mat(MEAN_Q), vec(LOG_STD_Q)), W)), mat(MEAN)],
      [(l) => sum(mul(gaussianKl(mat(MEAN), l, mat(MEAN_Q), vec(LOG_STD_Q)), W)), vec(LOG_STD)],
      [(m) => sum(mul(gaussianKl(mat(MEAN), vec(LOG_STD), m, vec(LOG_STD_Q)), W)), mat(MEAN_Q)],
      [(l) => sum(mul(gaussianKl(mat(MEAN), vec(LOG_STD), mat(MEAN_Q), l), W)), vec(LOG_STD_Q)],
    ];
    for (const [f, x] of checks) expect(gradcheck(f, x, { tol: 1e-8 }).ok).toBe(true);
  });

  it('rejects mismatched shapes', () => {
    expect(() => gaussianLogProb(mat(MEAN), vec([0, 0, 0]), mat(ACTIONS))).toThrow('logStd has shape [3], expected [2]');
    expect(() => gaussianLogProb(mat(MEAN), vec(LOG_STD), vec(ACTIONS))).toThrow('expected [3, 2]');
    expect(() => gaussianKl(mat(MEAN), vec(LOG_STD), tensor([1, 2], [1, 2]), vec(LOG_STD_Q))).toThrow('meanQ has shape [1, 2]');
  });
});

describe('gaussianLayout', () => {
  it('puts the log-std after the MLP; mean and log-std read their slices', () => {
    const layout = gaussianLayout([3, 8, 2], 'relu');
    expect(layout.logStdOffset).toBe(layout.mlp.size);
    expect(layout.size).toBe(layout.mlp.size + 2);
    // An MlpLayout over the whole vector: the mean network's layers, the log-std past their slots.
    expect([layout.head, layout.sizes, layout.activation, layout.layers]).toEqual(['gaussian', [3, 8, 2], 'relu', layout.mlp.layers]);
    expect([isGaussianLayout(layout), isGaussianLayout(layout.mlp)]).toEqual([true, false]);
    const params = initLogStd(layout, initMlp(layout.mlp, new PCG64(3), 'torch-default', new Float64Array(layout.size)), 0.5);
    expect(Array.from(params.subarray(layout.logStdOffset))).toEqual([Math.log(0.5), Math.log(0.5)]);
    const theta = tensor(params);
    const obs = tensor([0.1, -0.2, 0.3, 1, 2, -1], [2, 3]);
    expect(Array.from(gaussianMean(layout, theta, obs).data)).toEqual(
      Array.from(mlpForward(layout.mlp, tensor(params.subarray(0, layout.mlp.size)), obs).data),
    );
    expect(Array.from(gaussianLogStd(layout, theta).data)).toEqual([Math.log(0.5), Math.log(0.5)]);
    expect(() => gaussianMean(layout, tensor([1, 2]), obs)).toThrow(`expected [${layout.size}]`);
  });
});

describe('sampleGaussian', () => {
  it('sample mean and std match within 5 sigma over 1e5 draws per dimension', () => {
    const n = 100_000;
    const mu = [1, -2];
    const logStd = Float64Array.of(Math.log(0.5), Math.log(2));
    const mean = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) mean.set(mu, i * 2);
    const out = new Float64Array(n * 2);
    sampleGaussian(mean, logStd, n, 2, new PCG64(11), out);
    for (let j = 0; j < 2; j++) {
      const sd = Math.exp(logStd[j]);
      let s = 0;
      for (let i = 0; i < n; i++) s += out[i * 2 + j];
      const m = s / n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (out[i * 2 + j] - m) ** 2;
      expect(Math.abs(m - mu[j])).toBeLessThan((5 * sd) / Math.sqrt(n));
      expect(Math.abs(Math.sqrt(v / (n - 1)) - sd)).toBeLessThan((5 * sd) / Math.sqrt(2 * n));
    }
  });

  it('draws rng.normal() in row-major order', () => {
    const out = new Float64Array(4);
    sampleGaussian(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, Math.log(3)), 2, 2, new PCG64(9), out);
    const ref = new PCG64(9);
    const expected = [1 + ref.normal(), 2 + 3 * ref.normal(), 3 + ref.normal(), 4 + 3 * ref.normal()];
    for (let i = 0; i < 4; i++) expect(out[i]).toBeCloseTo(expected[i], 14);
  });

  it('rejects wrong lengths', () => {
    expect(() => sampleGaussian(new Float64Array(4), new Float64Array(3), 2, 2, new PCG64(0), new Float64Array(4))).toThrow('logStd has length 3, expected 2');
    expect(() => sampleGaussian(new Float64Array(4), new Float64Array(2), 2, 2, new PCG64(0), new Float64Array(3))).toThrow('out has length 3');
  });
});
