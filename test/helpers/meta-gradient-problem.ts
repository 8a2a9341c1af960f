// A per-task meta-gradient problem on fixed data, computed two independent ways: the trainer's
// explicit Hessian-vector products (taskMetaGradient) and the engine's reverse-over-reverse
// metaGradient. Shared by the categorical and Gaussian meta-gradient tests.
import { metaGradient } from '../../src/autodiff/meta-gradient.js';
import { fromBuffer } from '../../src/autodiff/tensor.js';
import { CostMeter } from '../../src/meta/costs.js';
import { type MetaGradientMode, taskMetaGradient } from '../../src/meta/inner-loop.js';
import type { SurrogatePrograms } from '../../src/meta/programs.js';
import type { SampledBatch } from '../../src/meta/sampling.js';
import type { MlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { reinforceObjective } from '../../src/rl/policy-gradient.js';

export interface MetaProblem {
  readonly layout: MlpLayout;
  readonly theta: Float64Array;
  /** Inner batches D_0..D_{K-1}, then the validation batch. */
  readonly batches: PolicyBatch[];
}

/** The trainer's per-task meta-gradient on fixed data (the sampler ignores the policy). */
export function trainerGradient(p: MetaProblem, rate: number | Float64Array, steps: number, mode: MetaGradientMode, meter = new CostMeter(), programs?: SurrogatePrograms) {
  const sample = (_params: Float64Array, k: number): SampledBatch => ({ batch: p.batches[k], meanReturn: k, envSteps: 0 });
  return taskMetaGradient({ layout: p.layout, theta: p.theta, rate, steps, mode, sample, meter, programs });
}

/** The engine's reverse-over-reverse metaGradient on the same data. */
export function engineGradient(p: MetaProblem, rate: number | Float64Array, steps: number, firstOrder = false) {
  const loss = (batch: PolicyBatch) => (theta: ReturnType<typeof fromBuffer>) => reinforceObjective(p.layout, theta, batch);
  const alpha = typeof rate === 'number' ? rate : fromBuffer(rate);
  return metaGradient((theta, k) => loss(p.batches[k])(theta), loss(p.batches[steps]), fromBuffer(p.theta), { alpha, steps, firstOrder });
}
