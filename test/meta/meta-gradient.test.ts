import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/close.js';
import { type MetaProblem, engineGradient, trainerGradient } from '../helpers/meta-gradient-problem.js';
import { fromBuffer } from '../../src/autodiff/tensor.js';
import { hvp, valueAndGrad } from '../../src/autodiff/transforms.js';
import { initMlp } from '../../src/nn/init.js';
import { type HiddenActivation, type MlpLayout, mlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';
import { CostMeter } from '../../src/meta/costs.js';
import { taskMetaGradient } from '../../src/meta/inner-loop.js';
import type { SampledBatch } from '../../src/meta/sampling.js';

/** A fixed synthetic batch: obs ~ N(0, 1), actions in {0, 1}, advantages ~ N(0, 1). */
function syntheticBatch(rng: PCG64, rows: number): PolicyBatch {
  const obs = Float64Array.from({ length: rows * 4 }, () => rng.normal());
  const actions = Float64Array.from({ length: rows }, () => rng.integers(0, 2));
  const advantages = Float64Array.from({ length: rows }, () => rng.normal());
  return { obs: fromBuffer(obs, [rows, 4]), actions: fromBuffer(actions, [rows]), advantages: fromBuffer(advantages, [rows]) };
}

interface Problem extends MetaProblem {
  readonly layout: MlpLayout;
}

function problem(steps: number, activation: HiddenActivation = 'tanh', seed = 7): Problem {
  const rng = new PCG64(seed);
  const layout = mlpLayout([4, 8, 8, 2], activation);
  const theta = initMlp(layout, rng);
  const batches = Array.from({ length: steps + 1 }, (_, k) => syntheticBatch(rng, 30 + 7 * k));
  return { layout, theta, batches };
}

describe('exact meta-gradient by explicit Hessian-vector products', () => {
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
      expect(meter.hvps).toBe(steps);
      expect(meter.gradientEvaluations).toBe(steps + 1);
    });
  }

  it('equals the engine for a relu policy with K = 2', () => {
    const p = problem(2, 'relu', 11);
    expectClose(trainerGradient(p, 0.2, 2, 'exact').grad, engineGradient(p, 0.2, 2).grad.data);
  });

  for (const steps of [1, 2]) {
    it(`equals the engine for Meta-SGD with K = ${steps}, alpha gradient included`, () => {
      const p = problem(steps, 'tanh', 3 + steps);
      const rng = new PCG64(99);
      const alphaVec = Float64Array.from({ length: p.layout.size }, () => rng.uniform(0.05, 0.5));
      const mine = trainerGradient(p, alphaVec, steps, 'exact');
      const ref = engineGradient(p, alphaVec, steps);
      expectClose(mine.grad, ref.grad.data);
      expect(mine.alphaGrad).not.toBeNull();
      expectClose(mine.alphaGrad as Float64Array, (ref.alphaGrad as NonNullable<typeof ref.alphaGrad>).data);
    });
  }

  it('first-order equals the engine in first-order mode (scalar alpha and Meta-SGD)', () => {
    const p = problem(3);
    expectClose(trainerGradient(p, 0.3, 3, 'first-order').grad, engineGradient(p, 0.3, 3, true).grad.data, 0);
    const alphaVec = new Float64Array(p.layout.size).fill(0.2);
    alphaVec[5] = 0.4;
    const mine = trainerGradient(p, alphaVec, 3, 'first-order');
    const ref = engineGradient(p, alphaVec, 3, true);
    expectClose(mine.grad, ref.grad.data);
    expectClose(mine.alphaGrad as Float64Array, (ref.alphaGrad as NonNullable<typeof ref.alphaGrad>).data);
  });
});

describe('FOMAML is MAML without the Hessian term', () => {
  it('maml_grad = fomaml_grad - alpha H(theta; D_0) fomaml_grad for K = 1', () => {
    const p = problem(1);
    const alpha = 0.3;
    const meter = new CostMeter();
    const fomaml = trainerGradient(p, alpha, 1, 'first-order', meter);
    expect(meter.hvps).toBe(0);
    const maml = trainerGradient(p, alpha, 1, 'exact');
    // FOMAML's gradient is the validation gradient at the adapted point, recomputed here directly.
    const adapted = Float64Array.from(p.theta);
    const g0 = valueAndGrad((t: ReturnType<typeof fromBuffer>) => reinforceObjective(p.layout, t, p.batches[0]))(fromBuffer(p.theta)).grad.data;
    for (let i = 0; i < adapted.length; i++) adapted[i] -= alpha * g0[i];
    const gVal = valueAndGrad((t: ReturnType<typeof fromBuffer>) => reinforceObjective(p.layout, t, p.batches[1]))(fromBuffer(adapted)).grad.data;
    expect(Array.from(fomaml.grad)).toEqual(Array.from(gVal));
    const hv = hvp((t) => reinforceObjective(p.layout, t, p.batches[0]), fromBuffer(p.theta), fromBuffer(fomaml.grad)).data;
    const expected = fomaml.grad.map((g, i) => g - alpha * hv[i]);
    expectClose(maml.grad, expected, 1e-14);
    // The Hessian term is not negligible here, so the test distinguishes the two.
    let diff = 0;
    for (let i = 0; i < hv.length; i++) diff = Math.max(diff, Math.abs(maml.grad[i] - fomaml.grad[i]));
    expect(diff).toBeGreaterThan(1e-4);
  });
});

describe('memory', () => {
  it('first-order holds nothing for the backward pass at any K; exact mode grows with K', () => {
    // Same batch size at every step so the growth is K alone.
    const rng = new PCG64(5);
    const layout = mlpLayout([4, 8, 2], 'tanh');
    const theta = initMlp(layout, rng);
    const batch = syntheticBatch(rng, 40);
    const sample = (): SampledBatch => ({ batch, meanReturn: 0, envSteps: 0 });
    const first: number[] = [];
    const exact: number[] = [];
    for (let K = 1; K <= 4; K++) {
      first.push(taskMetaGradient({ layout, theta, rate: 0.1, steps: K, mode: 'first-order', sample }).retainedFloats);
      exact.push(taskMetaGradient({ layout, theta, rate: 0.1, steps: K, mode: 'exact', sample }).retainedFloats);
    }
    expect(first).toEqual([0, 0, 0, 0]);
    const perStep = layout.size + 40 * 4 + 40 + 40; // theta_k and the stored batch
    expect(exact).toEqual([1, 2, 3, 4].map((k) => k * perStep));
  });
});
