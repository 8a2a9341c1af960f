/**
 * What TRPO measures of a categorical policy on a fixed batch, against an old policy's outputs:
 * the mean KL(new || old) over the rows (pytorch-maml-rl's kl_divergence(pi, old_pi)), the
 * importance-weighted surrogate, and the Fisher-vector product (the Hessian of the mean KL in the
 * new policy's parameters at the old point, where the KL and its gradient vanish).
 *
 * The line search evaluates many candidates, so the first two run on plain rows of log-probabilities
 * (the engine's scalar exp and log); the Fisher product is the engine's exact HVP of meanKlToOld.
 */
import { mean } from '../autodiff/ops/reduce.js';
import type { Tensor } from '../autodiff/tensor.js';
import { expScalar } from '../kernels/exp-log.js';
import { kl } from '../nn/categorical.js';
import { type MlpLayout, mlpForward } from '../nn/mlp.js';

/** (1/rows) sum_i KL(p_i || q_i) from log-probability rows logP, logQ [rows, cols]. */
export function meanKlRows(logP: Float64Array, logQ: Float64Array, rows: number, cols: number): number {
  let s = 0;
  for (let i = 0; i < rows * cols; i++) {
    const p = expScalar(logP[i]);
    if (p !== 0) s += p * (logP[i] - logQ[i]); // 0 log 0 = 0, also where logP is -Infinity
  }
  return s / rows;
}

/**
 * -(1/rows) sum_i exp(logP_i(a_i) - logQ_i(a_i)) A_i: the surrogate of the new policy P with
 * importance ratios against the old policy Q that sampled the actions (equal to -mean(A) at P = Q).
 */
export function ratioSurrogate(logP: Float64Array, logQ: Float64Array, actions: Float64Array, advantages: Float64Array, rows: number, cols: number): number {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const k = i * cols + actions[i];
    s += expScalar(logP[k] - logQ[k]) * advantages[i];
  }
  return -s / rows;
}

/**
 * theta -> (1/rows) sum_i KL(pi_theta(.|s_i) || old_i), with the old logits [rows, k] held fixed.
 * Its Hessian at the theta whose logits are `oldLogits` is the Fisher information of pi_theta on
 * these observations (the KL and its gradient vanish there).
 */
export function meanKlToOld(layout: MlpLayout, obs: Tensor, oldLogits: Tensor): (theta: Tensor) => Tensor {
  return (theta) => mean(kl(mlpForward(layout, theta, obs), oldLogits));
}
