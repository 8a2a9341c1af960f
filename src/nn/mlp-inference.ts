/**
 * The MLP forward for acting, without the tensor layer: the engine's own kernels (bias rows, gemm
 * accumulate, tanh / relu) on preallocated buffers, in the same order as `dense`, so the outputs
 * are bit-identical to `mlpForward` (tested) at a fraction of the per-call cost of building
 * tensors and slicing the weights. `params` is read at every call, so in-place updates apply.
 */
import { expandRowInto } from '../kernels/elementwise.js';
import { gemm } from '../kernels/gemm.js';
import { tanhInto } from '../kernels/tanh.js';
import type { MlpLayout } from './mlp.js';

/**
 * Outputs [rows, outputs] (logits, or a Gaussian layout's means) of obs [>= rows, obsDim] into a
 * buffer reused across calls (valid until the next call).
 */
export function mlpInference(layout: MlpLayout, params: Float64Array): (obs: Float64Array, rows: number) => Float64Array {
  if (params.length !== layout.size) throw new Error(`mlpInference: params have length ${params.length}, expected ${layout.size} (layout.size)`);
  const widest = Math.max(...layout.sizes);
  let capacity = 0;
  let bufA = new Float64Array(0);
  let bufB = new Float64Array(0);
  const outputs = new Map<number, Float64Array>();
  const last = layout.layers.length - 1;
  return (obs, rows) => {
    if (rows > capacity) {
      capacity = Math.max(rows, 2 * capacity);
      bufA = new Float64Array(capacity * widest);
      bufB = new Float64Array(capacity * widest);
      outputs.clear();
    }
    let input = obs;
    for (let i = 0; i <= last; i++) {
      const l = layout.layers[i];
      let out: Float64Array;
      if (i === last) {
        // Exact-length output so that the tanh / relu kernels and callers see rows * outputs.
        out = outputs.get(rows) ?? new Float64Array(rows * l.outputs);
        outputs.set(rows, out);
      } else {
        out = (i % 2 === 0 ? bufA : bufB).subarray(0, rows * l.outputs);
      }
      const w = params.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs);
      const b = params.subarray(l.biasOffset, l.biasOffset + l.outputs);
      expandRowInto(out, b, rows, l.outputs);
      gemm(out, input, w, rows, l.inputs, l.outputs, false, true, true);
      if (i !== last) {
        if (layout.activation === 'tanh') tanhInto(out, out, out.length);
        else for (let j = 0; j < out.length; j++) out[j] = out[j] > 0 ? out[j] : 0;
      }
      input = out;
    }
    return input;
  };
}
