import { mul } from '../autodiff/ops/arith.js';
import { gather } from '../autodiff/ops/gather.js';
import { sum } from '../autodiff/ops/reduce.js';
import { scaleBy } from '../autodiff/ops/scalar.js';
import { logSoftmax } from '../autodiff/ops/softmax.js';
import { formatShape } from '../autodiff/shape.js';
import type { Tensor } from '../autodiff/tensor.js';
import { gaussianLogProb } from './gaussian.js';

/**
 * A batch of decisions: observations [n, obsDim], chosen actions and advantages [n]. Actions are
 * [n] integers for a categorical policy, [n, d] real vectors for a Gaussian one.
 */
export interface PolicyBatch {
  readonly obs: Tensor;
  readonly actions: Tensor;
  readonly advantages: Tensor;
}

function checkAdvantages(op: string, n: number, advantages: Tensor): void {
  if (advantages.shape.length !== 1 || advantages.shape[0] !== n) {
    throw new Error(`${op}: advantages have shape ${formatShape(advantages.shape)}, expected [${n}]`);
  }
  if (n === 0) throw new Error(`${op}: the batch is empty, expected at least one row`);
}

/**
 * -(1/n) sum_i logProb_i * A_i, or `scale` times the sum when given: a scalar tensor that compiled
 * programs set to -1/n at run time, so that rows padded with zero advantages change no bit.
 */
function surrogate(logProbs: Tensor, advantages: Tensor, scale: Tensor | undefined): Tensor {
  const weighted = sum(mul(logProbs, advantages));
  return scale === undefined ? scaleBy(weighted, -1 / advantages.shape[0]) : mul(weighted, scale);
}

/** The REINFORCE surrogate -(1/n) sum_i log softmax(logits_i)[a_i] * A_i of a categorical policy. */
export function reinforceLoss(logits: Tensor, actions: Tensor, advantages: Tensor, scale?: Tensor): Tensor {
  checkAdvantages('reinforceLoss', logits.shape[0], advantages);
  return surrogate(gather(logSoftmax(logits), actions), advantages, scale);
}

/**
 * The REINFORCE surrogate -(1/n) sum_i log N(a_i; mean_i, diag(exp(logStd))^2) * A_i of a diagonal
 * Gaussian policy: means [n, d], log-std [d], actions [n, d].
 */
export function gaussianReinforceLoss(mean: Tensor, logStd: Tensor, actions: Tensor, advantages: Tensor, scale?: Tensor): Tensor {
  checkAdvantages('gaussianReinforceLoss', mean.shape[0], advantages);
  return surrogate(gaussianLogProb(mean, logStd, actions), advantages, scale);
}
