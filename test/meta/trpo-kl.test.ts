import { describe, expect, it } from 'vitest';
import { parseFixture, type Fixture } from '../../src/audit/fixture.js';
import { stopGradient } from '../../src/autodiff/backward.js';
import { relativeError } from '../../src/autodiff/gradcheck.js';
import { adapt } from '../../src/autodiff/meta-gradient.js';
import { concat, slice } from '../../src/autodiff/ops/shape-ops.js';
import { type Tensor, fromBuffer } from '../../src/autodiff/tensor.js';
import { grad, hvp } from '../../src/autodiff/transforms.js';
import { mlpForward } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { CostMeter } from '../../src/meta/costs.js';
import { meanKlRows, meanKlToOld, ratioSurrogate } from '../../src/meta/kl.js';
import { logSoftmaxRowsInto } from '../../src/nn/categorical.js';
import { TrpoTask, addKlProductShare } from '../../src/meta/trpo-task.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import { listData, readDataJson } from '../helpers/reference-data.js';

const files = listData('fixtures').filter((f) => f.endsWith('.json'));

function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

interface Case {
  fixture: Fixture;
  /** Inner batches D_0..D_{K-1}, then D_val. */
  train: PolicyBatch[];
  validation: PolicyBatch;
}

function load(file: string, steps: number): Case {
  const fixture = parseFixture(readDataJson('fixtures', file));
  const test = fixture.test as PolicyBatch;
  // K = 2 adapts on train, then on test; D_val is test in every case.
  const train = steps === 1 ? [fixture.train] : [fixture.train, test];
  return { fixture, train, validation: test };
}

function task(c: Case, rate: number | Float64Array, firstOrder: boolean, meter = new CostMeter()): TrpoTask {
  const layout = c.fixture.layout;
  return new TrpoTask(
    { train: c.train, validation: c.validation },
    { layout, start: c.fixture.params.data, rate, firstOrder, programs: new SurrogatePrograms(layout, { mode: 'never' }), meter },
  );
}

function klHessianVector(t: TrpoTask, v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  addKlProductShare(out, t.klProductShare(v, 1), 1);
  return out;
}

/** The logits of the policy adapted from theta0 (no graph): pi_old of the reference. */
function oldLogits(c: Case, alpha: number | Tensor): Tensor {
  const { layout, params } = c.fixture;
  const loss = (theta: Tensor, k: number) => reinforceObjective(layout, theta, c.train[k]);
  return stopGradient(mlpForward(layout, adapt(loss, params, { alpha, steps: c.train.length, firstOrder: true }), c.validation.obs));
}

/**
 * The reference: the engine's nested reverse-over-reverse HVP of
 *   x -> mean KL(pi_{adapt(x)} || pi_old) on D_val,
 * with the adaptation itself on the graph (exact MAML steps), at the old point.
 */
function nestedReference(c: Case, alpha: number, v: Float64Array): Float64Array {
  const { layout, params } = c.fixture;
  const loss = (theta: Tensor, k: number) => reinforceObjective(layout, theta, c.train[k]);
  const old = oldLogits(c, alpha);
  const f = (theta: Tensor) => meanKlToOld(layout, c.validation.obs, old)(adapt(loss, theta, { alpha, steps: c.train.length }));
  return hvp(f, params, fromBuffer(v)).data;
}

/** Meta-SGD's: x = [theta, alpha_vec]. */
function nestedReferenceMetaSgd(c: Case, alphaVec: Float64Array, v: Float64Array): Float64Array {
  const { layout, params } = c.fixture;
  const n = layout.size;
  const loss = (theta: Tensor, k: number) => reinforceObjective(layout, theta, c.train[k]);
  const old = oldLogits(c, fromBuffer(alphaVec));
  const f = (x: Tensor) => meanKlToOld(layout, c.validation.obs, old)(adapt(loss, slice(x, 0, n), { alpha: slice(x, n, n), steps: c.train.length }));
  return hvp(f, concat([params, fromBuffer(alphaVec)]), fromBuffer(v)).data;
}

function randomVector(size: number, seed: number): Float64Array {
  const rng = new PCG64(seed);
  return Float64Array.from({ length: size }, () => rng.normal());
}

describe('the KL Hessian-vector product through the adaptation (J^T F J v)', () => {
  it('reads every shared fixture', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`${file}: equals the nested reverse-over-reverse HVP to 1e-10 (MAML K = 1, 2; Meta-SGD over [theta, alpha_vec]; FOMAML F v)`, () => {
      for (const steps of [1, 2]) {
        const c = load(file, steps);
        const v = c.fixture.vector?.data ?? randomVector(c.fixture.layout.size, 1);
        const meter = new CostMeter();
        const ours = klHessianVector(task(c, c.fixture.alpha, false, meter), v);
        const reference = nestedReference(c, c.fixture.alpha, v);
        expect(maxAbs(reference)).toBeGreaterThan(1e-8);
        expect(relativeError(ours, reference), `${file} K=${steps}`).toBeLessThan(1e-10);
        // 2K HVPs of the inner losses and one Fisher-vector product; K gradients to adapt.
        expect(meter.hvps).toBe(2 * steps + 1);
        expect(meter.gradientEvaluations).toBe(steps);
      }

      const c = load(file, 1);
      const n = c.fixture.layout.size;
      const alphaVec = c.fixture.alphaVec?.data ?? new Float64Array(n).fill(c.fixture.alpha);
      const v2 = randomVector(2 * n, 2);
      const ours = klHessianVector(task(c, alphaVec, false), v2);
      const reference = nestedReferenceMetaSgd(c, alphaVec, v2);
      expect(maxAbs(reference.subarray(n))).toBeGreaterThan(1e-8);
      expect(relativeError(ours, reference), `${file} Meta-SGD`).toBeLessThan(1e-10);

      // First-order: the Fisher of the adapted policy alone, as a function of the adapted parameters.
      const v = randomVector(n, 3);
      const old = oldLogits(c, c.fixture.alpha);
      const adapted = adapt((t, k) => reinforceObjective(c.fixture.layout, t, c.train[k]), c.fixture.params, { alpha: c.fixture.alpha, firstOrder: true });
      const fisher = hvp(meanKlToOld(c.fixture.layout, c.validation.obs, old), adapted, fromBuffer(v)).data;
      expect(relativeError(klHessianVector(task(c, c.fixture.alpha, true), v), fisher)).toBeLessThan(1e-10);
    });
  }
});

describe('the Fisher-vector product', () => {
  for (const file of files) {
    it(`${file}: equals central finite differences of the KL gradient at the adapted point`, () => {
      const c = load(file, 1);
      const { layout, params, alpha } = c.fixture;
      const v = randomVector(layout.size, 4);
      // First-order, J = I: the product is F v at the adapted parameters.
      const fv = klHessianVector(task(c, alpha, true), v);
      const old = oldLogits(c, alpha);
      const adapted = adapt((t, k) => reinforceObjective(layout, t, c.train[k]), params, { alpha, firstOrder: true }).data;
      const gradAt = (s: number) => grad(meanKlToOld(layout, c.validation.obs, old))(fromBuffer(adapted.map((x, i) => x + s * v[i]))).data;
      const h = 1e-5;
      const plus = gradAt(h);
      const minus = gradAt(-h);
      const numeric = plus.map((p, i) => (p - minus[i]) / (2 * h));
      expect(maxAbs(fv)).toBeGreaterThan(1e-3);
      expect(relativeError(fv, numeric)).toBeLessThan(1e-7);
      // The KL's gradient vanishes at the old point (up to rounding: p (1 - sum p)).
      expect(maxAbs(gradAt(0))).toBeLessThan(1e-15);
    });
  }
});

describe('the line-search quantities on plain rows', () => {
  it('give the KL of two categorical distributions, the importance-weighted surrogate, and -mean(A) at the old policy', () => {
    const logits = Float64Array.of(0, Math.log(3), 1, 1);
    const old = Float64Array.of(0, 0, 0, Math.log(4));
    const logP = logSoftmaxRowsInto(new Float64Array(4), logits, 2, 2);
    const logQ = logSoftmaxRowsInto(new Float64Array(4), old, 2, 2);
    // Row 0: p = (1/4, 3/4), q = (1/2, 1/2); row 1: p = (1/2, 1/2), q = (1/5, 4/5).
    expect(Array.from(logP).map(Math.exp)).toEqual([0.25, 0.75, 0.5, 0.5].map((x) => expect.closeTo(x, 15)));
    const kl0 = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
    const kl1 = 0.5 * Math.log(2.5) + 0.5 * Math.log(0.625);
    expect(meanKlRows(logP, logQ, 2, 2)).toBeCloseTo((kl0 + kl1) / 2, 15);
    const actions = Float64Array.of(1, 0);
    const advantages = Float64Array.of(2, -1);
    // ratios: 0.75 / 0.5 and 0.5 / 0.2
    expect(ratioSurrogate(logP, logQ, actions, advantages, 2, 2)).toBeCloseTo(-(1.5 * 2 - 2.5 * 1) / 2, 14);
    expect(ratioSurrogate(logQ, logQ, actions, advantages, 2, 2)).toBe(-(2 - 1) / 2);
    expect(meanKlRows(logQ, logQ, 2, 2)).toBe(0);
  });
});
