import { describe, expect, it } from 'vitest';
import {
  Binary, type BinaryKind, ELEMENTWISE_WASM_MIN_N, SUM_ROWS_WASM_MIN_N,
  addRowInto, addRowReference, binaryInto, binaryReference, expandRowInto, expandRowReference,
  reluBackwardInto, reluBackwardReference, scaleInto, scaleReference, sumRowsInto, sumRowsReference,
  tanhBackwardInto, tanhBackwardReference, tanhSecondInto, tanhSecondReference,
} from '../../src/kernels/elementwise.js';
import { elementwiseExports } from '../../src/kernels/elementwise-wasm.js';
import { Arena, arenaDoubles, wasmAvailable } from '../../src/kernels/wasm/module.js';
import { Prng } from '../helpers/prng.js';

const SIZES = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 67, 71, 73, 100, 127, 129, 1000, 1001];
const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1, -1, 1e308, -1e308, 5e-324, -5e-324];
const COLS = [1, 2, 3, 4, 5, 8, 63, 64];
const ROWS = [0, 1, 2, 5, 2000];

/** Random normals with special values sprinkled in (about one in four when `specials`). */
function values(rng: Prng, n: number, specials: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(specials && rng.uniform() < 0.25 ? SPECIALS[rng.int(SPECIALS.length)] : 3 * rng.normal());
  }
  return out;
}

/**
 * Index of the first element whose bit pattern differs, or -1; so +0 and -0 differ. Any NaN matches
 * any NaN: the sign and payload of a NaN result are unspecified in WebAssembly, and V8 does not keep
 * them consistently in JavaScript either (it canonicalises NaNs stored into a Float64Array on some
 * paths, while x86 produces a negative default NaN for Infinity - Infinity), so no implementation
 * can promise them. Seen on sumRows: (Infinity + -Infinity) + NaN is 0xfff8... in WebAssembly and
 * 0x7ff8... in the TypeScript loop.
 */
function firstBitDifference(x: Float64Array, y: Float64Array, n: number): number {
  const xb = new BigInt64Array(x.buffer, x.byteOffset, n);
  const yb = new BigInt64Array(y.buffer, y.byteOffset, n);
  for (let i = 0; i < n; i++) {
    if (xb[i] !== yb[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return i;
  }
  return -1;
}

function expectSameBits(got: Float64Array, expected: Float64Array, n: number, what: string): void {
  expect(got.length, `${what}: length`).toBeGreaterThanOrEqual(n);
  const at = firstBitDifference(got, expected, n);
  if (at >= 0) expect.fail(`${what}: [${at}] = ${got[at]}, expected ${expected[at]}`);
}

/** An arena with room for `count` buffers of n doubles plus extras. */
function arenaFor(lengths: number[]): Arena {
  return Arena.create(arenaDoubles(lengths));
}

function arenaCopy(arena: Arena, src: ArrayLike<number>): Float64Array {
  const out = arena.alloc(src.length);
  out.set(Array.from(src));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Flat elementwise kernels, described uniformly: `inputs` arrays, a naive scalar formula, the
// reference and the dispatcher.

interface Flat {
  name: string;
  inputs: number;
  naive: (x: number[]) => number;
  reference: (out: Float64Array, ins: Float64Array[], n: number) => void;
  into: (out: Float64Array, ins: Float64Array[], n: number) => void;
}

const SCALE_C = -0.7310585786300049;
const BINARY_OPS: [string, BinaryKind, (a: number, b: number) => number][] = [
  ['add', Binary.add, (a, b) => a + b],
  ['sub', Binary.sub, (a, b) => a - b],
  ['mul', Binary.mul, (a, b) => a * b],
  ['div', Binary.div, (a, b) => a / b],
];

const FLATS: Flat[] = [
  ...BINARY_OPS.map(([name, kind, op]): Flat => ({
    name,
    inputs: 2,
    naive: ([a, b]) => op(a, b),
    reference: (out, [a, b], n) => binaryReference(kind, out, a, b, n),
    into: (out, [a, b], n) => binaryInto(kind, out, a, b, n),
  })),
  {
    name: 'scale',
    inputs: 1,
    naive: ([x]) => x * SCALE_C,
    reference: (out, [x], n) => scaleReference(out, x, SCALE_C, n),
    into: (out, [x], n) => scaleInto(out, x, SCALE_C, n),
  },
  {
    name: 'tanhBackward',
    inputs: 2,
    naive: ([y, g]) => g * (1 - y * y),
    reference: (out, [y, g], n) => tanhBackwardReference(out, y, g, n),
    into: (out, [y, g], n) => tanhBackwardInto(out, y, g, n),
  },
  {
    name: 'tanhSecond',
    inputs: 3,
    naive: ([y, g, h]) => ((h * g) * y) * -2,
    reference: (out, [y, g, h], n) => tanhSecondReference(out, y, g, h, n),
    into: (out, [y, g, h], n) => tanhSecondInto(out, y, g, h, n),
  },
  {
    name: 'reluBackward',
    inputs: 2,
    naive: ([y, g]) => (y > 0 ? g : 0),
    reference: (out, [y, g], n) => reluBackwardReference(out, y, g, n),
    into: (out, [y, g], n) => reluBackwardInto(out, y, g, n),
  },
];

function naiveFlat(k: Flat, ins: number[][], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = k.naive(ins.map((x) => x[i]));
  return out;
}

describe('elementwise kernels', () => {
  it('has WebAssembly SIMD here (otherwise the WebAssembly paths below are not exercised)', () => {
    expect(wasmAvailable()).toBe(true);
    expect(ELEMENTWISE_WASM_MIN_N).toBeLessThanOrEqual(1000);
  });

  for (const k of FLATS) {
    describe(k.name, () => {
      it('reference matches the naive loop exactly, specials included', () => {
        const rng = new Prng(11);
        for (const n of SIZES) {
          const ins = Array.from({ length: k.inputs }, () => values(rng, n, true));
          const got = new Float64Array(n);
          k.reference(got, ins.map((x) => Float64Array.from(x)), n);
          expectSameBits(got, naiveFlat(k, ins, n), n, `${k.name} n=${n}`);
        }
      });

      it('gives the reference bits in an arena (WebAssembly in place) and on plain arrays', () => {
        const rng = new Prng(12);
        for (const n of SIZES) {
          for (const specials of [false, true]) {
            const ins = Array.from({ length: k.inputs }, () => values(rng, n, specials));
            const expected = new Float64Array(n);
            k.reference(expected, ins.map((x) => Float64Array.from(x)), n);

            const arena = arenaFor(Array.from({ length: k.inputs + 2 }, () => n + 8));
            const arenaIns = ins.map((x) => arenaCopy(arena, x));
            const out = arena.alloc(n);
            out.fill(12345);
            k.into(out, arenaIns, n);
            expectSameBits(out, expected, n, `${k.name} arena n=${n}`);
            // Inputs are untouched.
            ins.forEach((x, j) => expectSameBits(arenaIns[j], Float64Array.from(x), n, `${k.name} input ${j} n=${n}`));

            // A subarray `out` (not a whole buffer): exact length, nothing written past n.
            const backing = arena.alloc(n + 8);
            backing.fill(777);
            k.into(backing.subarray(0, n), arenaIns, n);
            expectSameBits(backing, expected, n, `${k.name} subarray out n=${n}`);
            for (let i = n; i < n + 8; i++) expect(backing[i]).toBe(777);

            const plain = new Float64Array(n);
            k.into(plain, ins.map((x) => Float64Array.from(x)), n);
            expectSameBits(plain, expected, n, `${k.name} plain n=${n}`);
          }
        }
      });

      it('allows out to be any of its inputs', () => {
        const rng = new Prng(13);
        for (const n of [1, 8, 17, 1000]) {
          const ins = Array.from({ length: k.inputs }, () => values(rng, n, true));
          const expected = naiveFlat(k, ins, n);
          for (let alias = 0; alias < k.inputs; alias++) {
            const arena = arenaFor(Array.from({ length: k.inputs }, () => n));
            const arenaIns = ins.map((x) => arenaCopy(arena, x));
            k.into(arenaIns[alias], arenaIns, n);
            expectSameBits(arenaIns[alias], expected, n, `${k.name} arena out=input ${alias} n=${n}`);

            const plainIns = ins.map((x) => Float64Array.from(x));
            k.into(plainIns[alias], plainIns, n);
            expectSameBits(plainIns[alias], expected, n, `${k.name} plain out=input ${alias} n=${n}`);
          }
        }
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Row kernels.

function naiveSumRows(x: number[], rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s = s + x[i * cols + j];
    out[j] = s;
  }
  return out;
}

function naiveAddRow(x: number[], row: number[], rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = x[i * cols + j] + row[j];
  return out;
}

function naiveExpandRow(row: number[], rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = row[j];
  return out;
}

function forEachShape(body: (rows: number, cols: number) => void): void {
  for (const rows of ROWS) for (const cols of COLS) body(rows, cols);
}

describe('row kernels', () => {
  it('have a WebAssembly threshold that the tested shapes cross', () => {
    expect(SUM_ROWS_WASM_MIN_N).toBeLessThanOrEqual(2000);
  });

  it('sumRows: reference = naive, and arena (WebAssembly) / plain give the same bits', () => {
    const rng = new Prng(21);
    forEachShape((rows, cols) => {
      for (const specials of [false, true]) {
        const x = values(rng, rows * cols, specials);
        const expected = naiveSumRows(x, rows, cols);
        const ref = new Float64Array(cols).fill(99);
        sumRowsReference(ref, Float64Array.from(x), rows, cols);
        expectSameBits(ref, expected, cols, `sumRows reference ${rows}x${cols}`);

        const arena = arenaFor([rows * cols, cols, cols + 8]);
        const ax = arenaCopy(arena, x);
        const out = arena.alloc(cols);
        out.fill(99);
        sumRowsInto(out, ax, rows, cols);
        expectSameBits(out, expected, cols, `sumRows arena ${rows}x${cols} specials=${specials}`);

        const backing = arena.alloc(cols + 8);
        backing.fill(777);
        sumRowsInto(backing.subarray(0, cols), ax, rows, cols);
        expectSameBits(backing, expected, cols, `sumRows subarray out ${rows}x${cols}`);
        for (let i = cols; i < cols + 8; i++) expect(backing[i]).toBe(777);

        const plain = new Float64Array(cols).fill(99);
        sumRowsInto(plain, Float64Array.from(x), rows, cols);
        expectSameBits(plain, expected, cols, `sumRows plain ${rows}x${cols}`);
      }
    });
  });

  it('sumRows reads x through a subarray whose rows are not 16-byte aligned', () => {
    const rng = new Prng(22);
    for (const [rows, cols] of [[7, 5], [300, 64], [33, 17]]) {
      const x = values(rng, rows * cols, false);
      const arena = arenaFor([rows * cols + 1, cols]);
      const backing = arena.alloc(rows * cols + 1);
      backing.set(x, 1);
      const out = arena.alloc(cols);
      sumRowsInto(out, backing.subarray(1), rows, cols);
      expectSameBits(out, naiveSumRows(x, rows, cols), cols, `sumRows offset ${rows}x${cols}`);
    }
  });

  it('addRow: reference = naive, and arena (WebAssembly) / plain / out = x give the same bits', () => {
    const rng = new Prng(23);
    forEachShape((rows, cols) => {
      for (const specials of [false, true]) {
        const n = rows * cols;
        const x = values(rng, n, specials);
        const row = values(rng, cols, specials);
        const expected = naiveAddRow(x, row, rows, cols);
        const ref = new Float64Array(n);
        addRowReference(ref, Float64Array.from(x), Float64Array.from(row), rows, cols);
        expectSameBits(ref, expected, n, `addRow reference ${rows}x${cols}`);

        const arena = arenaFor([n, cols, n, n + 8]);
        const ax = arenaCopy(arena, x);
        const arow = arenaCopy(arena, row);
        const out = arena.alloc(n);
        addRowInto(out, ax, arow, rows, cols);
        expectSameBits(out, expected, n, `addRow arena ${rows}x${cols} specials=${specials}`);

        const backing = arena.alloc(n + 8);
        backing.fill(777);
        addRowInto(backing.subarray(0, n), ax, arow, rows, cols);
        expectSameBits(backing, expected, n, `addRow subarray out ${rows}x${cols}`);
        for (let i = n; i < n + 8; i++) expect(backing[i]).toBe(777);

        addRowInto(ax, ax, arow, rows, cols);
        expectSameBits(ax, expected, n, `addRow arena out=x ${rows}x${cols}`);

        const plain = Float64Array.from(x);
        addRowInto(plain, plain, Float64Array.from(row), rows, cols);
        expectSameBits(plain, expected, n, `addRow plain out=x ${rows}x${cols}`);
      }
    });
  });

  it('expandRow: reference = naive, and arena (WebAssembly) / plain give the same bits', () => {
    const rng = new Prng(24);
    forEachShape((rows, cols) => {
      const n = rows * cols;
      const row = values(rng, cols, true);
      const expected = naiveExpandRow(row, rows, cols);
      const ref = new Float64Array(n);
      expandRowReference(ref, Float64Array.from(row), rows, cols);
      expectSameBits(ref, expected, n, `expandRow reference ${rows}x${cols}`);

      const arena = arenaFor([cols, n, n + 8]);
      const arow = arenaCopy(arena, row);
      const out = arena.alloc(n);
      out.fill(5);
      expandRowInto(out, arow, rows, cols);
      expectSameBits(out, expected, n, `expandRow arena ${rows}x${cols}`);

      const backing = arena.alloc(n + 8);
      backing.fill(777);
      expandRowInto(backing.subarray(0, n), arow, rows, cols);
      expectSameBits(backing, expected, n, `expandRow subarray out ${rows}x${cols}`);
      for (let i = n; i < n + 8; i++) expect(backing[i]).toBe(777);

      const plain = new Float64Array(n);
      expandRowInto(plain, Float64Array.from(row), rows, cols);
      expectSameBits(plain, expected, n, `expandRow plain ${rows}x${cols}`);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The WebAssembly kernels called directly (below the dispatch thresholds too), on every small size.

describe('elementwiseExports (WebAssembly without dispatch)', () => {
  const specials = true;
  it('flat kernels give the reference bits at every n from 0 to 40, writing exactly n elements', () => {
    const rng = new Prng(31);
    for (let n = 0; n <= 40; n++) {
      const arena = arenaFor([n, n, n, n + 8]);
      const e = elementwiseExports(arena);
      const [y, g, h] = [0, 0, 0].map(() => arenaCopy(arena, values(rng, n, specials)));
      const backing = arena.alloc(n + 8);
      const out = backing.subarray(0, n);
      const check = (what: string, run: () => void, reference: (ref: Float64Array) => void): void => {
        backing.fill(777);
        run();
        const ref = new Float64Array(n);
        reference(ref);
        expectSameBits(out, ref, n, `${what} n=${n}`);
        for (let i = n; i < n + 8; i++) expect(backing[i], `${what} n=${n} wrote past n`).toBe(777);
      };
      const at = out.byteOffset;
      for (const [name, kind] of BINARY_OPS.map(([nm, k]) => [nm, k] as const)) {
        check(name, () => e[name as 'add'](at, y.byteOffset, g.byteOffset, n), (ref) => binaryReference(kind, ref, y, g, n));
      }
      check('scale', () => e.scale(at, y.byteOffset, SCALE_C, n), (ref) => scaleReference(ref, y, SCALE_C, n));
      check('tanhBackward', () => e.tanhBackward(at, y.byteOffset, g.byteOffset, n), (ref) => tanhBackwardReference(ref, y, g, n));
      check('tanhSecond', () => e.tanhSecond(at, y.byteOffset, g.byteOffset, h.byteOffset, n), (ref) => tanhSecondReference(ref, y, g, h, n));
      check('reluBackward', () => e.reluBackward(at, y.byteOffset, g.byteOffset, n), (ref) => reluBackwardReference(ref, y, g, n));
    }
  });

  it('row kernels give the reference bits on every small shape, writing exactly their output', () => {
    const rng = new Prng(32);
    for (let rows = 0; rows <= 9; rows++) {
      for (let cols = 1; cols <= 19; cols++) {
        const n = rows * cols;
        const size = Math.max(n, cols) + 8;
        const arena = arenaFor([n, cols, size]);
        const e = elementwiseExports(arena);
        const x = arenaCopy(arena, values(rng, n, specials));
        const row = arenaCopy(arena, values(rng, cols, specials));
        const backing = arena.alloc(size);
        const at = backing.byteOffset;
        const check = (what: string, length: number, run: () => void, reference: (ref: Float64Array) => void): void => {
          backing.fill(777);
          run();
          const ref = new Float64Array(length);
          reference(ref);
          expectSameBits(backing, ref, length, `${what} ${rows}x${cols}`);
          for (let i = length; i < size; i++) expect(backing[i], `${what} ${rows}x${cols} wrote past its output`).toBe(777);
        };
        check('sumRows', cols, () => e.sumRows(at, x.byteOffset, rows, cols), (ref) => sumRowsReference(ref, x, rows, cols));
        check('addRow', n, () => e.addRow(at, x.byteOffset, row.byteOffset, rows, cols), (ref) => addRowReference(ref, x, row, rows, cols));
        check('expandRow', n, () => e.expandRow(at, row.byteOffset, rows, cols), (ref) => expandRowReference(ref, row, rows, cols));
        if (cols <= 2) {
          check('addBroadcast', n, () => e.addBroadcast(at, x.byteOffset, row.byteOffset, 2 - cols, n), (ref) => addRowReference(ref, x, row, rows, cols));
          check('fillBroadcast', n, () => e.fillBroadcast(at, row.byteOffset, 2 - cols, n), (ref) => expandRowReference(ref, row, rows, cols));
        }
      }
    }
  });
});
