import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  type Shape,
  type Tensor,
  adapt,
  add,
  addScalar,
  div,
  exp,
  flatten,
  gather,
  grad,
  gradcheck,
  gradients,
  hvp,
  jvp,
  log,
  logSoftmax,
  logSumExp,
  matmul,
  metaGradient,
  mul,
  reshape,
  scalar,
  scaleBy,
  slice,
  sqrt,
  square,
  stopGradient,
  sub,
  sum,
  tanh,
  tensor,
  valueAndGrad,
  vjp,
  watch,
  withoutGraph,
} from '../../src/autodiff/index.js';
import { type HiddenActivation, mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { reinforceLoss } from '../../src/nn/reinforce.js';
import { type Prng, prng } from '../helpers/prng.js';
import { randn, relErr } from '../helpers/tensors.js';

// ---------------------------------------------------------------------------------------------
// helpers (plain arrays, independent of src)

function dotArr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(x: ArrayLike<number>, c: number, v: ArrayLike<number>): Tensor {
  return tensor(Array.from(x, (xi, i) => xi + c * v[i]));
}

function shifted(x: Tensor, c: number, v: Tensor): Tensor {
  return tensor(Array.from(x.data, (xi, i) => xi + c * v.data[i]), x.shape);
}

function tdot(a: Tensor, b: Tensor): Tensor {
  return sum(mul(a, b));
}

type Mat = number[][];

function matVec(m: Mat, v: readonly number[]): number[] {
  return m.map((row) => dotArr(row, v));
}

function matT(m: Mat): Mat {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

function matMul(a: Mat, b: Mat): Mat {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

function eye(n: number): Mat {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function vsub(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v - b[i]);
}

function vmul(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v * b[i]);
}

/** A random symmetric positive definite n x n matrix (exactly symmetric). */
function spd(r: Prng, n: number): Mat {
  const m: Mat = Array.from({ length: n }, () => r.normals(n));
  const out: Mat = eye(n).map((row) => row.map((v) => 0.5 * v));
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += m[k][i] * m[k][j];
    out[i][j] += s / n;
    if (j !== i) out[j][i] = out[i][j];
  }
  return out;
}

/**
 * A full garbage collection. Vitest starts its workers without --expose-gc, so the flag is set at
 * run time and V8's gc taken from a fresh context, which installs it once the flag is on.
 */
function exposedGc(): () => void {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as () => void;
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('memory test: V8 gave no gc function after --expose-gc');
  return gc as () => void;
}

const gc = exposedGc();

/**
 * Bytes live after full collections: the JS heap (tensor and graph objects) without its code spaces,
 * which the optimising compiler fills and empties concurrently, plus array buffers (tensor data).
 */
function liveBytes(): number {
  gc();
  gc();
  let heap = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('code')) heap += space.space_used_size;
  return heap + process.memoryUsage().arrayBuffers;
}

/** Graph nodes (tensors made by an op, distinct) reachable from t. */
function countNodes(t: Tensor): number {
  const seen = new Set<Tensor>();
  const stack: Tensor[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.node === null || seen.has(x)) continue;
    seen.add(x);
    for (const i of x.node.inputs) stack.push(i);
  }
  return seen.size;
}

// ---------------------------------------------------------------------------------------------
// MLP REINFORCE losses

interface PolicyProblem {
  readonly loss: (theta: Tensor) => Tensor;
  readonly theta: Tensor;
}

function policyProblem(seed: number, act: HiddenActivation, sizes = [4, 8, 8, 3], batch = 6): PolicyProblem {
  const r = prng(seed);
  const layout = mlpLayout(sizes, act);
  const theta = randn(r, [layout.size], 0.5);
  const obs = randn(r, [batch, sizes[0]]);
  const actions = tensor(r.ints(batch, sizes[sizes.length - 1]));
  const adv = randn(r, [batch]);
  return { loss: (t) => reinforceLoss(mlpForward(layout, t, obs), actions, adv), theta };
}

function fdHvp(f: (x: Tensor) => Tensor, x: Tensor, v: Tensor, eps = 1e-5): number[] {
  const gp = grad(f)(shifted(x, eps, v)).data;
  const gm = grad(f)(shifted(x, -eps, v)).data;
  return Array.from(gp, (g, i) => (g - gm[i]) / (2 * eps));
}

// ---------------------------------------------------------------------------------------------

describe('Hessian-vector products vs finite differences of the gradient', () => {
  for (const act of ['tanh', 'relu'] as HiddenActivation[]) {
    it(`MLP REINFORCE loss, ${act} hidden layers, three directions`, () => {
      const { loss, theta } = policyProblem(act === 'tanh' ? 11 : 12, act);
      const r = prng(13);
      for (let k = 0; k < 3; k++) {
        const v = randn(r, theta.shape);
        const hv = hvp(loss, theta, v);
        expect([...hv.shape]).toEqual([...theta.shape]);
        const fd = fdHvp(loss, theta, v);
        expect(relErr(hv.data, fd)).toBeLessThan(1e-7);
        // the Hessian is not trivially zero here (the check is not vacuous)
        expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
      }
    });

    it(`MLP REINFORCE loss, ${act}: Hessian symmetry uᵀ(Hv) == vᵀ(Hu)`, () => {
      const { loss, theta } = policyProblem(act === 'tanh' ? 21 : 22, act);
      const r = prng(23);
      const u = randn(r, theta.shape);
      const v = randn(r, theta.shape);
      const a = dotArr(u.data, hvp(loss, theta, v).data);
      const b = dotArr(v.data, hvp(loss, theta, u).data);
      expect(Math.abs(a - b) / Math.max(1, Math.abs(a))).toBeLessThan(1e-12);
    });
  }

  it('wide MLP (sizes large enough for the optimised gemm / tanh kernels): hvp vs FD of the gradient', () => {
    for (const act of ['tanh', 'relu'] as HiddenActivation[]) {
      const { loss, theta } = policyProblem(act === 'tanh' ? 25 : 26, act, [8, 64, 64, 4], 32);
      const v = randn(prng(27), theta.shape);
      const fd = fdHvp(loss, theta, v);
      expect(relErr(hvp(loss, theta, v).data, fd)).toBeLessThan(1e-7);
      expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
    }
  });

  const composites: [string, (x: Tensor) => Tensor, (r: Prng) => Tensor][] = [
    ['sum(exp(tanh(x)) * log(1 + x^2))', (x) => sum(mul(exp(tanh(x)), log(addScalar(square(x), 1)))), (r) => randn(r, [5])],
    ['sum(tanh(x) / (1 + exp(x)))', (x) => sum(div(tanh(x), addScalar(exp(x), 1))), (r) => randn(r, [4])],
    ['sum(W * logSoftmax(reshape(x, [2, 3])))', (x) => sum(mul(logSoftmax(reshape(x, [2, 3])), tensor([0.3, -1.2, 2, 0.7, 0.1, -0.4], [2, 3]))), (r) => randn(r, [6], 1.5)],
    ['sum(sqrt(x^2 + 1)) + sum(log(x) * exp(-x)) on x > 0', (x) => add(sum(sqrt(addScalar(square(x), 1))), sum(mul(log(x), exp(scaleBy(x, -1))))), (r) => tensor(r.uniforms(4, 0.4, 2.5))],
    ['1 / (1 + sum(x^2)) * sum(tanh(M x))', (x) => mul(div(scalar(1), addScalar(sum(square(x)), 1)), sum(tanh(matmul(tensor([1, -2, 0.5, 0.3, 1.1, -0.7], [2, 3]), reshape(x, [3, 1]))))), (r) => randn(r, [3])],
    ['sum(w * logSumExp(reshape(x, [2, 3])))', (x) => sum(mul(logSumExp(reshape(x, [2, 3])), tensor([0.7, -1.3]))), (r) => randn(r, [6], 1.5)],
    [
      'row, column and scalar broadcasting: sum(tanh(M ⊙ x_row + x_col ⊙ M + x_s ⊙ M)^2) / (x_row · x_row + 1)',
      (x) => {
        const M = tensor([0.5, -1, 0.3, 0.2, 0.9, -0.4, 1.1, 0.1, -0.6, 0.7, 0.25, -0.3], [4, 3]);
        const row = slice(x, 0, 3);
        const col = reshape(slice(x, 3, 4), [4, 1]);
        const s = reshape(slice(x, 7, 1), []);
        const z = tanh(add(add(mul(M, row), mul(col, M)), mul(s, M)));
        return div(sum(square(z)), addScalar(sum(mul(row, row)), 1));
      },
      (r) => randn(r, [8]),
    ],
  ];
  let seed = 30;
  for (const [name, f, gen] of composites) {
    const s = seed++;
    it(`composite ${name}`, () => {
      const r = prng(s);
      const x = gen(r);
      for (let k = 0; k < 2; k++) {
        const v = randn(r, x.shape);
        expect(relErr(hvp(f, x, v).data, fdHvp(f, x, v))).toBeLessThan(1e-7);
      }
    });
  }

  it('hvp of a quadratic ½xᵀAx is Av exactly; hvp of a linear function is zero', () => {
    const r = prng(40);
    const A = spd(r, 4);
    const At = tensor(A.flat(), [4, 4]);
    const f = (x: Tensor): Tensor => scaleBy(sum(mul(x, flatten(matmul(At, reshape(x, [4, 1]))))), 0.5);
    const x = randn(r, [4]);
    const v = randn(r, [4]);
    expect(relErr(hvp(f, x, v).data, matVec(A, v.toArray()))).toBeLessThan(1e-14);
    const lin = (t: Tensor): Tensor => sum(mul(t, tensor([1, 2, 3, 4])));
    expect(Array.from(hvp(lin, x, v).data)).toEqual([0, 0, 0, 0]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('nested derivatives with closed forms', () => {
  type Scalar = (x: Tensor) => Tensor;
  const nth = (f: Scalar, n: number): Scalar => {
    let g = f;
    for (let i = 0; i < n; i++) g = grad(g);
    return g;
  };
  const families: [string, Scalar, number[], ((x: number) => number)[]][] = [
    [
      'tanh',
      tanh,
      [-2.1, -1.3, -0.4, 0, 0.2, 0.9, 1.7],
      [
        (x) => 1 - Math.tanh(x) ** 2,
        (x) => { const t = Math.tanh(x); return -2 * t * (1 - t * t); },
        (x) => { const t = Math.tanh(x); return (1 - t * t) * (6 * t * t - 2); },
        (x) => { const t = Math.tanh(x); return 8 * t * (1 - t * t) * (2 - 3 * t * t); },
      ],
    ],
    ['exp', exp, [-1.5, -0.3, 0, 0.6, 2.2], [Math.exp, Math.exp, Math.exp, Math.exp]],
    [
      'log',
      log,
      [0.3, 0.8, 1, 1.5, 2.7],
      [(x) => 1 / x, (x) => -1 / x ** 2, (x) => 2 / x ** 3, (x) => -6 / x ** 4],
    ],
    [
      'sqrt',
      sqrt,
      [0.3, 0.8, 1.5, 2.7],
      [(x) => 0.5 * x ** -0.5, (x) => -0.25 * x ** -1.5, (x) => 0.375 * x ** -2.5, (x) => -0.9375 * x ** -3.5],
    ],
    [
      '1/x',
      (x) => div(scalar(1), x),
      [-2.2, -0.7, 0.3, 0.8, 1.5],
      [(x) => -1 / x ** 2, (x) => 2 / x ** 3, (x) => -6 / x ** 4, (x) => 24 / x ** 5],
    ],
  ];
  for (const [name, f, points, derivs] of families) {
    for (const shape of [[], [1]] as Shape[]) {
      it(`${name}: d/dx .. d4/dx4 at ${points.length} points, shape ${JSON.stringify(shape)}`, () => {
        for (const p of points) {
          const x = tensor([p], shape);
          for (let n = 1; n <= 4; n++) {
            const got = nth(f, n)(x);
            expect([...got.shape]).toEqual([...shape]);
            const want = derivs[n - 1](p);
            expect(Math.abs(got.item() - want) / Math.max(1, Math.abs(want)), `${name}^(${n})(${p})`).toBeLessThan(1e-12);
          }
        }
      });
    }
  }

  it('valueAndGrad nested: value and gradient of x -> d/dx tanh(x) at several points', () => {
    for (const p of [-1, 0.25, 1.3]) {
      const { value, grad: g } = valueAndGrad(grad(tanh))(scalar(p));
      const t = Math.tanh(p);
      expect(Math.abs(value.item() - (1 - t * t))).toBeLessThan(1e-15);
      expect(Math.abs(g.item() - -2 * t * (1 - t * t))).toBeLessThan(1e-15);
    }
  });

  it('third derivative of composites tanh(exp(x)) and exp(tanh(x)) * x vs finite differences of the second', () => {
    const fs: ((x: Tensor) => Tensor)[] = [(x) => tanh(exp(x)), (x) => mul(exp(tanh(x)), x)];
    for (const f of fs) {
      for (const p of [-0.8, 0.1, 0.7]) {
        const d3 = grad(grad(grad(f)))(scalar(p)).item();
        const eps = 1e-5;
        const d2p = grad(grad(f))(scalar(p + eps)).item();
        const d2m = grad(grad(f))(scalar(p - eps)).item();
        expect(Math.abs(d3 - (d2p - d2m) / (2 * eps)) / Math.max(1, Math.abs(d3))).toBeLessThan(1e-7);
      }
    }
  });

  it('nested derivatives of the elementwise sum over a vector equal the scalar closed forms per element', () => {
    // d/dx_i of sum(grad(sum tanh)) = f''(x_i): grad of a vector-valued gradient, via sum
    const x = tensor([-1.2, -0.1, 0.5, 2]);
    const d2 = grad((t) => sum(grad((u) => sum(tanh(u)))(t)))(x);
    const d3 = grad((t) => sum(grad((u) => sum(grad((w) => sum(tanh(w)))(u)))(t)))(x);
    const want2 = x.toArray().map((p) => { const t = Math.tanh(p); return -2 * t * (1 - t * t); });
    const want3 = x.toArray().map((p) => { const t = Math.tanh(p); return (1 - t * t) * (6 * t * t - 2); });
    expect(relErr(d2.data, want2)).toBeLessThan(1e-14);
    expect(relErr(d3.data, want3)).toBeLessThan(1e-14);
  });

  it('third derivative of a tanh MLP output w.r.t. its input along a direction vs finite differences of the HVP', () => {
    const r = prng(50);
    const layout = mlpLayout([3, 6, 6, 2], 'tanh');
    const theta = randn(r, [layout.size], 0.8);
    const wOut = randn(r, [1, 2]);
    const f = (x: Tensor): Tensor => sum(mul(mlpForward(layout, theta, reshape(x, [1, 3])), wOut));
    const x = randn(r, [3]);
    for (let k = 0; k < 3; k++) {
      const v = randn(r, [3]);
      // D³f(x)[v, v, ·] as the gradient of vᵀ H(x) v (hvp nested inside grad)
      const t3 = grad((z: Tensor) => tdot(hvp(f, z, v), v))(x);
      const eps = 1e-5;
      const hp = hvp(f, shifted(x, eps, v), v).data;
      const hm = hvp(f, shifted(x, -eps, v), v).data;
      const fd = Array.from(hp, (h, i) => (h - hm[i]) / (2 * eps));
      expect(relErr(t3.data, fd)).toBeLessThan(1e-7);
      expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
      // the directional third derivative d³/dt³ f(x + t v) at 0 two ways: vᵀ t3 and FD of vᵀ H v along v
      const dirFd = (dotArr(v.data, hp) - dotArr(v.data, hm)) / (2 * eps);
      expect(Math.abs(dotArr(v.data, t3.data) - dirFd) / Math.max(1, Math.abs(dirFd))).toBeLessThan(1e-7);
      // and each coordinate of t3 vs FD of x -> vᵀ H(x) v along the axes
      const g = Array.from({ length: 3 }, (_, i) => {
        const e = tensor([0, 1, 2].map((j) => (j === i ? 1 : 0)));
        const p = dotArr(v.data, hvp(f, shifted(x, eps, e), v).data);
        const m = dotArr(v.data, hvp(f, shifted(x, -eps, e), v).data);
        return (p - m) / (2 * eps);
      });
      expect(relErr(t3.data, g)).toBeLessThan(1e-7);
    }
  });

  it('third derivative of the MLP REINFORCE loss along v: ∇(vᵀHv) vs FD of the hvp', () => {
    const { loss, theta } = policyProblem(52, 'tanh', [3, 5, 3], 4);
    const r = prng(53);
    const v = randn(r, theta.shape);
    const t3 = grad((z: Tensor) => tdot(hvp(loss, z, v), v))(theta);
    const eps = 1e-5;
    const hp = hvp(loss, shifted(theta, eps, v), v).data;
    const hm = hvp(loss, shifted(theta, -eps, v), v).data;
    const fd = Array.from(hp, (h, i) => (h - hm[i]) / (2 * eps));
    expect(relErr(t3.data, fd)).toBeLessThan(1e-7);
    expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('transforms nested three and four deep: third and fourth derivative tensors of an MLP are symmetric', () => {
    const r = prng(51);
    const layout = mlpLayout([3, 5, 2], 'tanh');
    const theta = randn(r, [layout.size], 0.8);
    const f = (x: Tensor): Tensor => sum(mul(mlpForward(layout, theta, reshape(x, [1, 3])), tensor([0.6, -1.1], [1, 2])));
    const x = randn(r, [3]);
    const [u, v, w] = [randn(r, [3]), randn(r, [3]), randn(r, [3])];
    const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a));
    // T[a, b, c] = cᵀ ∇(aᵀ H b): grad of an hvp
    const T = (a: Tensor, b: Tensor, c: Tensor): number => dotArr(c.data, grad((z: Tensor) => tdot(hvp(f, z, b), a))(x).data);
    const tuvw = T(u, v, w);
    expect(Math.abs(tuvw)).toBeGreaterThan(1e-3);
    expect(rel(tuvw, T(u, w, v))).toBeLessThan(1e-12);
    expect(rel(tuvw, T(w, u, v))).toBeLessThan(1e-12);
    expect(rel(tuvw, T(v, w, u))).toBeLessThan(1e-12);
    // Q[a, b, c, d] = dᵀ hvp(z -> aᵀ H(z) b, x, c): hvp of an hvp (a fourth derivative)
    const Q = (a: Tensor, b: Tensor, c: Tensor, d: Tensor): number => dotArr(d.data, hvp((z: Tensor) => tdot(hvp(f, z, b), a), x, c).data);
    const quvww = Q(u, v, w, w);
    expect(Math.abs(quvww)).toBeGreaterThan(1e-3);
    expect(rel(quvww, Q(u, w, v, w))).toBeLessThan(1e-11);
    expect(rel(quvww, Q(w, w, u, v))).toBeLessThan(1e-11);
    // and vs finite differences of T along w
    const eps = 1e-5;
    const Tat = (z: Tensor): number => dotArr(w.data, grad((y: Tensor) => tdot(hvp(f, y, v), u))(z).data);
    const fd = (Tat(shifted(x, eps, w)) - Tat(shifted(x, -eps, w))) / (2 * eps);
    expect(rel(quvww, fd)).toBeLessThan(1e-7);
  });
});

// ---------------------------------------------------------------------------------------------

describe('jvp and vjp', () => {
  const M = tensor([0.5, -1, 0.3, 0.2, 0.9, -0.4, 1.1, 0, -0.6, 0.7, 0.25, -0.3, 0.8, 1.2, -0.5, 0.4, -0.9, 0.6, 0.1, 0.35], [4, 5]);
  const fns: [string, (x: Tensor) => Tensor, number][] = [
    ['tanh(M exp(0.3 x))', (x) => flatten(tanh(matmul(M, reshape(exp(scaleBy(x, 0.3)), [5, 1])))), 5],
    ['logSoftmax(reshape(x, [2, 3])) * x / (1 + x^2)', (x) => mul(flatten(logSoftmax(reshape(x, [2, 3]))), div(x, addScalar(square(x), 1))), 6],
    ['log(1 + exp(x)) - sqrt(1 + x^2) (elementwise)', (x) => sub(log(addScalar(exp(x), 1)), sqrt(addScalar(square(x), 1))), 4],
  ];
  let seed = 60;
  for (const [name, f, n] of fns) {
    const s = seed++;
    it(`${name}: tangent vs finite differences, value vs f(x), duality uᵀ(Jv) == (Jᵀu)ᵀv`, () => {
      const r = prng(s);
      const x = randn(r, [n]);
      const fx = f(x);
      for (let k = 0; k < 3; k++) {
        const v = randn(r, [n]);
        const { value, tangent } = jvp(f, x, v);
        expect(Array.from(value.data)).toEqual(Array.from(fx.data));
        const eps = 1e-6;
        const fp = f(shifted(x, eps, v)).data;
        const fm = f(shifted(x, -eps, v)).data;
        expect(relErr(tangent.data, Array.from(fp, (a, i) => (a - fm[i]) / (2 * eps)))).toBeLessThan(1e-8);
        const u = randn(r, fx.shape);
        const pull = vjp(f, x);
        expect(Array.from(pull.value.data)).toEqual(Array.from(fx.data));
        const jtu = pull.vjp(u);
        const lhs = dotArr(u.data, tangent.data);
        const rhs = dotArr(jtu.data, v.data);
        expect(Math.abs(lhs - rhs) / Math.max(1, Math.abs(lhs))).toBeLessThan(1e-12);
      }
    });
  }

  it('MLP logits as a function of the parameters: jvp vs FD and duality', () => {
    const r = prng(70);
    const layout = mlpLayout([3, 5, 4], 'tanh');
    const obs = randn(r, [2, 3]);
    const f = (t: Tensor): Tensor => flatten(mlpForward(layout, t, obs));
    const theta = randn(r, [layout.size], 0.6);
    const v = randn(r, theta.shape);
    const u = randn(r, [8]);
    const { tangent } = jvp(f, theta, v);
    const eps = 1e-6;
    const fp = f(shifted(theta, eps, v)).data;
    const fm = f(shifted(theta, -eps, v)).data;
    expect(relErr(tangent.data, Array.from(fp, (a, i) => (a - fm[i]) / (2 * eps)))).toBeLessThan(1e-8);
    const jtu = vjp(f, theta).vjp(u);
    expect(Math.abs(dotArr(u.data, tangent.data) - dotArr(jtu.data, v.data))).toBeLessThan(1e-12 * Math.max(1, Math.abs(dotArr(u.data, tangent.data))));
  });

  it('jvp of a scalar function equals the directional derivative gradᵀv', () => {
    const r = prng(71);
    const f = (x: Tensor): Tensor => sum(mul(tanh(x), exp(scaleBy(x, 0.5))));
    const x = randn(r, [5]);
    const v = randn(r, [5]);
    const t = jvp(f, x, v).tangent;
    expect(t.shape).toEqual([]);
    expect(Math.abs(t.item() - dotArr(grad(f)(x).data, v.data))).toBeLessThan(1e-14);
  });

  it('jvp and vjp nested inside grad: ∇ₓ(uᵀ J(x) v) agrees between them and with finite differences', () => {
    const r = prng(72);
    const f = fns[0][1];
    const x = randn(r, [5]);
    const v = randn(r, [5]);
    const u = randn(r, [4]);
    const viaJvp = grad((z: Tensor) => tdot(jvp(f, z, v).tangent, u))(x);
    const viaVjp = grad((z: Tensor) => tdot(vjp(f, z).vjp(u), v))(x);
    expect(relErr(viaJvp.data, viaVjp.data)).toBeLessThan(1e-13);
    const eps = 1e-5;
    const fd = Array.from({ length: 5 }, (_, i) => {
      const e = tensor([0, 1, 2, 3, 4].map((j) => (j === i ? 1 : 0)));
      const p = dotArr(u.data, jvp(f, shifted(x, eps, e), v).tangent.data);
      const m = dotArr(u.data, jvp(f, shifted(x, -eps, e), v).tangent.data);
      return (p - m) / (2 * eps);
    });
    expect(relErr(viaJvp.data, fd)).toBeLessThan(1e-8);
  });

  it('jvp and vjp nested inside grad through gather / logSoftmax (the REINFORCE pattern) agree with each other and with FD', () => {
    const r = prng(74);
    const index = tensor([2, 0, 3]);
    const f = (x: Tensor): Tensor => exp(gather(logSoftmax(tanh(reshape(x, [3, 4]))), index));
    const x = randn(r, [12]);
    const v = randn(r, [12]);
    const u = randn(r, [3]);
    const viaJvp = grad((z: Tensor) => tdot(jvp(f, z, v).tangent, u))(x);
    const viaVjp = grad((z: Tensor) => tdot(vjp(f, z).vjp(u), v))(x);
    expect(relErr(viaJvp.data, viaVjp.data)).toBeLessThan(1e-13);
    const eps = 1e-5;
    const fd = Array.from({ length: 12 }, (_, i) => {
      const e = tensor(Array.from({ length: 12 }, (_, j) => (j === i ? 1 : 0)));
      const p = dotArr(u.data, jvp(f, shifted(x, eps, e), v).tangent.data);
      const m = dotArr(u.data, jvp(f, shifted(x, -eps, e), v).tangent.data);
      return (p - m) / (2 * eps);
    });
    expect(relErr(viaJvp.data, fd)).toBeLessThan(1e-8);
    expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('vjp of the identity and of a linear map return the cotangent / Mᵀu exactly', () => {
    const r = prng(73);
    const x = randn(r, [5]);
    const u5 = randn(r, [5]);
    expect(Array.from(vjp((t) => t, x).vjp(u5).data)).toEqual(Array.from(u5.data));
    expect(Array.from(jvp((t) => t, x, u5).tangent.data)).toEqual(Array.from(u5.data));
    const u4 = randn(r, [4]);
    const lin = (t: Tensor): Tensor => flatten(matmul(M, reshape(t, [5, 1])));
    const mRows: Mat = [0, 1, 2, 3].map((i) => Array.from(M.data.subarray(i * 5, i * 5 + 5)));
    expect(relErr(vjp(lin, x).vjp(u4).data, matVec(matT(mRows), u4.toArray()))).toBeLessThan(1e-15);
    expect(relErr(jvp(lin, x, u5).tangent.data, matVec(mRows, u5.toArray()))).toBeLessThan(1e-15);
  });
});

// ---------------------------------------------------------------------------------------------
// MAML on quadratics

interface Quadratic {
  readonly n: number;
  readonly A: Mat;
  readonly b: number[];
  readonly C: Mat;
  readonly d: number[];
  readonly theta: number[];
  readonly inner: (theta: Tensor, step: number) => Tensor;
  readonly outer: (theta: Tensor) => Tensor;
}

/** ½θᵀMθ - vᵀθ with ops. */
function quadLoss(M: Mat, v: readonly number[]): (theta: Tensor) => Tensor {
  const n = v.length;
  const Mt = tensor(M.flat(), [n, n]);
  const vt = tensor(v);
  return (theta) => sub(scaleBy(sum(mul(theta, flatten(matmul(Mt, reshape(theta, [n, 1]))))), 0.5), sum(mul(vt, theta)));
}

function quadratic(seed: number, n = 5): Quadratic {
  const r = prng(seed);
  const A = spd(r, n);
  const C = spd(r, n);
  const b = r.normals(n);
  const d = r.normals(n);
  const theta = r.normals(n);
  const tr = quadLoss(A, b);
  return { n, A, b, C, d, theta, inner: (t) => tr(t), outer: quadLoss(C, d) };
}

function quadValue(M: Mat, v: readonly number[], x: readonly number[]): number {
  return 0.5 * dotArr(x, matVec(M, x)) - dotArr(v, x);
}

/** θ_K for θ <- θ - α ⊙ (Aθ - b_k) with a per-coordinate α. */
function innerSteps(A: Mat, bs: readonly (readonly number[])[], alpha: readonly number[], theta0: readonly number[]): number[][] {
  const thetas = [[...theta0]];
  for (const b of bs) {
    const t = thetas[thetas.length - 1];
    thetas.push(vsub(t, vmul(alpha, vsub(matVec(A, t), b))));
  }
  return thetas;
}

/** Adjoint (reverse) recursion for d L_te(θ_K) / dθ and / dα with per-coordinate α. */
function adjoint(q: Quadratic, bs: readonly (readonly number[])[], alpha: readonly number[]): { thetaK: number[]; value: number; dTheta: number[]; dAlpha: number[]; gOut: number[] } {
  const thetas = innerSteps(q.A, bs, alpha, q.theta);
  const K = bs.length;
  const thetaK = thetas[K];
  const gOut = vsub(matVec(q.C, thetaK), q.d);
  let lam = gOut;
  let dAlpha = new Array<number>(q.n).fill(0);
  for (let k = K - 1; k >= 0; k--) {
    const gk = vsub(matVec(q.A, thetas[k]), bs[k]);
    dAlpha = vsub(dAlpha, vmul(gk, lam));
    lam = vsub(lam, matVec(matT(q.A), vmul(alpha, lam)));
  }
  return { thetaK, value: quadValue(q.C, q.d, thetaK), dTheta: lam, dAlpha, gOut };
}

describe('MAML meta-gradients on quadratics (closed forms)', () => {
  const alpha = 0.1;

  for (const K of [0, 1, 2, 3]) {
    it(`MAML K=${K}: ((I - αA)^K)ᵀ (Cθ_K - d), value and adapted θ_K at 1e-12`, () => {
      const q = quadratic(80 + K);
      const bs = Array.from({ length: K }, () => q.b);
      const thetas = innerSteps(q.A, bs, new Array<number>(q.n).fill(alpha), q.theta);
      const thetaK = thetas[K];
      let P = eye(q.n);
      const step = eye(q.n).map((row, i) => row.map((v, j) => v - alpha * q.A[i][j]));
      for (let k = 0; k < K; k++) P = matMul(step, P);
      const want = matVec(matT(P), vsub(matVec(q.C, thetaK), q.d));
      const m = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha, steps: K });
      expect(relErr(m.grad.data, want)).toBeLessThan(1e-12);
      expect(Math.abs(m.value.item() - quadValue(q.C, q.d, thetaK))).toBeLessThan(1e-12 * Math.max(1, Math.abs(m.value.item())));
      expect(relErr(m.adapted.data, thetaK)).toBeLessThan(1e-12);
      expect(m.alphaGrad).toBeNull();
      // the adjoint recursion is a second independent reference
      expect(relErr(m.grad.data, adjoint(q, bs, new Array<number>(q.n).fill(alpha)).dTheta)).toBeLessThan(1e-12);
      // the returned tensors are off the graph
      expect(m.value.requiresGrad).toBe(false);
      expect(m.adapted.requiresGrad).toBe(false);
    });
  }

  it('MAML with larger n and K = 5 still matches the closed form', () => {
    const q = quadratic(90, 8);
    const K = 5;
    const a = 0.05;
    let P = eye(q.n);
    const step = eye(q.n).map((row, i) => row.map((v, j) => v - a * q.A[i][j]));
    for (let k = 0; k < K; k++) P = matMul(step, P);
    const thetaK = innerSteps(q.A, Array.from({ length: K }, () => q.b), new Array<number>(q.n).fill(a), q.theta)[K];
    const m = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha: a, steps: K });
    expect(relErr(m.grad.data, matVec(matT(P), vsub(matVec(q.C, thetaK), q.d)))).toBeLessThan(1e-12);
  });

  it('inner loss gets the step index 0..K-1 (fresh data per step) and the closed form follows', () => {
    const q = quadratic(91);
    const r = prng(92);
    const bs = [r.normals(q.n), r.normals(q.n), r.normals(q.n)];
    const losses = bs.map((b) => quadLoss(q.A, b));
    const seen: number[] = [];
    const inner = (t: Tensor, k: number): Tensor => {
      seen.push(k);
      return losses[k](t);
    };
    const m = metaGradient(inner, q.outer, tensor(q.theta), { alpha, steps: 3 });
    expect(seen).toEqual([0, 1, 2]);
    const ref = adjoint(q, bs, new Array<number>(q.n).fill(alpha));
    expect(relErr(m.grad.data, ref.dTheta)).toBeLessThan(1e-12);
    expect(relErr(m.adapted.data, ref.thetaK)).toBeLessThan(1e-12);
  });

  it('adapt(): exact and first-order both produce θ_K of the closed-form recursion', () => {
    const q = quadratic(93);
    for (const K of [1, 2, 4]) {
      const thetaK = innerSteps(q.A, Array.from({ length: K }, () => q.b), new Array<number>(q.n).fill(alpha), q.theta)[K];
      expect(relErr(adapt(q.inner, watch(tensor(q.theta)), { alpha, steps: K }).data, thetaK)).toBeLessThan(1e-12);
      expect(relErr(adapt(q.inner, tensor(q.theta), { alpha, steps: K, firstOrder: true }).data, thetaK)).toBeLessThan(1e-12);
    }
  });

  it('Meta-SGD K=1 with a vector alpha: dL/dθ = (I - diag(α)A)ᵀ g′ and dL/dα = -(Aθ - b) ⊙ g′', () => {
    const q = quadratic(94);
    const r = prng(95);
    const a = r.uniforms(q.n, 0.02, 0.2);
    const theta1 = vsub(q.theta, vmul(a, vsub(matVec(q.A, q.theta), q.b)));
    const g1 = vsub(matVec(q.C, theta1), q.d);
    const Dm = eye(q.n).map((row, i) => row.map((v, j) => v - a[i] * q.A[i][j]));
    const wantTheta = matVec(matT(Dm), g1);
    const wantAlpha = vmul(vsub(matVec(q.A, q.theta), q.b), g1).map((v) => -v);
    const m = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha: tensor(a), steps: 1 });
    expect(relErr(m.grad.data, wantTheta)).toBeLessThan(1e-12);
    expect(m.alphaGrad).not.toBeNull();
    expect(relErr(m.alphaGrad!.data, wantAlpha)).toBeLessThan(1e-12);
    expect(relErr(m.adapted.data, theta1)).toBeLessThan(1e-12);
    // first order: for K = 1 the inner gradient does not depend on α, so dL/dα is exact there too
    const fo = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha: tensor(a), steps: 1, firstOrder: true });
    expect(relErr(fo.alphaGrad!.data, wantAlpha)).toBeLessThan(1e-12);
    expect(relErr(fo.grad.data, g1)).toBeLessThan(1e-12);
  });

  for (const K of [2, 3]) {
    it(`Meta-SGD K=${K}: θ and α meta-gradients match the adjoint recursion; first order uses -(Σ g_k) ⊙ g′`, () => {
      const q = quadratic(96 + K);
      const a = prng(98 + K).uniforms(q.n, 0.02, 0.2);
      const bs = Array.from({ length: K }, () => q.b);
      const ref = adjoint(q, bs, a);
      const m = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha: tensor(a), steps: K });
      expect(relErr(m.grad.data, ref.dTheta)).toBeLessThan(1e-12);
      expect(relErr(m.alphaGrad!.data, ref.dAlpha)).toBeLessThan(1e-12);
      expect(Math.abs(m.value.item() - ref.value)).toBeLessThan(1e-12 * Math.max(1, Math.abs(ref.value)));
      const fo = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha: tensor(a), steps: K, firstOrder: true });
      const thetas = innerSteps(q.A, bs, a, q.theta);
      let gsum = new Array<number>(q.n).fill(0);
      for (let k = 0; k < K; k++) gsum = gsum.map((v, i) => v + matVec(q.A, thetas[k])[i] - q.b[i]);
      expect(relErr(fo.grad.data, ref.gOut)).toBeLessThan(1e-12);
      expect(relErr(fo.alphaGrad!.data, vmul(gsum, ref.gOut).map((v) => -v))).toBeLessThan(1e-12);
    });
  }

  for (const K of [1, 2, 3]) {
    it(`FOMAML K=${K}: the meta-gradient is ∇L_te(θ_K) = Cθ_K - d exactly`, () => {
      const q = quadratic(110 + K);
      const thetaK = innerSteps(q.A, Array.from({ length: K }, () => q.b), new Array<number>(q.n).fill(alpha), q.theta)[K];
      const fo = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha, steps: K, firstOrder: true });
      expect(relErr(fo.grad.data, vsub(matVec(q.C, thetaK), q.d))).toBeLessThan(1e-12);
      expect(relErr(fo.adapted.data, thetaK)).toBeLessThan(1e-12);
      expect(Math.abs(fo.value.item() - quadValue(q.C, q.d, thetaK))).toBeLessThan(1e-12 * Math.max(1, Math.abs(fo.value.item())));
      expect(fo.alphaGrad).toBeNull();
    });
  }

  it('K=1: MAML = FOMAML - αA g′ (the Hessian term), both from metaGradient', () => {
    const q = quadratic(120);
    const maml = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha, steps: 1 });
    const fo = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha, steps: 1, firstOrder: true });
    const g1 = Array.from(fo.grad.data);
    const want = vsub(g1, matVec(q.A, g1).map((v) => alpha * v));
    expect(relErr(maml.grad.data, want)).toBeLessThan(1e-12);
    // and they genuinely differ (the Hessian term is not negligible)
    expect(relErr(maml.grad.data, g1)).toBeGreaterThan(1e-3);
    expect(maml.value.item()).toBe(fo.value.item());
  });

  it('metaGradient on the MLP REINFORCE loss (K=1) agrees with an explicit hvp: ∇ - α H ∇', () => {
    const train = policyProblem(121, 'tanh', [3, 5, 2], 4);
    const test = policyProblem(122, 'tanh', [3, 5, 2], 4);
    const theta = train.theta;
    const a = 0.3;
    const m = metaGradient(train.loss, test.loss, theta, { alpha: a, steps: 1 });
    const g0 = grad(train.loss)(theta);
    const theta1 = tensor(Array.from(theta.data, (t, i) => t - a * g0.data[i]));
    const g1 = grad(test.loss)(theta1);
    const hg = hvp(train.loss, theta, g1);
    expect(relErr(m.grad.data, Array.from(g1.data, (g, i) => g - a * hg.data[i]))).toBeLessThan(1e-13);
    expect(relErr(m.adapted.data, theta1.data)).toBeLessThan(1e-15);
  });
});

// ---------------------------------------------------------------------------------------------

describe('first-order memory', () => {
  const q = quadratic(130);
  const alpha = 0.1;

  it('first order: the adapted tensor has no graph for K = 1..8, and the outer graph size does not depend on K', () => {
    const outerCounts: number[] = [];
    for (let K = 1; K <= 8; K++) {
      const adapted = adapt(q.inner, watch(tensor(q.theta)), { alpha, steps: K, firstOrder: true });
      expect(adapted.node).toBeNull();
      expect(adapted.requiresGrad).toBe(false);
      const m = metaGradient(q.inner, q.outer, tensor(q.theta), { alpha, steps: K, firstOrder: true });
      expect(m.adapted.node).toBeNull();
      expect(m.adapted.requiresGrad).toBe(false);
      const leaf = watch(adapted);
      outerCounts.push(countNodes(q.outer(leaf)));
    }
    expect(outerCounts[0]).toBeGreaterThan(0);
    expect(new Set(outerCounts).size).toBe(1);
    // the same count as the outer loss at a plain watched leaf
    expect(outerCounts[0]).toBe(countNodes(q.outer(watch(tensor(q.theta)))));
  });

  it('exact: the adapted graph and the outer loss graph grow (linearly) with K', () => {
    const adaptedCounts: number[] = [];
    const outerCounts: number[] = [];
    for (let K = 1; K <= 8; K++) {
      const adapted = adapt(q.inner, watch(tensor(q.theta)), { alpha, steps: K });
      expect(adapted.node).not.toBeNull();
      adaptedCounts.push(countNodes(adapted));
      outerCounts.push(countNodes(q.outer(adapted)));
    }
    for (let k = 1; k < adaptedCounts.length; k++) {
      expect(adaptedCounts[k]).toBeGreaterThan(adaptedCounts[k - 1]);
      expect(outerCounts[k]).toBeGreaterThan(outerCounts[k - 1]);
      // each inner step adds the same number of nodes
      expect(adaptedCounts[k] - adaptedCounts[k - 1]).toBe(adaptedCounts[1] - adaptedCounts[0]);
    }
  });

  it('real memory (heap + array buffers) while the outer loss runs: first order holds as much at K = 4 and 16 as at K = 1, exact holds every step', () => {
    const hidden = 32;
    const batch = 256;
    const train = policyProblem(131, 'tanh', [4, hidden, hidden, 2], batch);
    const test = policyProblem(132, 'tanh', [4, hidden, hidden, 2], batch);
    /** Bytes live when the outer loss is called (all inner steps done) beyond those live before the call. */
    const held = (steps: number, firstOrder: boolean): number => {
      const before = liveBytes();
      let during = 0;
      const outer = (t: Tensor): Tensor => {
        during = liveBytes();
        return test.loss(t);
      };
      metaGradient(train.loss, outer, train.theta, { alpha: 0.1, steps, firstOrder });
      return during - before;
    };
    const runs = [1, 4, 16].flatMap((steps) => [{ steps, firstOrder: true }, { steps, firstOrder: false }]);
    // a first round puts compiled code and kernel memory in place; the median of 5 then drops the odd
    // sample that also holds metadata the optimising compiler allocated concurrently
    for (const r of runs) held(r.steps, r.firstOrder);
    const samples = runs.map(() => [] as number[]);
    for (let rep = 0; rep < 5; rep++) runs.forEach((r, i) => samples[i].push(held(r.steps, r.firstOrder)));
    const [first1, exact1, first4, exact4, first16, exact16] = samples.map((s) => s.sort((a, b) => a - b)[2]);
    const exactPerStep = (exact16 - exact1) / 15;
    // The measurement sees a graph: exact mode must keep at least each step's two hidden activations,
    // and holds the same per step from K = 1 to 4 as from 1 to 16.
    expect(exactPerStep).toBeGreaterThan(2 * batch * hidden * 8);
    expect((exact4 - exact1) / 3 / exactPerStep).toBeGreaterThan(0.8);
    expect((exact4 - exact1) / 3 / exactPerStep).toBeLessThan(1.25);
    // First order: 3 or 15 more inner steps hold less than half an exact step more (a recorded graph would hold 3 or 15).
    expect(Math.abs(first4 - first1)).toBeLessThan(exactPerStep / 2);
    expect(Math.abs(first16 - first1)).toBeLessThan(exactPerStep / 2);
  });

  it('countNodes counts distinct op outputs (sanity check of the helper)', () => {
    const x = watch(tensor([1, 2]));
    const y = tanh(x);
    const z = add(mul(y, y), y); // mul, add, tanh: 3 nodes; y shared
    expect(countNodes(z)).toBe(3);
    expect(countNodes(x)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('gradients() semantics', () => {
  it('a seed gives the vector-Jacobian product Jᵀu (closed form for y = c ⊙ tanh(x))', () => {
    const r = prng(140);
    const x = watch(randn(r, [2, 3]));
    const c = randn(r, [2, 3]);
    const y = mul(tanh(x), c);
    const u = randn(r, [2, 3]);
    const [g] = gradients(y, [x], { seed: u });
    const want = Array.from(x.data, (v, i) => u.data[i] * c.data[i] * (1 - Math.tanh(v) ** 2));
    expect(relErr(g.data, want)).toBeLessThan(1e-15);
    expect([...g.shape]).toEqual([2, 3]);
  });

  it('an explicit seed on a scalar output scales the gradient', () => {
    const x = watch(tensor([0.3, -0.7]));
    const y = sum(square(x));
    const [g] = gradients(y, [x], { seed: scalar(2.5) });
    expect(relErr(g.data, [2.5 * 2 * 0.3, 2.5 * 2 * -0.7])).toBeLessThan(1e-15);
  });

  it('an input y does not depend on gets zeros of its shape', () => {
    const x = watch(tensor([1, 2, 3]));
    const z = watch(tensor([4, 5], [2, 1]));
    const plain = tensor([7, 8, 9]);
    const y = sum(exp(x));
    const [gx, gz, gp] = gradients(y, [x, z, plain]);
    expect(relErr(gx.data, [1, 2, 3].map(Math.exp))).toBeLessThan(1e-15);
    expect([...gz.shape]).toEqual([2, 1]);
    expect(Array.from(gz.data)).toEqual([0, 0]);
    expect(Array.from(gp.data)).toEqual([0, 0, 0]);
  });

  it('shared subexpressions accumulate: y = x·x + tanh(x)·x + x gives 2x + tanh + x(1 - tanh²) + 1', () => {
    const xs = [-1.1, 0.2, 0.8];
    const x = watch(tensor(xs));
    const t = tanh(x);
    const y = sum(add(add(mul(x, x), mul(t, x)), x));
    const [g] = gradients(y, [x]);
    const want = xs.map((v) => 2 * v + Math.tanh(v) + v * (1 - Math.tanh(v) ** 2) + 1);
    expect(relErr(g.data, want)).toBeLessThan(1e-15);
  });

  it('gradients with respect to an intermediate and the leaf at once', () => {
    const x = watch(tensor([0.4, -0.3]));
    const h = tanh(x);
    const y = sum(square(h));
    const [gh, gx] = gradients(y, [h, x]);
    expect(relErr(gh.data, Array.from(h.data, (v) => 2 * v))).toBeLessThan(1e-15);
    expect(relErr(gx.data, Array.from(h.data, (v) => 2 * v * (1 - v * v)))).toBeLessThan(1e-15);
  });

  it('stopGradient blocks flow: d/dx sum(stop(x) ⊙ x) = x, not 2x', () => {
    const x = watch(tensor([1.5, -2, 0.25]));
    const s = stopGradient(x);
    expect(s.requiresGrad).toBe(false);
    expect(Array.from(s.data)).toEqual(Array.from(x.data));
    const [g] = gradients(sum(mul(s, x)), [x]);
    expect(Array.from(g.data)).toEqual([1.5, -2, 0.25]);
    const [g2] = gradients(sum(mul(stopGradient(tanh(x)), x)), [x]);
    expect(relErr(g2.data, [1.5, -2, 0.25].map(Math.tanh))).toBeLessThan(1e-15);
  });

  it('createGraph: the gradient is differentiable again (d/dx of d/dx x³ = 6x), and without it the gradient is a constant', () => {
    const x = watch(tensor([0.7, -1.3]));
    const y = sum(mul(square(x), x));
    const [g] = gradients(y, [x], { createGraph: true });
    expect(g.requiresGrad).toBe(true);
    const [h] = gradients(sum(g), [x]);
    expect(relErr(h.data, [6 * 0.7, 6 * -1.3])).toBeLessThan(1e-15);
    const [g0] = gradients(y, [x]);
    expect(g0.requiresGrad).toBe(false);
    expect(relErr(g0.data, g.data)).toBe(0);
  });

  it('createGraph inside withoutGraph is an error naming the option', () => {
    const x = watch(tensor([1, 2]));
    const y = sum(square(x));
    expect(() => withoutGraph(() => gradients(y, [x], { createGraph: true }))).toThrow(/gradients: createGraph .*withoutGraph/);
    // a plain gradient inside withoutGraph still works
    const [g] = withoutGraph(() => gradients(y, [x]));
    expect(Array.from(g.data)).toEqual([2, 4]);
  });

  it('withoutGraph records no graph: ops on watched tensors give plain results', () => {
    const x = watch(tensor([1, 2]));
    const y = withoutGraph(() => tanh(x));
    expect(y.node).toBeNull();
    expect(y.requiresGrad).toBe(false);
    expect(tanh(x).requiresGrad).toBe(true);
  });

  it('the gradient of y with respect to y itself is the seed', () => {
    const x = watch(tensor([3, 4]));
    const u = tensor([0.5, -1]);
    expect(Array.from(gradients(x, [x], { seed: u })[0].data)).toEqual([0.5, -1]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('gradcheck of functions that use transforms internally', () => {
  it('gradcheck(x -> sum(grad(g)(x))) agrees with finite differences', () => {
    const g = (y: Tensor): Tensor => sum(mul(tanh(y), y));
    const res = gradcheck((x) => sum(grad(g)(x)), tensor([0.3, -0.2]));
    expect(res.error).toBeLessThan(1e-7);
  });

  it('gradcheck(x -> sum(hvp(g, x, v))) does not throw and agrees', () => {
    const g = (y: Tensor): Tensor => sum(mul(tanh(y), y));
    const res = gradcheck((x) => sum(hvp(g, x, tensor([1, 2]))), tensor([0.3, -0.2]));
    expect(res.error).toBeLessThan(1e-7);
  });

  it('its own finite differences of the same function, evaluated with the graph on, agree with the tape', () => {
    const g = (y: Tensor): Tensor => sum(mul(tanh(y), y));
    const f = (x: Tensor): Tensor => sum(grad(g)(x));
    const x = tensor([0.3, -0.2]);
    const tape = grad(f)(x).data;
    const eps = 1e-6;
    const fd = [0, 1].map((i) => {
      const e = [0, 1].map((j) => (j === i ? 1 : 0));
      return (f(axpy(x.data, eps, e)).item() - f(axpy(x.data, -eps, e)).item()) / (2 * eps);
    });
    expect(relErr(tape, fd)).toBeLessThan(1e-8);
  });
});
