// The engine's own sin, cos and atan2, so results do not depend on the JavaScript engine's
// Math.sin, Math.cos and Math.atan2 (engines round them differently). They are fdlibm's
// algorithms operation for operation (s_sin.c, s_cos.c, k_sin.c, k_cos.c, e_rem_pio2.c,
// k_rem_pio2.c, s_atan.c, e_atan2.c, in the form V8 carries in src/base/ieee754.cc), so they give
// the same bits as Node's Math functions, and earlier runs keep their numbers.
//
// sin and cos reduce x to y0 + y1 in [-pi/4, pi/4] and a quadrant n: directly below 3pi/4, by
// pi/2 split into 33-bit pieces up to 2^19 pi/2 (up to three rounds when the first cancels), and
// beyond that by Payne-Hanek with 2/pi to 1584 bits (k_rem_pio2.c, 24-bit chunks in doubles).
// Polynomials of degree 13 (sin) and 14 (cos) then evaluate the kernel with y1 as a correction.
// atan reduces |x| to one of five intervals around 0, 1/2, 1, 3/2 and infinity and evaluates an
// odd polynomial of degree 23; atan2 is atan(|y/x|) placed in its quadrant with pi's low part.
// test/kernels/trig.test.ts holds them within 1 ulp of 50-digit references and bit-equal to Node's Math.

import { fromWords, highWord, lowWord } from './float-words.js';

/** x 2^n for the n k_rem_pio2 needs (|n| stays far inside the normal range, so the product is exact). */
function scalbn(x: number, n: number): number {
  return x * fromWords((n + 1023) << 20, 0);
}

// 2/pi in 24-bit chunks: chunk i is bits 24i+1 .. 24i+24 after the binary point.
const TWO_OVER_PI = Int32Array.of(
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7,
  0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c,
  0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11,
  0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7,
  0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e,
  0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
);

// High words of n pi/2 for n = 1..32: a reduction of x near one of them may cancel.
const NPIO2_HIGH = Int32Array.of(
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a,
  0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a,
  0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac,
  0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
);

const TWO24 = 16777216;
const TWON24 = 5.9604644775390625e-8;
const INVPIO2 = 6.36619772367581382433e-1; // 53 bits of 2/pi
// pi/2 = PIO2_1 + PIO2_2 + PIO2_3 + PIO2_3T, each of the first three with 33 significant bits;
// PIO2_iT = pi/2 - (PIO2_1 + ... + PIO2_i).
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;

// pi/2 in 24-bit chunks, as doubles.
const PIO2_CHUNKS = Float64Array.of(
  1.57079625129699707031, 7.54978941586159635335e-8, 5.39030252995776476554e-15, 3.28200341580791294123e-22,
  1.27065575308067607349e-29, 1.22933308981111328932e-36, 2.73370053816464559624e-44, 2.16741683877804819444e-51,
);

// The reduced argument y0 + y1, written by remPio2.
const reduced = new Float64Array(2);

// k_rem_pio2's working arrays, reused across calls (nothing is read before it is written).
const chunksX = new Float64Array(3);
const fChunks = new Float64Array(20);
const qChunks = new Float64Array(20);
const fq = new Float64Array(20);
const iq = new Int32Array(20);

/**
 * x - N pi/2 into reduced[0] + reduced[1] for x split into nx 24-bit chunks x[i] 2^(e0 - 24 i),
 * returning N mod 8 (fdlibm k_rem_pio2.c with prec = 2, as e_rem_pio2.c calls it: jk = 4).
 */
function kernelRemPio2(x: Float64Array, e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) fChunks[i] = j < 0 ? 0 : TWO_OVER_PI[j];
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let k = 0; k <= jx; k++) fw += x[k] * fChunks[jx + i - k];
    qChunks[i] = fw;
  }

  let jz = jk;
  let n: number;
  let ih: number;
  let z: number;
  for (;;) {
    // Distill q[] into 24-bit integers iq[], most significant last.
    z = qChunks[jz];
    for (let i = 0, k = jz; k > 0; i++, k--) {
      const fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = qChunks[k - 1] + fw;
    }

    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125); // integers of 8 and more are multiples of 2 pi
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      const i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    let carry = 0;
    if (ih > 0) {
      // The fraction is at least 1/2: take 1 - fraction and one more quadrant.
      n += 1;
      for (let i = 0; i < jz; i++) {
        const v = iq[i];
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - v;
          }
        } else {
          iq[i] = 0xffffff - v;
        }
      }
      if (q0 === 1) iq[jz - 1] &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // A fraction that cancelled to zero needs more chunks of 2/pi.
    if (z !== 0) break;
    let bits = 0;
    for (let i = jz - 1; i >= jk; i--) bits |= iq[i];
    if (bits !== 0) break;
    let k = 1;
    while (k <= jk && iq[jk - k] === 0) k++;
    for (let i = jz + 1; i <= jz + k; i++) {
      fChunks[jx + i] = TWO_OVER_PI[jv + i];
      let fw = 0;
      for (let l = 0; l <= jx; l++) fw += x[l] * fChunks[jx + i - l];
      qChunks[i] = fw;
    }
    jz += k;
  }

  // Chop off zero chunks, or split the last fraction into 24-bit chunks.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    qChunks[i] = fw * iq[i];
    fw *= TWON24;
  }
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2_CHUNKS[k] * qChunks[i + k];
    fq[jz - i] = fw;
  }

  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i];
  reduced[0] = ih === 0 ? fw : -fw;
  fw = fq[0] - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i];
  reduced[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

/** x - N pi/2 into reduced[0] + reduced[1] for finite |x| > pi/4, returning N (e_rem_pio2.c). */
function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: N = ±1.
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        reduced[0] = z - PIO2_1T;
        reduced[1] = z - reduced[0] - PIO2_1T;
      } else {
        // Near pi/2: 33 + 33 + 53 bits of pi/2.
        z -= PIO2_2;
        reduced[0] = z - PIO2_2T;
        reduced[1] = z - reduced[0] - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      reduced[0] = z + PIO2_1T;
      reduced[1] = z - reduced[0] + PIO2_1T;
    } else {
      z += PIO2_2;
      reduced[0] = z + PIO2_2T;
      reduced[1] = z - reduced[0] + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| <= 2^19 pi/2: N pi/2 subtracted in 33-bit pieces, more of them when the result cancels.
    const t0 = Math.abs(x);
    const n = (t0 * INVPIO2 + 0.5) | 0;
    const fn = n;
    let r = t0 - fn * PIO2_1;
    let w = fn * PIO2_1T;
    if (n < 32 && ix !== NPIO2_HIGH[n - 1]) {
      reduced[0] = r - w;
    } else {
      const j = ix >> 20;
      reduced[0] = r - w;
      let i = j - ((highWord(reduced[0]) >> 20) & 0x7ff);
      if (i > 16) {
        let t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - (t - r - w);
        reduced[0] = r - w;
        i = j - ((highWord(reduced[0]) >> 20) & 0x7ff);
        if (i > 49) {
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - (t - r - w);
          reduced[0] = r - w;
        }
      }
    }
    reduced[1] = r - reduced[0] - w;
    if (hx < 0) {
      reduced[0] = -reduced[0];
      reduced[1] = -reduced[1];
      return -n;
    }
    return n;
  }
  // Larger: |x| = z 2^e0 with z in [2^23, 2^24), cut into three 24-bit chunks.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    chunksX[i] = z | 0;
    z = (z - chunksX[i]) * TWO24;
  }
  chunksX[2] = z;
  let nx = 3;
  while (chunksX[nx - 1] === 0) nx--;
  const n = kernelRemPio2(chunksX, e0, nx);
  if (hx < 0) {
    reduced[0] = -reduced[0];
    reduced[1] = -reduced[1];
    return -n;
  }
  return n;
}

// sin(x) ~ x + S1 x^3 + ... + S6 x^13 on [-pi/4, pi/4].
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x| <= pi/4, y the tail of x (0 when x is exact) (k_sin.c). */
function kernelSin(x: number, y: number, hasTail: boolean): number {
  if ((highWord(x) & 0x7fffffff) < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!hasTail) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

// cos(x) ~ 1 - x^2/2 + C1 x^4 + ... + C6 x^14 on [-pi/4, pi/4].
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x| <= pi/4, y the tail of x (k_cos.c). */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 - qx and x^2/2 - qx are exact, with qx about |x|/4 (0.28125 above 0.78125).
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** sin(x), bit-equal to fdlibm's. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, false); // |x| <= pi/4
  if (ix >= 0x7ff00000) return NaN; // ±Infinity, NaN
  const n = remPio2(x);
  const y0 = reduced[0], y1 = reduced[1];
  switch (n & 3) {
    case 0: return kernelSin(y0, y1, true);
    case 1: return kernelCos(y0, y1);
    case 2: return -kernelSin(y0, y1, true);
    default: return -kernelCos(y0, y1);
  }
}

/** cos(x), bit-equal to fdlibm's. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x);
  const y0 = reduced[0], y1 = reduced[1];
  switch (n & 3) {
    case 0: return kernelCos(y0, y1);
    case 1: return -kernelSin(y0, y1, true);
    case 2: return -kernelCos(y0, y1);
    default: return kernelSin(y0, y1, true);
  }
}

// atan(x) = atan(c) + atan((x - c) / (1 + c x)) for c = 1/2, 1, 3/2, and pi/2 - atan(1/x) beyond
// 39/16: ATAN_HI[i] + ATAN_LO[i] is atan(c) to more than double precision.
const ATAN_HI = Float64Array.of(4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1, 1.57079632679489655800);
const ATAN_LO = Float64Array.of(2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17);
// atan(x) ~ x - x (AT0 x^2 + AT1 x^4 + ... + AT10 x^22), split into odd and even powers of x^2.
const AT0 = 3.33333333333329318027e-1;
const AT1 = -1.99999999998764832476e-1;
const AT2 = 1.42857142725034663711e-1;
const AT3 = -1.11111104054623557880e-1;
const AT4 = 9.09088713343650656196e-2;
const AT5 = -7.69187620504482999495e-2;
const AT6 = 6.66107313738753120669e-2;
const AT7 = -5.83357013379057348645e-2;
const AT8 = 4.97687799461593236017e-2;
const AT9 = -3.65315727442169155270e-2;
const AT10 = 1.62858201153657823623e-2;

/** atan(x), bit-equal to fdlibm's. */
export function atan(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66: ±pi/2, or NaN.
    if (x !== x) return x;
    return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    // |x| < 7/16
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) {
        id = 0; // 7/16 <= |x| < 11/16
        x = (2 * x - 1) / (2 + x);
      } else {
        id = 1; // 11/16 <= |x| < 19/16
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      id = 2; // 19/16 <= |x| < 39/16
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      id = 3;
      x = -1 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  if (id < 0) return x - x * (s1 + s2);
  const r = ATAN_HI[id] - (x * (s1 + s2) - ATAN_LO[id] - x);
  return hx < 0 ? -r : r;
}

const PI = 3.1415926535897931160;
const PI_LO = 1.2246467991473531772e-16; // pi - PI
const PI_O_2 = 1.5707963267948965580;
const PI_O_4 = 7.8539816339744827900e-1;

/** The angle of (x, y) in [-pi, pi], bit-equal to fdlibm's atan2(y, x). */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return x + y;
  const hx = highWord(x), lx = lowWord(x);
  const hy = highWord(y), ly = lowWord(y);
  const ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if (((hx - 0x3ff00000) | lx) === 0) return atan(y); // x = 1
  let m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2); // 2 sign(x) + sign(y)

  if ((iy | ly) === 0) {
    // y = ±0
    if (m < 2) return y;
    return m === 2 ? PI : -PI;
  }
  if ((ix | lx) === 0) return hy < 0 ? -PI_O_2 : PI_O_2; // x = ±0
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      switch (m) {
        case 0: return PI_O_4;
        case 1: return -PI_O_4;
        case 2: return 3 * PI_O_4;
        default: return -3 * PI_O_4;
      }
    }
    switch (m) {
      case 0: return 0;
      case 1: return -0;
      case 2: return PI;
      default: return -PI;
    }
  }
  if (iy === 0x7ff00000) return hy < 0 ? -PI_O_2 : PI_O_2;

  const k = (iy - ix) >> 20;
  let z: number;
  if (k > 60) {
    // |y/x| > 2^60
    z = PI_O_2 + 0.5 * PI_LO;
    m &= 1;
  } else if (hx < 0 && k < -60) {
    z = 0; // 0 > |y|/x > -2^-60
  } else {
    z = atan(Math.abs(y / x));
  }
  switch (m) {
    case 0: return z;
    case 1: return -z;
    case 2: return PI - (z - PI_LO);
    default: return z - PI_LO - PI;
  }
}
