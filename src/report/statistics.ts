// Means with 95% confidence intervals (Student's t) and Welch's difference of two means: the
// statistics of the results page. Pure functions over plain number arrays.
import { tTwoSided } from './distributions.js';

/** Two-sided 95% quantiles t_{0.975, df} for df = 1..30; beyond 30 the normal 1.96. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t_{0.975} for `df` degrees of freedom; a fractional df (Welch) is rounded down, which widens the interval. */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new Error(`degrees of freedom is ${df}, expected >= 1`);
  const whole = Math.floor(df);
  return whole <= T_975.length ? T_975[whole - 1] : 1.96;
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample variance (n - 1 in the denominator); 0 for a single value. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) * (v - m);
  return s / (values.length - 1);
}

export interface MeanInterval {
  readonly n: number;
  readonly mean: number;
  /** Half-width of the 95% interval; NaN with fewer than two values (no spread to estimate). */
  readonly halfWidth: number;
}

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, halfWidth: NaN };
  const halfWidth = n < 2 ? NaN : tQuantile975(n - 1) * Math.sqrt(sampleVariance(values) / n);
  return { n, mean: mean(values), halfWidth };
}

export interface Difference {
  /** mean(a) - mean(b). */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** Welch-Satterthwaite degrees of freedom (NaN when both samples have no spread). */
  readonly df: number;
}

/**
 * Welch's 95% interval of mean(a) - mean(b); null unless both have at least two values. With no
 * spread in either sample the interval is the point difference itself.
 */
export function welchInterval(a: readonly number[], b: readonly number[]): Difference | null {
  if (a.length < 2 || b.length < 2) return null;
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const difference = mean(a) - mean(b);
  if (va + vb === 0) return { difference, low: difference, high: difference, df: NaN };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile975(df) * Math.sqrt(va + vb);
  return { difference, low: difference - half, high: difference + half, df };
}

export interface WelchTest extends Difference {
  readonly t: number;
  /** Two-sided. */
  readonly p: number;
}

/**
 * Welch's two-sided t-test of mean(a) = mean(b), with the interval above; null unless both have at
 * least two values. Without spread in either sample, p is 0 for different means and 1 for equal.
 */
export function welchTest(a: readonly number[], b: readonly number[]): WelchTest | null {
  const d = welchInterval(a, b);
  if (d === null) return null;
  if (Number.isNaN(d.df)) return { ...d, t: d.difference === 0 ? 0 : Math.sign(d.difference) * Infinity, p: d.difference === 0 ? 1 : 0 };
  const t = d.difference / Math.sqrt(sampleVariance(a) / a.length + sampleVariance(b) / b.length);
  return { ...d, t, p: tTwoSided(t, d.df) };
}

export interface OneSampleTest {
  readonly mean: number;
  /** The 95% interval of the mean. */
  readonly low: number;
  readonly high: number;
  /** Two-sided p of mean = 0, Student's t with n - 1 degrees of freedom. */
  readonly p: number;
}

/**
 * Student's one-sample two-sided t-test of mean = 0; null with fewer than two values. Without
 * spread, p is 0 for a non-zero mean and 1 for zero.
 */
export function oneSampleTest(values: readonly number[]): OneSampleTest | null {
  if (values.length < 2) return null;
  const m = meanInterval(values);
  const se = Math.sqrt(sampleVariance(values) / values.length);
  const p = se === 0 ? (m.mean === 0 ? 1 : 0) : tTwoSided(m.mean / se, values.length - 1);
  return { mean: m.mean, low: m.mean - m.halfWidth, high: m.mean + m.halfWidth, p };
}

/** The q-quantile by linear interpolation between order statistics (position q (n - 1) of the sorted values); NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
