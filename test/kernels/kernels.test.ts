import { describe, expect, it } from 'vitest';
import { GEMM_WASM_MIN_MACS, gemm, gemmReference, gemmWasm } from '../../src/kernels/gemm.js';
import { TANH_WASM_MIN_N, tanhInto, tanhReference, tanhScalar, tanhWasm } from '../../src/kernels/tanh.js';
import { Arena, arenaDoubles, wasmAvailable } from '../../src/kernels/wasm/module.js';
import {
  firstDifference, grid, logGrid, makeRandom, neighbours, randomBitPatterns, ulpDistance, uniformArray, worstDistance,
} from '../helpers/doubles.js';

/** The specification: one ascending sum per element, s = s + a*b from s = 0, then c + s or s. */
function naiveGemm(
  c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s = s + (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
      c[i * n + j] = accumulate ? c[i * n + j] + s : s;
    }
  }
}

const FLAGS = [false, true];
type Gemm = typeof gemmReference;
const implementations: [string, Gemm][] = [['reference', gemmReference], ['dispatch', gemm]];
if (wasmAvailable()) implementations.push(['wasm', gemmWasm]);

/** Runs every implementation on copies of one problem and expects the naive result bit for bit. */
function checkGemm(random: () => number, m: number, k: number, n: number, transA: boolean, transB: boolean, accumulate: boolean): void {
  const a = uniformArray(random, m * k);
  const b = uniformArray(random, k * n);
  const c = uniformArray(random, m * n);
  const expected = c.slice();
  naiveGemm(expected, a, b, m, k, n, transA, transB, accumulate);
  for (const [name, impl] of implementations) {
    const got = c.slice();
    impl(got, a, b, m, k, n, transA, transB, accumulate);
    const at = firstDifference(got, expected);
    if (at >= 0) {
      expect.fail(`${name} m=${m} k=${k} n=${n} transA=${transA} transB=${transB} accumulate=${accumulate}: ` +
        `c[${at}] = ${got[at]}, expected ${expected[at]}`);
    }
  }
}

describe('gemm', () => {
  it('matches the naive summation order exactly on every small shape and flag combination', () => {
    const random = makeRandom(1);
    for (let m = 0; m <= 9; m++) {
      for (let n = 0; n <= 9; n++) {
        for (let k = 0; k <= 5; k++) {
          for (const transA of FLAGS) for (const transB of FLAGS) for (const accumulate of FLAGS) {
            checkGemm(random, m, k, n, transA, transB, accumulate);
          }
        }
      }
    }
  });

  it('matches exactly on random and MLP-sized shapes', () => {
    const random = makeRandom(2);
    const shapes: [number, number, number][] = [[200, 8, 64], [200, 64, 8], [64, 200, 8], [200, 64, 64], [64, 200, 64],
      [200, 64, 4], [200, 4, 64], [4, 200, 64], [200, 32, 2], [2, 200, 32], [200, 64, 1], [1, 200, 64], [33, 1, 35]];
    for (let t = 0; t < 40; t++) {
      shapes.push([1 + Math.floor(random() * 70), Math.floor(random() * 70), 1 + Math.floor(random() * 70)]);
    }
    for (const [m, k, n] of shapes) {
      for (const transA of FLAGS) for (const transB of FLAGS) for (const accumulate of FLAGS) {
        checkGemm(random, m, k, n, transA, transB, accumulate);
      }
    }
  });

  it('reads and writes subarray views with offsets and leaves the rest of c alone', () => {
    const random = makeRandom(3);
    const [m, k, n] = [37, 23, 29];
    for (const transA of FLAGS) for (const transB of FLAGS) for (const accumulate of FLAGS) {
      const aBuffer = uniformArray(random, m * k + 20);
      const bBuffer = uniformArray(random, k * n + 20);
      const cBuffer = uniformArray(random, m * n + 20);
      const a = aBuffer.subarray(3, 3 + m * k + 5); // longer than needed
      const b = bBuffer.subarray(7);
      const expected = cBuffer.slice();
      naiveGemm(expected.subarray(5), a, b, m, k, n, transA, transB, accumulate);
      for (const [name, impl] of implementations) {
        const cCopy = cBuffer.slice();
        impl(cCopy.subarray(5), a, b, m, k, n, transA, transB, accumulate);
        expect(firstDifference(cCopy, expected), name).toBe(-1);
      }
    }
  });

  it('keeps IEEE special values identical across paths (k = 0 turns c = -0 into +0 when accumulating)', () => {
    const specials = [0, -0, Infinity, -Infinity, NaN, 1e308, -1e308, 5e-324];
    const random = makeRandom(4);
    const [m, k, n] = [9, 6, 7];
    const pick = (length: number): Float64Array =>
      Float64Array.from({ length }, () => specials[Math.floor(random() * specials.length)]);
    for (const transA of FLAGS) for (const transB of FLAGS) for (const accumulate of FLAGS) {
      const a = pick(m * k), b = pick(k * n), c = pick(m * n);
      const expected = c.slice();
      naiveGemm(expected, a, b, m, k, n, transA, transB, accumulate);
      for (const [name, impl] of implementations) {
        const got = c.slice();
        impl(got, a, b, m, k, n, transA, transB, accumulate);
        expect(firstDifference(got, expected), name).toBe(-1);
      }
    }
    for (const [name, impl] of implementations) {
      const c = new Float64Array([-0, -0, -0, -0]);
      impl(c, new Float64Array(0), new Float64Array(0), 2, 0, 2, false, false, true);
      expect(Array.from(c), name).toEqual([0, 0, 0, 0]);
      expect(Object.is(c[0], 0), name).toBe(true);
    }
  });

  it('gives the same bits through gemm() below and above the WebAssembly crossover', () => {
    expect(GEMM_WASM_MIN_MACS).toBeGreaterThan(0);
    const random = makeRandom(5);
    checkGemm(random, 64, 64, 64, false, true, false); // above: 262144 MACs
    checkGemm(random, 8, 8, 8, true, false, true); // below
  });
});

describe.runIf(wasmAvailable())('gemm WebAssembly vs TypeScript', () => {
  it('agrees bit for bit on the MLP shapes, including after the memory has grown', () => {
    const random = makeRandom(6);
    // forward x Wᵀ, dX = dY W, dW = dYᵀ X for batch 2000 and a 64-wide hidden layer, then a larger one
    const cases: [number, number, number, boolean, boolean, boolean][] = [
      [2000, 8, 64, false, true, false], [2000, 64, 8, false, false, false], [64, 2000, 8, true, false, true],
      [2000, 64, 64, false, true, false], [2000, 64, 64, false, false, false], [64, 2000, 64, true, false, true],
      [4000, 64, 4, false, true, false], [4, 4000, 64, true, false, true], [300, 257, 301, true, true, true],
    ];
    for (const [m, k, n, transA, transB, accumulate] of cases) {
      const a = uniformArray(random, m * k), b = uniformArray(random, k * n), c = uniformArray(random, m * n);
      const viaTs = c.slice();
      const viaWasm = c.slice();
      gemmReference(viaTs, a, b, m, k, n, transA, transB, accumulate);
      gemmWasm(viaWasm, a, b, m, k, n, transA, transB, accumulate);
      expect(firstDifference(viaWasm, viaTs), `${m}x${k}x${n}`).toBe(-1);
    }
  });

  it('agrees bit for bit in place in an arena, where long sums run in blocks of p', () => {
    const random = makeRandom(7);
    const cases: [number, number, number, boolean, boolean, boolean][] = [
      [64, 2000, 64, true, false, false], [64, 2000, 64, true, false, true], [2, 4000, 64, true, false, false],
      [5, 257, 3, false, false, false], [7, 513, 9, true, true, false], [2000, 64, 64, false, true, true],
      [3, 1000, 5, false, true, false], [1, 300, 1, true, false, false], [11, 300, 6, false, false, true],
      [9, 70, 2, false, true, false], [6, 40, 7, true, false, true],
    ];
    for (const [m, k, n, transA, transB, accumulate] of cases) {
      const arena = Arena.create(arenaDoubles([m * k, k * n, m * n]));
      const a = arena.alloc(m * k), b = arena.alloc(k * n), c = arena.alloc(m * n);
      a.set(uniformArray(random, m * k));
      b.set(uniformArray(random, k * n));
      c.set(uniformArray(random, m * n));
      const viaTs = c.slice();
      gemmReference(viaTs, a, b, m, k, n, transA, transB, accumulate);
      gemmWasm(c, a, b, m, k, n, transA, transB, accumulate);
      expect(firstDifference(c, viaTs), `${m}x${k}x${n} tA=${transA} tB=${transB} acc=${accumulate}`).toBe(-1);
    }
  });
});

// ---------------------------------------------------------------------------------------------

// Correctly rounded tanh from 50-digit arithmetic (mpmath).
const CORRECTLY_ROUNDED: [number, number][] = [
  [1e-300, 1e-300], [3e-9, 3e-9], [1e-5, 9.999999999666668e-6], [0.1, 0.09966799462495582],
  [0.23356764672198993, 0.22941099007913657], [0.5, 0.46211715726000974],
  [0.5499999999999999, 0.5005202111902352], [0.55, 0.5005202111902353], [0.6, 0.5370495669980353],
  [0.8916008313396775, 0.7121835126727468], [1, 0.7615941559557649], [1.7, 0.935409070603099],
  [2, 0.9640275800758169], [3.5, 0.9981778976111987], [7.25, 0.9999989913051835],
  [12, 0.9999999999244973], [19, 0.9999999999999999], [-0.3, -0.2913126124515909],
  [-2.5, -0.9866142981514303], [-0.9552880962523276, -0.7421677324872427],
];

describe('tanh', () => {
  it('is within 2 ulp of Math.tanh over the whole range', () => {
    const random = makeRandom(7);
    const sets: [string, ArrayLike<number>][] = [
      ['[-20, 20]', grid(-20, 20, 400_001)],
      ['[0, 1] fine', grid(0, 1, 200_001)],
      ['tiny', logGrid(1e-300, 1e-8, 20_000)],
      ['small', logGrid(1e-8, 0.55, 50_000)],
      ['large', logGrid(19, 1e308, 20_000)],
      ['random bits', randomBitPatterns(random, 200_000)],
      // branch points: the polynomial/exp switch, saturation, and the steps of k in 2|x| = k ln2 + r
      ['branch points', [0.55, 19.1, ...Array.from({ length: 56 }, (_, k) => ((k + 0.5) * Math.LN2) / 2)]
        .flatMap((x) => neighbours(x, 2000)).flatMap((x) => [x, -x])],
    ];
    for (const [name, xs] of sets) {
      const worst = worstDistance(tanhScalar, Math.tanh, xs);
      expect(worst.ulps, `${name}: worst at x = ${worst.x}`).toBeLessThanOrEqual(2);
    }
  });

  it('is within 1 ulp of the correctly rounded value', () => {
    for (const [x, expected] of CORRECTLY_ROUNDED) {
      expect(ulpDistance(tanhScalar(x), expected), `tanh(${x})`).toBeLessThanOrEqual(1);
    }
  });

  it('handles special values', () => {
    expect(Object.is(tanhScalar(0), 0)).toBe(true);
    expect(Object.is(tanhScalar(-0), -0)).toBe(true);
    expect(tanhScalar(Infinity)).toBe(1);
    expect(tanhScalar(-Infinity)).toBe(-1);
    expect(tanhScalar(NaN)).toBeNaN();
    expect(tanhScalar(5e-324)).toBe(5e-324);
    expect(tanhScalar(-1e-300)).toBe(-1e-300);
    expect(tanhScalar(19.1)).toBe(1);
    expect(tanhScalar(-1e308)).toBe(-1);
    for (const x of grid(-3, 3, 601)) expect(tanhScalar(-x)).toBe(-tanhScalar(x));
  });

  it('tanhInto writes n elements, in place or not, and leaves the rest alone', () => {
    const random = makeRandom(8);
    for (const n of [0, 1, 7, TANH_WASM_MIN_N - 1, TANH_WASM_MIN_N, 1001]) {
      const x = uniformArray(random, n + 3).map((v) => 4 * v);
      const expected = x.slice();
      for (let i = 0; i < n; i++) expected[i] = tanhScalar(x[i]);
      const out = x.slice();
      tanhInto(out, x, n);
      expect(firstDifference(out, expected), `n=${n}`).toBe(-1);
      const inPlace = x.slice();
      tanhInto(inPlace, inPlace, n);
      expect(firstDifference(inPlace, expected), `in place n=${n}`).toBe(-1);
    }
  });
});

describe.runIf(wasmAvailable())('tanh WebAssembly vs TypeScript', () => {
  it('agrees bit for bit', () => {
    const random = makeRandom(9);
    const specials = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 1e-300, 0.55, -0.55, 19.1, -19.1, 19.09, 25, 1e308];
    const inputs: [string, Float64Array][] = [
      ['random bits', randomBitPatterns(random, 100_001)],
      ['grid', Float64Array.from(grid(-21, 21, 420_001))],
      ['branch points', Float64Array.from([0.55, 19.1].flatMap((x) => neighbours(x, 500)).flatMap((x) => [x, -x]))],
      ['specials', Float64Array.from(specials)],
      ['odd length', Float64Array.from(grid(-2, 2, 7))],
    ];
    for (const [name, x] of inputs) {
      const viaTs = new Float64Array(x.length);
      const viaWasm = new Float64Array(x.length);
      tanhReference(viaTs, x, x.length);
      tanhWasm(viaWasm, x, x.length);
      expect(firstDifference(viaWasm, viaTs), name).toBe(-1);
    }
  });

  it('works on subarray views', () => {
    const random = makeRandom(10);
    const buffer = uniformArray(random, 1000).map((v) => 10 * v);
    const expected = buffer.slice();
    tanhReference(expected.subarray(13, 900), buffer.subarray(13, 900), 887);
    const got = buffer.slice();
    tanhWasm(got.subarray(13), got.subarray(13), 887);
    expect(firstDifference(got, expected)).toBe(-1);
  });
});
