/** Time and work accounting for one meta-iteration, with an injectable clock (milliseconds). */

export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

export type CostBucket = 'sampling' | 'gradients' | 'hvp' | 'directed';

export class CostMeter {
  /** Seconds spent per bucket. */
  readonly seconds: Record<CostBucket, number> = { sampling: 0, gradients: 0, hvp: 0, directed: 0 };
  envSteps = 0;
  gradientEvaluations = 0;
  hvps = 0;
  /** Peak float64 elements held for a backward recursion (stored batches and inner iterates). */
  peakRetainedFloats = 0;
  private open: CostBucket | null = null;

  constructor(readonly clock: Clock = defaultClock) {}

  /**
   * Runs fn and charges its time to `bucket`. Nested inside another bucket (the directed step's
   * sampling and gradient), the time stays with the outer bucket, so no second is counted twice.
   */
  time<T>(bucket: CostBucket, fn: () => T): T {
    if (this.open !== null) return fn();
    this.open = bucket;
    const t0 = this.clock();
    try {
      return fn();
    } finally {
      this.seconds[bucket] += (this.clock() - t0) / 1000;
      this.open = null;
    }
  }

  retain(floats: number): void {
    if (floats > this.peakRetainedFloats) this.peakRetainedFloats = floats;
  }
}
