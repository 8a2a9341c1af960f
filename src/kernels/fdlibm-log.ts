// The natural logarithm as fdlibm's e_log.c computes it, operation for operation in the form V8
// carries in src/base/ieee754.cc, so it gives the same bits as Node's Math.log whatever engine runs
// it. x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)); s = f / (2 + f) and
// log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)), R a degree-14 polynomial in s; k ln2 is added in a
// high and a low part. test/kernels/scalar-math.test.ts holds it bit-equal to Node's Math.log.
//
// kernels/exp-log.ts's logScalar is a different function (the network's log, with extra-precise
// final sums); this one keeps the bits that Math.log gave.

import { LN2_HI, LN2_LO } from './cody-waite.js';
import { highWord, lowWord, withHighWord } from './float-words.js';
import { LG1, LG2, LG3, LG4, LG5, LG6, LG7 } from './log-polynomial.js';

const TWO54 = 1.80143985094819840000e+16;

/** log(x), bit-equal to fdlibm's (and so to V8's Math.log). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // x or x/2, into [sqrt(2)/2, sqrt(2))
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
}
