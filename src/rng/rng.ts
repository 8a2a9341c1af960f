/** The sampling surface environments and algorithms depend on; `PCG64` implements it. */
export interface Rng {
  /** Uniform double in [0, 1). */
  random(): number;
  /** Uniform double in [lo, hi): `lo + (hi - lo) * random()`. */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [lo, hi) (hi exclusive). */
  integers(lo: number, hi: number): number;
  /** Gaussian sample; mean defaults to 0 and std to 1. */
  normal(mean?: number, std?: number): number;
}
