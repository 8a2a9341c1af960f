/**
 * A policy batch as plain data (each array a Float64Array and its shape): what a task's outcome
 * carries to the TRPO step, across threads as it is (a structured clone keeps every bit), with
 * tensors built where the derivatives are taken.
 */
import { fromBuffer } from '../autodiff/tensor.js';
import type { PolicyBatch } from '../nn/reinforce.js';

export interface PlainArray {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

export interface PlainBatch {
  readonly obs: PlainArray;
  readonly actions: PlainArray;
  readonly advantages: PlainArray;
}

export function toPlainBatch(b: PolicyBatch): PlainBatch {
  const plain = (t: PolicyBatch['obs']): PlainArray => ({ data: t.data, shape: [...t.shape] });
  return { obs: plain(b.obs), actions: plain(b.actions), advantages: plain(b.advantages) };
}

export function fromPlainBatch(b: PlainBatch): PolicyBatch {
  return { obs: fromBuffer(b.obs.data, b.obs.shape), actions: fromBuffer(b.actions.data, b.actions.shape), advantages: fromBuffer(b.advantages.data, b.advantages.shape) };
}
