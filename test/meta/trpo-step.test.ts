import { describe, expect, it } from 'vitest';
import { parseFixture } from '../../src/audit/fixture.js';
import { adapt } from '../../src/autodiff/meta-gradient.js';
import { stopGradient } from '../../src/autodiff/backward.js';
import { type Tensor, fromBuffer } from '../../src/autodiff/tensor.js';
import { mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { DEFAULT_CONFIG, type TrpoConfig } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { taskMetaGradient } from '../../src/meta/inner-loop.js';
import { meanKlToOld } from '../../src/meta/kl.js';
import { type TrpoStepArgs, trpoStep } from '../../src/meta/trpo.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import { Arena, arenaDoubles, wasmAvailable } from '../../src/kernels/wasm/module.js';
import type { TrpoTaskData } from '../../src/meta/trpo-task.js';
import { readDataJson } from '../helpers/reference-data.js';

// A tabular softmax: one state (obs 0) and three actions, so the logits are the output bias b
// (theta = [W (3), b (3)], W multiplies 0) and every derivative has a closed form in b.
const K = 3;
const layout = mlpLayout([1, K], 'tanh');
const theta0 = Float64Array.of(0.3, -0.2, 0.5, 0.1, -0.4, 0.7);
const bias = (theta: ArrayLike<number>) => [theta[3], theta[4], theta[5]];

function batch(actions: number[], advantages: number[]): PolicyBatch {
  const n = actions.length;
  return { obs: fromBuffer(new Float64Array(n), [n, 1]), actions: fromBuffer(Float64Array.from(actions)), advantages: fromBuffer(Float64Array.from(advantages)) };
}

// Inner advantages that do not sum to zero, so the inner Hessian (and J) is not trivial.
const train = batch([0, 1, 2, 2, 1, 0], [1.5, -0.5, 2.0, 0.3, -0.1, 0.8]);
const validation = batch([2, 0, 1, 0, 2], [0.9, -1.2, 0.8, 0.4, -0.3]);

type Vec = number[];
type Mat = number[][];

function softmax(b: Vec): Vec {
  const m = Math.max(...b);
  const e = b.map((x) => Math.exp(x - m));
  const s = e.reduce((a, x) => a + x, 0);
  return e.map((x) => x / s);
}

/** d/db of -(1/N) sum_i log softmax(b)[a_i] A_i = -(1/N) sum_i A_i e_{a_i} + mean(A) p. */
function gradient(b: Vec, d: PolicyBatch): Vec {
  const p = softmax(b);
  const a = Array.from(d.actions.data);
  const adv = Array.from(d.advantages.data);
  const n = a.length;
  const c = adv.reduce((s, x) => s + x, 0) / n;
  return p.map((pj, j) => c * pj - a.reduce((s, aj, i) => s + (aj === j ? adv[i] : 0), 0) / n);
}

/** The categorical Fisher in the logits: diag(p) - p p^T. */
function fisher(b: Vec): Mat {
  const p = softmax(b);
  return p.map((pi, i) => p.map((pj, j) => (i === j ? pi : 0) - pi * pj));
}

/** The surrogate's Hessian: mean(A) (diag(p) - p p^T). */
function hessian(b: Vec, d: PolicyBatch): Mat {
  const adv = Array.from(d.advantages.data);
  const c = adv.reduce((s, x) => s + x, 0) / adv.length;
  return fisher(b).map((row) => row.map((x) => c * x));
}

const matVec = (m: Mat, v: Vec): Vec => m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
const transpose = (m: Mat): Mat => m[0].map((_, j) => m.map((row) => row[j]));
const matMul = (a: Mat, b: Mat): Mat => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const dot = (a: Vec, b: Vec): number => a.reduce((s, x, i) => s + x * b[i], 0);

/** Gaussian elimination with partial pivoting. */
function solve(m: Mat, rhs: Vec): Vec {
  const n = rhs.length;
  const a = m.map((row, i) => [...row, rhs[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return x;
}

const options = (extra: Partial<TrpoConfig> = {}): TrpoConfig => ({ ...DEFAULT_CONFIG.trpo, maxKl: 1e-3, ...extra });

function args(rate: number | Float64Array, firstOrder: boolean, gradientVector: Float64Array, o: TrpoConfig, tasks: TrpoTaskData[] = [{ train: [train], validation }], start: Float64Array = theta0): TrpoStepArgs {
  const l = mlpLayout(layout.sizes, 'tanh');
  return { layout: l, tasks, start, rate, firstOrder, gradient: gradientVector, options: o, meter: new CostMeter(), programs: new SurrogatePrograms(l, { mode: 'never' }) };
}

/** The trainer's meta-gradient of the task (the sampler returns the fixed batches). */
function metaGradient(rate: number | Float64Array, firstOrder: boolean): Float64Array {
  const batches = [train, validation];
  const r = taskMetaGradient({ layout, theta: theta0, rate, steps: 1, mode: firstOrder ? 'first-order' : 'exact', sample: (_p, k) => ({ batch: batches[k], meanReturn: 0, envSteps: 0 }) });
  if (r.alphaGrad === null) return r.grad;
  const g = new Float64Array(2 * layout.size);
  g.set(r.grad);
  g.set(r.alphaGrad, layout.size);
  return g;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  expect(scale).toBeGreaterThan(1e-3);
  expect(worst / scale).toBeLessThan(tol);
}

/** The closed-form full step x sqrt(maxKl / (0.5 x^T M x)) with M x = g. */
function scaledStep(m: Mat, g: Vec, maxKl: number): Vec {
  const x = solve(m, g);
  const shs = 0.5 * dot(x, matVec(m, x));
  return x.map((xi) => xi / Math.sqrt(shs / maxKl));
}

describe('trpoStep on a tabular softmax (closed forms)', () => {
  const alpha = 0.5;
  const b0 = bias(theta0);

  it('FOMAML (J = I): the natural gradient (F + lambda I)^-1 g by Sherman-Morrison, scaled to the trust region', () => {
    const o = options();
    const g = metaGradient(alpha, true);
    const adapted = b0.map((x, j) => x - alpha * gradient(b0, train)[j]);
    const gv = gradient(adapted, validation);
    expectClose(g.subarray(3), gv, 1e-14);
    expect(Array.from(g.subarray(0, 3))).toEqual([0, 0, 0]);
    // (diag(p) + lambda I - p p^T)^-1 g = D^-1 g + D^-1 p (p^T D^-1 g) / (1 - p^T D^-1 p), D = diag(p + lambda).
    const p = softmax(adapted);
    const dInv = p.map((pj) => 1 / (pj + o.cgDamping));
    const dg = gv.map((x, j) => x * dInv[j]);
    const dp = p.map((x, j) => x * dInv[j]);
    const x = dg.map((v, j) => v + (dp[j] * dot(p, dg)) / (1 - dot(p, dp)));
    const xFx = dot(x, matVec(fisher(adapted), x)) + o.cgDamping * dot(x, x);
    const closed = x.map((xi) => xi * Math.sqrt((2 * o.maxKl) / xFx));

    const r = trpoStep(args(alpha, true, g, o));
    expect(r.step).not.toBeNull();
    const step = r.step as Float64Array;
    expect(r.log.stepFraction).toBeGreaterThan(0);
    expect(Array.from(step.subarray(0, 3))).toEqual([0, 0, 0]);
    expectClose(step.subarray(3), closed.map((s) => s * r.log.stepFraction), 1e-10);
  });

  it('MAML: (J^T F J + lambda I)^-1 g with J = I - alpha H_train, the old point adapted once', () => {
    const o = options();
    const g = metaGradient(alpha, false);
    const adapted = b0.map((x, j) => x - alpha * gradient(b0, train)[j]);
    const jac = hessian(b0, train).map((row, i) => row.map((h, j) => (i === j ? 1 : 0) - alpha * h));
    const gb = matVec(transpose(jac), gradient(adapted, validation));
    expectClose(g.subarray(3), gb, 1e-14);
    const m = matMul(transpose(jac), matMul(fisher(adapted), jac)).map((row, i) => row.map((x, j) => x + (i === j ? o.cgDamping : 0)));
    const closed = scaledStep(m, gb, o.maxKl);

    const r = trpoStep(args(alpha, false, g, o));
    const step = r.step as Float64Array;
    expect(r.log.stepFraction).toBeGreaterThan(0);
    expect(Array.from(step.subarray(0, 3))).toEqual([0, 0, 0]);
    expectClose(step.subarray(3), closed.map((s) => s * r.log.stepFraction), 1e-10);
    // K = 1: 2 inner HVPs and a Fisher product per KL product; cgIters <= 2 here (two directions
    // carry curvature), one more product for the scale.
    expect(r.log.cgIterations).toBeLessThanOrEqual(3);
  });

  it('Meta-SGD: the trust region over [theta, alpha_vec], J = [I - diag(alpha) H_train, -diag(g_train)]', () => {
    const o = options();
    const alphaVec = Float64Array.of(0.5, 0.5, 0.5, 0.3, 0.6, 0.45);
    const a = bias(alphaVec);
    const g = metaGradient(alphaVec, false);
    const gTrain = gradient(b0, train);
    const adapted = b0.map((x, j) => x - a[j] * gTrain[j]);
    const h = hessian(b0, train);
    const jac = [0, 1, 2].map((i) => [...[0, 1, 2].map((j) => (i === j ? 1 : 0) - a[i] * h[i][j]), ...[0, 1, 2].map((j) => (i === j ? -gTrain[i] : 0))]);
    const gb = matVec(transpose(jac), gradient(adapted, validation));
    expectClose([...g.subarray(3, 6), ...g.subarray(9, 12)], gb, 1e-14);
    const m = matMul(transpose(jac), matMul(fisher(adapted), jac)).map((row, i) => row.map((x, j) => x + (i === j ? o.cgDamping : 0)));
    const closed = scaledStep(m, gb, o.maxKl);

    const r = trpoStep(args(alphaVec, false, g, o));
    const step = r.step as Float64Array;
    expect(r.log.stepFraction).toBeGreaterThan(0);
    expect([...step.subarray(0, 3), ...step.subarray(6, 9)]).toEqual([0, 0, 0, 0, 0, 0]);
    expectClose([...step.subarray(3, 6), ...step.subarray(9, 12)], closed.map((s) => s * r.log.stepFraction), 1e-10);
  });
});

describe('trpoStep: the trust region and the line search', () => {
  const fixture = parseFixture(readDataJson('fixtures', 'cartpole-tanh.json'));
  const fl = fixture.layout;
  const test = fixture.test as PolicyBatch;
  const tasks: { train: PolicyBatch[]; validation: PolicyBatch }[] = [
    { train: [fixture.train], validation: test },
    { train: [test], validation: fixture.train },
  ];

  /** The mean over tasks of the trainer's meta-gradients at theta. */
  function meanGradient(theta: Float64Array, alpha: number, firstOrder: boolean): Float64Array {
    const g = new Float64Array(fl.size);
    for (const t of tasks) {
      const batches = [t.train[0], t.validation];
      const r = taskMetaGradient({ layout: fl, theta, rate: alpha, steps: 1, mode: firstOrder ? 'first-order' : 'exact', sample: (_p, k) => ({ batch: batches[k], meanReturn: 0, envSteps: 0 }) });
      for (let i = 0; i < g.length; i++) g[i] += r.grad[i] / tasks.length;
    }
    return g;
  }

  /** The mean KL of the adapted policies, measured by the engine's tensors (not the line search's rows). */
  function measuredKl(theta: Float64Array, old: Float64Array, alpha: number): number {
    let kl = 0;
    for (const t of tasks) {
      const adapted = (x: Float64Array) => adapt((p: Tensor) => reinforceObjective(fl, p, t.train[0]), fromBuffer(x), { alpha, firstOrder: true });
      const oldLogits = stopGradient(mlpForward(fl, adapted(old), t.validation.obs));
      kl += meanKlToOld(fl, t.validation.obs, oldLogits)(adapted(theta)).item() / tasks.length;
    }
    return kl;
  }

  it('after every accepted step the measured KL is at most maxKl, and the surrogate improved', () => {
    const start = fixture.params.data;
    for (const firstOrder of [false, true]) {
      for (const maxKl of [1e-1, 1e-2, 1e-3, 1e-4]) {
        const g = meanGradient(start, fixture.alpha, firstOrder);
        const r = trpoStep({ ...args(fixture.alpha, firstOrder, g, options({ maxKl }), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'never' }) });
        expect(r.step).not.toBeNull();
        const theta = start.map((x, i) => x - (r.step as Float64Array)[i]);
        const kl = measuredKl(theta, start, fixture.alpha);
        expect(kl).toBeCloseTo(r.log.kl, 14);
        expect(kl).toBeLessThan(maxKl);
        expect(kl).toBeGreaterThan(0.3 * maxKl * r.log.stepFraction ** 2);
        expect(r.log.improvement).toBeLessThan(0);
        expect(r.log.stepFraction).toBe(0.8 ** (r.log.lineSearchSteps - 1));
      }
    }
  });

  it('a line search that finds no improvement takes no step and leaves theta bit-identical', () => {
    const start = Float64Array.from(fixture.params.data);
    const before = Array.from(start);
    // Ascent: every candidate along the negated meta-gradient's natural direction worsens the surrogate.
    const g = meanGradient(start, fixture.alpha, false).map((x) => -x);
    const r = trpoStep({ ...args(fixture.alpha, false, g, options({ maxKl: 1e-4, lsMaxSteps: 5 }), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'never' }) });
    expect(r.step).toBeNull();
    expect(r.log).toMatchObject({ lineSearchSteps: 5, stepFraction: 0, kl: 0, improvement: 0 });
    expect(Array.from(start)).toEqual(before);
  });

  it('takes no step, and no line search, when the gradient is zero', () => {
    const r = trpoStep(args(0.5, false, new Float64Array(layout.size), options()));
    expect(r.step).toBeNull();
    expect(r.log).toEqual({ cgIterations: 0, cgResidual: 0, lineSearchSteps: 0, stepFraction: 0, kl: 0, improvement: 0 });
  });

  it('counts its products: per KL product 2K inner HVPs and one Fisher product per task, cgIters + 1 of them', () => {
    const start = fixture.params.data;
    const g = meanGradient(start, fixture.alpha, false);
    const a = { ...args(fixture.alpha, false, g, options({ cgIters: 4 }), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'never' }) };
    const r = trpoStep(a);
    expect(r.log.cgIterations).toBe(4);
    expect(a.meter.hvps).toBe((4 + 1) * tasks.length * 3);
    // One adaptation at the old point, one per line-search candidate.
    expect(a.meter.gradientEvaluations).toBe(tasks.length * (1 + r.log.lineSearchSteps));
    const b = { ...a, meter: new CostMeter(), firstOrder: true };
    trpoStep(b);
    expect(b.meter.hvps).toBe((4 + 1) * tasks.length);
  });

  it('gives the same bits compiled and eager', () => {
    const start = fixture.params.data;
    const g = meanGradient(start, fixture.alpha, false);
    const eager = trpoStep({ ...args(fixture.alpha, false, g, options(), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'never' }) });
    const compiled = trpoStep({ ...args(fixture.alpha, false, g, options(), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'always' }) });
    expect(compiled.log).toEqual(eager.log);
    expect(Array.from(compiled.step as Float64Array)).toEqual(Array.from(eager.step as Float64Array));
  });

  it('hands its compiled Fisher products back at its end: the next step compiles into the same memory', () => {
    if (!wasmAvailable()) return;
    const start = fixture.params.data;
    const g = meanGradient(start, fixture.alpha, false);
    const programs = new SurrogatePrograms(fl, { mode: 'always' });
    const step = (): unknown => trpoStep({ ...args(fixture.alpha, false, g, options({ cgIters: 3 }), tasks, start), layout: fl, programs }).log;
    // Where the first free span of arena memory starts: the surrogate's buckets, compiled by the
    // first step and kept, sit below it.
    const firstFree = (): number => {
      const probe = Arena.create(arenaDoubles([1024]));
      const at = probe.alloc(1024).byteOffset;
      probe.release();
      return at;
    };
    const first = step();
    const before = firstFree();
    expect(step()).toEqual(first);
    expect(firstFree()).toBe(before);
  });

  it('adapts from the inner gradients a task carries: the same bits, and none recomputed first-order', () => {
    const start = fixture.params.data;
    for (const firstOrder of [false, true]) {
      const g = meanGradient(start, fixture.alpha, firstOrder);
      const carried = tasks.map((t) => ({ ...t, innerGradients: [new SurrogatePrograms(fl, { mode: 'never' }).lossAndGrad(start, t.train[0]).grad] }));
      const a = { ...args(fixture.alpha, firstOrder, g, options(), tasks, start), layout: fl, programs: new SurrogatePrograms(fl, { mode: 'never' }) };
      const b = { ...a, tasks: carried, meter: new CostMeter() };
      const recomputed = trpoStep(a);
      const reused = trpoStep(b);
      expect(reused.log).toEqual(recomputed.log);
      expect(Array.from(reused.step as Float64Array)).toEqual(Array.from(recomputed.step as Float64Array));
      // Exact: the old point's linearization (its HVPs) is one gradient evaluation either way.
      expect(a.meter.gradientEvaluations - b.meter.gradientEvaluations).toBe(firstOrder ? tasks.length : 0);
    }
  });

  it('names a gradient of the wrong length', () => {
    expect(() => trpoStep(args(0.5, false, new Float64Array(3), options()))).toThrow('trpoStep: gradient has length 3, expected 6 (theta)');
    expect(() => trpoStep(args(new Float64Array(6), false, new Float64Array(6), options()))).toThrow('trpoStep: gradient has length 6, expected 12 (theta and alpha_vec)');
  });
});
