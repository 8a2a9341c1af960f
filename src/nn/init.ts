import type { Rng } from '../rng/rng.js';
import type { MlpLayout } from './mlp.js';

/**
 * How a layer's weights and biases are drawn (fan_in = inputs, fan_out = outputs):
 * - 'torch-default': PyTorch's nn.Linear default (kaiming_uniform_ with a = sqrt(5)), which comes
 *   to U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the weights and the same bound for the biases.
 * - 'xavier-uniform': what pytorch-maml-rl's policies use (weight_init): weights
 *   U(-sqrt(6/(fan_in + fan_out)), +sqrt(6/(fan_in + fan_out))), biases zero.
 */
export type InitScheme = 'torch-default' | 'xavier-uniform';

/**
 * Draws an MLP's parameters into the first `layout.size` entries of `out` (a fresh vector by
 * default; a longer one leaves the tail, e.g. a Gaussian head's log-std, untouched).
 * Draw order is the vector's own order: layer by layer, the weight row-major [out, in], then the
 * bias, one `rng.uniform` per entry drawn; so the same seed gives the same bits.
 */
export function initMlp(
  layout: MlpLayout,
  rng: Rng,
  scheme: InitScheme = 'torch-default',
  out: Float64Array = new Float64Array(layout.size),
): Float64Array {
  if (scheme !== 'torch-default' && scheme !== 'xavier-uniform') {
    throw new Error(`initMlp: scheme '${String(scheme)}' is unknown, expected 'torch-default' or 'xavier-uniform'`);
  }
  if (out.length < layout.size) {
    throw new Error(`initMlp: out has length ${out.length}, expected at least ${layout.size}`);
  }
  for (const l of layout.layers) {
    const nw = l.inputs * l.outputs;
    const wBound = scheme === 'torch-default' ? 1 / Math.sqrt(l.inputs) : Math.sqrt(6 / (l.inputs + l.outputs));
    for (let i = 0; i < nw; i++) out[l.weightOffset + i] = rng.uniform(-wBound, wBound);
    const bBound = 1 / Math.sqrt(l.inputs);
    for (let i = 0; i < l.outputs; i++) {
      out[l.biasOffset + i] = scheme === 'torch-default' ? rng.uniform(-bBound, bBound) : 0;
    }
  }
  return out;
}
