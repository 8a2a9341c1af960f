// The engine's own exp and log, so results do not depend on the JavaScript engine's Math.exp and
// Math.log (browsers differ) and are the same bits whichever implementation runs.
//
// exp(x), on x clamped to [-746, 710] (exp already rounds to 0 and to Infinity at the ends; NaN stays):
//   Cody-Waite reduction x = k ln2 + r, |r| <= ln2/2, keeping the rounding error rLow of r; exp(r)
//   = (1 + r) + r^2 Q(r) with Q a degree-9 polynomial, and 1 + r split exactly into
//   u + uLow (Fast2Sum), so that only the final sum u + (uLow + ...) rounds noticeably. Then times
//   2^(k >> 1) and 2^(k - (k >> 1)): both factors are normal, so the first product is exact and a
//   subnormal or overflowing result rounds once.
// log(x), fdlibm's e_log.c with the last sums split more finely:
//   subnormal x is scaled by 2^54 first; x = 2^k z with z in [0.7071066, 1.4142132) taken from the
//   exponent and mantissa bits, f = z - 1 (exact), s = f / (2 + f), R(s^2) fdlibm's Lg1..Lg7
//   polynomial and log(1 + f) = f - hfsq + s (hfsq + R), hfsq = f^2 / 2. The large terms
//   k ln2_hi + f - hfsq are summed exactly (hfsq's high part from a 26-bit split of f is exact;
//   Fast2Sum twice) and the small terms are added to the low parts before the one final rounding.
//   log(±0) = -Infinity, log(x < 0) = NaN, log(Infinity) = Infinity, log(1) = +0.
// test/kernels/exp-log.test.ts holds both within 1 ulp of correctly rounded values (all but at most two
// of them exact) and within 2 ulp of Math.exp and Math.log over the whole range, and exp's
// subnormal results (which round twice) within 1 ulp of Math.exp.
//
// The TypeScript and WebAssembly (f64x2) versions perform the same IEEE operations in the same order
// (log's z, which is exact, comes from a multiplication in one and from the bits in the other).

import { LN2_HI, LN2_LO, LOG2E, ROUND_SHIFT } from './cody-waite.js';
import { LG1, LG2, LG3, LG4, LG5, LG6, LG7 } from './log-polynomial.js';
import { runInPlace } from './in-place.js';
import { Simd, f64Bytes, i64x2Bytes } from './wasm/emitter.js';
import { kernelModule } from './wasm/kernel-module.js';
import { constantLocal, groupLocals, groupLoop, inPlaceFunction, splatLocal, splatLocals } from './wasm/loops.js';
import { wasmAvailable } from './wasm/module.js';

/** From this many elements on, expInto uses WebAssembly (below, its fixed cost per call outweighs its speed). */
export const EXP_WASM_MIN_N = 8;
/** From this many elements on, logInto uses WebAssembly (TypeScript's log is faster than its exp). */
export const LOG_WASM_MIN_N = 16;

// Below EXP_LO exp rounds to 0, above EXP_HI to Infinity; clamping keeps k in [-1076, 1024].
const EXP_LO = -746;
const EXP_HI = 710;

// e^r = 1 + r + r^2 (Q0 + Q1 r + ... + Q9 r^9) for |r| <= ln2 / 2: a near-minimax fit of the error
// relative to e^r (Lawson's iteration, coefficients rounded one at a time and the rest refitted),
// closer to e^r at the ends of the interval than tanh.ts's coefficients.
const Q0 = 0.5000000000000011;
const Q1 = 0.16666666666666466;
const Q2 = 0.04166666666652881;
const Q3 = 0.008333333333470187;
const Q4 = 0.0013888888943697165;
const Q5 = 0.0001984126954630509;
const Q6 = 2.4801493174680674e-05;
const Q7 = 2.755755842706163e-06;
const Q8 = 2.763019341245279e-07;
const Q9 = 2.500723240962048e-08;
const Q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9];

// 2^j for j in [-1024, 1023]: the halves of k in exp, 2^-k in log (the WebAssembly versions build
// them from exponent bits). Filled by exact doublings and halvings, not by the engine's **.
const POW2_MIN = -1024;
const POW2 = new Float64Array(2048);
POW2[-POW2_MIN] = 1;
for (let i = -POW2_MIN + 1; i < POW2.length; i++) POW2[i] = POW2[i - 1] * 2;
for (let i = -POW2_MIN - 1; i >= 0; i--) POW2[i] = POW2[i + 1] * 0.5;

const MIN_NORMAL = 2.2250738585072014e-308; // 2^-1022
const TWO54 = 18014398509481984; // 2^54
const SPLIT = 50331648; // 1.5 * 2^25: for |f| < 0.5, f + SPLIT - SPLIT keeps f's bits down to 2^-27, 26 at most
// High word of the f64 bits of sqrt(2)/2 rounded down: x - OFFSET in the integer bits carries into the
// exponent field exactly when the mantissa of x reaches ~sqrt(2).
const OFFSET_HIGH = 0x3fe6a09e;

// The 32-bit halves of one double (typed arrays use the platform's byte order).
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/** e^x of one number; the scalar form of the kernels below. */
export function expScalar(x: number): number {
  if (x !== x) return x; // would index POW2 with NaN below
  const y = EXP_HI < x ? EXP_HI : x < EXP_LO ? EXP_LO : x;
  const t = y * LOG2E + ROUND_SHIFT;
  const k = t - ROUND_SHIFT;
  const hi = y - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const rLow = hi - r - lo;
  const c = r * r * (Q0 + r * (Q1 + r * (Q2 + r * (Q3 + r * (Q4 + r * (Q5 + r * (Q6 + r * (Q7 + r * (Q8 + r * Q9)))))))));
  const u = 1 + r;
  const uLow = 1 - u + r;
  const p = u + (uLow + (rLow * u + c));
  const half = k >> 1;
  return p * POW2[half - POW2_MIN] * POW2[k - half - POW2_MIN];
}

/** Natural logarithm of one number; the scalar form of the kernels below. */
export function logScalar(x: number): number {
  if (!(x > 0 && x < Infinity)) return x === 0 ? -Infinity : x < 0 ? NaN : x;
  let k = 0;
  if (x < MIN_NORMAL) {
    x = x * TWO54;
    k = -54;
  }
  word[0] = x;
  const shifted = (words[HIGH] - OFFSET_HIGH) | 0;
  const exponent = shifted >> 20;
  k += exponent;
  // Multiplying by 2^-exponent gives z exactly, as the WebAssembly's subtraction from the bits does;
  // writing the bits here would stall the CPU (a narrow store then a wide load of the same double).
  const f = x * POW2[-exponent - POW2_MIN] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const fHi = f + SPLIT - SPLIT;
  const fLo = f - fHi;
  const hfsqHi = 0.5 * fHi * fHi;
  const hfsqLo = 0.5 * fLo * (f + fHi);
  const hfsq = hfsqHi + hfsqLo;
  const a = k * LN2_HI;
  const sum = a + f;
  const sumLow = a - sum + f;
  const sum2 = sum - hfsqHi;
  const sum2Low = sum - sum2 - hfsqHi;
  return sum2 + (sumLow + sum2Low + (s * (hfsq + r) + k * LN2_LO - hfsqLo));
}

/** out[i] = e^x[i] for i < n, in TypeScript. `out` may be `x`. */
export function expReference(out: Float64Array, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = expScalar(x[i]);
}

/** out[i] = log(x[i]) for i < n, in TypeScript. `out` may be `x`. */
export function logReference(out: Float64Array, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = logScalar(x[i]);
}

/** out[i] = e^x[i] for i < n with the faster implementation (same bits). `out` may be `x`. */
export function expInto(out: Float64Array, x: Float64Array, n: number): void {
  if (n >= EXP_WASM_MIN_N && wasmAvailable()) expWasm(out, x, n);
  else expReference(out, x, n);
}

/** out[i] = log(x[i]) for i < n with the faster implementation (same bits). `out` may be `x`. */
export function logInto(out: Float64Array, x: Float64Array, n: number): void {
  if (n >= LOG_WASM_MIN_N && wasmAvailable()) logWasm(out, x, n);
  else logReference(out, x, n);
}

/**
 * f64x2 vectors per loop iteration: independent dependency chains the CPU overlaps. exp runs fastest
 * with 4 (over 2); log, with more values live at once, with 2 (4 spill, 1 leaves the CPU idle).
 * At most 4: arena buffers are padded to whole 8-double groups.
 */
const EXP_GROUP = 4;
const LOG_GROUP = 2;

/** exp(at, groups) and log(at, groups): in place on `groups` x EXP_GROUP or LOG_GROUP f64x2 vectors from byte address `at`. */
export const expLogKernel = kernelModule('exp-log', () => ({ exp: expFunction(), log: logFunction() }));

/** out[i] = e^x[i] for i < n in WebAssembly; requires {@link wasmAvailable}. `out` may be `x`. */
export function expWasm(out: Float64Array, x: Float64Array, n: number): void {
  runInPlace(expLogKernel, 'exp', EXP_GROUP, out, x, n);
}

/** out[i] = log(x[i]) for i < n in WebAssembly; requires {@link wasmAvailable}. `out` may be `x`. */
export function logWasm(out: Float64Array, x: Float64Array, n: number): void {
  runInPlace(expLogKernel, 'log', LOG_GROUP, out, x, n);
}

const add = Simd.f64x2Add, sub = Simd.f64x2Sub, mul = Simd.f64x2Mul;

function expFunction() {
  const f = inPlaceFunction('exp');
  const AT = f.params.at;
  const { cLo, cHi, cLog2e, cShift, cLn2Hi, cLn2Lo, cOne } = splatLocals(f, {
    cLo: EXP_LO, cHi: EXP_HI, cLog2e: LOG2E, cShift: ROUND_SHIFT, cLn2Hi: LN2_HI, cLn2Lo: LN2_LO, cOne: 1,
  });
  const cShiftBits = constantLocal(f, 'cShiftBits', f64Bytes(ROUND_SHIFT, ROUND_SHIFT)); // as i64x2: k = bits(t) - bits(ROUND_SHIFT)
  const cBias = constantLocal(f, 'cBias', i64x2Bytes(1023));
  const cQ = Q.map((value, i) => splatLocal(f, `cQ${i}`, value));

  const lanes = groupLocals(f, EXP_GROUP, ['y', 't', 'k', 'hi', 'lo', 'r', 'rLow', 'c', 'u', 'p', 'half', 'scale']);
  type Lane = (typeof lanes)[number];
  const each = (step: (l: Lane) => void): void => lanes.forEach(step);

  groupLoop(f, EXP_GROUP, () => {
    // pmin(x, HI) = HI < x ? HI : x and pmax(y, LO) = y < LO ? LO : y keep a NaN x, which then stays NaN.
    each((l) => f.get(AT).v128Load(l.offset).get(cHi).simd(Simd.f64x2Pmin).get(cLo).simd(Simd.f64x2Pmax).set(l.y));
    each((l) => f.get(l.y).get(cLog2e).simd(mul).get(cShift).simd(add).set(l.t));
    each((l) => f.get(l.t).get(cShift).simd(sub).set(l.k));
    each((l) => f.get(l.y).get(l.k).get(cLn2Hi).simd(mul).simd(sub).set(l.hi));
    each((l) => f.get(l.k).get(cLn2Lo).simd(mul).set(l.lo));
    each((l) => f.get(l.hi).get(l.lo).simd(sub).set(l.r));
    each((l) => f.get(l.hi).get(l.r).simd(sub).get(l.lo).simd(sub).set(l.rLow));
    each((l) => f.get(cQ[cQ.length - 1]).set(l.c));
    for (let i = cQ.length - 2; i >= 0; i--) each((l) => f.get(cQ[i]).get(l.r).get(l.c).simd(mul).simd(add).set(l.c));
    each((l) => f.get(l.r).get(l.r).simd(mul).get(l.c).simd(mul).set(l.c));
    each((l) => f.get(cOne).get(l.r).simd(add).set(l.u));
    // p = u + (uLow + (rLow u + c)) with uLow = 1 - u + r.
    each((l) => {
      f.get(l.u).get(cOne).get(l.u).simd(sub).get(l.r).simd(add);
      f.get(l.rLow).get(l.u).simd(mul).get(l.c).simd(add).simd(add).simd(add).set(l.p);
    });
    // k as an integer from the low mantissa bits of t, halved; each 2^j gets its biased exponent bits.
    each((l) => f.get(l.t).get(cShiftBits).simd(Simd.i64x2Sub).tee(l.k).i32Const(1).simd(Simd.i64x2ShrS).set(l.half));
    each((l) => f.get(l.half).get(cBias).simd(Simd.i64x2Add).i32Const(52).simd(Simd.i64x2Shl).set(l.scale));
    each((l) => f.get(l.k).get(l.half).simd(Simd.i64x2Sub).get(cBias).simd(Simd.i64x2Add).i32Const(52).simd(Simd.i64x2Shl).set(l.k));
    each((l) => f.get(AT).get(l.p).get(l.scale).simd(mul).get(l.k).simd(mul).v128Store(l.offset));
  });
  return f;
}

function logFunction() {
  const f = inPlaceFunction('log');
  const AT = f.params.at;
  const { cZero, cInf, cNegInf, cNaN, cMinNormal, cTwo54, cOne, cTwo, cHalf, cSplit, cLn2Hi, cLn2Lo, cShift } = splatLocals(f, {
    cZero: 0, cInf: Infinity, cNegInf: -Infinity, cNaN: NaN, cMinNormal: MIN_NORMAL, cTwo54: TWO54, cOne: 1, cTwo: 2, cHalf: 0.5,
    cSplit: SPLIT, cLn2Hi: LN2_HI, cLn2Lo: LN2_LO, cShift: ROUND_SHIFT,
  });
  const cShiftBits = constantLocal(f, 'cShiftBits', f64Bytes(ROUND_SHIFT, ROUND_SHIFT)); // as i64x2: k + bits(ROUND_SHIFT) is k + ROUND_SHIFT
  const cOffset = constantLocal(f, 'cOffset', i64x2Bytes(0, OFFSET_HIGH));
  const cExponent = constantLocal(f, 'cExponent', i64x2Bytes(0, 0xfff00000));
  const cMinus54 = constantLocal(f, 'cMinus54', i64x2Bytes(-54));
  const { cLg1, cLg2, cLg3, cLg4, cLg5, cLg6, cLg7 } = splatLocals(f, { cLg1: LG1, cLg2: LG2, cLg3: LG3, cLg4: LG4, cLg5: LG5, cLg6: LG6, cLg7: LG7 });

  const lanes = groupLocals(f, LOG_GROUP, ['x', 'subnormal', 'shifted', 'k', 'fr', 's', 'z', 'w', 'r', 'fHi', 'fLo', 'hfsqHi', 'hfsq', 'a', 'sum', 'sum2']);
  type Lane = (typeof lanes)[number];
  const each = (step: (l: Lane) => void): void => lanes.forEach(step);

  groupLoop(f, LOG_GROUP, () => {
    // Every lane computes the formula; lanes outside (0, Infinity) take their special value at the end,
    // chosen from the scaled x (scaling by 2^54 keeps the sign, zeros, Infinity and NaN).
    each((l) => f.get(AT).v128Load(l.offset).tee(l.x).get(cMinNormal).simd(Simd.f64x2Lt).set(l.subnormal));
    each((l) => f.get(l.x).get(cTwo54).simd(mul).get(l.x).get(l.subnormal).simd(Simd.v128Bitselect).set(l.x));
    each((l) => f.get(l.x).get(cOffset).simd(Simd.i64x2Sub).set(l.shifted));
    // k as a double: k + bits(ROUND_SHIFT) are the bits of ROUND_SHIFT + k.
    each((l) => {
      f.get(l.shifted).i32Const(52).simd(Simd.i64x2ShrS).get(l.subnormal).get(cMinus54).simd(Simd.v128And).simd(Simd.i64x2Add);
      f.get(cShiftBits).simd(Simd.i64x2Add).get(cShift).simd(sub).set(l.k);
    });
    // z = x 2^-exponent by subtracting the exponent from the bits (TypeScript multiplies: z is exact either way).
    each((l) => f.get(l.x).get(l.shifted).get(cExponent).simd(Simd.v128And).simd(Simd.i64x2Sub).get(cOne).simd(sub).set(l.fr));
    each((l) => f.get(l.fr).get(cTwo).get(l.fr).simd(add).simd(Simd.f64x2Div).set(l.s));
    each((l) => f.get(l.s).get(l.s).simd(mul).tee(l.z).get(l.z).simd(mul).set(l.w));
    each((l) => {
      f.get(l.z).get(cLg1).get(l.w).get(cLg3).get(l.w).get(cLg5).get(l.w).get(cLg7);
      f.simd(mul).simd(add).simd(mul).simd(add).simd(mul).simd(add).simd(mul);
      f.get(l.w).get(cLg2).get(l.w).get(cLg4).get(l.w).get(cLg6);
      f.simd(mul).simd(add).simd(mul).simd(add).simd(mul).simd(add).set(l.r);
    });
    each((l) => f.get(l.fr).get(cSplit).simd(add).get(cSplit).simd(sub).set(l.fHi));
    each((l) => f.get(l.fr).get(l.fHi).simd(sub).set(l.fLo));
    each((l) => f.get(cHalf).get(l.fHi).simd(mul).get(l.fHi).simd(mul).set(l.hfsqHi));
    // hfsqLo, kept in fLo.
    each((l) => f.get(cHalf).get(l.fLo).simd(mul).get(l.fr).get(l.fHi).simd(add).simd(mul).set(l.fLo));
    each((l) => f.get(l.hfsqHi).get(l.fLo).simd(add).set(l.hfsq));
    each((l) => f.get(l.k).get(cLn2Hi).simd(mul).set(l.a));
    each((l) => f.get(l.a).get(l.fr).simd(add).set(l.sum));
    each((l) => f.get(l.sum).get(l.hfsqHi).simd(sub).set(l.sum2));
    // sum2 + ((sumLow + sum2Low) + (s (hfsq + R) + k LN2_LO - hfsqLo)) with sumLow = a - sum + f and
    // sum2Low = sum - sum2 - hfsqHi.
    each((l) => {
      f.get(l.sum2).get(l.a).get(l.sum).simd(sub).get(l.fr).simd(add).get(l.sum).get(l.sum2).simd(sub).get(l.hfsqHi).simd(sub).simd(add);
      f.get(l.s).get(l.hfsq).get(l.r).simd(add).simd(mul).get(l.k).get(cLn2Lo).simd(mul).simd(add).get(l.fLo).simd(sub);
      f.simd(add).simd(add).set(l.sum2);
    });
    // Special values: log(±0) = -Infinity, log(x < 0) = NaN, and Infinity and NaN give themselves.
    each((l) => {
      f.get(AT).get(l.sum2);
      f.get(cNegInf).get(cNaN).get(l.x).get(l.x).get(cZero).simd(Simd.f64x2Lt).simd(Simd.v128Bitselect);
      f.get(l.x).get(cZero).simd(Simd.f64x2Eq).simd(Simd.v128Bitselect);
      f.get(l.x).get(cZero).simd(Simd.f64x2Gt).get(l.x).get(cInf).simd(Simd.f64x2Lt).simd(Simd.v128And);
      f.simd(Simd.v128Bitselect).v128Store(l.offset);
    });
  });
  return f;
}
