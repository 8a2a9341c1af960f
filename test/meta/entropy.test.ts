import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/close.js';
import { gradcheck } from '../../src/autodiff/gradcheck.js';
import { type Tensor, fromBuffer } from '../../src/autodiff/tensor.js';
import { grad, hvp } from '../../src/autodiff/transforms.js';
import { resolveConfig } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { innerStep } from '../../src/meta/adaptation.js';
import { taskMetaGradient } from '../../src/meta/inner-loop.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import type { SampledBatch } from '../../src/meta/sampling.js';
import { gaussianLayout } from '../../src/nn/gaussian.js';
import { initMlp } from '../../src/nn/init.js';
import { type MlpLayout, mlpLayout } from '../../src/nn/mlp.js';
import { mlpInference } from '../../src/nn/mlp-inference.js';
import type { EntropyBonus, PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { initPolicy } from '../../src/rl/policy-layout.js';

const C = 0.3;
const CATEGORICAL = mlpLayout([3, 5, 4], 'tanh');
const GAUSSIAN = gaussianLayout([3, 5, 2], 'tanh');

function batch(layout: MlpLayout, seed: number, rows: number): PolicyBatch {
  const rng = new PCG64(seed);
  const obs = Float64Array.from({ length: rows * 3 }, () => rng.normal());
  const gaussian = layout === GAUSSIAN;
  const actions = gaussian ? Float64Array.from({ length: rows * 2 }, () => rng.normal()) : Float64Array.from({ length: rows }, () => rng.integers(0, 4));
  const advantages = Float64Array.from({ length: rows }, () => rng.normal());
  return { obs: fromBuffer(obs, [rows, 3]), actions: fromBuffer(actions, gaussian ? [rows, 2] : [rows]), advantages: fromBuffer(advantages, [rows]) };
}

function params(layout: MlpLayout, seed: number): Float64Array {
  const p = initPolicy(layout, new PCG64(seed));
  // A log-std away from 0, so its entropy term is not symmetric about the start.
  if (layout === GAUSSIAN) p.set([0.3, -0.2], GAUSSIAN.logStdOffset);
  return p;
}

const bonus: EntropyBonus = { coeff: C };
const objective = (layout: MlpLayout, b: PolicyBatch, with_ = bonus) => (t: Tensor): Tensor => reinforceObjective(layout, t, b, undefined, with_);

/** Mean entropy of the categorical policy's rows, by hand from its logits. */
function meanEntropy(layout: MlpLayout, theta: Float64Array, b: PolicyBatch): number {
  const rows = b.obs.shape[0];
  const logits = mlpInference(layout, theta)(b.obs.data, rows);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = Array.from(logits.subarray(4 * i, 4 * i + 4));
    const m = Math.max(...row);
    const z = row.reduce((s, x) => s + Math.exp(x - m), 0);
    for (const x of row) {
      const lp = x - m - Math.log(z);
      total -= Math.exp(lp) * lp;
    }
  }
  return total / rows;
}

describe('the entropy bonus in the surrogate', () => {
  it('subtracts c times the mean entropy: categorical rows by hand, the Gaussian sum(logStd) + d (1 + log 2 pi) / 2', () => {
    const b = batch(CATEGORICAL, 1, 7);
    const theta = params(CATEGORICAL, 2);
    const t = fromBuffer(theta);
    const plain = reinforceObjective(CATEGORICAL, t, b).item();
    expect(objective(CATEGORICAL, b)(t).item()).toBeCloseTo(plain - C * meanEntropy(CATEGORICAL, theta, b), 14);
    const g = batch(GAUSSIAN, 3, 7);
    const gt = fromBuffer(params(GAUSSIAN, 4));
    const gaussianEntropy = 0.3 - 0.2 + (2 * (1 + Math.log(2 * Math.PI))) / 2;
    expect(objective(GAUSSIAN, g)(gt).item()).toBeCloseTo(reinforceObjective(GAUSSIAN, gt, g).item() - C * gaussianEntropy, 14);
  });

  it('its gradient is the central finite difference (categorical and Gaussian)', () => {
    for (const [layout, seed] of [[CATEGORICAL, 5], [GAUSSIAN, 6]] as const) {
      const r = gradcheck(objective(layout, batch(layout, seed, 9)), fromBuffer(params(layout, seed + 10)), { eps: 1e-6, tol: 1e-8 });
      expect(r.error).toBeLessThan(1e-8);
    }
  });

  it('its Hessian-vector product is the central finite difference of its gradient', () => {
    for (const [layout, seed] of [[CATEGORICAL, 7], [GAUSSIAN, 8]] as const) {
      const f = objective(layout, batch(layout, seed, 9));
      const theta = params(layout, seed + 10);
      const v = Float64Array.from({ length: layout.size }, (_, i) => Math.sin(i + 1));
      const eps = 1e-5;
      const at = (s: number) => grad(f)(fromBuffer(theta.map((x, i) => x + s * v[i]))).data;
      const up = at(eps);
      const down = at(-eps);
      const fd = up.map((x, i) => (x - down[i]) / (2 * eps));
      expectClose(hvp(f, fromBuffer(theta), fromBuffer(v)).data, fd, 1e-8);
    }
  });

  it('compiled programs over padded rows give the eager bits (gradient and HVP)', () => {
    for (const layout of [CATEGORICAL, GAUSSIAN]) {
      const eager = new SurrogatePrograms(layout, { mode: 'never', entropyCoeff: C });
      const compiled = new SurrogatePrograms(layout, { mode: 'always', entropyCoeff: C });
      const theta = params(layout, 9);
      const v = Float64Array.from({ length: layout.size }, (_, i) => Math.cos(i));
      for (const rows of [13, 21]) {
        const b = batch(layout, rows, rows);
        const e = eager.lossGradAndHvp(theta, b);
        const c = compiled.lossGradAndHvp(theta, b);
        expect(c.loss).toBe(e.loss);
        expect(Array.from(c.grad)).toEqual(Array.from(e.grad));
        expect(Array.from(c.hvp(v))).toEqual(Array.from(e.hvp(v)));
        expect(Array.from(compiled.lossAndGrad(theta, b).grad)).toEqual(Array.from(e.grad));
      }
      expect(compiled.compiledBuckets()).toEqual([16, 32]);
    }
  });

  it("with coefficient 0 the programs' surrogate is the plain one, bit for bit", () => {
    const b = batch(CATEGORICAL, 11, 40);
    const theta = params(CATEGORICAL, 12);
    const plain = reinforceObjective(CATEGORICAL, fromBuffer(theta), b).item();
    expect(new SurrogatePrograms(CATEGORICAL, { mode: 'always', entropyCoeff: 0 }).lossAndGrad(theta, b).loss).toBe(plain);
  });

  it('the exact meta-gradient through two inner steps with the bonus is the finite difference of L(theta_K(theta); D_val)', () => {
    const layout = CATEGORICAL;
    const batches = [batch(layout, 21, 30), batch(layout, 22, 35), batch(layout, 23, 40)];
    const theta = initMlp(layout, new PCG64(24));
    const alpha = 0.5;
    const programs = new SurrogatePrograms(layout, { mode: 'always', entropyCoeff: C });
    const sample = (_p: Float64Array, k: number): SampledBatch => ({ batch: batches[k], meanReturn: 0, envSteps: 0 });
    const r = taskMetaGradient({ layout, theta, rate: alpha, steps: 2, mode: 'exact', sample, meter: new CostMeter(), programs });
    const metaObjective = (t: Float64Array): number => {
      let current = t;
      for (let k = 0; k < 2; k++) current = innerStep(current, alpha, grad(objective(layout, batches[k]))(fromBuffer(current)).data);
      return objective(layout, batches[2])(fromBuffer(current)).item();
    };
    const eps = 1e-6;
    const fd = theta.map((_, i) => {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[i] += eps;
      down[i] -= eps;
      return (metaObjective(up) - metaObjective(down)) / (2 * eps);
    });
    expectClose(r.grad, fd, 1e-7);
    // Without the bonus in the inner steps the meta-gradient differs: the bonus is differentiated through them.
    const plain = taskMetaGradient({ layout, theta, rate: alpha, steps: 2, mode: 'exact', sample, meter: new CostMeter(), programs: new SurrogatePrograms(layout, { mode: 'never' }) });
    expect(Math.max(...r.grad.map((x, i) => Math.abs(x - plain.grad[i])))).toBeGreaterThan(1e-3);
  });

  it('the config takes a non-negative coefficient, and refuses it with the TRPO outer step', () => {
    expect(resolveConfig({ entropyCoeff: 0.01 }).entropyCoeff).toBe(0.01);
    expect(() => resolveConfig({ entropyCoeff: -1 })).toThrow('entropyCoeff is -1, expected a non-negative finite number');
    expect(() => resolveConfig({ entropyCoeff: 0.01, outerOptimizer: 'trpo' })).toThrow(
      'entropyCoeff is 0.01, expected 0 when outerOptimizer is "trpo" (its line search and KL read the surrogate without the bonus)',
    );
  });
});
