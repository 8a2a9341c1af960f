/** Time and work accounting for one meta-iteration, with an injectable clock (milliseconds). */

export type Clock = () => number;

/** performance.now where the runtime has it (QuickJS has not), else Date.now. */
export const defaultClock: Clock = () => (typeof performance === 'object' ? performance.now() : Date.now());

/** 'trpo': the TRPO outer step (conjugate gradient and line search), its gradients and HVPs included. */
export type CostBucket = 'sampling' | 'gradients' | 'hvp' | 'directed' | 'trpo';

export class CostMeter {
  /** Seconds spent per bucket. */
  readonly seconds: Record<CostBucket, number> = { sampling: 0, gradients: 0, hvp: 0, directed: 0, trpo: 0 };
  envSteps = 0;
  gradientEvaluations = 0;
  hvps = 0;
  /** Peak float64 elements held for a backward recursion (stored batches and inner iterates). */
  peakRetainedFloats = 0;
  /** CPU seconds measured on other threads (task workers), added to the trainer thread's own. */
  cpuSeconds = 0;
  private open: CostBucket | null = null;

  constructor(readonly clock: Clock = defaultClock) {}

  /**
   * Runs fn and charges its time to `bucket`. Nested inside another bucket (the directed step's
   * sampling and gradient, TRPO's gradients and HVPs), the time stays with the outer bucket, so no
   * second is counted twice.
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

  /** Adds what another meter measured (a task's job, wherever it ran). */
  add(other: { readonly seconds: Readonly<Record<CostBucket, number>>; envSteps: number; gradientEvaluations: number; hvps: number; peakRetainedFloats: number; cpuSeconds?: number }): void {
    for (const bucket of Object.keys(this.seconds) as CostBucket[]) this.seconds[bucket] += other.seconds[bucket];
    this.envSteps += other.envSteps;
    this.gradientEvaluations += other.gradientEvaluations;
    this.hvps += other.hvps;
    this.retain(other.peakRetainedFloats);
    this.cpuSeconds += other.cpuSeconds ?? 0;
  }
}
