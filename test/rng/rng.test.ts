import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PCG64, SeedSequence, type PCG64State } from '../../src/rng/index.js';

interface Vector {
  seed: number;
  seedseq_generate_state_u64: string[];
  pcg64_first_raw_u64: string[];
  first_doubles: number[];
  integers_m9999_9999_x3: number[];
  uniform_m1_1_after_those_ints: number;
}

// Missing reference data must fail the suite, not skip it.
const refUrl = new URL('../data/reference/numpy-rng.json', import.meta.url);
const vectors: Vector[] = JSON.parse(readFileSync(refUrl, 'utf8')).vectors;

const hex = (x: bigint): string => '0x' + x.toString(16);
/** uint64 words of generateState as hex, pairing (lo, hi) little-endian. */
const words64 = (w: Uint32Array): string[] =>
  Array.from({ length: w.length / 2 }, (_, i) => hex((BigInt(w[2 * i + 1]) << 32n) | BigInt(w[2 * i])));

describe('numpy-rng.json vectors', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(vectors.map((v) => [v.seed, v] as const))('seed %s', (seed, v) => {
    it('SeedSequence.generate_state words', () => {
      expect(words64(new SeedSequence(seed).generateState(4))).toEqual(v.seedseq_generate_state_u64);
      expect(words64(new SeedSequence(BigInt(seed)).generateState(4))).toEqual(v.seedseq_generate_state_u64);
    });

    it('first raw uint64 outputs', () => {
      const g = new PCG64(seed);
      expect(v.pcg64_first_raw_u64.map(() => hex(g.nextUint64()))).toEqual(v.pcg64_first_raw_u64);
    });

    it('first random() doubles', () => {
      const g = new PCG64(seed);
      expect(v.first_doubles.map(() => g.random())).toEqual(v.first_doubles);
    });

    it('integers(-9999, 9999) x3 then uniform(-1, 1), from a fresh generator', () => {
      const g = new PCG64(seed);
      expect([0, 1, 2].map(() => g.integers(-9999, 9999))).toEqual(v.integers_m9999_9999_x3);
      expect(g.uniform(-1, 1)).toBe(v.uniform_m1_1_after_those_ints);
    });

    it('nextUint32 buffers the high half; nextUint64 leaves the buffer alone', () => {
      const raw = v.pcg64_first_raw_u64.map((h) => BigInt(h));
      const lo = (x: bigint) => Number(x & 0xffffffffn);
      const hi = (x: bigint) => Number(x >> 32n);
      const g = new PCG64(seed);
      expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([lo(raw[0]), hi(raw[0]), lo(raw[1])]);
      expect(g.nextUint64()).toBe(raw[2]);
      expect(g.nextUint32()).toBe(hi(raw[1]));
    });
  });
});

// Values below were recorded with numpy 2.4.6 (np.random.SeedSequence / default_rng).
describe('further numpy parity', () => {
  it('entropy beyond 64 bits, sequence entropy and multi-word spawn keys', () => {
    expect(words64(new SeedSequence(2n ** 70n + 5n).generateState(2))).toEqual(['0xa14346bef71fe56', '0x6c60906e9c13de68']);
    expect(words64(new SeedSequence([1, 2, 3, 4, 5, 6]).generateState(2))).toEqual(['0xebcd001d1d1bca21', '0xcfea83a4b202608b']);
    expect(words64(new SeedSequence(7, { spawnKey: [3, 2 ** 40] }).generateState(2))).toEqual([
      '0x5fe6998ad2d5a005',
      '0x43ec3931be582950',
    ]);
  });

  it('spawn matches SeedSequence.spawn, continues numbering and nests', () => {
    const root = new SeedSequence(0);
    const [c0] = root.spawn(1);
    const [c1] = root.spawn(1);
    expect(c1.spawnKey).toEqual([1]);
    expect(words64(c1.generateState(4))).toEqual(['0x43bfff7a2820a7af', '0xc28cba32643645e9', '0xfbc1be8429bf6610', '0xcc5330b50571ea8']);
    expect(words64(c0.spawn(1)[0].generateState(2))).toEqual(['0x2491a895f3b20e04', '0x76dec394c2bff7ff']);
    expect(new PCG64(0).spawn(2).map((g) => hex(g.nextUint64()))).toEqual(['0xf1645affcd5f76ee', '0xad5cc5f1a97c42b5']);
  });

  it('integers over full-32-bit, 64-bit and empty ranges, and the resulting state', () => {
    const g = new PCG64(5);
    expect([g.integers(0, 2 ** 32), g.integers(0, 2 ** 40), g.integers(-(2 ** 52), 2 ** 52), g.integers(3, 4), g.integers(0, 1000)]).toEqual([
      2881021352, 888340292869, 138040381997269, 3, 805,
    ]);
    expect(g.getState()).toEqual({
      bitGenerator: 'PCG64',
      state: { state: '0x89b253580f4d453469a8e45a00fcc5c9', inc: '0xaf6f7b8c936ab4a44f020b7b2d10234d' },
      hasUint32: 0,
      uinteger: 3457461230,
    });
  });

  it('a buffered 32-bit half shows in the state', () => {
    const g = new PCG64(5);
    g.integers(0, 10);
    expect(g.getState()).toEqual({
      bitGenerator: 'PCG64',
      state: { state: '0x22cbe10227ce2abd36600fa99f2b8273', inc: '0xaf6f7b8c936ab4a44f020b7b2d10234d' },
      hasUint32: 1,
      uinteger: 3457461230,
    });
  });
});

describe('state save/restore', () => {
  const draws = (g: PCG64): number[] => {
    const out: number[] = [];
    for (let i = 0; i < 50; i++) {
      out.push(g.random(), g.integers(-5, 17), g.nextUint32(), g.normal(1, 2), g.uniform(-3, 3), g.integers(0, 2 ** 40));
    }
    return out;
  };

  it('reproduces the stream through a JSON round trip, including a buffered uint32', () => {
    const g = new PCG64(123);
    for (let i = 0; i < 7; i++) g.random();
    g.nextUint32(); // leaves the high half buffered
    const saved: PCG64State = JSON.parse(JSON.stringify(g.getState()));
    expect(saved.hasUint32).toBe(1);
    const expected = draws(g);
    const h = new PCG64(999);
    h.setState(saved);
    expect(draws(h)).toEqual(expected);
    g.setState(saved);
    expect(draws(g)).toEqual(expected);
  });

  it('rejects malformed states', () => {
    const ok = new PCG64(1).getState();
    const g = new PCG64(2);
    expect(() => g.setState({ ...ok, bitGenerator: 'MT19937' } as unknown as PCG64State)).toThrow(/bitGenerator/);
    expect(() => g.setState({ ...ok, state: { ...ok.state, inc: '0x2' } })).toThrow(/inc must be odd/);
    expect(() => g.setState({ ...ok, state: { ...ok.state, state: '12' } })).toThrow(/state\.state/);
    expect(() => g.setState({ ...ok, hasUint32: 2 as 0 })).toThrow(/hasUint32/);
    expect(() => g.setState({ ...ok, uinteger: 2 ** 32 })).toThrow(/uinteger/);
  });
});

describe('normal (Box-Muller, not numpy ziggurat)', () => {
  it('has the right mean, variance and 1-sigma mass over 1e5 draws', () => {
    const n = 100_000;
    const g = new PCG64(2024);
    let sum = 0;
    let sumSq = 0;
    let within = 0;
    for (let i = 0; i < n; i++) {
      const z = g.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) < 1) within++;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // 5-sigma bands: sd(mean) = 1/sqrt(n), sd(var) ~ sqrt(2/n), sd(p) = sqrt(p(1-p)/n).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(within / n - 0.6826894921)).toBeLessThan(5 * Math.sqrt((0.6827 * 0.3173) / n));
  });

  it('applies mean and std and rejects a negative std', () => {
    const a = new PCG64(3);
    const b = new PCG64(3);
    for (let i = 0; i < 100; i++) expect(a.normal(3, 2)).toBeCloseTo(3 + 2 * b.normal(), 12);
    expect(() => a.normal(0, -1)).toThrow(/std/);
  });
});

describe('argument checks', () => {
  it('seeds must be non-negative integers', () => {
    expect(() => new PCG64(-1)).toThrow(/non-negative/);
    expect(() => new PCG64(1.5)).toThrow(/non-negative/);
    expect(() => new PCG64(-1n)).toThrow(/non-negative/);
  });

  it('integers needs safe integers lo < hi', () => {
    const g = new PCG64(0);
    expect(() => g.integers(3, 3)).toThrow(/lo < hi/);
    expect(() => g.integers(0.5, 3)).toThrow(/lo < hi/);
    for (let i = 0; i < 1000; i++) {
      const k = g.integers(-3, 4);
      expect(Number.isInteger(k) && k >= -3 && k < 4).toBe(true);
    }
  });
});
