// The engine's own tanh, so results do not depend on the JavaScript engine's Math.tanh and are the
// same bits whichever implementation runs. test/kernels/kernels.test.ts holds it within 1 ulp of correctly
// rounded values and within 2 ulp of Math.tanh over the whole range.
//
// With a = |x| and the sign of x applied at the end:
//   a < 0.55:    a + a^3 P(a^2), P a degree-10 least-squares Chebyshev fit.
//   a < 19.1:    1 - 2/(e^(2a) + 1), e^(2a) = 2^k (1 + s) with s = expm1(r) from a degree-11
//                polynomial after Cody-Waite reduction r = 2a - k ln2. The rounding errors of e+1 and
//                of 1-q are recovered (Fast2Sum) so that only the quotient and the final sum round.
//   otherwise:   1 (the formula above already rounds to 1 there), and NaN for NaN.
//
// The TypeScript and WebAssembly (f64x2) versions perform the same IEEE operations in the same order.

import { LN2_HI, LN2_LO, LOG2E, ROUND_SHIFT } from './cody-waite.js';
import { runInPlace } from './in-place.js';
import { type Local, Simd, i64x2Bytes } from './wasm/emitter.js';
import { kernelModule } from './wasm/kernel-module.js';
import { constantLocal, groupLocals, groupLoop, inPlaceFunction, splatLocal, splatLocals } from './wasm/loops.js';
import { wasmAvailable } from './wasm/module.js';

/** From this many elements on, tanhInto uses WebAssembly (chosen with `bench/kernels.bench.ts crossover`). */
export const TANH_WASM_MIN_N = 8;

const SMALL = 0.55;
const SATURATION = 19.1;

// tanh(a) = a + a^3 (P0 + P1 a^2 + ... + P10 a^20) for 0 <= a < SMALL.
const P0 = -0.3333333333333333;
const P1 = 0.13333333333332714;
const P2 = -0.053968253967434016;
const P3 = 0.021869488493666944;
const P4 = -0.008863234397814355;
const P5 = 0.003592110378689024;
const P6 = -0.001455661830100716;
const P7 = 0.0005889360520074057;
const P8 = -0.0002346347410887237;
const P9 = 8.511313685577671e-05;
const P10 = -2.060276537636634e-05;
const P = [P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10];

// expm1(r) = r + r^2 (Q0 + Q1 r + ... + Q9 r^9) for |r| <= ln2 / 2.
const Q0 = 0.5000000000000001;
const Q1 = 0.16666666666666669;
const Q2 = 0.041666666666624164;
const Q3 = 0.008333333333330065;
const Q4 = 0.0013888888917197209;
const Q5 = 0.00019841269863040922;
const Q6 = 2.4801521321606647e-05;
const Q7 = 2.7557268479724004e-06;
const Q8 = 2.7620076242527254e-07;
const Q9 = 2.510037611136142e-08;
const Q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9];

// 2^k for the k reached below SATURATION (the WebAssembly version builds it from exponent bits).
const POW2 = new Float64Array(64);
for (let i = 0; i < POW2.length; i++) POW2[i] = 2 ** i;

/** tanh of one number; the scalar form of the kernels below. */
export function tanhScalar(x: number): number {
  const a = Math.abs(x);
  let result: number;
  if (a < SMALL) {
    if (a === 0) return x; // ±0: the sign is not recoverable from a below
    const z = a * a;
    const pz = P0 + z * (P1 + z * (P2 + z * (P3 + z * (P4 + z * (P5 + z * (P6 + z * (P7 + z * (P8 + z * (P9 + z * P10)))))))));
    result = a + a * (z * pz);
  } else if (a < SATURATION) {
    const y = a + a;
    const t = y * LOG2E + ROUND_SHIFT;
    const k = t - ROUND_SHIFT;
    const r = y - k * LN2_HI - k * LN2_LO;
    const s = r + r * r * (Q0 + r * (Q1 + r * (Q2 + r * (Q3 + r * (Q4 + r * (Q5 + r * (Q6 + r * (Q7 + r * (Q8 + r * Q9)))))))));
    // e + 1 = (2^k + 1) + 2^k s = d + dLow exactly; 2 / (d + dLow) ~= q - (q^2 / 2) dLow with q = 2 / d.
    const scale = POW2[k];
    const u = scale + 1;
    const v = scale * s;
    const d = u + v;
    const dLow = u - d + v;
    const q = 2 / d;
    const h = 1 - q;
    const hLow = 1 - h - q;
    result = h + (hLow + q * q * 0.5 * dLow);
  } else {
    result = a === a ? 1 : a;
  }
  return x < 0 ? -result : result;
}

/** out[i] = tanh(x[i]) for i < n, in TypeScript. `out` may be `x`. */
export function tanhReference(out: Float64Array, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = tanhScalar(x[i]);
}

/** out[i] = tanh(x[i]) for i < n with the faster implementation (same bits). `out` may be `x`. */
export function tanhInto(out: Float64Array, x: Float64Array, n: number): void {
  if (n >= TANH_WASM_MIN_N && wasmAvailable()) tanhWasm(out, x, n);
  else tanhReference(out, x, n);
}

/** f64x2 vectors per loop iteration: independent dependency chains the CPU overlaps (4 beat 2 and 8). */
const GROUP = 4;

export const tanhKernel = kernelModule('tanh', () => ({ tanh: tanhFunction() }));

/** out[i] = tanh(x[i]) for i < n in WebAssembly; requires {@link wasmAvailable}. `out` may be `x`. */
export function tanhWasm(out: Float64Array, x: Float64Array, n: number): void {
  runInPlace(tanhKernel, 'tanh', GROUP, out, x, n);
}

/** tanh(at, groups): in place on `groups` x GROUP f64x2 vectors from byte address `at`. */
function tanhFunction() {
  const f = inPlaceFunction('tanh');
  const AT = f.params.at;
  const add = Simd.f64x2Add, sub = Simd.f64x2Sub, mul = Simd.f64x2Mul;

  const { cSmall, cSaturation, cLog2e, cShift, cLn2Hi, cLn2Lo, cOne, cTwo, cHalf, cSign } = splatLocals(f, {
    cSmall: SMALL, cSaturation: SATURATION, cLog2e: LOG2E, cShift: ROUND_SHIFT, cLn2Hi: LN2_HI, cLn2Lo: LN2_LO,
    cOne: 1, cTwo: 2, cHalf: 0.5, cSign: -0,
  });
  const cBias = constantLocal(f, 'cBias', i64x2Bytes(1023));
  const cP = P.map((value, i) => splatLocal(f, `cP${i}`, value));
  const cQ = Q.map((value, i) => splatLocal(f, `cQ${i}`, value));

  const lanes = groupLocals(f, GROUP, ['x', 'a', 'z', 'small', 'y', 't', 'k', 'r', 's', 'scale', 'u', 'v', 'd', 'dLow', 'q', 'h', 'hLow', 'result']);
  type Lane = (typeof lanes)[number];
  // Emits one step for every vector of the group before the next step.
  const each = (step: (l: Lane) => void): void => lanes.forEach(step);
  const horner = (coefficients: Local<'v128'>[], variable: 'z' | 'r', target: 'result' | 's'): void => {
    each((l) => f.get(coefficients[coefficients.length - 1]).set(l[target]));
    for (let i = coefficients.length - 2; i >= 0; i--) {
      each((l) => f.get(l[target]).get(l[variable]).simd(mul).get(coefficients[i]).simd(add).set(l[target]));
    }
  };

  groupLoop(f, GROUP, () => {
    each((l) => f.get(AT).v128Load(l.offset).tee(l.x).simd(Simd.f64x2Abs).tee(l.a).get(cSmall).simd(Simd.f64x2Lt).set(l.small));

    // a < SMALL: a + a * (z * P(z)).
    each((l) => f.get(l.a).get(l.a).simd(mul).set(l.z));
    horner(cP, 'z', 'result');
    each((l) => f.get(l.a).get(l.a).get(l.z).get(l.result).simd(mul).simd(mul).simd(add).set(l.result));

    // Otherwise, on min(a, SATURATION), where the formula gives exactly 1. pmin(a, S) = S < a ? S : a
    // (a single instruction on x64) keeps a NaN a.
    each((l) => f.get(l.a).get(cSaturation).simd(Simd.f64x2Pmin).tee(l.y).get(l.y).simd(add).set(l.y));
    each((l) => f.get(l.y).get(cLog2e).simd(mul).get(cShift).simd(add).set(l.t));
    each((l) => f.get(l.t).get(cShift).simd(sub).set(l.k));
    each((l) => f.get(l.y).get(l.k).get(cLn2Hi).simd(mul).simd(sub).get(l.k).get(cLn2Lo).simd(mul).simd(sub).set(l.r));
    horner(cQ, 'r', 's');
    each((l) => f.get(l.r).get(l.r).get(l.r).simd(mul).get(l.s).simd(mul).simd(add).set(l.s));
    // 2^k: the low mantissa bits of t hold k; add the exponent bias and shift into the exponent field.
    each((l) => f.get(l.t).get(cBias).simd(Simd.i64x2Add).i32Const(52).simd(Simd.i64x2Shl).set(l.scale));
    each((l) => f.get(l.scale).get(cOne).simd(add).set(l.u));
    each((l) => f.get(l.scale).get(l.s).simd(mul).set(l.v));
    each((l) => f.get(l.u).get(l.v).simd(add).set(l.d));
    each((l) => f.get(l.u).get(l.d).simd(sub).get(l.v).simd(add).set(l.dLow));
    each((l) => f.get(cTwo).get(l.d).simd(Simd.f64x2Div).set(l.q));
    each((l) => f.get(cOne).get(l.q).simd(sub).set(l.h));
    each((l) => f.get(cOne).get(l.h).simd(sub).get(l.q).simd(sub).set(l.hLow));
    each((l) => f.get(l.h).get(l.hLow).get(l.q).get(l.q).simd(mul).get(cHalf).simd(mul).get(l.dLow).simd(mul).simd(add).simd(add).set(l.h));

    // Select per lane, then give the (non-negative) result the sign of x.
    each((l) => {
      f.get(AT).get(l.result).get(l.h).get(l.small).simd(Simd.v128Bitselect);
      f.get(l.x).get(cSign).simd(Simd.v128And).simd(Simd.v128Or).v128Store(l.offset);
    });
  });
  return f;
}
