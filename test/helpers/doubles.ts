// Helpers for tests of floating-point kernels: deterministic inputs, bit-exact comparison, ulps.

/** xorshift32: a tiny deterministic generator for test data. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Uniform on [from, to). */
export function uniformArray(random: () => number, length: number, from = -1, to = 1): Float64Array {
  return Float64Array.from({ length }, () => from + (to - from) * random());
}

/** Index of the first element differing under Object.is (so -0 !== 0 and NaN === NaN), or -1. */
export function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return -1;
}

const bits = new Float64Array(1);
const bitsAsInt = new BigInt64Array(bits.buffer);

/** Position of x on the ordered line of doubles (±0 both map to 0). */
function ordinal(x: number): bigint {
  bits[0] = x;
  const i = bitsAsInt[0];
  return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
}

/** Distance in units in the last place, counting steps between adjacent doubles; NaN only matches NaN. */
export function ulpDistance(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
  const d = ordinal(x) - ordinal(y);
  return Number(d < 0n ? -d : d);
}

/** Largest ulp distance between f and g over xs, with the worst input. */
export function worstDistance(f: (x: number) => number, g: (x: number) => number, xs: ArrayLike<number>): { ulps: number; x: number } {
  let worst = { ulps: 0, x: NaN };
  for (let i = 0; i < xs.length; i++) {
    const ulps = ulpDistance(f(xs[i]), g(xs[i]));
    if (ulps > worst.ulps) worst = { ulps, x: xs[i] };
  }
  return worst;
}

export function grid(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

export function logGrid(from: number, to: number, count: number): number[] {
  return grid(Math.log(from), Math.log(to), count).map(Math.exp);
}

/** The `count` doubles on each side of x (x included). */
export function neighbours(x: number, count: number): number[] {
  const out: number[] = [];
  bits[0] = x;
  const base = bitsAsInt[0];
  for (let d = -count; d <= count; d++) {
    bitsAsInt[0] = base + BigInt(d);
    out.push(bits[0]);
  }
  return out;
}

/** Doubles from uniformly random bit patterns: every binade, sign and special value class. */
export function randomBitPatterns(random: () => number, count: number): Float64Array {
  const out = new Float64Array(count);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(random() * 2 ** 32);
  return out;
}
