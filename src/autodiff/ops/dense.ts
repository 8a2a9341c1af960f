import { apply } from '../apply.js';
import { expandRowInto } from '../../kernels/elementwise.js';
import { gemm } from '../../kernels/gemm.js';
import { tanhInto } from '../../kernels/tanh.js';
import type { OpDef } from '../node.js';
import { formatShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { type MatmulAttrs, matmul, matmulAttrs } from './matmul.js';
import { sumRows } from './reduce.js';
import { reluBackward, tanhBackward } from './unary.js';

/** The activation `dense` applies after its affine map. */
export type Activation = 'tanh' | 'relu' | 'identity';

interface DenseAttrs extends MatmulAttrs {
  readonly activation: Activation;
}

/** act(x Wᵀ + b) as one node: one kernel pass forward, and a short backward made of differentiable ops. */
const denseOp: OpDef<DenseAttrs> = {
  name: 'dense',
  shape: (_inputs, s) => [s.m, s.n],
  forward(out, inputs, s) {
    const x = inputs[0], w = inputs[1], b = inputs[2];
    // b + x·Wᵀ: the bias rows are laid down first and the product accumulates onto them
    // (IEEE addition commutes, so this is bit-for-bit x·Wᵀ + b).
    expandRowInto(out, b.data, s.m, s.n);
    gemm(out, x.data, w.data, s.m, s.k, s.n, false, true, true);
    if (s.activation === 'tanh') tanhInto(out, out, out.length);
    else if (s.activation === 'relu') for (let i = 0; i < out.length; i++) out[i] = out[i] > 0 ? out[i] : 0;
  },
  backward(g, [x, w], y, s, needs) {
    const dz = s.activation === 'tanh' ? tanhBackward(y, g) : s.activation === 'relu' ? reluBackward(y, g) : g;
    return [
      needs[0] ? matmul(dz, w) : null,
      needs[1] ? matmul(dz, x, true, false) : null,
      needs[2] ? sumRows(dz) : null,
    ];
  },
};

/** A fully connected layer: act(x Wᵀ + b) with x [batch, in], W [out, in], b [out]. */
export function dense(x: Tensor, w: Tensor, b: Tensor, activation: Activation = 'identity'): Tensor {
  const s = matmulAttrs('dense', x, w, false, true);
  if (b.shape.length !== 1 || b.shape[0] !== s.n) {
    throw new Error(`dense: bias has shape ${formatShape(b.shape)}, expected [${s.n}]`);
  }
  if (activation !== 'tanh' && activation !== 'relu' && activation !== 'identity') {
    throw new Error(`dense: unknown activation '${String(activation)}', expected 'tanh', 'relu' or 'identity'`);
  }
  return apply(denseOp, [x, w, b], { ...s, activation });
}
