import { describe, expect, it } from 'vitest';
import { CG_RESIDUAL_TOLERANCE, ConjugateGradient, type MatVec } from '../../src/meta/conjugate-gradient.js';
import { PCG64 } from '../../src/rng/index.js';

/** Row-major dense A [n, n] as a product, counting its calls. */
function dense(a: Float64Array, n: number): { matVec: MatVec; calls: () => number } {
  let calls = 0;
  const matVec: MatVec = (v, out) => {
    calls++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j] * v[j];
      out[i] = s;
    }
  };
  return { matVec, calls: () => calls };
}

/** A = M^T M / n + I / 2 with M ~ N(0, 1): symmetric positive definite, eigenvalues about in [0.5, 4.5]. */
function randomSpd(n: number, rng: PCG64): Float64Array {
  const m = Float64Array.from({ length: n * n }, () => rng.normal());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += m[k * n + i] * m[k * n + j];
      a[i * n + j] = s / n + (i === j ? 0.5 : 0);
    }
  }
  return a;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('ConjugateGradient', () => {
  it('solves a random 20x20 SPD system to 1e-10 in at most 20 products', () => {
    const n = 20;
    for (const seed of [1, 2, 3]) {
      const rng = new PCG64(seed);
      const a = randomSpd(n, rng);
      const solution = Float64Array.from({ length: n }, () => rng.normal());
      const b = new Float64Array(n);
      const { matVec, calls } = dense(a, n);
      matVec(solution, b);
      const r = new ConjugateGradient(n).solve(matVec, b, 20, 1e-26);
      expect(r.iterations).toBeLessThanOrEqual(20);
      expect(calls()).toBe(1 + r.iterations);
      expect(maxAbsDiff(r.x, solution)).toBeLessThan(1e-10);
      expect(r.residualNorm).toBeLessThan(1e-11);
    }
  });

  it("stops at pytorch-maml-rl's tolerance r.r < 1e-10 by default, with the residual it reports", () => {
    const n = 20;
    const rng = new PCG64(4);
    const a = randomSpd(n, rng);
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const { matVec } = dense(a, n);
    const r = new ConjugateGradient(n).solve(matVec, b, 50);
    expect(CG_RESIDUAL_TOLERANCE).toBe(1e-10);
    expect(r.residualNorm ** 2).toBeLessThan(1e-10);
    expect(r.iterations).toBeLessThan(20);
    // The reported residual is the true one b - A x up to rounding.
    const ax = new Float64Array(n);
    matVec(r.x, ax);
    expect(Math.hypot(...b.map((bi, i) => bi - ax[i]))).toBeCloseTo(r.residualNorm, 12);
  });

  it('stops early on an exact solution: an eigenvector of A after one product, b = 0 before any', () => {
    const n = 5;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = i + 1;
    const { matVec, calls } = dense(a, n);
    const cg = new ConjugateGradient(n);
    const r = cg.solve(matVec, Float64Array.of(0, 0, 6, 0, 0), 10);
    expect(r.iterations).toBe(1);
    expect(Array.from(r.x)).toEqual([0, 0, 2, 0, 0]);
    expect(r.residualNorm).toBe(0);
    const zero = cg.solve(matVec, new Float64Array(n), 10);
    expect(zero.iterations).toBe(0);
    expect(Array.from(zero.x)).toEqual([0, 0, 0, 0, 0]);
    expect(calls()).toBe(1);
    // As pytorch-maml-rl: the tolerance is checked after an iteration, so a b already below it still takes one.
    const tiny = cg.solve(matVec, Float64Array.of(1e-6, 0, 0, 1e-6, 0), 10);
    expect(tiny.iterations).toBe(1);
    expect(calls()).toBe(2);
  });

  it('takes exactly maxIterations products when the tolerance is not met, and names bad arguments', () => {
    const n = 20;
    const rng = new PCG64(5);
    const { matVec, calls } = dense(randomSpd(n, rng), n);
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const r = new ConjugateGradient(n).solve(matVec, b, 3);
    expect(r.iterations).toBe(3);
    expect(calls()).toBe(3);
    expect(r.residualNorm).toBeGreaterThan(1e-5);
    expect(() => new ConjugateGradient(n).solve(matVec, new Float64Array(3), 3)).toThrow('ConjugateGradient.solve: b has length 3, expected 20');
    expect(() => new ConjugateGradient(0)).toThrow('ConjugateGradient: size is 0, expected a positive integer');
  });
});
