import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/close.js';
import { type MetaProblem, engineGradient } from '../helpers/meta-gradient-problem.js';
import { type Tensor, fromBuffer } from '../../src/autodiff/tensor.js';
import { grad, hvp } from '../../src/autodiff/transforms.js';
import { Adaptation, innerStep } from '../../src/meta/adaptation.js';
import { initMlp } from '../../src/nn/init.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';

function batch(rng: PCG64, rows: number): PolicyBatch {
  const obs = Float64Array.from({ length: rows * 3 }, () => rng.normal());
  const actions = Float64Array.from({ length: rows }, () => rng.integers(0, 2));
  const advantages = Float64Array.from({ length: rows }, () => rng.normal());
  return { obs: fromBuffer(obs, [rows, 3]), actions: fromBuffer(actions, [rows]), advantages: fromBuffer(advantages, [rows]) };
}

const STEPS = 2;

function problem(): MetaProblem {
  const rng = new PCG64(11);
  const layout = mlpLayout([3, 6, 2], 'tanh');
  return { layout, theta: initMlp(layout, rng), batches: Array.from({ length: STEPS + 1 }, (_, k) => batch(rng, 20 + 5 * k)) };
}

const lossOn = (p: MetaProblem, k: number) => (t: Tensor): Tensor => reinforceObjective(p.layout, t, p.batches[k]);

/** The adaptation of p.theta at `rate` on p's inner batches, through the engine's grad and hvp. */
function adaptation(p: MetaProblem, rate: number | Float64Array, theta = p.theta): { adaptation: Adaptation; adapted: Float64Array } {
  const a = new Adaptation(rate);
  let current = theta;
  for (let k = 0; k < STEPS; k++) {
    const at = fromBuffer(current);
    current = a.step(current, grad(lossOn(p, k))(at).data, (v) => hvp(lossOn(p, k), at, fromBuffer(v)).data);
  }
  return { adaptation: a, adapted: current };
}

function adaptedOnly(p: MetaProblem, rate: number | Float64Array, theta: Float64Array): Float64Array {
  let current = theta;
  for (let k = 0; k < STEPS; k++) current = innerStep(current, rate, grad(lossOn(p, k))(fromBuffer(current)).data);
  return current;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

function direction(n: number, seed: number): Float64Array {
  const rng = new PCG64(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
}

describe('the adaptation Jacobian', () => {
  it("J^T grad L(theta_K; D_val) is the engine's reverse-over-reverse metaGradient (MAML, K = 2)", () => {
    const p = problem();
    const { adaptation: a, adapted } = adaptation(p, 0.4);
    const { theta, alpha } = a.vjp(grad(lossOn(p, STEPS))(fromBuffer(adapted)).data);
    const engine = engineGradient(p, 0.4, STEPS);
    expectClose(theta, engine.grad.data, 1e-12);
    expect(alpha).toBeNull();
  });

  it("gives Meta-SGD's theta and alpha_vec gradients of the engine's metaGradient (K = 2)", () => {
    const p = problem();
    const rate = Float64Array.from({ length: p.layout.size }, (_, i) => 0.2 + 0.01 * (i % 7));
    const { adaptation: a, adapted } = adaptation(p, rate);
    const { theta, alpha } = a.vjp(grad(lossOn(p, STEPS))(fromBuffer(adapted)).data);
    const engine = engineGradient(p, rate, STEPS);
    expectClose(theta, engine.grad.data, 1e-12);
    expectClose(alpha as Float64Array, (engine.alphaGrad as Tensor).data, 1e-12);
  });

  it('J u is the central difference of the adaptation along u, and <J u, w> = <u, J^T w>', () => {
    const p = problem();
    const n = p.layout.size;
    const rate = Float64Array.from({ length: n }, (_, i) => 0.3 - 0.005 * (i % 5));
    const { adaptation: a } = adaptation(p, rate);
    const u = direction(n, 1);
    const uAlpha = direction(n, 2);
    const w = direction(n, 3);
    const ju = a.jvp(u, uAlpha);
    const h = 1e-5;
    const shifted = (s: number) => adaptedOnly(p, rate.map((r, i) => r + s * uAlpha[i]), p.theta.map((t, i) => t + s * u[i]));
    const plus = shifted(h);
    const minus = shifted(-h);
    expectClose(ju, plus.map((x, i) => (x - minus[i]) / (2 * h)), 1e-7);
    const jtw = a.vjp(w);
    const lhs = dot(ju, w);
    expect(Math.abs(lhs - (dot(u, jtw.theta) + dot(uAlpha, jtw.alpha as Float64Array)))).toBeLessThan(1e-12 * Math.max(1, Math.abs(lhs)));
  });

  it('accumulates weight * alpha part into a given vector, as TRPO sums tasks', () => {
    const p = problem();
    const rate = Float64Array.from({ length: p.layout.size }, () => 0.25);
    const { adaptation: a } = adaptation(p, rate);
    const w = direction(p.layout.size, 4);
    const fresh = a.vjp(w).alpha as Float64Array;
    const into = Float64Array.from({ length: p.layout.size }, (_, i) => i);
    a.vjp(w, into, 0.5);
    expectClose(into, fresh.map((x, i) => i + 0.5 * x), 1e-14);
  });
});
