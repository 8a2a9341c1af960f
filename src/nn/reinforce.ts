import { mul } from '../autodiff/ops/arith.js';
import { gather } from '../autodiff/ops/gather.js';
import { sum } from '../autodiff/ops/reduce.js';
import { scaleBy } from '../autodiff/ops/scalar.js';
import { logSoftmax } from '../autodiff/ops/softmax.js';
import { formatShape } from '../autodiff/shape.js';
import type { Tensor } from '../autodiff/tensor.js';

/** A batch of decisions: observations [n, obsDim], chosen actions [n] (integers) and advantages [n]. */
export interface PolicyBatch {
  readonly obs: Tensor;
  readonly actions: Tensor;
  readonly advantages: Tensor;
}

/** The REINFORCE surrogate -(1/n) sum_i log softmax(logits_i)[a_i] * A_i of a categorical policy. */
export function reinforceLoss(logits: Tensor, actions: Tensor, advantages: Tensor): Tensor {
  const n = logits.shape[0];
  if (advantages.shape.length !== 1 || advantages.shape[0] !== n) {
    throw new Error(`reinforceLoss: advantages have shape ${formatShape(advantages.shape)}, expected [${n}]`);
  }
  if (n === 0) throw new Error('reinforceLoss: the batch is empty, expected at least one row');
  return scaleBy(sum(mul(gather(logSoftmax(logits), actions), advantages)), -1 / n);
}
