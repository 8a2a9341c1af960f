/**
 * The categorical distribution over discrete actions, from a [rows, actions] matrix of logits: log
 * probabilities of chosen actions, entropy, and KL divergence, all differentiable.
 *
 * @module
 */
// The buffer-level samplers of categorical.ts stay internal.
export { entropy, kl, logProb } from './categorical.js';
