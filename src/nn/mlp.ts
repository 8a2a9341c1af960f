import type { Activation } from '../autodiff/ops/dense.js';
import { dense } from '../autodiff/ops/dense.js';
import { reshape, slice } from '../autodiff/ops/shape-ops.js';
import type { Tensor } from '../autodiff/tensor.js';

/** The activation of an MLP's hidden layers. */
export type HiddenActivation = 'tanh' | 'relu';

/** Where one layer's weight [out, in] (row-major) and bias [out] sit in the flat parameter vector. */
export interface LayerSlot {
  readonly inputs: number;
  readonly outputs: number;
  readonly weightOffset: number;
  readonly biasOffset: number;
}

/** An MLP over one flat parameter vector: layer by layer, weight then bias. */
export interface MlpLayout {
  readonly sizes: readonly number[];
  readonly activation: HiddenActivation;
  readonly layers: readonly LayerSlot[];
  /** Length of the parameter vector. */
  readonly size: number;
}

/** The layout of an MLP's parameters in one flat vector, for layer sizes [input, ...hidden, output]. */
export function mlpLayout(sizes: readonly number[], activation: HiddenActivation): MlpLayout {
  if (sizes.length < 2 || sizes.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`mlp: sizes [${sizes.join(', ')}] are invalid, expected at least two positive integers (input, ..., output)`);
  }
  if (activation !== 'tanh' && activation !== 'relu') {
    throw new Error(`mlp: activation '${String(activation)}' is unknown, expected 'tanh' or 'relu'`);
  }
  const layers: LayerSlot[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    layers.push({ inputs, outputs, weightOffset: offset, biasOffset: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  return { sizes: [...sizes], activation, layers, size: offset };
}

/** The network's outputs (logits or means) for a batch x [batch, inputs]; the last layer is linear. */
export function mlpForward(layout: MlpLayout, theta: Tensor, x: Tensor): Tensor {
  if (theta.shape.length !== 1 || theta.size !== layout.size) {
    throw new Error(`mlp: parameters have shape [${theta.shape.join(', ')}], expected [${layout.size}]`);
  }
  let h = x;
  const last = layout.layers.length - 1;
  for (let i = 0; i <= last; i++) {
    const l = layout.layers[i];
    const w = reshape(slice(theta, l.weightOffset, l.inputs * l.outputs), [l.outputs, l.inputs]);
    const b = slice(theta, l.biasOffset, l.outputs);
    const act: Activation = i === last ? 'identity' : layout.activation;
    h = dense(h, w, b, act);
  }
  return h;
}
