export { mlpLayout, mlpForward, type MlpLayout, type LayerSlot, type HiddenActivation } from './mlp.js';
export { mlpInference } from './mlp-inference.js';
export { initMlp, type InitScheme } from './init.js';
export * as categorical from './categorical.js';
export {
  gaussianLayout,
  isGaussianLayout,
  initLogStd,
  gaussianMean,
  gaussianLogStd,
  gaussianLogProb,
  gaussianEntropy,
  gaussianKl,
  sampleGaussian,
  type GaussianLayout,
} from './gaussian.js';
export { sgdStepInto, Adam, Sgd, type Optimizer, type AdamOptions, type AdamState, type SgdOptions, type SgdState } from './optimizers.js';
export { LinearFeatureBaseline, type LinearFeatureBaselineOptions } from './baseline.js';
export { MlpCritic, criticLayout, initCritic, type MlpCriticOptions } from './critic.js';
export { discountedReturns, gae, normalizeAdvantages } from './advantages.js';
export { type Episodes } from './episodes.js';
export { reinforceLoss, gaussianReinforceLoss, type EntropyBonus, type PolicyBatch } from './reinforce.js';
