/**
 * A categorical MLP policy as the batched action callback `rollout` calls: one MLP forward on the
 * [n, obsDim] observation rows per vector step (mlpInference: no tensors), then one action per row.
 * policyLogits is the same forward through the engine's tensors.
 */
import { withoutGraph } from '../autodiff/apply.js';
import { fromBuffer } from '../autodiff/tensor.js';
import { greedy, sampleCategorical } from '../nn/categorical.js';
import { type MlpLayout, mlpForward } from '../nn/mlp.js';
import { mlpInference } from '../nn/mlp-inference.js';
import type { Rng } from '../rng/rng.js';
import type { BatchedPolicy } from './rollout.js';

function checkParams(op: string, layout: MlpLayout, params: Float64Array): void {
  if (params.length !== layout.size) throw new Error(`${op}: params have length ${params.length}, expected ${layout.size} (layout.size)`);
}

/**
 * The logits [rows, numActions] (row-major, a fresh buffer) of the first `rows` observations of
 * obs [>= rows, obsDim], computed eagerly with no graph. `params` is read, never written.
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

/**
 * Samples each action from softmax(logits) with one `rng.random()` per row, in row order.
 * `params` is read at every call, so updating it in place changes the policy the actor follows.
 */
export function sampledActor(layout: MlpLayout, params: Float64Array, rng: Rng): BatchedPolicy {
  checkParams('sampledActor', layout, params);
  const logits = mlpInference(layout, params);
  const k = layout.sizes[layout.sizes.length - 1];
  return (obs, n, actionsOut) => {
    sampleCategorical(logits(obs, n), n, k, rng, actionsOut.length === n ? actionsOut : actionsOut.subarray(0, n));
  };
}

/** Takes the most probable action of each row (the first on ties); draws no randomness. */
export function greedyActor(layout: MlpLayout, params: Float64Array): BatchedPolicy {
  checkParams('greedyActor', layout, params);
  const logits = mlpInference(layout, params);
  const k = layout.sizes[layout.sizes.length - 1];
  return (obs, n, actionsOut) => {
    greedy(logits(obs, n), n, k, actionsOut.length === n ? actionsOut : actionsOut.subarray(0, n));
  };
}
