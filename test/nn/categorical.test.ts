import { describe, expect, it } from 'vitest';
import { type Tensor, grad, gradcheck, mul, sum, tensor } from '../../src/autodiff/index.js';
import { entropy, greedy, kl, logProb, sampleCategorical } from '../../src/nn/categorical.js';
import { PCG64 } from '../../src/rng/index.js';

const LOGITS = [
  [1, 2, 3],
  [0.5, -1, 0],
  [-2, 4, 4],
];
const Q_LOGITS = [
  [0, 0, 1],
  [2, -0.5, 1],
  [1, 1, -3],
];
const ACTIONS = [2, 0, 1];

/** softmax written out, independently of src. */
function probs(row: number[]): number[] {
  const z = row.reduce((s, x) => s + Math.exp(x), 0);
  return row.map((x) => Math.exp(x) / z);
}

const mat = (rows: number[][]): Tensor => tensor(rows.flat(), [rows.length, rows[0].length]);
const close = (a: ArrayLike<number>, b: number[], digits = 13): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

describe('categorical logProb / entropy / kl', () => {
  it('logProb is log softmax at the action', () => {
    close(logProb(mat(LOGITS), tensor(ACTIONS)).data, LOGITS.map((r, i) => Math.log(probs(r)[ACTIONS[i]])));
    // [1, 2, 3] at 2: 3 - log(e + e^2 + e^3)
    expect(logProb(mat([[1, 2, 3]]), tensor([2])).item()).toBeCloseTo(-0.40760596444437994, 14);
  });

  it('entropy is -sum p log p (log k for uniform logits)', () => {
    close(entropy(mat(LOGITS)).data, LOGITS.map((r) => -probs(r).reduce((s, p) => s + p * Math.log(p), 0)));
    expect(entropy(mat([[0.3, 0.3, 0.3, 0.3]])).item()).toBeCloseTo(Math.log(4), 14);
  });

  it('kl is sum p (log p - log q), zero against itself', () => {
    const expected = LOGITS.map((r, i) => {
      const p = probs(r);
      const q = probs(Q_LOGITS[i]);
      return p.reduce((s, pj, j) => s + pj * Math.log(pj / q[j]), 0);
    });
    close(kl(mat(LOGITS), mat(Q_LOGITS)).data, expected);
    close(kl(mat(LOGITS), mat(LOGITS)).data, [0, 0, 0], 15);
  });

  it('gradients: logProb is onehot - p; all three pass gradcheck', () => {
    const w = tensor([0.7, -1.3, 2.1]);
    const actions = tensor(ACTIONS);
    const g = grad((x: Tensor) => sum(mul(logProb(x, actions), w)))(mat(LOGITS));
    close(g.data, LOGITS.flatMap((r, i) => probs(r).map((p, j) => w.data[i] * ((j === ACTIONS[i] ? 1 : 0) - p))));
    // dH/dz_j = -p_j (log p_j + H)
    const ge = grad((x: Tensor) => sum(entropy(x)))(mat(LOGITS));
    close(ge.data, LOGITS.flatMap((r) => {
      const p = probs(r);
      const h = -p.reduce((s, pj) => s + pj * Math.log(pj), 0);
      return p.map((pj) => -pj * (Math.log(pj) + h));
    }));
    const q = mat(Q_LOGITS);
    const p = mat(LOGITS);
    for (const f of [
      (x: Tensor) => sum(mul(logProb(x, actions), w)),
      (x: Tensor) => sum(mul(entropy(x), w)),
      (x: Tensor) => sum(mul(kl(x, q), w)),
      (x: Tensor) => sum(mul(kl(p, x), w)),
    ]) {
      expect(gradcheck(f, p, { tol: 1e-8 }).ok).toBe(true);
    }
  });

  it('rejects mismatched shapes', () => {
    expect(() => kl(mat(LOGITS), tensor([1, 2, 3], [1, 3]))).toThrow('expected [3, 3]');
    expect(() => entropy(tensor([1, 2, 3]))).toThrow('expected [n, k]');
  });
});

describe('sampleCategorical / greedy', () => {
  it('frequencies match softmax within 5 sigma over 1e5 draws; -Infinity is never drawn', () => {
    const row = [0.5, -1, 2, -Infinity, 0];
    const n = 100_000;
    const k = row.length;
    const logits = new Float64Array(n * k);
    for (let i = 0; i < n; i++) logits.set(row, i * k);
    const out = new Float64Array(n);
    sampleCategorical(logits, n, k, new PCG64(42), out);
    const counts = new Array(k).fill(0);
    for (const a of out) counts[a]++;
    const p = probs(row);
    for (let j = 0; j < k; j++) {
      expect(Math.abs(counts[j] - n * p[j])).toBeLessThanOrEqual(5 * Math.sqrt(n * p[j] * (1 - p[j])));
    }
    expect(counts[3]).toBe(0);
  });

  it('is the inverse CDF of one rng.random() per row, and stays stable for huge logits', () => {
    const rows = [
      [1, 2, 3],
      [800, 799, 0],
      [-1e3, -1e3, -1e3],
    ];
    const out = new Float64Array(rows.length);
    const rng = new PCG64(5);
    sampleCategorical(Float64Array.from(rows.flat()), rows.length, 3, rng, out);
    const ref = new PCG64(5);
    const expected = rows.map((r) => {
      const p = probs(r.map((x) => x - Math.max(...r)));
      const u = ref.random();
      let c = 0;
      return p.findIndex((pj) => (c += pj) > u);
    });
    expect(Array.from(out)).toEqual(expected);
    expect(rng.random()).toBe(ref.random());
  });

  it('rejects non-finite logits and wrong lengths', () => {
    const out = new Float64Array(1);
    expect(() => sampleCategorical(Float64Array.of(0, NaN), 1, 2, new PCG64(0), out)).toThrow('row 0 has non-finite logits');
    expect(() => sampleCategorical(Float64Array.of(0, Infinity), 1, 2, new PCG64(0), out)).toThrow('non-finite');
    expect(() => sampleCategorical(Float64Array.of(0, 1, 2), 1, 2, new PCG64(0), out)).toThrow('expected rows * cols = 2');
    expect(() => sampleCategorical(Float64Array.of(0, 1), 1, 2, new PCG64(0), new Float64Array(2))).toThrow('out has length 2, expected 1');
  });

  it('greedy is the argmax per row, the first on ties', () => {
    const out = new Float64Array(3);
    greedy(Float64Array.from([1, 3, 2, 5, 5, 0, -Infinity, -1, -2]), 3, 3, out);
    expect(Array.from(out)).toEqual([1, 0, 1]);
    expect(() => greedy(Float64Array.of(0, NaN), 1, 2, new Float64Array(1))).toThrow('logits[1] (row 0) is NaN');
  });
});
