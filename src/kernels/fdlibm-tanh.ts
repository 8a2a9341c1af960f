// expm1 and tanh as fdlibm's s_expm1.c and s_tanh.c compute them, operation for operation in the
// form V8 carries in src/base/ieee754.cc, so they give the same bits as Node's Math.expm1 and
// Math.tanh whatever engine runs them.
//   expm1: x = k ln2 + r with |r| <= ln2/2 (r in a high and a low part), expm1(r) from a rational
//   approximation with a degree-10 even polynomial, then 2^k (expm1(r) + 1) - 1 arranged for each
//   range of k so that the subtraction of 1 loses nothing.
//   tanh: 1 - 2 / (expm1(2|x|) + 2) for |x| >= 1, -t / (t + 2) with t = expm1(-2|x|) below, x itself
//   below 2^-28 and ±1 from 22 on.
// test/kernels/scalar-math.test.ts holds both bit-equal to Node's Math.
//
// kernels/tanh.ts's tanhScalar is a different function (the network's tanh); this one keeps the
// bits that Math.tanh gave.

import { LN2_HI, LN2_LO } from './cody-waite.js';
import { fromWords, highWord, lowWord, withHighWord } from './float-words.js';

const O_THRESHOLD = 7.09782712893383973096e+02;
const INV_LN2 = 1.44269504088896338700e+00;
// Scaled coefficients of R(2z), z = x^2/2.
const Q1 = -3.33333333333331316428e-02;
const Q2 = 1.58730158725481460165e-03;
const Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06;
const Q5 = -2.01099218183624371326e-07;
const TWO1023 = 8.98846567431158e+307;

/** e^x - 1, bit-equal to fdlibm's. */
export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return negative ? -1 : x;
      }
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return -1;
  }
  let k: number;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 3 ln2/2
      if (!negative) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords((0x3ff00000 + (k << 20)) | 0, 0);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    let y = 1 - (e - x);
    y = k === 1024 ? y * 2 * TWO1023 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    const oneMinus = withHighWord(1, 0x3ff00000 - (0x200000 >> k)); // 1 - 2^-k
    return (oneMinus - (e - x)) * twopk;
  }
  const twomk = withHighWord(1, (0x3ff - k) << 20); // 2^-k
  return (x - (e + twomk) + 1) * twopk;
}

/** tanh(x), bit-equal to fdlibm's (and so to V8's Math.tanh). */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, or NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    if (ix >= 0x3ff00000) {
      z = 1 - 2 / (expm1(2 * Math.abs(x)) + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return jx >= 0 ? z : -z;
}
