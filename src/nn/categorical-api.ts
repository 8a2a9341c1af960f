// The tensor-level categorical distribution of the public API; the buffer-level samplers stay internal.
export { entropy, kl, logProb } from './categorical.js';
