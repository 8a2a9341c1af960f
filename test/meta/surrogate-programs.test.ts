// Compiled surrogate programs serve every row count of a bucket by padding, with the eager bits.
import { describe, expect, it } from 'vitest';
import { fromBuffer } from '../../src/autodiff/index.js';
import { SurrogatePrograms, bucketRows } from '../../src/meta/programs.js';
import { gaussianLayout } from '../../src/nn/gaussian.js';
import type { MlpLayout } from '../../src/nn/mlp.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { initPolicy } from '../../src/rl/policy-layout.js';

const OBS = 4;

function batchOf(layout: MlpLayout, rows: number, rng: PCG64): PolicyBatch {
  const gaussian = 'mlp' in layout;
  const obs = Float64Array.from({ length: rows * OBS }, () => rng.normal());
  const actions = gaussian ? Float64Array.from({ length: rows * 2 }, () => rng.normal()) : Float64Array.from({ length: rows }, () => (rng.random() < 0.5 ? 0 : 2));
  const advantages = Float64Array.from({ length: rows }, () => rng.normal());
  return {
    obs: fromBuffer(obs, [rows, OBS]),
    actions: fromBuffer(actions, gaussian ? [rows, 2] : [rows]),
    advantages: fromBuffer(advantages, [rows]),
  };
}

/** Every element the same, down to the sign of zero. */
function expectBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  const differing = Array.from(actual).findIndex((x, i) => !Object.is(x, expected[i]));
  expect(differing).toBe(-1);
}

describe('SurrogatePrograms', () => {
  it('rounds rows up to eight buckets per octave, at least 16 rows apart', () => {
    expect([1, 16, 17, 100, 128, 129, 1000, 1024, 1025, 4500].map(bucketRows)).toEqual([16, 16, 32, 112, 128, 144, 1024, 1024, 1152, 4608]);
    for (let rows = 1; rows < 20_000; rows += 37) {
      const b = bucketRows(rows);
      expect(b >= rows && (b - rows < 16 || b - rows <= rows / 8)).toBe(true);
    }
  });

  const layouts: [string, MlpLayout][] = [
    ['categorical tanh', mlpLayout([OBS, 16, 16, 3], 'tanh')],
    ['Gaussian relu', gaussianLayout([OBS, 12, 2], 'relu')],
  ];
  for (const [name, layout] of layouts) {
    it(`${name}: padded programs give the eager loss, gradient and HVP bits at every row count`, () => {
      const rng = new PCG64(11);
      const theta = initPolicy(layout, rng);
      const v = Float64Array.from(theta, () => rng.normal());
      const eager = new SurrogatePrograms(layout, { mode: 'never' });
      const compiled = new SurrogatePrograms(layout, { mode: 'always', maxElements: 200_000 });
      // Consecutive counts share buckets (and evict each other): a program runs at many fills.
      const counts = [...Array.from({ length: 40 }, (_, i) => i + 1), 63, 64, 65, 127, 129, 250, 255, 256, 257, 1000, 1023, 1024, 1025, 999];
      for (const rows of counts) {
        const batch = batchOf(layout, rows, rng);
        const e = eager.lossGradAndHvp(theta, batch);
        const c = compiled.lossGradAndHvp(theta, batch);
        expect(Object.is(c.loss, e.loss)).toBe(true);
        expectBits(c.grad, e.grad);
        expectBits(c.hvp(v), e.hvp(v));
        expectBits(compiled.lossAndGrad(theta, batch).grad, e.grad);
      }
    });
  }

  it('gives every linearization its own HVPs when more of one bucket are outstanding than it keeps', () => {
    const layout = layouts[0][1];
    const rng = new PCG64(9);
    const theta = initPolicy(layout, rng);
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    const compiled = new SurrogatePrograms(layout, { mode: 'always' });
    // Four batches of bucket 208 while a bucket keeps two linearizations; HVPs asked in reverse, twice.
    const batches = [200, 205, 198, 207].map((rows) => batchOf(layout, rows, rng));
    const lins = batches.map((b) => ({ eager: eager.lossGradAndHvp(theta, b), compiled: compiled.lossGradAndHvp(theta, b) }));
    for (let round = 0; round < 2; round++) {
      for (const lin of [...lins].reverse()) {
        const v = Float64Array.from(theta, () => rng.normal());
        expectBits(lin.compiled.hvp(v), lin.eager.hvp(v));
      }
    }
    expect(compiled.compiledBuckets()).toEqual([208]);
  });

  it('reruns a taken-over linearization on its own batch after its bucket was evicted', () => {
    const layout = layouts[0][1];
    const rng = new PCG64(13);
    const theta = initPolicy(layout, rng);
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    const compiled = new SurrogatePrograms(layout, { mode: 'always', maxElements: 0 });
    const [a, b, c] = [200, 205, 400].map((rows) => batchOf(layout, rows, rng));
    const first = compiled.lossGradAndHvp(theta, a);
    compiled.lossGradAndHvp(theta, b); // takes over the bucket's one linearization
    compiled.lossAndGrad(theta, c); // another bucket: 208 is evicted
    expect(compiled.compiledBuckets()).toEqual([416]);
    const v = Float64Array.from(theta, () => rng.normal());
    expectBits(first.hvp(v), eager.lossGradAndHvp(theta, a).hvp(v));
  });

  it('serves a row count from a compiled bucket up to twice its size holding the program it needs until its padding has cost a compile, then compiles its own', () => {
    const layout = layouts[0][1];
    const rng = new PCG64(17);
    const theta = initPolicy(layout, rng);
    const v = Float64Array.from(theta, () => rng.normal());
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    const compiled = new SurrogatePrograms(layout, { mode: 'always' });
    const grad = (rows: number): void => {
      const batch = batchOf(layout, rows, rng);
      expectBits(compiled.lossAndGrad(theta, batch).grad, eager.lossAndGrad(theta, batch).grad);
    };
    const hvp = (rows: number): void => {
      const batch = batchOf(layout, rows, rng);
      expectBits(compiled.lossGradAndHvp(theta, batch).hvp(v), eager.lossGradAndHvp(theta, batch).hvp(v));
    };
    grad(200);
    // Bucket 112 in 208 pads 96 rows a run; a gradient program costs 4 runs of 112 rows (448):
    // five runs borrow (padding 0, 96, ..., 384 before each), the sixth compiles.
    for (let i = 0; i < 5; i++) grad(110);
    expect(compiled.compiledBuckets()).toEqual([208]);
    grad(110);
    expect(compiled.compiledBuckets()).toEqual([208, 112]);
    grad(100); // 112's own
    expect(compiled.compiledBuckets()).toEqual([208, 112]);
    // No bucket holds a linearization: an HVP's batch compiles its own bucket.
    hvp(190);
    expect(compiled.compiledBuckets()).toEqual([208, 112, 192]);
    // 176 borrows 192's linearization (16 rows a run, far from 4 uses of 176 rows) ...
    for (let i = 0; i < 3; i++) hvp(170);
    expect(compiled.compiledBuckets()).toEqual([208, 112, 192]);
    // ... and 192, holding no gradient program, borrows 208's.
    grad(185);
    expect(compiled.compiledBuckets()).toEqual([112, 192, 208]);
  });

  it("'auto' compiles a bucket on first use and keeps no program below minRows", () => {
    const layout = layouts[0][1];
    const rng = new PCG64(3);
    const theta = initPolicy(layout, rng);
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    const auto = new SurrogatePrograms(layout, { mode: 'auto', minRows: 32 });
    for (const rows of [20, 20, 200, 201, 199, 40, 31]) {
      const batch = batchOf(layout, rows, rng);
      expectBits(auto.lossAndGrad(theta, batch).grad, eager.lossAndGrad(theta, batch).grad);
    }
    expect(auto.compiledBuckets()).toEqual([208, 48]);
  });

  it('evicts the least recently used buckets once their buffers exceed maxElements, keeping the newest', () => {
    const layout = layouts[0][1];
    const rng = new PCG64(5);
    const theta = initPolicy(layout, rng);
    const batches = [100, 200, 300, 100, 400].map((rows) => batchOf(layout, rows, rng));
    const kept = (maxElements: number): { buckets: number[]; elements: number } => {
      const programs = new SurrogatePrograms(layout, { mode: 'always', maxElements });
      for (const batch of batches) programs.lossAndGrad(theta, batch);
      return { buckets: programs.compiledBuckets(), elements: programs.keptElements() };
    };
    const all = kept(Infinity);
    expect(all.buckets).toEqual([208, 320, 112, 416]);
    expect(kept(0).buckets).toEqual([416]);
    const budget = Math.floor(all.elements * 0.6);
    const some = kept(budget);
    expect(some.elements).toBeLessThanOrEqual(budget);
    expect(all.buckets.slice(-some.buckets.length)).toEqual(some.buckets);
    expect(some.buckets.length).toBeLessThan(all.buckets.length);
    expect(some.buckets.length).toBeGreaterThan(1);
  });
});
