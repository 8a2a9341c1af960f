import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/close.js';
import { type Tensor, fromBuffer, grad, gradcheck, hvp, reshape, slice, tensor, valueAndGrad } from '../../src/autodiff/index.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import { gaussianLayout, isGaussianLayout } from '../../src/nn/gaussian.js';
import { initMlp } from '../../src/nn/init.js';
import { mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { type PolicyBatch, gaussianReinforceLoss } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { initPolicy } from '../../src/rl/policy-layout.js';

const N = 3;
const D = 2;
const MEAN = [0.5, -1, 2, 0.3, -0.7, 1.1];
const LOG_STD = [-0.4, 0.6];
const ACTIONS = [1.2, -0.1, 1.5, 0.9, 0.2, -2];
const ADV = [0.9, -1.4, 0.6];

const z = (i: number, j: number): number => (ACTIONS[i * D + j] - MEAN[i * D + j]) / Math.exp(LOG_STD[j]);

/** The surrogate of x = [mean (N x D, row-major), logStd (D)], so that one Hessian covers both. */
const packed = (x: Tensor): Tensor =>
  gaussianReinforceLoss(reshape(slice(x, 0, N * D), [N, D]), slice(x, N * D, D), tensor(ACTIONS, [N, D]), tensor(ADV));
const X = [...MEAN, ...LOG_STD];

/**
 * Closed forms of L = -(1/N) sum_i A_i log p_i, written out independently of src:
 *   dL/dmean_ij = -(A_i / N) z_ij / s_j,          dL/dlogStd_j = -(1/N) sum_i A_i (z_ij^2 - 1),
 *   d2L/dmean_ij^2 = (A_i / N) / s_j^2,           d2L/dmean_ij dlogStd_j = (2 A_i / N) z_ij / s_j,
 *   d2L/dlogStd_j^2 = (2/N) sum_i A_i z_ij^2, every other pair 0.
 */
function closedForm(): { value: number; grad: number[]; hessian: number[][] } {
  const size = N * D + D;
  const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const g = new Array<number>(size).fill(0);
  let value = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < D; j++) {
      const s = Math.exp(LOG_STD[j]);
      const zij = z(i, j);
      const m = i * D + j;
      const l = N * D + j;
      value -= (ADV[i] / N) * (-0.5 * zij * zij - LOG_STD[j] - 0.5 * Math.log(2 * Math.PI));
      g[m] = (-ADV[i] / N) * (zij / s);
      g[l] -= (ADV[i] / N) * (zij * zij - 1);
      hessian[m][m] = ADV[i] / N / (s * s);
      hessian[m][l] = hessian[l][m] = ((2 * ADV[i]) / N) * (zij / s);
      hessian[l][l] += ((2 * ADV[i]) / N) * zij * zij;
    }
  }
  return { value, grad: g, hessian };
}

describe('gaussianReinforceLoss', () => {
  it('value, gradient and every Hessian-vector product equal the closed forms', () => {
    const ref = closedForm();
    const { value, grad: g } = valueAndGrad(packed)(tensor(X));
    expect(value.item()).toBeCloseTo(ref.value, 14);
    expectClose(g.data, ref.grad, 1e-14);
    for (let k = 0; k < X.length; k++) {
      const e = new Array<number>(X.length).fill(0);
      e[k] = 1;
      expectClose(hvp(packed, tensor(X), tensor(e)).data, ref.hessian[k], 1e-14);
    }
  });

  it('rejects advantages of the wrong shape and an empty batch', () => {
    expect(() => gaussianReinforceLoss(tensor(MEAN, [N, D]), tensor(LOG_STD), tensor(ACTIONS, [N, D]), tensor([1, 2]))).toThrow(
      'gaussianReinforceLoss: advantages have shape [2], expected [3]',
    );
    expect(() => gaussianReinforceLoss(tensor([], [0, D]), tensor(LOG_STD), tensor([], [0, D]), tensor([]))).toThrow('the batch is empty');
  });
});

/** A Gaussian policy [3, 6, 6, 2] tanh with a non-trivial log-std, and a batch with raw (unclipped) actions. */
function policyProblem(seed: number, rows: number) {
  const rng = new PCG64(seed);
  const layout = gaussianLayout([3, 6, 6, 2], 'tanh');
  const theta = initPolicy(layout, rng);
  theta[layout.logStdOffset] = -0.3;
  theta[layout.logStdOffset + 1] = 0.4;
  const batch: PolicyBatch = {
    obs: fromBuffer(Float64Array.from({ length: rows * 3 }, () => rng.normal()), [rows, 3]),
    actions: fromBuffer(Float64Array.from({ length: rows * 2 }, () => 1.5 * rng.normal()), [rows, 2]),
    advantages: fromBuffer(Float64Array.from({ length: rows }, () => rng.normal()), [rows]),
  };
  return { layout, theta, batch, loss: (t: Tensor) => reinforceObjective(layout, t, batch) };
}

describe('the Gaussian policy surrogate (reinforceObjective with a Gaussian layout)', () => {
  it('is the Gaussian surrogate of the MLP means and the log-std entries', () => {
    const { layout, theta, batch, loss } = policyProblem(1, 7);
    expect(isGaussianLayout(layout)).toBe(true);
    expect(isGaussianLayout(mlpLayout([3, 2], 'tanh'))).toBe(false);
    const t = fromBuffer(theta);
    // A GaussianLayout is an MlpLayout over the whole vector: mlpForward on it gives the means.
    const mean = mlpForward(layout.mlp, fromBuffer(theta.slice(0, layout.mlp.size)), batch.obs);
    expect(Array.from(mlpForward(layout, t, batch.obs).data)).toEqual(Array.from(mean.data));
    const direct = gaussianReinforceLoss(mean, tensor([-0.3, 0.4]), batch.actions, batch.advantages);
    expect(loss(t).item()).toBe(direct.item());
  });

  it('gradient equals central finite differences', () => {
    const { theta, loss } = policyProblem(2, 11);
    const check = gradcheck(loss, fromBuffer(theta), { eps: 1e-6, tol: 1e-8 });
    expect(check.error).toBeLessThan(1e-8);
  });

  it('Hessian-vector product equals central finite differences of the gradient', () => {
    const { theta, loss } = policyProblem(3, 11);
    const rng = new PCG64(30);
    const v = Float64Array.from(theta, () => rng.normal());
    const eps = 1e-5;
    const at = (sign: number): Float64Array => grad(loss)(fromBuffer(theta.map((x, i) => x + sign * eps * v[i]))).data;
    const up = at(1);
    const down = at(-1);
    const fd = up.map((u, i) => (u - down[i]) / (2 * eps));
    expectClose(hvp(loss, fromBuffer(theta), fromBuffer(v)).data, fd, 1e-8);
  });

  it('compiled programs give the eager gradient and HVP bit for bit', () => {
    const { layout, theta, batch } = policyProblem(4, 40);
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    const compiled = new SurrogatePrograms(layout, { mode: 'always' });
    const v = Float64Array.from(theta, (_, i) => Math.sin(i));
    for (let call = 0; call < 2; call++) {
      const a = compiled.lossAndGrad(theta, batch);
      const b = eager.lossAndGrad(theta, batch);
      expect(a.loss).toBe(b.loss);
      expect(Array.from(a.grad)).toEqual(Array.from(b.grad));
      expect(Array.from(compiled.hvp(theta, batch, v))).toEqual(Array.from(eager.hvp(theta, batch, v)));
    }
  });

  it('initPolicy draws the MLP as initMlp does and sets the log-std to log 1 = 0', () => {
    const layout = gaussianLayout([3, 6, 2], 'relu');
    const theta = initPolicy(layout, new PCG64(5));
    expect(theta.length).toBe(layout.mlp.size + 2);
    expect(Array.from(theta.subarray(0, layout.mlp.size))).toEqual(Array.from(initMlp(layout.mlp, new PCG64(5))));
    expect(Array.from(theta.subarray(layout.logStdOffset))).toEqual([0, 0]);
  });
});
