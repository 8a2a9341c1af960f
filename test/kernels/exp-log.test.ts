import { describe, expect, it } from 'vitest';
import {
  EXP_WASM_MIN_N, LOG_WASM_MIN_N, expInto, expReference, expScalar, expWasm, logInto, logReference, logScalar, logWasm,
} from '../../src/kernels/exp-log.js';
import { Arena, arenaDoubles, wasmAvailable } from '../../src/kernels/wasm/module.js';
import {
  firstDifference, grid, logGrid, makeRandom, neighbours, randomBitPatterns, ulpDistance, uniformArray, worstDistance,
} from '../helpers/doubles.js';

// Correctly rounded exp and log from 50-digit arithmetic (mpmath 1.3.0); subnormal results rounded
// directly to a multiple of 2^-1074.
const EXP_CORRECTLY_ROUNDED: [number, number][] = [
  [1e-300, 1], [-1e-300, 1], [5e-17, 1], [1e-10, 1.0000000001], [-1e-10, 0.9999999999], [1.5e-8, 1.0000000150000001],
  [0.1, 1.1051709180756477], [-0.1, 0.9048374180359595], [0.34657359027997264, 1.414213562373095],
  [-0.34657359027997264, 0.7071067811865476], [0.5, 1.6487212707001282], [0.6931471805599453, 2], [1, 2.718281828459045],
  [-1, 0.36787944117144233], [2, 7.38905609893065], [3.7, 40.4473043600674], [-20.5, 1.2501528663867426e-9],
  [10, 22026.465794806718], [-10, 4.5399929762484854e-5], [50.123, 5.863302709479424e21], [100, 2.6881171418161356e43],
  [-100, 3.720075976020836e-44], [345.6, 1.2364397133326717e150], [700, 1.0142320547350045e304],
  [709.78, 1.7928227943945155e308], [709.782712893384, 1.7976931348622732e308], [-700, 9.85967654375977e-305],
  [-708.3964185322641, 2.2250738585072626e-308], [-708.5, 2.006132305331306e-308], [-710, 4.47628622567513e-309],
  [-740, 4.2e-322], [-745, 5e-324], [-745.1, 5e-324],
];
const LOG_CORRECTLY_ROUNDED: [number, number][] = [
  [5e-324, -744.4400719213812], [1e-310, -713.8013788281542], [2.2250738585072014e-308, -708.3964185322641],
  [6.675221575521604e-308, -707.297806243596], [1e-300, -690.7755278982137], [2 ** -100, -69.31471805599453],
  [1e-10, -23.025850929940457], [0.1, -2.3025850929940455], [0.5, -0.6931471805599453],
  [0.6987935581072119, -0.3583999192718644], [0.7071067811865476, -0.3465735902799726],
  [0.9999999, -1.0000000494736474e-7], [1 - 2 ** -53, -1.1102230246251565e-16], [1 + 2 ** -52, 2.2204460492503128e-16],
  [1.0000001, 9.999999505838704e-8], [1.4076398702751083, 0.3419144510677768], [1.4142135623730951, 0.3465735902799727],
  [1.5, 0.4054651081081644], [2, 0.6931471805599453], [2.718281828459045, 1], [3, 1.0986122886681098],
  [7, 1.9459101490553132], [10, 2.302585092994046], [123456.789, 11.723646487185881], [1e10, 23.025850929940457],
  [2 ** 100, 69.31471805599453], [1e300, 690.7755278982137], [1.7976931348623157e308, 709.782712893384],
];

const MIN_NORMAL = 2 ** -1022;
const EXP_SPECIALS = [0, -0, NaN, Infinity, -Infinity, 709.78, 709.782712893384, 709.7827128933841, 709.8, 710, 711, 1e308,
  -708.39, -708.4, -745.13, -745.1332191019412, -745.2, -746, -747, -1e308, 5e-324, -5e-324, 1e-300, -1e-300];
const LOG_SPECIALS = [0, -0, NaN, Infinity, -Infinity, -1, -5e-324, -1e308, 5e-324, 1e-320, MIN_NORMAL - 5e-324, MIN_NORMAL,
  1, 1 - 2 ** -53, 1 + 2 ** -52, Math.SQRT1_2, Math.SQRT2, 1.7976931348623157e308];

describe('exp', () => {
  it('is within 1 ulp of the correctly rounded value (mostly equal to it)', () => {
    let exact = 0;
    for (const [x, expected] of EXP_CORRECTLY_ROUNDED) {
      const ulps = ulpDistance(expScalar(x), expected);
      expect(ulps, `exp(${x})`).toBeLessThanOrEqual(1);
      if (ulps === 0) exact++;
    }
    expect(exact).toBeGreaterThanOrEqual(EXP_CORRECTLY_ROUNDED.length - 2);
  });

  it('is within 2 ulp of Math.exp over the whole range', () => {
    const random = makeRandom(1);
    const sets: [string, ArrayLike<number>][] = [
      ['[-745.2, 709.8]', grid(-745.2, 709.8, 300_001)],
      ['[-1, 1] fine', grid(-1, 1, 100_001)],
      ['tiny', logGrid(1e-300, 1e-3, 20_000).flatMap((x) => [x, -x])],
      ['random', uniformArray(random, 200_000, -750, 715)],
      ['random bits', randomBitPatterns(random, 50_000)],
      // the steps of k in x = k ln2 + r, and where the result turns subnormal, 0 and Infinity
      ['branch points', [...Array.from({ length: 41 }, (_, k) => (k - 20.5) * Math.LN2), -708.3964185322641,
        -745.1332191019412, 709.782712893384].flatMap((x) => neighbours(x, 1000))],
    ];
    for (const [name, xs] of sets) {
      const worst = worstDistance(expScalar, Math.exp, xs);
      expect(worst.ulps, `${name}: worst at x = ${worst.x}`).toBeLessThanOrEqual(2);
    }
  });

  it('rounds subnormal results within 1 ulp of Math.exp', () => {
    const xs = grid(-745.13, -708.4, 50_001);
    for (const x of xs) expect(expScalar(x)).toBeLessThan(MIN_NORMAL);
    const worst = worstDistance(expScalar, Math.exp, xs);
    expect(worst.ulps, `worst at x = ${worst.x}`).toBeLessThanOrEqual(1);
  });

  it('handles special values', () => {
    expect(expScalar(0)).toBe(1);
    expect(expScalar(-0)).toBe(1);
    expect(expScalar(NaN)).toBeNaN();
    expect(expScalar(Infinity)).toBe(Infinity);
    expect(Object.is(expScalar(-Infinity), 0)).toBe(true);
    expect(expScalar(709.78)).toBeLessThan(Infinity);
    expect(expScalar(709.782712893384)).toBe(1.7976931348622732e308);
    expect(expScalar(709.8)).toBe(Infinity);
    expect(expScalar(1e308)).toBe(Infinity);
    expect(Object.is(expScalar(-745.2), 0)).toBe(true);
    expect(Object.is(expScalar(-1e308), 0)).toBe(true);
    expect(expScalar(-745)).toBe(5e-324);
    expect(expScalar(1e-300)).toBe(1);
  });

  it('expInto writes n elements, in place or not, and leaves the rest alone', () => {
    const random = makeRandom(2);
    for (const n of [0, 1, 7, EXP_WASM_MIN_N - 1, EXP_WASM_MIN_N, 9, 17, 1001]) {
      const x = uniformArray(random, n + 3, -30, 30);
      const expected = x.slice();
      for (let i = 0; i < n; i++) expected[i] = expScalar(x[i]);
      const out = x.slice();
      expInto(out, x, n);
      expect(firstDifference(out, expected), `n=${n}`).toBe(-1);
      const inPlace = x.slice();
      expInto(inPlace, inPlace, n);
      expect(firstDifference(inPlace, expected), `in place n=${n}`).toBe(-1);
    }
  });
});

describe('log', () => {
  it('is within 1 ulp of the correctly rounded value (mostly equal to it)', () => {
    let exact = 0;
    for (const [x, expected] of LOG_CORRECTLY_ROUNDED) {
      const ulps = ulpDistance(logScalar(x), expected);
      expect(ulps, `log(${x})`).toBeLessThanOrEqual(1);
      if (ulps === 0) exact++;
    }
    expect(exact).toBeGreaterThanOrEqual(LOG_CORRECTLY_ROUNDED.length - 2);
  });

  it('is within 2 ulp of Math.log over the whole range, subnormals included', () => {
    const random = makeRandom(3);
    const positiveBits = randomBitPatterns(random, 200_000).map(Math.abs);
    const sets: [string, ArrayLike<number>][] = [
      ['(0, 1.8e308]', logGrid(5e-324, 1.7976931348623157e308, 200_001)],
      ['subnormals', logGrid(5e-324, MIN_NORMAL, 20_000)],
      ['[0.5, 2] fine', grid(0.5, 2, 200_001)],
      ['near 1', grid(1 - 1e-6, 1 + 1e-6, 20_001)],
      ['random', uniformArray(random, 100_000, 0, 100)],
      ['random bits', positiveBits],
      // where the reduction switches k, around powers of 2 and the smallest normal
      ['branch points', [Math.SQRT1_2, Math.SQRT2, 2 ** -1022, 0.5, 1, 2, 2 ** 600 * Math.SQRT2, 2 ** -600 * Math.SQRT2]
        .flatMap((x) => neighbours(x, 2000))],
    ];
    for (const [name, xs] of sets) {
      const worst = worstDistance(logScalar, Math.log, xs);
      expect(worst.ulps, `${name}: worst at x = ${worst.x}`).toBeLessThanOrEqual(2);
    }
  });

  it('handles special values', () => {
    expect(Object.is(logScalar(1), 0)).toBe(true);
    expect(logScalar(0)).toBe(-Infinity);
    expect(logScalar(-0)).toBe(-Infinity);
    expect(logScalar(-1)).toBeNaN();
    expect(logScalar(-5e-324)).toBeNaN();
    expect(logScalar(-Infinity)).toBeNaN();
    expect(logScalar(NaN)).toBeNaN();
    expect(logScalar(Infinity)).toBe(Infinity);
    expect(logScalar(5e-324)).toBe(-744.4400719213812);
    for (let k = -1074; k <= 1023; k++) expect(ulpDistance(logScalar(2 ** k), Math.log(2 ** k)), `k=${k}`).toBeLessThanOrEqual(1);
  });

  it('logInto writes n elements, in place or not, and leaves the rest alone', () => {
    const random = makeRandom(4);
    for (const n of [0, 1, 7, LOG_WASM_MIN_N - 1, LOG_WASM_MIN_N, 9, 17, 1001]) {
      const x = uniformArray(random, n + 3, 0, 50);
      const expected = x.slice();
      for (let i = 0; i < n; i++) expected[i] = logScalar(x[i]);
      const out = x.slice();
      logInto(out, x, n);
      expect(firstDifference(out, expected), `n=${n}`).toBe(-1);
      const inPlace = x.slice();
      logInto(inPlace, inPlace, n);
      expect(firstDifference(inPlace, expected), `in place n=${n}`).toBe(-1);
    }
  });
});

type Kernel = (out: Float64Array, x: Float64Array, n: number) => void;
const kernels: { name: string; reference: Kernel; wasm: Kernel; into: Kernel; inputs: (random: () => number) => [string, Float64Array][] }[] = [
  {
    name: 'exp', reference: expReference, wasm: expWasm, into: expInto,
    inputs: (random) => [
      ['random', uniformArray(random, 100_003, -750, 715)],
      ['random bits', randomBitPatterns(random, 20_001)],
      ['grid', Float64Array.from(grid(-746, 711, 200_001))],
      ['branch points', Float64Array.from([-745.1332191019412, -708.3964185322641, 709.782712893384, 0.5 * Math.LN2]
        .flatMap((x) => neighbours(x, 300)))],
      ['specials', Float64Array.from(EXP_SPECIALS)],
    ],
  },
  {
    name: 'log', reference: logReference, wasm: logWasm, into: logInto,
    inputs: (random) => [
      ['random', uniformArray(random, 100_003, -1, 100)],
      ['random bits', randomBitPatterns(random, 100_001)],
      ['grid', Float64Array.from(logGrid(5e-324, 1.7976931348623157e308, 200_001))],
      ['branch points', Float64Array.from([Math.SQRT1_2, Math.SQRT2, MIN_NORMAL, 1].flatMap((x) => neighbours(x, 300)))],
      ['specials', Float64Array.from(LOG_SPECIALS)],
    ],
  },
];

describe.runIf(wasmAvailable())('exp and log WebAssembly vs TypeScript', () => {
  for (const { name, reference, wasm, into, inputs } of kernels) {
    it(`${name}: agrees bit for bit through the shared memory, directly and through ${name}Into`, () => {
      for (const [set, x] of inputs(makeRandom(5))) {
        const expected = new Float64Array(x.length);
        reference(expected, x, x.length);
        for (const [how, impl] of [['wasm', wasm], ['into', into]] as const) {
          const out = new Float64Array(x.length);
          impl(out, x, x.length);
          expect(firstDifference(out, expected), `${set} ${how}`).toBe(-1);
          const inPlace = x.slice();
          impl(inPlace, inPlace, x.length);
          expect(firstDifference(inPlace, expected), `${set} ${how} in place`).toBe(-1);
        }
      }
    });

    it(`${name}: agrees bit for bit in place in an arena, on every length up to 33`, () => {
      for (const [set, x] of inputs(makeRandom(6))) {
        const lengths = [...new Set([...Array.from({ length: 34 }, (_, n) => Math.min(n, x.length)), x.length])];
        const arena = Arena.create(arenaDoubles(lengths.flatMap((n) => [n, n])));
        for (const n of lengths) {
          const source = x.subarray(0, n);
          const expected = new Float64Array(n);
          reference(expected, source, n);
          const input = arena.alloc(n), out = arena.alloc(n);
          input.set(source);
          wasm(out, input, n);
          expect(firstDifference(out, expected), `${set} n=${n}`).toBe(-1);
          expect(firstDifference(input, source), `${set} n=${n}: input unchanged`).toBe(-1);
          wasm(input, input, n);
          expect(firstDifference(input, expected), `${set} n=${n} in place`).toBe(-1);
        }
      }
    });

    it(`${name}: writes exactly n elements of longer arrays, subarray views and arena buffers`, () => {
      const random = makeRandom(7);
      const [, x] = inputs(random)[0];
      for (const n of [1, 2, 3, 5, 8, 13, 31, 1000]) {
        const buffer = new Float64Array(n + 20).fill(-7);
        const expected = buffer.slice();
        reference(expected.subarray(3), x, n);
        const got = buffer.slice();
        into(got.subarray(3), x, n);
        expect(firstDifference(got, expected), `into n=${n}`).toBe(-1);
        const view = buffer.slice();
        view.set(x.subarray(0, n), 3);
        wasm(view.subarray(3), view.subarray(3), n);
        expect(firstDifference(view, expected), `wasm in place on a view n=${n}`).toBe(-1);
        // In an arena but longer than n: goes through the shared memory, not in place.
        const arena = Arena.create(arenaDoubles([n + 5, n]));
        const out = arena.alloc(n + 5).fill(-7), input = arena.alloc(n);
        input.set(x.subarray(0, n));
        wasm(out, input, n);
        expect(firstDifference(out, expected.subarray(3, 3 + n + 5)), `arena, longer out n=${n}`).toBe(-1);
      }
    });
  }

  it('keeps the special values of TypeScript', () => {
    const e = Float64Array.from(EXP_SPECIALS);
    expWasm(e, e, e.length);
    expect(Array.from(e)).toEqual(EXP_SPECIALS.map(expScalar));
    expect(Object.is(e[4], 0)).toBe(true);
    const l = Float64Array.from(LOG_SPECIALS);
    logWasm(l, l, l.length);
    expect(Array.from(l)).toEqual(LOG_SPECIALS.map(logScalar));
    expect(Object.is(l[LOG_SPECIALS.indexOf(1)], 0)).toBe(true);
    expect(l.slice(0, 8)).toEqual(Float64Array.from([-Infinity, -Infinity, NaN, Infinity, NaN, NaN, NaN, NaN]));
  });
});
