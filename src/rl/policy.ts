/**
 * An MLP policy as the batched action callback `rollout` calls: one MLP forward on the
 * [n, obsDim] observation rows per vector step (mlpInference: no tensors), then one action per
 * row. The head follows the layout: a categorical policy writes one integer per row, a Gaussian
 * one a row of d reals. Gaussian actions are the raw samples mean + std * normal, unclipped: they
 * are what the surrogate's log-probability is taken of, and a bounded env clips them itself
 * (LunarLander to [-1, 1], as Gymnasium's does), as in pytorch-maml-rl.
 * policyLogits is the same forward through the engine's tensors.
 */
import { withoutGraph } from '../autodiff/apply.js';
import { fromBuffer } from '../autodiff/tensor.js';
import { greedy, sampleCategorical } from '../nn/categorical.js';
import { isGaussianLayout, sampleGaussian } from '../nn/gaussian.js';
import { type MlpLayout, mlpForward } from '../nn/mlp.js';
import { mlpInference } from '../nn/mlp-inference.js';
import type { Rng } from '../rng/rng.js';
import type { BatchedPolicy } from './rollout.js';

function checkParams(op: string, layout: MlpLayout, params: Float64Array): void {
  if (params.length !== layout.size) throw new Error(`${op}: params have length ${params.length}, expected ${layout.size} (layout.size)`);
}

/**
 * The logits [rows, numActions] (a Gaussian layout's means [rows, d]; row-major, a fresh buffer)
 * of the first `rows` observations of obs [>= rows, obsDim], computed eagerly with no graph.
 * `params` is read, never written.
 */
export function policyLogits(layout: MlpLayout, params: Float64Array, obs: Float64Array, rows: number): Float64Array {
  checkParams('policyLogits', layout, params);
  const obsDim = layout.sizes[0];
  if (!Number.isInteger(rows) || rows < 0 || obs.length < rows * obsDim) {
    throw new Error(`policyLogits: rows is ${rows} with obs of length ${obs.length}, expected an integer in [0, obs.length / ${obsDim}]`);
  }
  return withoutGraph(() => {
    const x = fromBuffer(obs.length === rows * obsDim ? obs : obs.subarray(0, rows * obsDim), [rows, obsDim]);
    return mlpForward(layout, fromBuffer(params, [layout.size]), x).data;
  });
}

/** The first `length` entries of out, without a view when it is exactly that long. */
const head = (out: Float64Array, length: number): Float64Array => (out.length === length ? out : out.subarray(0, length));

/**
 * Samples each action from the policy's distribution: softmax(logits) with one `rng.random()` per
 * row, or N(mean, diag(exp(logStd))^2) with d `rng.normal()` per row; in row order. `params` is
 * read at every call, so updating it in place changes the policy the actor follows.
 */
export function sampledActor(layout: MlpLayout, params: Float64Array, rng: Rng): BatchedPolicy {
  checkParams('sampledActor', layout, params);
  const outputs = mlpInference(layout, params);
  if (isGaussianLayout(layout)) {
    const d = layout.actionDim;
    const logStd = params.subarray(layout.logStdOffset, layout.size); // a live view: in-place updates apply
    return (obs, n, actionsOut) => sampleGaussian(outputs(obs, n), logStd, n, d, rng, head(actionsOut, n * d));
  }
  const k = layout.sizes[layout.sizes.length - 1];
  return (obs, n, actionsOut) => {
    sampleCategorical(outputs(obs, n), n, k, rng, head(actionsOut, n));
  };
}

/** Takes the most probable action of each row (the first on ties; a Gaussian's mean); draws no randomness. */
export function greedyActor(layout: MlpLayout, params: Float64Array): BatchedPolicy {
  checkParams('greedyActor', layout, params);
  const outputs = mlpInference(layout, params);
  if (isGaussianLayout(layout)) {
    const d = layout.actionDim;
    return (obs, n, actionsOut) => head(actionsOut, n * d).set(outputs(obs, n));
  }
  const k = layout.sizes[layout.sizes.length - 1];
  return (obs, n, actionsOut) => {
    greedy(outputs(obs, n), n, k, head(actionsOut, n));
  };
}
