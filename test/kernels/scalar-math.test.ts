import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { log } from '../../src/kernels/fdlibm-log.js';
import { pow } from '../../src/kernels/fdlibm-pow.js';
import { expm1, tanh } from '../../src/kernels/fdlibm-tanh.js';
import { firstDifference, makeRandom, neighbours, randomBitPatterns, ulpDistance, uniformArray } from '../helpers/doubles.js';

interface References {
  log: [number, number][];
  tanh: [number, number][];
  pow: [number, number, number][];
}

// Correctly rounded values from 80-digit arithmetic: test/data/scalar-math-references.py writes them.
const REFERENCES = JSON.parse(readFileSync(new URL('../data/scalar-math-references.json', import.meta.url), 'utf8')) as References;

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1e-310, -1e-310, 5e-324, -5e-324,
  2 ** -1022, 1.7976931348623157e308, -1.7976931348623157e308, 1 + 2 ** -52, 1 - 2 ** -53, 2 ** 31, 2 ** 31 + 1, 2 ** 53,
  2 ** 64, 1e20, 1024, -1075, -1074.5, 0.1, 10, 22, -22, 709.78, 710, -745, 1e-300, 2 ** -28, 2 ** -54, 56 * Math.LN2];

/** Inputs of every size class: random bit patterns, uniform and log-uniform draws, values next to 1 and to the edges. */
function unaryInputs(seed: number): Float64Array {
  const random = makeRandom(seed);
  const sets: ArrayLike<number>[] = [
    randomBitPatterns(random, 100_000),
    uniformArray(random, 100_000, -25, 25),
    uniformArray(random, 50_000, 0, 1),
    Float64Array.from({ length: 50_000 }, () => 2 ** (random() * 2200 - 1100)),
    Float64Array.from({ length: 20_000 }, () => 1 + (random() - 0.5) * 2 ** -18),
    [1, 0.5, 2, 22, 56 * Math.LN2, 709.78].flatMap((x) => neighbours(x, 50)).flatMap((x) => [x, -x]),
    SPECIAL,
  ];
  return Float64Array.from(sets.flatMap((s) => Array.from(s)));
}

describe('log, expm1 and tanh', () => {
  it('are within 1 ulp of the correctly rounded values', () => {
    for (const [name, f, rows] of [['log', log, REFERENCES.log], ['tanh', tanh, REFERENCES.tanh]] as const) {
      let exact = 0;
      for (const [x, expected] of rows) {
        const ulps = ulpDistance(f(x), expected);
        expect(ulps, `${name}(${x})`).toBeLessThanOrEqual(1);
        if (ulps === 0) exact++;
      }
      expect(exact, name).toBeGreaterThanOrEqual(rows.length - 2);
    }
  });

  it('give the bits of Math.log, Math.expm1 and Math.tanh (V8 carries the same fdlibm algorithms)', () => {
    const xs = unaryInputs(3);
    for (const [name, f, g] of [['log', log, Math.log], ['expm1', expm1, Math.expm1], ['tanh', tanh, Math.tanh]] as const) {
      const i = firstDifference(xs.map(f), xs.map(g));
      expect(i, `${name} first differs at x = ${xs[i]}`).toBe(-1);
    }
  });

  it('give the IEEE 754 values at the ends', () => {
    expect([log(0), log(-0), log(Infinity), log(1), log(-1), log(NaN)]).toEqual([-Infinity, -Infinity, Infinity, 0, NaN, NaN]);
    expect([tanh(Infinity), tanh(-Infinity), tanh(30), tanh(-30), tanh(NaN)]).toEqual([1, -1, 1, -1, NaN]);
    expect(Object.is(tanh(-0), -0) && Object.is(expm1(-0), -0)).toBe(true);
    expect([expm1(Infinity), expm1(-Infinity), expm1(-100), expm1(710)]).toEqual([Infinity, -1, -1, Infinity]);
  });
});

describe('pow', () => {
  it('is within 1 ulp of the correctly rounded values', () => {
    for (const [x, y, expected] of REFERENCES.pow) expect(ulpDistance(pow(x, y), expected), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
  });

  it("gives the bits of Math.pow on random pairs and on Adam's bias corrections beta^t", () => {
    const random = makeRandom(5);
    const xs = unaryInputs(6);
    const ys = Float64Array.from(xs, (_, i) => {
      switch (i % 5) {
        case 0: return xs[(i * 7919) % xs.length];
        case 1: return (random() - 0.5) * 100;
        case 2: return Math.floor(random() * 1e6);
        case 3: return Math.floor(random() * 200) - 100;
        default: return (random() - 0.5) * 2000;
      }
    });
    let i = firstDifference(xs.map((x, k) => pow(x, ys[k])), xs.map((x, k) => Math.pow(x, ys[k])));
    expect(i, `pow(${xs[i]}, ${ys[i]})`).toBe(-1);
    const ts = Float64Array.from({ length: 100_000 }, (_, k) => k + 1);
    for (const beta of [0.9, 0.999, random(), random()]) {
      i = firstDifference(ts.map((t) => pow(beta, t)), ts.map((t) => beta ** t));
      expect(i, `pow(${beta}, ${ts[i]})`).toBe(-1);
    }
  });

  it("gives JavaScript's special values", () => {
    const ours: number[] = [], engine: number[] = [];
    for (const x of SPECIAL) for (const y of SPECIAL) { ours.push(pow(x, y)); engine.push(x ** y); }
    expect(firstDifference(ours, engine)).toBe(-1);
    expect([pow(1, NaN), pow(-1, Infinity), pow(NaN, 0), pow(-8, 1 / 3), pow(-2, 3), pow(0.5, 1075)]).toEqual([NaN, NaN, 1, NaN, -8, 0]);
    expect(pow(0.5, 1074)).toBe(5e-324);
  });

  it('squares as a product does, the form advantages.ts uses', () => {
    const xs = unaryInputs(9);
    expect(firstDifference(xs.map((x) => pow(x, 2)), xs.map((x) => x * x))).toBe(-1);
  });
});
