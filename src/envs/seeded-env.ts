import { PCG64 } from '../rng/pcg64.js';
import { TimeLimit } from './env.js';

/**
 * What every env here keeps the same way: a PCG64 that `reset({ seed })` replaces (Gymnasium's
 * `np_random`), seeded at construction so that an unseeded first reset is deterministic too, and
 * the TimeLimit of its `maxEpisodeSteps`, with their read-only views.
 */
export abstract class SeededEnv {
  protected rngV: PCG64;
  protected readonly limit: TimeLimit;

  protected constructor(seed: number | bigint, maxEpisodeSteps: number) {
    this.rngV = new PCG64(seed);
    this.limit = new TimeLimit(maxEpisodeSteps);
  }

  /** Step count at which `truncated` turns true; Infinity for none. */
  get maxEpisodeSteps(): number {
    return this.limit.maxEpisodeSteps;
  }

  /** Steps since the last reset. */
  get elapsedSteps(): number {
    return this.limit.elapsedSteps;
  }

  /** The generator reset draws from, and step too where the env draws per step (Gymnasium's `np_random`). */
  get rng(): PCG64 {
    return this.rngV;
  }
}
