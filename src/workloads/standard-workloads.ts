import { compile, type Program } from '../autodiff/compile.js';
import { metaGradient } from '../autodiff/meta-gradient.js';
import { Tensor, tensor } from '../autodiff/tensor.js';
import { hvp, valueAndGrad } from '../autodiff/transforms.js';
import { algorithmSpec } from '../meta/algorithms.js';
import { type MlpLayout, mlpForward, mlpLayout } from '../nn/mlp.js';
import { type PolicyBatch, reinforceLoss } from '../nn/reinforce.js';
import { PCG64 } from '../rng/pcg64.js';

/** One autodiff workload (standard-cases.ts lists the standard ones): tanh MLP, REINFORCE surrogate on `states` rows. */
export interface Workload {
  readonly layout: MlpLayout;
  readonly theta: Tensor;
  readonly direction: Tensor;
  readonly train: PolicyBatch;
  readonly test: PolicyBatch;
}

export const benchOps = ['grad', 'hvp', 'maml', 'fomaml'] as const;
export type BenchOp = (typeof benchOps)[number];

function normals(rng: PCG64, n: number, std: number): Tensor {
  return tensor(Array.from({ length: n }, () => rng.normal(0, std)));
}

function batch(rng: PCG64, layout: MlpLayout, rows: number): PolicyBatch {
  const inputs = layout.sizes[0];
  const actions = layout.sizes[layout.sizes.length - 1];
  return {
    obs: new Tensor(normals(rng, rows * inputs, 1).data, [rows, inputs]),
    actions: tensor(Array.from({ length: rows }, () => rng.integers(0, actions))),
    advantages: normals(rng, rows, 1),
  };
}

export function makeWorkload(dims: readonly number[], states: number, seed: number): Workload {
  const rng = new PCG64(seed);
  const layout = mlpLayout(dims, 'tanh');
  return {
    layout,
    theta: normals(rng, layout.size, 0.3),
    direction: normals(rng, layout.size, 1),
    train: batch(rng, layout, states),
    test: batch(rng, layout, states),
  };
}

function lossOn(layout: MlpLayout, obs: Tensor, actions: Tensor, advantages: Tensor): (theta: Tensor) => Tensor {
  return (theta) => reinforceLoss(mlpForward(layout, theta, obs), actions, advantages);
}

/** The inputs each op's program takes, in order. */
export function programInputs(w: Workload, op: BenchOp): Tensor[] {
  const train = [w.train.obs, w.train.actions, w.train.advantages];
  const test = [w.test.obs, w.test.actions, w.test.advantages];
  if (op === 'grad') return [w.theta, ...train];
  if (op === 'hvp') return [w.theta, w.direction, ...train];
  return [w.theta, ...train, ...test];
}

/** Compiles one op: a replayable program with its buffers allocated once. */
export function compileOp(w: Workload, op: BenchOp, alpha: number): Program<Tensor[]> {
  const L = w.layout;
  const inputs = programInputs(w, op);
  switch (op) {
    case 'grad':
      return compile((theta, o, a, adv) => {
        const r = valueAndGrad(lossOn(L, o, a, adv))(theta);
        return [r.value, r.grad];
      }, inputs);
    case 'hvp':
      return compile((theta, v, o, a, adv) => [hvp(lossOn(L, o, a, adv), theta, v)], inputs);
    case 'maml':
    case 'fomaml': {
      const { firstOrder } = algorithmSpec(op);
      return compile((theta, o, a, adv, to, ta, tadv) => {
        const m = metaGradient(lossOn(L, o, a, adv), lossOn(L, to, ta, tadv), theta, { alpha, firstOrder });
        return [m.value, m.grad];
      }, inputs);
    }
  }
}
