/**
 * The trainer's exact meta-gradient (explicit Hessian-vector products) through the Gaussian head,
 * against the engine's reverse-over-reverse metaGradient: test/meta/meta-gradient.test.ts for a policy
 * whose actions are real vectors and whose log-std is learned.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/close.js';
import { type MetaProblem, engineGradient, trainerGradient } from '../helpers/meta-gradient-problem.js';
import { fromBuffer } from '../../src/autodiff/tensor.js';
import { hvp, valueAndGrad } from '../../src/autodiff/transforms.js';
import { CostMeter } from '../../src/meta/costs.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import { type GaussianLayout, gaussianLayout } from '../../src/nn/gaussian.js';
import type { HiddenActivation } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { initPolicy } from '../../src/rl/policy-layout.js';

/** A fixed synthetic batch: obs ~ N(0, 1), actions ~ N(0, 1.5^2) in R^2, advantages ~ N(0, 1). */
function syntheticBatch(rng: PCG64, rows: number): PolicyBatch {
  const obs = Float64Array.from({ length: rows * 4 }, () => rng.normal());
  const actions = Float64Array.from({ length: rows * 2 }, () => 1.5 * rng.normal());
  const advantages = Float64Array.from({ length: rows }, () => rng.normal());
  return { obs: fromBuffer(obs, [rows, 4]), actions: fromBuffer(actions, [rows, 2]), advantages: fromBuffer(advantages, [rows]) };
}

interface Problem extends MetaProblem {
  readonly layout: GaussianLayout;
}

function problem(steps: number, activation: HiddenActivation = 'tanh', seed = 7): Problem {
  const rng = new PCG64(seed);
  const layout = gaussianLayout([4, 8, 8, 2], activation);
  const theta = initPolicy(layout, rng);
  // Away from log-std 0, so that no derivative of the head is special.
  theta.set([-0.3, 0.25], layout.logStdOffset);
  const batches = Array.from({ length: steps + 1 }, (_, k) => syntheticBatch(rng, 30 + 7 * k));
  return { layout, theta, batches };
}

describe('exact meta-gradient through the Gaussian head', () => {
  for (const steps of [1, 2]) {
    it(`equals the engine's metaGradient for MAML with K = ${steps}`, () => {
      const p = problem(steps);
      const meter = new CostMeter();
      const mine = trainerGradient(p, 0.3, steps, 'exact', meter);
      const ref = engineGradient(p, 0.3, steps);
      expectClose(mine.grad, ref.grad.data);
      expectClose(mine.adapted, ref.adapted.data);
      expect(mine.lossAfter).toBeCloseTo(ref.value.item(), 12);
      expect(mine.alphaGrad).toBeNull();
      expect([meter.hvps, meter.gradientEvaluations]).toEqual([steps, steps + 1]);
      // The log-std entries take part: their meta-gradient is not zero.
      expect(Math.min(...Array.from(mine.grad.subarray(p.layout.logStdOffset), Math.abs))).toBeGreaterThan(1e-4);
    });
  }

  it('equals the engine for a relu policy with K = 2, and through compiled programs bit for bit as eager', () => {
    const p = problem(2, 'relu', 11);
    const eager = trainerGradient(p, 0.2, 2, 'exact');
    expectClose(eager.grad, engineGradient(p, 0.2, 2).grad.data);
    const compiled = trainerGradient(p, 0.2, 2, 'exact', new CostMeter(), new SurrogatePrograms(p.layout, { mode: 'always' }));
    expect(Array.from(compiled.grad)).toEqual(Array.from(eager.grad));
  });

  for (const steps of [1, 2]) {
    it(`equals the engine for Meta-SGD with K = ${steps}, alpha gradient included`, () => {
      const p = problem(steps, 'tanh', 3 + steps);
      const rng = new PCG64(99);
      const alphaVec = Float64Array.from({ length: p.layout.size }, () => rng.uniform(0.05, 0.5));
      const mine = trainerGradient(p, alphaVec, steps, 'exact');
      const ref = engineGradient(p, alphaVec, steps);
      expectClose(mine.grad, ref.grad.data);
      expectClose(mine.alphaGrad as Float64Array, (ref.alphaGrad as NonNullable<typeof ref.alphaGrad>).data);
    });
  }

  it('first-order equals the engine in first-order mode (scalar alpha and Meta-SGD)', () => {
    const p = problem(3);
    expectClose(trainerGradient(p, 0.3, 3, 'first-order').grad, engineGradient(p, 0.3, 3, true).grad.data, 0);
    const alphaVec = new Float64Array(p.layout.size).fill(0.2);
    alphaVec[p.layout.logStdOffset] = 0.4;
    const mine = trainerGradient(p, alphaVec, 3, 'first-order');
    const ref = engineGradient(p, alphaVec, 3, true);
    expectClose(mine.grad, ref.grad.data);
    expectClose(mine.alphaGrad as Float64Array, (ref.alphaGrad as NonNullable<typeof ref.alphaGrad>).data);
  });

  it('maml_grad = fomaml_grad - alpha H(theta; D_0) fomaml_grad for K = 1, with a Hessian term that matters', () => {
    const p = problem(1);
    const alpha = 0.3;
    const fomaml = trainerGradient(p, alpha, 1, 'first-order');
    const maml = trainerGradient(p, alpha, 1, 'exact');
    const loss = (k: number) => (t: ReturnType<typeof fromBuffer>) => reinforceObjective(p.layout, t, p.batches[k]);
    const g0 = valueAndGrad(loss(0))(fromBuffer(p.theta)).grad.data;
    const adapted = p.theta.map((x, i) => x - alpha * g0[i]);
    expect(Array.from(fomaml.grad)).toEqual(Array.from(valueAndGrad(loss(1))(fromBuffer(adapted)).grad.data));
    const hv = hvp(loss(0), fromBuffer(p.theta), fromBuffer(fomaml.grad)).data;
    expectClose(maml.grad, fomaml.grad.map((g, i) => g - alpha * hv[i]), 1e-14);
    let diff = 0;
    for (let i = 0; i < hv.length; i++) diff = Math.max(diff, Math.abs(maml.grad[i] - fomaml.grad[i]));
    expect(diff).toBeGreaterThan(1e-4);
  });
});
