import { add, mul, sub } from '../autodiff/ops/arith.js';
import { gather } from '../autodiff/ops/gather.js';
import { sum } from '../autodiff/ops/reduce.js';
import { scaleBy } from '../autodiff/ops/scalar.js';
import { logSoftmax } from '../autodiff/ops/softmax.js';
import { formatShape } from '../autodiff/shape.js';
import type { Tensor } from '../autodiff/tensor.js';
import { entropy } from './categorical.js';
import { gaussianEntropy, gaussianLogProb } from './gaussian.js';

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
 * An entropy bonus: `coeff` times the mean entropy of the policy over the batch's states,
 * subtracted from the surrogate (so minimising it raises the entropy). `mask` [n] weighs the rows
 * of a categorical policy's entropy: 1 for the batch's rows, 0 for the zero rows compiled programs
 * pad a batch with, so that padding changes no bit; omitted, every row counts.
 */
export interface EntropyBonus {
  readonly coeff: number;
  readonly mask?: Tensor;
}

/**
 * -(1/n) [sum_i logProb_i * A_i + c sum_i H_i] (the entropy term only with a categorical bonus),
 * or `scale` times the bracket when given: a scalar tensor that compiled programs set to -1/n at
 * run time, so that rows padded with zero advantages change no bit.
 */
function surrogate(logProbs: Tensor, advantages: Tensor, scale: Tensor | undefined, entropies?: Tensor, bonus?: EntropyBonus): Tensor {
  let weighted = sum(mul(logProbs, advantages));
  if (entropies !== undefined && bonus !== undefined) {
    weighted = add(weighted, scaleBy(sum(bonus.mask === undefined ? entropies : mul(entropies, bonus.mask)), bonus.coeff));
  }
  return scale === undefined ? scaleBy(weighted, -1 / advantages.shape[0]) : mul(weighted, scale);
}

/**
 * The REINFORCE surrogate -(1/n) sum_i log softmax(logits_i)[a_i] * A_i of a categorical policy,
 * minus bonus.coeff times the mean entropy of its rows when a bonus is given.
 */
export function reinforceLoss(logits: Tensor, actions: Tensor, advantages: Tensor, scale?: Tensor, bonus?: EntropyBonus): Tensor {
  checkAdvantages('reinforceLoss', logits.shape[0], advantages);
  const logProbs = gather(logSoftmax(logits), actions);
  return bonus === undefined ? surrogate(logProbs, advantages, scale) : surrogate(logProbs, advantages, scale, entropy(logits), bonus);
}

/**
 * The REINFORCE surrogate -(1/n) sum_i log N(a_i; mean_i, diag(exp(logStd))^2) * A_i of a diagonal
 * Gaussian policy: means [n, d], log-std [d], actions [n, d]; minus bonus.coeff times its entropy
 * (the same in every state, so no mask is read) when a bonus is given.
 */
export function gaussianReinforceLoss(mean: Tensor, logStd: Tensor, actions: Tensor, advantages: Tensor, scale?: Tensor, bonus?: EntropyBonus): Tensor {
  checkAdvantages('gaussianReinforceLoss', mean.shape[0], advantages);
  const loss = surrogate(gaussianLogProb(mean, logStd, actions), advantages, scale);
  return bonus === undefined ? loss : sub(loss, scaleBy(gaussianEntropy(logStd), bonus.coeff));
}
