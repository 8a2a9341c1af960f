/**
 * An MLP policy's layout chosen by the action space: categorical logits for Discrete(n), a diagonal
 * Gaussian for a Box (means from the MLP, a learned state-independent log-std, as pytorch-maml-rl's
 * NormalMLPPolicy), and the checks that a policy fits an env.
 */
import type { Space } from '../envs/env.js';
import type { VectorEnv } from '../envs/vector-env.js';
import { gaussianLayout, initLogStd, isGaussianLayout } from '../nn/gaussian.js';
import { type InitScheme, initMlp } from '../nn/init.js';
import { type HiddenActivation, type MlpLayout, mlpLayout } from '../nn/mlp.js';
import type { Rng } from '../rng/rng.js';

/** The Gaussian head's initial standard deviation (pytorch-maml-rl's init_std). */
export const INITIAL_STD = 1;

/** sizes: [obsDim, ...hidden]; the output layer is the action space's (n logits, or d means). */
export function mlpPolicyLayout(sizes: readonly number[], actionSpace: Space, activation: HiddenActivation): MlpLayout {
  if (actionSpace.kind === 'discrete') return mlpLayout([...sizes, actionSpace.n], activation);
  if (actionSpace.kind === 'box') return gaussianLayout([...sizes, actionSpace.shape.reduce((a, b) => a * b, 1)], activation);
  throw new Error(`mlpPolicyLayout: actionSpace.kind is ${JSON.stringify((actionSpace as { kind: unknown }).kind)}, expected 'discrete' or 'box'`);
}

/**
 * Fresh parameters: the MLP drawn by initMlp (the same draws and bits for either head), then a
 * Gaussian head's log-std set to log(INITIAL_STD); draws nothing for the log-std.
 */
export function initPolicy(layout: MlpLayout, rng: Rng, scheme: InitScheme = 'torch-default'): Float64Array {
  if (!isGaussianLayout(layout)) return initMlp(layout, rng, scheme);
  return initLogStd(layout, initMlp(layout.mlp, rng, scheme, new Float64Array(layout.size)), INITIAL_STD);
}

/** The action space the policy acts in, for messages: Discrete(n) or Box([d]). */
function headText(layout: MlpLayout): string {
  return isGaussianLayout(layout) ? `Box([${layout.actionDim}])` : `Discrete(${layout.sizes[layout.sizes.length - 1]})`;
}

/** Throws naming the field unless the vector env's observations and actions are the policy's. */
export function checkPolicyFits<O>(op: string, layout: MlpLayout, venv: VectorEnv<O>): void {
  if (venv.obsDim !== layout.sizes[0]) throw new Error(`${op}: env obsDim is ${venv.obsDim}, expected the policy's input size ${layout.sizes[0]}`);
  const space = venv.singleActionSpace;
  const fits = isGaussianLayout(layout)
    ? space.kind === 'box' && venv.actionDim === layout.actionDim
    : space.kind === 'discrete' && space.n === layout.sizes[layout.sizes.length - 1];
  if (!fits) {
    const got = space.kind === 'discrete' ? `Discrete(${space.n})` : `Box([${space.shape.join(', ')}])`;
    throw new Error(`${op}: env action space is ${got}, expected ${headText(layout)} (the policy's head)`);
  }
}
