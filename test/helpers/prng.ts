/**
 * A tiny seeded PRNG for tests (mulberry32), so that every test input is reproducible.
 * Never use Math.random in tests.
 */
export class Prng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 32-bit unsigned integer (mulberry32). */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal via Box-Muller (both variates are used). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** n standard normals, optionally scaled. */
  normals(n: number, scale = 1): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(scale * this.normal());
    return out;
  }

  /** n uniforms in [lo, hi). */
  uniforms(n: number, lo: number, hi: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.range(lo, hi));
    return out;
  }

  /** n values in [lo, hi) in absolute value, with random sign (keeps away from 0, e.g. for relu). */
  awayFromZero(n: number, lo: number, hi: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((this.uniform() < 0.5 ? -1 : 1) * this.range(lo, hi));
    return out;
  }

  /** n integers in [0, k). */
  ints(n: number, k: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.int(k));
    return out;
  }
}

export function prng(seed: number): Prng {
  return new Prng(seed);
}
