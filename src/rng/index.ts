export type { Rng } from './rng.js';
export { SeedSequence, type Entropy, type SeedSequenceOptions } from './seed-sequence.js';
export { PCG64, type PCG64State } from './pcg64.js';
