import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atan, atan2, cos, sin } from '../../src/kernels/trig.js';
import { firstDifference, makeRandom, neighbours, randomBitPatterns, ulpDistance, uniformArray } from '../helpers/doubles.js';

interface References {
  sin: [number, number][];
  cos: [number, number][];
  atan2: [number, number, number][];
}

// Correctly rounded values from 1500-digit arithmetic: test/data/trig-references.py writes them.
const REFERENCES = JSON.parse(readFileSync(new URL('../data/trig-references.json', import.meta.url), 'utf8')) as References;

/** The xs, their negations, and for the ones above 1e5 nothing more: inputs of every size class. */
function bitEqualInputs(seed: number): Float64Array {
  const random = makeRandom(seed);
  const halfPiMultiples = Array.from({ length: 64 }, (_, k) => k * (Math.PI / 2)).concat([1e6, 1e9, 1e15].map((k) => k * (Math.PI / 2)));
  const sets: ArrayLike<number>[] = [
    randomBitPatterns(random, 100_000), // every binade, subnormals, NaN and Infinity included
    uniformArray(random, 100_000, -10, 10),
    uniformArray(random, 20_000, -1e6, 1e6), // both sides of 2^19 pi/2, where the reduction changes method
    Float64Array.from({ length: 20_000 }, () => (random() - 0.5) * 2 ** (random() * 1100 - 60)),
    halfPiMultiples.flatMap((x) => neighbours(x, 50)).flatMap((x) => [x, -x]),
    [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2 ** -1022, 2 ** -27, 1.7976931348623157e308, -1.7976931348623157e308,
      Math.PI / 4, 0.7853981633974484, 3 * Math.PI / 4, 2 ** 19 * (Math.PI / 2), 2 ** 66, 7 / 16, 11 / 16, 19 / 16, 39 / 16],
  ];
  return Float64Array.from(sets.flatMap((s) => Array.from(s)));
}

function mapped(f: (x: number) => number, xs: Float64Array): Float64Array {
  return xs.map(f);
}

describe('sin and cos', () => {
  it('are within 1 ulp of the correctly rounded values, huge and subnormal arguments included', () => {
    for (const [name, f, rows] of [['sin', sin, REFERENCES.sin], ['cos', cos, REFERENCES.cos]] as const) {
      let exact = 0;
      for (const [x, expected] of rows) {
        const ulps = ulpDistance(f(x), expected);
        expect(ulps, `${name}(${x})`).toBeLessThanOrEqual(1);
        if (ulps === 0) exact++;
      }
      expect(exact, name).toBeGreaterThanOrEqual(rows.length - 3);
    }
  });

  it('give the bits of Math.sin and Math.cos (V8 carries the same fdlibm algorithms)', () => {
    const xs = bitEqualInputs(7);
    for (const [name, f, g] of [['sin', sin, Math.sin], ['cos', cos, Math.cos]] as const) {
      const i = firstDifference(mapped(f, xs), mapped(g, xs));
      expect(i, `${name} first differs at x = ${xs[i]}`).toBe(-1);
    }
  });

  it('keep the sign of zero and give NaN for infinite and NaN arguments', () => {
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(cos(-0)).toBe(1);
    for (const x of [Infinity, -Infinity, NaN]) {
      expect(sin(x)).toBeNaN();
      expect(cos(x)).toBeNaN();
    }
    expect(sin(5e-324)).toBe(5e-324);
    // The exact reduction of a huge argument: sin(1e22) and cos(1e22) correctly rounded.
    expect([sin(1e22), cos(1e22)]).toEqual([-0.8522008497671888, 0.523214785395139]);
  });
});

describe('atan and atan2', () => {
  it('atan2 is within 1 ulp of the correctly rounded values', () => {
    let exact = 0;
    for (const [y, x, expected] of REFERENCES.atan2) {
      const ulps = ulpDistance(atan2(y, x), expected);
      expect(ulps, `atan2(${y}, ${x})`).toBeLessThanOrEqual(1);
      if (ulps === 0) exact++;
    }
    // y / x rounds before atan sees it, so fdlibm's atan2 misses the nearest double more often than sin.
    expect(exact).toBeGreaterThanOrEqual(REFERENCES.atan2.length - 8);
  });

  it('give the bits of Math.atan and Math.atan2', () => {
    const xs = bitEqualInputs(11);
    expect(firstDifference(mapped(atan, xs), mapped(Math.atan, xs))).toBe(-1);
    const random = makeRandom(12);
    const ys = xs.map((x, i) => (i % 3 === 0 ? x * (random() - 0.5) * 2 ** (random() * 140 - 70) : xs[(i * 7919) % xs.length]));
    const ours = xs.map((x, i) => atan2(ys[i], x));
    const engine = xs.map((x, i) => Math.atan2(ys[i], x));
    const i = firstDifference(ours, engine);
    expect(i, `atan2(${ys[i]}, ${xs[i]})`).toBe(-1);
  });

  it('place the signed zeros and infinities as IEEE 754 does', () => {
    const PI = Math.PI, HALF = Math.PI / 2, QUARTER = Math.PI / 4;
    const cases: [number, number, number][] = [
      [0, 1, 0], [-0, 1, -0], [0, -0, PI], [-0, -0, -PI], [0, 0, 0], [-0, 0, -0], [0, -1, PI], [-0, -1, -PI],
      [1, 0, HALF], [-1, -0, -HALF], [Infinity, Infinity, QUARTER], [-Infinity, Infinity, -QUARTER],
      [Infinity, -Infinity, 3 * QUARTER], [-Infinity, -Infinity, -3 * QUARTER], [1, Infinity, 0], [-1, Infinity, -0],
      [1, -Infinity, PI], [-1, -Infinity, -PI], [Infinity, 5, HALF], [-Infinity, -5, -HALF], [1e300, 1e-300, HALF],
      [-1e-300, -1e300, -PI],
    ];
    for (const [y, x, expected] of cases) expect(Object.is(atan2(y, x), expected), `atan2(${y}, ${x})`).toBe(true);
    expect(atan2(NaN, 1)).toBeNaN();
    expect(atan2(1, NaN)).toBeNaN();
    expect([atan(Infinity), atan(-Infinity), atan(1)]).toEqual([HALF, -HALF, QUARTER]);
    expect(Object.is(atan(-0), -0)).toBe(true);
  });
});
