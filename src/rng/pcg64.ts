/**
 * numpy's PCG64 bit generator (128-bit LCG, XSL-RR 64-bit output) and the `Generator` draws the
 * library needs, bit-exact with `np.random.default_rng(seed)` for random/uniform/integers.
 *
 * The 128-bit state is held as eight 16-bit limbs in plain (small-integer) number fields and
 * advanced with int32 arithmetic only: no BigInt on the sampling paths.
 */
import { log } from '../kernels/fdlibm-log.js';
import { cos } from '../kernels/trig.js';
import type { Rng } from './rng.js';
import { SeedSequence, type Entropy } from './seed-sequence.js';

/** JSON-able PCG64 state, the camelCase shape of numpy's `bit_generator.state` dict. */
export interface PCG64State {
  bitGenerator: 'PCG64';
  /** 128-bit LCG state and increment as hex strings ("0x..."). */
  state: { state: string; inc: string };
  /** 1 when the upper half of the last 64-bit output is buffered for `nextUint32`. */
  hasUint32: 0 | 1;
  uinteger: number;
}

// Multiplier 0x2360ED051FC65DA44385DF649FCCF645 as 16-bit limbs, least significant first.
const M0 = 0xf645, M1 = 0x9fcc, M2 = 0xdf64, M3 = 0x4385;
const M4 = 0x5da4, M5 = 0x1fc6, M6 = 0xed05, M7 = 0x2360;
const INV16 = 1 / 0x1_0000;
const TWO_M32 = 2 ** -32;
const TWO_M53 = 2 ** -53;
const TWO_PI = 2 * Math.PI;

type Limbs = [number, number, number, number, number, number, number, number];

/** Limbs of hi64·2^64 + lo64 from four uint32 words (most significant first). */
function limbsOf(w3: number, w2: number, w1: number, w0: number): Limbs {
  return [w0 & 0xffff, w0 >>> 16, w1 & 0xffff, w1 >>> 16, w2 & 0xffff, w2 >>> 16, w3 & 0xffff, w3 >>> 16];
}

function limbsToHex(l: Limbs): string {
  let s = '';
  for (let i = 7; i >= 0; i--) s += l[i].toString(16).padStart(4, '0');
  return '0x' + s;
}

function hexToLimbs(hex: string | undefined, field: string): Limbs {
  const digits = typeof hex === 'string' && /^0[xX]/.test(hex) ? hex.slice(2) : '';
  if (!/^[0-9a-fA-F]{1,32}$/.test(digits)) {
    throw new Error(`PCG64.setState: ${field} must be a hex string "0x..." of at most 32 digits, got ${JSON.stringify(hex)}`);
  }
  const d = digits.padStart(32, '0');
  const l = [0, 0, 0, 0, 0, 0, 0, 0] as Limbs;
  for (let i = 0; i < 8; i++) l[7 - i] = parseInt(d.slice(4 * i, 4 * i + 4), 16);
  return l;
}

export class PCG64 implements Rng {
  /** The seed sequence this stream came from; `spawn` derives children from it. */
  readonly seedSequence: SeedSequence;
  // LCG state and increment limbs, least significant first.
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0;
  private s4 = 0; private s5 = 0; private s6 = 0; private s7 = 0;
  private i0 = 0; private i1 = 0; private i2 = 0; private i3 = 0;
  private i4 = 0; private i5 = 0; private i6 = 0; private i7 = 0;
  private hasUint32: 0 | 1 = 0;
  // Buffered and last-output words are kept as int32 bit patterns (read back with >>> 0):
  // uint32 values above 2^31 would not fit V8's small-integer fields and get boxed.
  private uinteger = 0;
  private hi = 0;
  private lo = 0;

  /** Same stream as `np.random.default_rng(seed)` / `PCG64(SeedSequence(seed))`. */
  constructor(seed: Entropy | SeedSequence) {
    this.seedSequence = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const w = this.seedSequence.generateState(4);
    // numpy: initstate = w0·2^64 + w1, initseq = w2·2^64 + w3 (each w = lo + hi·2^32).
    const initstate = limbsOf(w[1], w[0], w[3], w[2]);
    const initseq = limbsOf(w[5], w[4], w[7], w[6]);
    // pcg_setseq_128_srandom_r: inc = initseq<<1 | 1; state = 0; step; state += initstate; step.
    let carry = 1;
    const inc = [0, 0, 0, 0, 0, 0, 0, 0] as Limbs;
    for (let k = 0; k < 8; k++) {
      const v = initseq[k] * 2 + carry;
      inc[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.setLimbs([0, 0, 0, 0, 0, 0, 0, 0], inc);
    this.next();
    const state = this.limbs('s');
    carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = state[k] + initstate[k] + carry;
      state[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.setLimbs(state, inc);
    this.next();
  }

  /** Advances the LCG one step and stores the XSL-RR output in `hi`/`lo`. */
  private next(): void {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const s4 = this.s4, s5 = this.s5, s6 = this.s6, s7 = this.s7;
    // state = state·M + inc (mod 2^128), schoolbook on 16-bit limbs kept in int32 registers:
    // each limb product p < 2^32 is split, its low half added to this column (c) and its high
    // half to the next (h). Integer-only code runs faster in V8 than exact double sums.
    let p = s0 * M0;
    let c = (p & 0xffff) + this.i0;
    let h = p >>> 16;
    const n0 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M1; c += p & 0xffff; h = p >>> 16;
    p = s1 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i1;
    const n1 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M2; c += p & 0xffff; h = p >>> 16;
    p = s1 * M1; c += p & 0xffff; h += p >>> 16;
    p = s2 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i2;
    const n2 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M3; c += p & 0xffff; h = p >>> 16;
    p = s1 * M2; c += p & 0xffff; h += p >>> 16;
    p = s2 * M1; c += p & 0xffff; h += p >>> 16;
    p = s3 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i3;
    const n3 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M4; c += p & 0xffff; h = p >>> 16;
    p = s1 * M3; c += p & 0xffff; h += p >>> 16;
    p = s2 * M2; c += p & 0xffff; h += p >>> 16;
    p = s3 * M1; c += p & 0xffff; h += p >>> 16;
    p = s4 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i4;
    const n4 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M5; c += p & 0xffff; h = p >>> 16;
    p = s1 * M4; c += p & 0xffff; h += p >>> 16;
    p = s2 * M3; c += p & 0xffff; h += p >>> 16;
    p = s3 * M2; c += p & 0xffff; h += p >>> 16;
    p = s4 * M1; c += p & 0xffff; h += p >>> 16;
    p = s5 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i5;
    const n5 = c & 0xffff;
    c = (c >>> 16) + h;
    p = s0 * M6; c += p & 0xffff; h = p >>> 16;
    p = s1 * M5; c += p & 0xffff; h += p >>> 16;
    p = s2 * M4; c += p & 0xffff; h += p >>> 16;
    p = s3 * M3; c += p & 0xffff; h += p >>> 16;
    p = s4 * M2; c += p & 0xffff; h += p >>> 16;
    p = s5 * M1; c += p & 0xffff; h += p >>> 16;
    p = s6 * M0; c += p & 0xffff; h += p >>> 16;
    c += this.i6;
    const n6 = c & 0xffff;
    c = (c >>> 16) + h;
    // Top column: only its low 16 bits survive mod 2^128, so wrapping products suffice.
    c += Math.imul(s0, M7) + Math.imul(s1, M6) + Math.imul(s2, M5) + Math.imul(s3, M4) +
      Math.imul(s4, M3) + Math.imul(s5, M2) + Math.imul(s6, M1) + Math.imul(s7, M0) + this.i7;
    const n7 = c & 0xffff;
    this.s0 = n0; this.s1 = n1; this.s2 = n2; this.s3 = n3;
    this.s4 = n4; this.s5 = n5; this.s6 = n6; this.s7 = n7;
    // XSL-RR: rotr64(hi64 ^ lo64, state >> 122).
    let hi = ((n7 << 16) | n6) ^ ((n3 << 16) | n2);
    let lo = ((n5 << 16) | n4) ^ ((n1 << 16) | n0);
    let rot = n7 >>> 10;
    if (rot >= 32) {
      const t = hi; hi = lo; lo = t;
      rot -= 32;
    }
    if (rot !== 0) {
      const h = (hi >>> rot) | (lo << (32 - rot));
      lo = (lo >>> rot) | (hi << (32 - rot));
      hi = h;
    }
    this.hi = hi;
    this.lo = lo;
  }

  private limbs(which: 's' | 'i'): Limbs {
    return which === 's'
      ? [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7]
      : [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7];
  }

  private setLimbs(s: Limbs, i: Limbs): void {
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = s;
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = i;
  }

  /** Next raw 64-bit output (numpy's `random_raw`). Allocates a BigInt: for tests, not hot loops. */
  nextUint64(): bigint {
    this.next();
    return (BigInt(this.hi >>> 0) << 32n) | BigInt(this.lo >>> 0);
  }

  /** numpy's buffered next32: low half of a fresh 64-bit output, then its saved high half. */
  nextUint32(): number {
    if (this.hasUint32 === 1) {
      this.hasUint32 = 0;
      return this.uinteger >>> 0;
    }
    this.next();
    this.hasUint32 = 1;
    this.uinteger = this.hi;
    return this.lo >>> 0;
  }

  /** (next64 >> 11)·2^-53, exactly numpy's `random()`. Does not touch the 32-bit buffer. */
  random(): number {
    this.next();
    return (this.hi >>> 0) * TWO_M32 + (this.lo >>> 11) * TWO_M53;
  }

  /** numpy's `uniform(lo, hi)`: lo + (hi - lo)·random(). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.random();
  }

  /**
   * numpy's `integers(lo, hi)` (int64, hi exclusive): Lemire's bounded draw, on the buffered
   * 32-bit stream when hi - lo - 1 fits in 32 bits (64-bit outputs otherwise). lo and hi must be
   * safe integers with lo < hi.
   */
  integers(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo >= hi) {
      throw new Error(`PCG64.integers: need safe integers lo < hi, got lo=${lo}, hi=${hi}`);
    }
    const rng = hi - lo - 1;
    if (rng === 0) return lo;
    if (rng > 0xffffffff) return this.integers64(lo, hi);
    if (rng === 0xffffffff) return lo + this.nextUint32();
    const excl = rng + 1;
    let x = this.nextUint32();
    let leftover = Math.imul(x, excl) >>> 0;
    if (leftover < excl) {
      const threshold = (0xffffffff - rng) % excl;
      while (leftover < threshold) {
        x = this.nextUint32();
        leftover = Math.imul(x, excl) >>> 0;
      }
    }
    // High word of the 64-bit product x·excl, split so every partial product is exact.
    const a = (x & 0xffff) * excl;
    const b = (x >>> 16) * excl;
    const b0 = b % 0x1_0000;
    return lo + (b - b0) * INV16 + Math.floor((b0 * 0x1_0000 + a) * TWO_M32);
  }

  /** 64-bit Lemire (numpy's bounded_lemire_uint64) for ranges above 2^32; rare, so BigInt. */
  private integers64(lo: number, hi: number): number {
    const excl = BigInt(hi) - BigInt(lo);
    const mask = (1n << 64n) - 1n;
    let m = this.nextUint64() * excl;
    if ((m & mask) < excl) {
      const threshold = (mask - (excl - 1n)) % excl;
      while ((m & mask) < threshold) m = this.nextUint64() * excl;
    }
    return Number(BigInt(lo) + (m >> 64n));
  }

  /**
   * Gaussian by Box-Muller from two `random()` draws (the sine twin is discarded so no hidden
   * state escapes `getState`). Not numpy's ziggurat: same distribution, different stream.
   */
  normal(mean = 0, std = 1): number {
    if (!(std >= 0)) throw new Error(`PCG64.normal: std must be >= 0, got ${std}`);
    const u1 = 1 - this.random(); // in (0, 1], keeps log finite
    const u2 = this.random();
    return mean + std * Math.sqrt(-2 * log(u1)) * cos(TWO_PI * u2);
  }

  /** Snapshot that `setState` restores exactly (including the buffered 32-bit half). */
  getState(): PCG64State {
    return {
      bitGenerator: 'PCG64',
      state: { state: limbsToHex(this.limbs('s')), inc: limbsToHex(this.limbs('i')) },
      hasUint32: this.hasUint32,
      uinteger: this.uinteger >>> 0,
    };
  }

  /** Restores a state `getState` returned, exactly; throws naming the field if it is malformed. */
  setState(st: PCG64State): void {
    if (st?.bitGenerator !== 'PCG64') {
      throw new Error(`PCG64.setState: bitGenerator must be "PCG64", got ${JSON.stringify(st?.bitGenerator)}`);
    }
    if (st.hasUint32 !== 0 && st.hasUint32 !== 1) {
      throw new Error(`PCG64.setState: hasUint32 must be 0 or 1, got ${st.hasUint32}`);
    }
    if (!Number.isInteger(st.uinteger) || st.uinteger < 0 || st.uinteger > 0xffffffff) {
      throw new Error(`PCG64.setState: uinteger must be a uint32, got ${st.uinteger}`);
    }
    const s = hexToLimbs(st.state?.state, 'state.state');
    const inc = hexToLimbs(st.state?.inc, 'state.inc');
    if ((inc[0] & 1) === 0) throw new Error(`PCG64.setState: state.inc must be odd, got ${st.state.inc}`);
    this.setLimbs(s, inc);
    this.hasUint32 = st.hasUint32;
    this.uinteger = st.uinteger | 0;
  }

  /** n independent child streams, as numpy's `bit_generator.spawn(n)` (SeedSequence spawn keys). */
  spawn(n: number): PCG64[] {
    return this.seedSequence.spawn(n).map((ss) => new PCG64(ss));
  }
}
