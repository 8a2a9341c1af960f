// Elementwise and row-broadcast kernels for the autodiff engine: a TypeScript reference of each,
// and a dispatcher that runs its f64x2 WebAssembly version (elementwise-wasm.ts, same bits) instead
// when that pays.
//
// WebAssembly only runs in place, when every operand lives in one Arena (compiled programs):
// copying plain arrays into linear memory and back costs as much as these operations themselves.

import { BINARY_EXPORTS, type ElementwiseExports, elementwiseKernel } from './elementwise-wasm.js';
import { arenaOf, wasmAvailable } from './wasm/module.js';

export const Binary = { add: 0, sub: 1, mul: 2, div: 3 } as const;
export type BinaryKind = (typeof Binary)[keyof typeof Binary];

/**
 * From this many elements on, the elementwise kernels and addRow/expandRow (rows * cols) use
 * WebAssembly when their operands share an arena. The kernel itself beats TypeScript at any size,
 * but below this the dispatch (reading .buffer and .byteOffset of each view, the arena lookup)
 * costs more than TypeScript's loop. Chosen with `bench/elementwise.bench.ts crossover`.
 */
export const ELEMENTWISE_WASM_MIN_N = 64;
/** From this many elements (rows * cols) on, sumRowsInto uses WebAssembly (same bench). */
export const SUM_ROWS_WASM_MIN_N = 32;

// ---------------------------------------------------------------------------------------------
// TypeScript references.

/** out[i] = a[i] op b[i] for i < n, in TypeScript. `out` may be `a` or `b`. */
export function binaryReference(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  switch (kind) {
    case Binary.add: for (let i = 0; i < n; i++) out[i] = a[i] + b[i]; break;
    case Binary.sub: for (let i = 0; i < n; i++) out[i] = a[i] - b[i]; break;
    case Binary.mul: for (let i = 0; i < n; i++) out[i] = a[i] * b[i]; break;
    case Binary.div: for (let i = 0; i < n; i++) out[i] = a[i] / b[i]; break;
    default: throw new Error(`internal: unknown binary kind ${kind as number}`);
  }
}

/** out[i] = x[i] * c for i < n, in TypeScript. */
export function scaleReference(out: Float64Array, x: Float64Array, c: number, n: number): void {
  for (let i = 0; i < n; i++) out[i] = x[i] * c;
}

/** out[i] = g[i] * (1 - y[i] * y[i]) for i < n, in TypeScript. */
export function tanhBackwardReference(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = y[i];
    out[i] = g[i] * (1 - v * v);
  }
}

/** out[i] = ((h[i] * g[i]) * y[i]) * -2 for i < n, in TypeScript. */
export function tanhSecondReference(out: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = h[i] * g[i] * y[i] * -2;
}

/** out[i] = y[i] > 0 ? g[i] : 0 for i < n (a NaN y gives 0), in TypeScript. */
export function reluBackwardReference(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = y[i] > 0 ? g[i] : 0;
}

/** out[j] = sum over rows i ascending of x[i, j], starting from +0; x is [rows, cols] row-major. */
export function sumRowsReference(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j] = out[j] + x[k++];
  }
}

/** out[i, j] = x[i, j] + row[j] for [rows, cols] row-major; `out` may be `x`. */
export function addRowReference(out: Float64Array, x: Float64Array, row: Float64Array, rows: number, cols: number): void {
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) out[k] = x[k] + row[j];
  }
}

/** out[i, j] = row[j] for [rows, cols] row-major. */
export function expandRowReference(out: Float64Array, row: Float64Array, rows: number, cols: number): void {
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) out[k] = row[j];
  }
}

// ---------------------------------------------------------------------------------------------
// Dispatchers: each runs its WebAssembly kernel when {@link arenaKernels} finds them, otherwise
// its reference.

/**
 * The WebAssembly kernels on the arena that holds `out` and every input, when `size` reaches
 * `minSize`; undefined when the TypeScript reference should run instead.
 */
function arenaKernels(
  size: number, minSize: number, out: Float64Array, a: Float64Array, b?: Float64Array, c?: Float64Array,
): ElementwiseExports | undefined {
  if (size < minSize || !wasmAvailable()) return undefined;
  return arenaOf(out, a, b, c)?.exports<ElementwiseExports>(elementwiseKernel);
}

/** out[i] = a[i] op b[i] for i < n. `out` may be `a` or `b` (never a partial overlap). */
export function binaryInto(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, a, b);
  if (e !== undefined) e[BINARY_EXPORTS[kind]](out.byteOffset, a.byteOffset, b.byteOffset, n);
  else binaryReference(kind, out, a, b, n);
}

/** out[i] = x[i] * c for i < n. `out` may be `x`. */
export function scaleInto(out: Float64Array, x: Float64Array, c: number, n: number): void {
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, x);
  if (e !== undefined) e.scale(out.byteOffset, x.byteOffset, c, n);
  else scaleReference(out, x, c, n);
}

/** out[i] = g[i] * (1 - y[i] * y[i]) for i < n. `out` may be `y` or `g`. */
export function tanhBackwardInto(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, y, g);
  if (e !== undefined) e.tanhBackward(out.byteOffset, y.byteOffset, g.byteOffset, n);
  else tanhBackwardReference(out, y, g, n);
}

/** out[i] = ((h[i] * g[i]) * y[i]) * -2 for i < n. `out` may be any input. */
export function tanhSecondInto(out: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array, n: number): void {
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, y, g, h);
  if (e !== undefined) e.tanhSecond(out.byteOffset, y.byteOffset, g.byteOffset, h.byteOffset, n);
  else tanhSecondReference(out, y, g, h, n);
}

/** out[i] = y[i] > 0 ? g[i] : 0 for i < n (a NaN y gives 0). `out` may be `y` or `g`. */
export function reluBackwardInto(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, y, g);
  if (e !== undefined) e.reluBackward(out.byteOffset, y.byteOffset, g.byteOffset, n);
  else reluBackwardReference(out, y, g, n);
}

/**
 * out[j] = ((0 + x[0,j]) + x[1,j]) + ... + x[rows-1,j] for j < cols; x is [rows, cols] row-major.
 * `out` must not overlap `x`.
 */
export function sumRowsInto(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  const e = arenaKernels(rows * cols, SUM_ROWS_WASM_MIN_N, out, x);
  if (e !== undefined) e.sumRows(out.byteOffset, x.byteOffset, rows, cols);
  else sumRowsReference(out, x, rows, cols);
}

/** out[i, j] = x[i, j] + row[j] for [rows, cols] row-major. `out` may be `x`; `row` must not overlap `out`. */
export function addRowInto(out: Float64Array, x: Float64Array, row: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, x, row);
  // With cols <= 2 one vector of the row (splatted when cols = 1) covers every lane pair: run flat.
  if (e === undefined) addRowReference(out, x, row, rows, cols);
  else if (cols <= 2) e.addBroadcast(out.byteOffset, x.byteOffset, row.byteOffset, 2 - cols, n);
  else e.addRow(out.byteOffset, x.byteOffset, row.byteOffset, rows, cols);
}

/** out[i, j] = row[j] for [rows, cols] row-major. `row` must not overlap `out`. */
export function expandRowInto(out: Float64Array, row: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  const e = arenaKernels(n, ELEMENTWISE_WASM_MIN_N, out, row);
  if (e === undefined) expandRowReference(out, row, rows, cols);
  else if (cols <= 2) e.fillBroadcast(out.byteOffset, row.byteOffset, 2 - cols, n);
  else e.expandRow(out.byteOffset, row.byteOffset, rows, cols);
}

/**
 * binaryInto's WebAssembly path at any n, dispatch included (for `bench/elementwise.bench.ts
 * crossover`); requires wasmAvailable() and all operands in one arena.
 */
export function binaryWasm(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  const e = arenaKernels(n, 0, out, a, b);
  if (e === undefined) throw new Error('internal: binaryWasm needs WebAssembly and its operands in one arena');
  e[BINARY_EXPORTS[kind]](out.byteOffset, a.byteOffset, b.byteOffset, n);
}

/** sumRowsInto's WebAssembly path at any size, as {@link binaryWasm}. */
export function sumRowsWasm(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  const e = arenaKernels(rows * cols, 0, out, x);
  if (e === undefined) throw new Error('internal: sumRowsWasm needs WebAssembly and its operands in one arena');
  e.sumRows(out.byteOffset, x.byteOffset, rows, cols);
}

/** out[0..n) = x[start..start+n). Inside an arena it is a memmove there, which creates no view. */
export function copyInto(out: Float64Array, x: Float64Array, start: number, n: number): void {
  const arena = arenaOf(out, x);
  if (arena !== undefined) {
    const from = x.byteOffset / 8 + start;
    arena.heap.copyWithin(out.byteOffset / 8, from, from + n);
  } else if (start === 0 && x.length === n) {
    out.set(x);
  } else {
    out.set(x.subarray(start, start + n));
  }
}
