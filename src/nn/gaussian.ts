import { expScalar, logScalar } from '../kernels/exp-log.js';
import { add, mul, sub } from '../autodiff/ops/arith.js';
import { sum, sumCols } from '../autodiff/ops/reduce.js';
import { addScalar, neg, scaleBy } from '../autodiff/ops/scalar.js';
import { reshape, slice } from '../autodiff/ops/shape-ops.js';
import { exp, square } from '../autodiff/ops/unary.js';
import { formatShape } from '../autodiff/shape.js';
import type { Tensor } from '../autodiff/tensor.js';
import type { Rng } from '../rng/rng.js';
import { type HiddenActivation, type MlpLayout, mlpForward, mlpLayout } from './mlp.js';

// A diagonal Gaussian policy: the MLP gives the mean [n, d]; the log-std [d] is a learned vector
// that does not depend on the state (as pytorch-maml-rl's NormalMLPPolicy, without its clamp).

const LOG_2PI = logScalar(2 * Math.PI);

/**
 * The MLP's parameters come first in the flat vector, then the log-std [d] at logStdOffset.
 * It is also an MlpLayout over the whole vector: its layers are the mean network's, which read only
 * the first mlp.size entries, so mlpForward and mlpInference on it give the means, and code that
 * only passes a policy's layout along (samplers, compiled programs, the meta-trainer) need not
 * know its head; what depends on the head asks isGaussianLayout.
 */
export interface GaussianLayout extends MlpLayout {
  readonly head: 'gaussian';
  /** The mean network alone (its size is logStdOffset). */
  readonly mlp: MlpLayout;
  readonly actionDim: number;
  readonly logStdOffset: number;
  /** Length of the parameter vector: mlp.size + actionDim. */
  readonly size: number;
}

/** An MLP layout for a Gaussian policy: mean outputs, plus one learned log standard deviation per action. */
export function gaussianLayout(sizes: readonly number[], activation: HiddenActivation): GaussianLayout {
  const mlp = mlpLayout(sizes, activation);
  const actionDim = sizes[sizes.length - 1];
  return { ...mlp, head: 'gaussian', mlp, actionDim, logStdOffset: mlp.size, size: mlp.size + actionDim };
}

/** Whether a policy's layout has the Gaussian head (else its outputs are categorical logits). */
export function isGaussianLayout(layout: MlpLayout): layout is GaussianLayout {
  return (layout as Partial<GaussianLayout>).head === 'gaussian';
}

/** Sets the log-std entries of a Gaussian parameter vector to log(std) (the MLP part is left as is). */
export function initLogStd(layout: GaussianLayout, params: Float64Array, std = 1): Float64Array {
  if (!(std > 0 && std < Infinity)) throw new Error(`initLogStd: std is ${std}, expected a positive finite number`);
  if (params.length !== layout.size) {
    throw new Error(`initLogStd: params have length ${params.length}, expected ${layout.size}`);
  }
  params.fill(logScalar(std), layout.logStdOffset, layout.size);
  return params;
}

function checkParams(op: string, layout: GaussianLayout, theta: Tensor): void {
  if (theta.shape.length !== 1 || theta.size !== layout.size) {
    throw new Error(`${op}: parameters have shape ${formatShape(theta.shape)}, expected [${layout.size}]`);
  }
}

/** The policy's means [n, d] for observations [n, obsDim]. */
export function gaussianMean(layout: GaussianLayout, theta: Tensor, obs: Tensor): Tensor {
  checkParams('gaussianMean', layout, theta);
  return mlpForward(layout.mlp, slice(theta, 0, layout.mlp.size), obs);
}

/** The policy's log-std [d]. */
export function gaussianLogStd(layout: GaussianLayout, theta: Tensor): Tensor {
  checkParams('gaussianLogStd', layout, theta);
  return slice(theta, layout.logStdOffset, layout.actionDim);
}

function checkPair(op: string, mean: Tensor, logStd: Tensor): [number, number] {
  if (mean.shape.length !== 2) throw new Error(`${op}: mean has shape ${formatShape(mean.shape)}, expected [n, d]`);
  const [n, d] = mean.shape;
  if (logStd.shape.length !== 1 || logStd.shape[0] !== d) {
    throw new Error(`${op}: logStd has shape ${formatShape(logStd.shape)}, expected [${d}]`);
  }
  return [n, d];
}

/** log N(a_i; mean_i, diag(exp(logStd))^2) summed over the d dimensions -> [n]. */
export function gaussianLogProb(mean: Tensor, logStd: Tensor, actions: Tensor): Tensor {
  const [n, d] = checkPair('gaussianLogProb', mean, logStd);
  if (actions.shape.length !== 2 || actions.shape[0] !== n || actions.shape[1] !== d) {
    throw new Error(`gaussianLogProb: actions have shape ${formatShape(actions.shape)}, expected [${n}, ${d}]`);
  }
  const z = mul(sub(actions, mean), exp(neg(logStd)));
  const halfQuad = scaleBy(reshape(sumCols(square(z)), [n]), 0.5);
  return addScalar(neg(add(halfQuad, sum(logStd))), -0.5 * d * LOG_2PI);
}

/** Entropy sum_j (logStd_j + (1 + log 2 pi) / 2), the same for every state -> []. */
export function gaussianEntropy(logStd: Tensor): Tensor {
  if (logStd.shape.length !== 1) throw new Error(`gaussianEntropy: logStd has shape ${formatShape(logStd.shape)}, expected [d]`);
  return addScalar(sum(logStd), 0.5 * logStd.size * (1 + LOG_2PI));
}

/**
 * KL(p || q) between diagonal Gaussians, per row -> [n]:
 * sum_j logStdQ_j - logStdP_j + (varP_j + (meanP_ij - meanQ_ij)^2) / (2 varQ_j) - 1/2.
 */
export function gaussianKl(meanP: Tensor, logStdP: Tensor, meanQ: Tensor, logStdQ: Tensor): Tensor {
  const [n, d] = checkPair('gaussianKl', meanP, logStdP);
  checkPair('gaussianKl', meanQ, logStdQ);
  if (meanQ.shape[0] !== n) throw new Error(`gaussianKl: meanQ has shape ${formatShape(meanQ.shape)}, expected [${n}, ${d}]`);
  const invVarQ = exp(scaleBy(logStdQ, -2));
  const halfMahalanobis = scaleBy(reshape(sumCols(mul(square(sub(meanP, meanQ)), invVarQ)), [n]), 0.5);
  const logRatio = sub(logStdQ, logStdP);
  const perDim = add(logRatio, scaleBy(exp(scaleBy(neg(logRatio), 2)), 0.5));
  return addScalar(add(halfMahalanobis, sum(perDim)), -0.5 * d);
}

/** Draws actions [rows, dim] (row-major) into out: mean + exp(logStd) * rng.normal(), in row-major order. */
export function sampleGaussian(
  mean: Float64Array,
  logStd: Float64Array,
  rows: number,
  dim: number,
  rng: Rng,
  out: Float64Array,
): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(dim) || dim < 1) {
    throw new Error(`sampleGaussian: rows ${rows} and dim ${dim} are invalid, expected integers rows >= 0 and dim >= 1`);
  }
  if (mean.length !== rows * dim) throw new Error(`sampleGaussian: mean has length ${mean.length}, expected rows * dim = ${rows * dim}`);
  if (logStd.length !== dim) throw new Error(`sampleGaussian: logStd has length ${logStd.length}, expected ${dim}`);
  if (out.length !== rows * dim) throw new Error(`sampleGaussian: out has length ${out.length}, expected rows * dim = ${rows * dim}`);
  for (let i = 0; i < rows; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) out[o + j] = mean[o + j] + expScalar(logStd[j]) * rng.normal();
  }
}
