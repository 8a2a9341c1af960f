// Elementwise and row-broadcast kernels for the autodiff engine: a TypeScript reference and an
// f64x2 WebAssembly version of each, performing the same IEEE operations in the same order per
// element (no FMA), so both give the same bits.
//
// WebAssembly only runs in place, when every operand lives in one Arena (compiled programs):
// copying plain arrays into linear memory and back costs as much as these operations themselves.
// The kernels write exactly the n elements asked for (so `out` may be a subarray view), in 8-double
// groups, then pairs, then an odd last element taken from lane 0 of a vector. Loads may read one
// double past an input's n-th element: inside the arena's padding (buffers are padded to whole
// 64-byte groups), so it stays in memory, and that lane is never stored.

import { FunctionBuilder, ModuleBuilder, Op, Simd, f64Bytes } from './wasm/emitter.js';
import { type Arena, type KernelModule, arenaOf, wasmAvailable } from './wasm/module.js';

export const Binary = { add: 0, sub: 1, mul: 2, div: 3 } as const;
export type BinaryKind = (typeof Binary)[keyof typeof Binary];

/**
 * From this many elements on, the elementwise kernels and addRow/expandRow (rows * cols) use
 * WebAssembly when their operands share an arena. Measured with `bench/elementwise.bench.ts
 * crossover`: the kernel itself beats TypeScript at any size (~8 ns per call plus ~0.25 ns per
 * element), but the dispatch (reading .buffer and .byteOffset of each view, the arena lookup)
 * costs ~100 ns, which TypeScript's ~1.8 ns per element only repays from about 64 elements.
 * Callers that know their arena up front avoid that cost with {@link elementwiseExports}.
 */
export const ELEMENTWISE_WASM_MIN_N = 64;
/** From this many elements (rows * cols) on, sumRowsInto uses WebAssembly (break-even near 32). */
export const SUM_ROWS_WASM_MIN_N = 32;


// ---------------------------------------------------------------------------------------------
// TypeScript references (range forms, so the WebAssembly paths can finish a tail with them).

function binaryRange(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, from: number, to: number): void {
  switch (kind) {
    case Binary.add: for (let i = from; i < to; i++) out[i] = a[i] + b[i]; break;
    case Binary.sub: for (let i = from; i < to; i++) out[i] = a[i] - b[i]; break;
    case Binary.mul: for (let i = from; i < to; i++) out[i] = a[i] * b[i]; break;
    case Binary.div: for (let i = from; i < to; i++) out[i] = a[i] / b[i]; break;
    default: throw new Error(`internal: unknown binary kind ${kind as number}`);
  }
}

function scaleRange(out: Float64Array, x: Float64Array, c: number, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = x[i] * c;
}

function tanhBackwardRange(out: Float64Array, y: Float64Array, g: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const v = y[i];
    out[i] = g[i] * (1 - v * v);
  }
}

function tanhSecondRange(out: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = h[i] * g[i] * y[i] * -2;
}

function reluBackwardRange(out: Float64Array, y: Float64Array, g: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = y[i] > 0 ? g[i] : 0;
}

/** out[i] = a[i] op b[i] for i < n, in TypeScript. `out` may be `a` or `b`. */
export function binaryReference(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  binaryRange(kind, out, a, b, 0, n);
}

/** out[i] = x[i] * c for i < n, in TypeScript. */
export function scaleReference(out: Float64Array, x: Float64Array, c: number, n: number): void {
  scaleRange(out, x, c, 0, n);
}

/** out[i] = g[i] * (1 - y[i] * y[i]) for i < n, in TypeScript. */
export function tanhBackwardReference(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  tanhBackwardRange(out, y, g, 0, n);
}

/** out[i] = ((h[i] * g[i]) * y[i]) * -2 for i < n, in TypeScript. */
export function tanhSecondReference(out: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array, n: number): void {
  tanhSecondRange(out, y, g, h, 0, n);
}

/** out[i] = y[i] > 0 ? g[i] : 0 for i < n (a NaN y gives 0), in TypeScript. */
export function reluBackwardReference(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  reluBackwardRange(out, y, g, 0, n);
}

/** out[j] = sum over rows i ascending of x[i, j], starting from +0; x is [rows, cols] row-major. */
export function sumRowsReference(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j] = out[j] + x[k++];
  }
}

function addRowRange(out: Float64Array, x: Float64Array, row: Float64Array, fromRow: number, rows: number, cols: number): void {
  let k = fromRow * cols;
  for (let i = fromRow; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) out[k] = x[k] + row[j];
  }
}

function expandRowRange(out: Float64Array, row: Float64Array, fromRow: number, rows: number, cols: number): void {
  let k = fromRow * cols;
  for (let i = fromRow; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) out[k] = row[j];
  }
}

/** out[i, j] = x[i, j] + row[j] for [rows, cols] row-major; `out` may be `x`. */
export function addRowReference(out: Float64Array, x: Float64Array, row: Float64Array, rows: number, cols: number): void {
  addRowRange(out, x, row, 0, rows, cols);
}

/** out[i, j] = row[j] for [rows, cols] row-major. */
export function expandRowReference(out: Float64Array, row: Float64Array, rows: number, cols: number): void {
  expandRowRange(out, row, 0, rows, cols);
}

// ---------------------------------------------------------------------------------------------
// Dispatchers.

/** out[i] = a[i] op b[i] for i < n. `out` may be `a` or `b` (never a partial overlap). */
export function binaryInto(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, a, b);
    if (e !== undefined) {
      e[BINARY_EXPORTS[kind]](out.byteOffset, a.byteOffset, b.byteOffset, n);
      return;
    }
  }
  binaryRange(kind, out, a, b, 0, n);
}

/** out[i] = x[i] * c for i < n. `out` may be `x`. */
export function scaleInto(out: Float64Array, x: Float64Array, c: number, n: number): void {
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, x);
    if (e !== undefined) {
      e.scale(out.byteOffset, x.byteOffset, c, n);
      return;
    }
  }
  scaleRange(out, x, c, 0, n);
}

/** out[i] = g[i] * (1 - y[i] * y[i]) for i < n. `out` may be `y` or `g`. */
export function tanhBackwardInto(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, y, g);
    if (e !== undefined) {
      e.tanhBackward(out.byteOffset, y.byteOffset, g.byteOffset, n);
      return;
    }
  }
  tanhBackwardRange(out, y, g, 0, n);
}

/** out[i] = ((h[i] * g[i]) * y[i]) * -2 for i < n. `out` may be any input. */
export function tanhSecondInto(out: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array, n: number): void {
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, y, g, h);
    if (e !== undefined) {
      e.tanhSecond(out.byteOffset, y.byteOffset, g.byteOffset, h.byteOffset, n);
      return;
    }
  }
  tanhSecondRange(out, y, g, h, 0, n);
}

/** out[i] = y[i] > 0 ? g[i] : 0 for i < n (a NaN y gives 0). `out` may be `y` or `g`. */
export function reluBackwardInto(out: Float64Array, y: Float64Array, g: Float64Array, n: number): void {
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, y, g);
    if (e !== undefined) {
      e.reluBackward(out.byteOffset, y.byteOffset, g.byteOffset, n);
      return;
    }
  }
  reluBackwardRange(out, y, g, 0, n);
}

/**
 * out[j] = ((0 + x[0,j]) + x[1,j]) + ... + x[rows-1,j] for j < cols; x is [rows, cols] row-major.
 * `out` must not overlap `x`.
 */
export function sumRowsInto(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  if (rows * cols >= SUM_ROWS_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, x);
    if (e !== undefined) {
      e.sumRows(out.byteOffset, x.byteOffset, rows, cols);
      return;
    }
  }
  sumRowsReference(out, x, rows, cols);
}

/** out[i, j] = x[i, j] + row[j] for [rows, cols] row-major. `out` may be `x`; `row` must not overlap `out`. */
export function addRowInto(out: Float64Array, x: Float64Array, row: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, x, row);
    if (e !== undefined) {
      if (cols <= 2) {
        // One vector of the row (splatted when cols = 1) covers every lane pair: run flat.
        e.addBroadcast(out.byteOffset, x.byteOffset, row.byteOffset, 2 - cols, n);
      } else {
        e.addRow(out.byteOffset, x.byteOffset, row.byteOffset, rows, cols);
      }
      return;
    }
  }
  addRowRange(out, x, row, 0, rows, cols);
}

/** out[i, j] = row[j] for [rows, cols] row-major. `row` must not overlap `out`. */
export function expandRowInto(out: Float64Array, row: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  if (n >= ELEMENTWISE_WASM_MIN_N && wasmAvailable()) {
    const e = kernelsFor(out, row);
    if (e !== undefined) {
      if (cols <= 2) {
        e.fillBroadcast(out.byteOffset, row.byteOffset, 2 - cols, n);
      } else {
        e.expandRow(out.byteOffset, row.byteOffset, rows, cols);
      }
      return;
    }
  }
  expandRowRange(out, row, 0, rows, cols);
}

/** The kernels on the arena holding all these arrays, or undefined when they are not all in one arena. */
function kernelsFor(out: Float64Array, a: Float64Array, b?: Float64Array, c?: Float64Array): ElementwiseExports | undefined {
  const buffer = out.buffer;
  if (a.buffer !== buffer || (b !== undefined && b.buffer !== buffer) || (c !== undefined && c.buffer !== buffer)) return undefined;
  return arenaOf(out)?.exports<ElementwiseExports>(elementwiseKernel);
}

/**
 * The WebAssembly path of {@link binaryInto} at any n (for benchmarks and tests); requires
 * {@link wasmAvailable} and all operands in one arena.
 */
export function binaryWasm(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  const e = kernelsFor(out, a, b);
  if (e === undefined) throw new Error('internal: binaryWasm needs its operands in one arena');
  e[BINARY_EXPORTS[kind]](out.byteOffset, a.byteOffset, b.byteOffset, n);
}

/** The WebAssembly path of {@link sumRowsInto} at any size; requires {@link wasmAvailable} and one arena. */
export function sumRowsWasm(out: Float64Array, x: Float64Array, rows: number, cols: number): void {
  const e = kernelsFor(out, x);
  if (e === undefined) throw new Error('internal: sumRowsWasm needs its operands in one arena');
  e.sumRows(out.byteOffset, x.byteOffset, rows, cols);
}

// ---------------------------------------------------------------------------------------------
// WebAssembly. All addresses are byte offsets into the arena's memory.

/**
 * The kernels on an arena's memory, taking byte addresses (`x.byteOffset`) and element counts:
 * for callers that know their operands' arena and addresses up front (compiled programs) and want
 * no per-call dispatch (arenaOf alone costs tens of ns). Same bits as the references; requires
 * {@link wasmAvailable}. Inputs may be read up to one double past their n-th element.
 */
export function elementwiseExports(arena: Arena): ElementwiseExports {
  return arena.exports<ElementwiseExports>(elementwiseKernel);
}

/**
 * Byte addresses and element counts; each writes exactly its output (n doubles, cols for sumRows).
 * Same operand rules as the dispatchers (out may equal an elementwise input, no partial overlap).
 * For addRow / expandRow with cols <= 2 prefer addBroadcast / fillBroadcast with n = rows * cols
 * and splat = 2 - cols: the row kernels pay ~2.5 ns per row.
 */
export interface ElementwiseExports {
  add(out: number, a: number, b: number, n: number): void;
  sub(out: number, a: number, b: number, n: number): void;
  mul(out: number, a: number, b: number, n: number): void;
  div(out: number, a: number, b: number, n: number): void;
  scale(out: number, x: number, c: number, n: number): void;
  tanhBackward(out: number, y: number, g: number, n: number): void;
  tanhSecond(out: number, y: number, g: number, h: number, n: number): void;
  reluBackward(out: number, y: number, g: number, n: number): void;
  /** splat = 1: the row is one double broadcast to both lanes; 0: the row is one v128 (2 doubles). */
  addBroadcast(out: number, x: number, row: number, splat: number, n: number): void;
  fillBroadcast(out: number, row: number, splat: number, n: number): void;
  sumRows(out: number, x: number, rows: number, cols: number): void;
  addRow(out: number, x: number, row: number, rows: number, cols: number): void;
  expandRow(out: number, row: number, rows: number, cols: number): void;
}

const BINARY_EXPORTS = ['add', 'sub', 'mul', 'div'] as const;

const elementwiseKernel: KernelModule = { build: () => elementwiseModule() };

/** f64x2 vectors per main-loop iteration (one 64-byte group); 2 is slower, 8 no faster (memory bound). */
const MAIN_VECTORS = 4;

// Opcodes the shared emitter does not name.
const F64_CONST = 0x44;
const I32_AND = 0x71;
const I32_SHR_U = 0x76;
const F64X2_EXTRACT_LANE = 0x21;
const F64X2_SPLAT = 0x14;
const F64X2_GT = 0x4a;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const LOAD64_SPLAT = 0x0a;
const ALIGN_16 = 4;

/** v128.load / v128.store / v128.load64_splat with a 16-byte (or 8-byte for the splat) alignment hint. */
function vmem(f: FunctionBuilder, opcode: number, offset: number): void {
  if (offset < 0 || offset >= 128) throw new Error('internal: memarg offset must fit one LEB byte');
  f.simd(opcode).op(opcode === LOAD64_SPLAT ? 3 : ALIGN_16).op(offset);
}
function f64Const(f: FunctionBuilder, value: number): FunctionBuilder {
  f.op(F64_CONST);
  for (const byte of f64Bytes(value)) f.op(byte);
  return f;
}
const vload = (f: FunctionBuilder, offset = 0): void => vmem(f, V128_LOAD, offset);
const vstore = (f: FunctionBuilder, offset = 0): void => vmem(f, V128_STORE, offset);

/**
 * A flat kernel fn(out, in..., [f64 constant], n) on exactly n doubles: `lane` pushes one result
 * vector, given a loader for input k at the current vector. The main loop runs 8-double groups
 * (4 vectors), then single vectors, then an odd last element from a vector whose second lane
 * (read past n, inside the arena's padding or the next buffer) is discarded.
 */
function flatKernel(
  inputs: number, withConstant: boolean,
  lane: (f: FunctionBuilder, load: (k: number) => void, constants: Constants) => void,
): FunctionBuilder {
  const params: ('i32' | 'f64')[] = ['i32'];
  for (let k = 0; k < inputs; k++) params.push('i32');
  if (withConstant) params.push('f64');
  params.push('i32');
  const f = new FunctionBuilder(params);
  const OUT = 0;
  const CONSTANT = 1 + inputs;
  const N = params.length - 1;
  const count = f.local('i32');
  const constants = makeConstants(f, withConstant ? CONSTANT : -1);
  const advance = (bytes: number): void => {
    for (let p = 0; p <= inputs; p++) f.get(p).i32Const(bytes).op(Op.i32Add).set(p);
  };
  const loadAt = (offset: number) => (k: number): void => { f.get(1 + k); vload(f, offset); };
  exactLoops(f, N, count, (vectors) => {
    for (let v = 0; v < vectors; v++) {
      f.get(OUT);
      lane(f, loadAt(16 * v), constants);
      vstore(f, 16 * v);
    }
    advance(16 * vectors);
  }, () => {
    f.get(OUT);
    lane(f, loadAt(0), constants);
    f.simd(F64X2_EXTRACT_LANE).op(0).f64Store();
  });
  return f;
}

/**
 * Loops over n doubles: `body(4)` per whole 8-double group, `body(1)` per remaining pair, then
 * `odd()` for a last single element. `body` must advance its pointers by 16 bytes per vector.
 */
function exactLoops(f: FunctionBuilder, n: number, count: number, body: (vectors: number) => void, odd: () => void): void {
  f.get(n).i32Const(Math.log2(2 * MAIN_VECTORS)).op(I32_SHR_U).set(count);
  f.block().get(count).op(Op.i32Eqz).brIf(0).loop();
  body(MAIN_VECTORS);
  f.get(count).i32Const(1).op(Op.i32Sub).tee(count).brIf(0);
  f.end().end();
  f.get(n).i32Const(2 * MAIN_VECTORS - 1).op(I32_AND).i32Const(1).op(I32_SHR_U).set(count);
  f.block().get(count).op(Op.i32Eqz).brIf(0).loop();
  body(1);
  f.get(count).i32Const(1).op(Op.i32Sub).tee(count).brIf(0);
  f.end().end();
  f.get(n).i32Const(1).op(I32_AND).if();
  odd();
  f.end();
}

interface Constants {
  one: number;
  minusTwo: number;
  zero: number;
  /** The f64 parameter splatted, or -1. */
  c: number;
}

function makeConstants(f: FunctionBuilder, constantParam: number): Constants {
  const splat = (value: number): number => {
    const local = f.local('v128');
    f.v128Const(f64Bytes(value, value)).set(local);
    return local;
  };
  let c = -1;
  if (constantParam >= 0) {
    c = f.local('v128');
    f.get(constantParam).simd(F64X2_SPLAT).set(c);
  }
  return { one: splat(1), minusTwo: splat(-2), zero: splat(0), c };
}

/**
 * fn(out, [x], row, splat, n): out = [x +] r per vector on exactly n doubles, where r is row[0] in
 * both lanes (splat = 1) or row[0..1] (splat = 0; n is then even).
 */
function broadcastKernel(withX: boolean): FunctionBuilder {
  const f = new FunctionBuilder(withX ? ['i32', 'i32', 'i32', 'i32', 'i32'] : ['i32', 'i32', 'i32', 'i32']);
  const OUT = 0, X = 1, ROW = withX ? 2 : 1, SPLAT = ROW + 1, N = ROW + 2;
  const r = f.local('v128');
  const count = f.local('i32');
  f.get(SPLAT).if();
  f.get(ROW);
  vmem(f, LOAD64_SPLAT, 0);
  f.set(r).else();
  f.get(ROW);
  vload(f);
  f.set(r).end();
  const value = (offset: number): void => {
    if (withX) {
      f.get(X);
      vload(f, offset);
      f.get(r).simd(Simd.f64x2Add);
    } else {
      f.get(r);
    }
  };
  exactLoops(f, N, count, (vectors) => {
    for (let v = 0; v < vectors; v++) {
      f.get(OUT);
      value(16 * v);
      vstore(f, 16 * v);
    }
    f.get(OUT).i32Const(16 * vectors).op(Op.i32Add).set(OUT);
    if (withX) f.get(X).i32Const(16 * vectors).op(Op.i32Add).set(X);
  }, () => {
    f.get(OUT);
    value(0);
    f.simd(F64X2_EXTRACT_LANE).op(0).f64Store();
  });
  return f;
}

/**
 * sumRows(out, x, rows, cols): columns in blocks of 16, 8, 2 (f64x2 lanes, each owning a column)
 * and a last scalar column; each block sums its rows ascending from +0 in locals, then stores.
 * Loads never cross a row's end and stores never pass out[cols-1].
 */
function sumRowsKernel(): FunctionBuilder {
  const OUT = 0, X = 1, ROWS = 2, COLS = 3;
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32']);
  const rowBytes = f.local('i32');
  const left = f.local('i32');
  const p = f.local('i32');
  const r = f.local('i32');
  const sums = Array.from({ length: 8 }, () => f.local('v128'));
  const scalarSum = f.local('f64');
  f.get(COLS).i32Const(8).op(Op.i32Mul).set(rowBytes);
  f.get(COLS).set(left);

  /** One block of `vectors` f64x2 columns pairs (0: one scalar column). */
  const block = (vectors: number): void => {
    const scalar = vectors === 0;
    if (scalar) {
      f64Const(f, 0).set(scalarSum);
    } else {
      for (let v = 0; v < vectors; v++) f.v128Const(f64Bytes(0, 0)).set(sums[v]);
    }
    f.get(X).set(p);
    f.get(ROWS).set(r);
    f.block().get(r).op(Op.i32Eqz).brIf(0).loop();
    if (scalar) {
      f.get(scalarSum).get(p).f64Load().op(Op.f64Add).set(scalarSum);
    } else {
      for (let v = 0; v < vectors; v++) {
        f.get(sums[v]).get(p);
        vload(f, 16 * v);
        f.simd(Simd.f64x2Add).set(sums[v]);
      }
    }
    f.get(p).get(rowBytes).op(Op.i32Add).set(p);
    f.get(r).i32Const(1).op(Op.i32Sub).tee(r).brIf(0);
    f.end().end();
    if (scalar) {
      f.get(OUT).get(scalarSum).f64Store();
    } else {
      for (let v = 0; v < vectors; v++) {
        f.get(OUT).get(sums[v]);
        vstore(f, 16 * v);
      }
    }
    const width = scalar ? 1 : 2 * vectors;
    f.get(OUT).i32Const(8 * width).op(Op.i32Add).set(OUT);
    f.get(X).i32Const(8 * width).op(Op.i32Add).set(X);
    f.get(left).i32Const(width).op(Op.i32Sub).set(left);
  };

  columnBlocks(f, left, block);
  return f;
}

/**
 * Emits `block(vectors)` over the columns left: a loop of 8-vector blocks (16 columns), one block
 * of 4 vectors, a loop of single vectors (at most 3) and one scalar column (vectors = 0).
 * Each block must decrease `left` by its width.
 */
function columnBlocks(f: FunctionBuilder, left: number, block: (vectors: number) => void): void {
  f.block().loop().get(left).i32Const(16).op(Op.i32LtS).brIf(1);
  block(8);
  f.br(0).end().end();
  f.get(left).i32Const(8).op(Op.i32GeS).if();
  block(4);
  f.end();
  f.block().loop().get(left).i32Const(2).op(Op.i32LtS).brIf(1);
  block(1);
  f.br(0).end().end();
  f.get(left).if();
  block(0);
  f.end();
}

/**
 * addRow(out, x, row, rows, cols) / expandRow(out, row, rows, cols): per row, the columns in blocks
 * as in sumRows; out and x advance contiguously, row restarts for each row.
 */
function rowKernel(withX: boolean): FunctionBuilder {
  const f = new FunctionBuilder(withX ? ['i32', 'i32', 'i32', 'i32', 'i32'] : ['i32', 'i32', 'i32', 'i32']);
  const OUT = 0, X = 1, ROW = withX ? 2 : 1, ROWS = ROW + 1, COLS = ROW + 2;
  const left = f.local('i32');
  const rp = f.local('i32');
  const block = (vectors: number): void => {
    const scalar = vectors === 0;
    const count = scalar ? 1 : vectors;
    for (let v = 0; v < count; v++) {
      f.get(OUT);
      if (withX) {
        f.get(X);
        if (scalar) f.f64Load();
        else vload(f, 16 * v);
      }
      f.get(rp);
      if (scalar) f.f64Load();
      else vload(f, 16 * v);
      if (withX) {
        if (scalar) f.op(Op.f64Add);
        else f.simd(Simd.f64x2Add);
      }
      if (scalar) f.f64Store();
      else vstore(f, 16 * v);
    }
    const width = scalar ? 1 : 2 * vectors;
    f.get(OUT).i32Const(8 * width).op(Op.i32Add).set(OUT);
    if (withX) f.get(X).i32Const(8 * width).op(Op.i32Add).set(X);
    f.get(rp).i32Const(8 * width).op(Op.i32Add).set(rp);
    f.get(left).i32Const(width).op(Op.i32Sub).set(left);
  };
  f.block().get(ROWS).op(Op.i32Eqz).brIf(0).get(COLS).op(Op.i32Eqz).brIf(0).loop();
  f.get(COLS).set(left);
  f.get(ROW).set(rp);
  columnBlocks(f, left, block);
  f.get(ROWS).i32Const(1).op(Op.i32Sub).tee(ROWS).brIf(0);
  f.end().end();
  return f;
}

function elementwiseModule(): Uint8Array<ArrayBuffer> {
  const mb = new ModuleBuilder();
  const binaryOps = [Simd.f64x2Add, Simd.f64x2Sub, Simd.f64x2Mul, Simd.f64x2Div];
  BINARY_EXPORTS.forEach((name, kind) => {
    mb.add(flatKernel(2, false, (f, load) => { load(0); load(1); f.simd(binaryOps[kind]); }), name);
  });
  mb.add(flatKernel(1, true, (f, load, c) => { load(0); f.get(c.c).simd(Simd.f64x2Mul); }), 'scale');
  // g * (1 - y*y); inputs are (y, g).
  mb.add(flatKernel(2, false, (f, load, c) => {
    load(1);
    f.get(c.one);
    load(0);
    load(0);
    f.simd(Simd.f64x2Mul).simd(Simd.f64x2Sub).simd(Simd.f64x2Mul);
  }), 'tanhBackward');
  // ((h*g)*y) * -2; inputs are (y, g, h).
  mb.add(flatKernel(3, false, (f, load, c) => {
    load(2);
    load(1);
    f.simd(Simd.f64x2Mul);
    load(0);
    f.simd(Simd.f64x2Mul).get(c.minusTwo).simd(Simd.f64x2Mul);
  }), 'tanhSecond');
  // g & (y > 0): all-ones lanes keep g's bits, the others give +0 (also for a NaN y).
  mb.add(flatKernel(2, false, (f, load, c) => {
    load(1);
    load(0);
    f.get(c.zero).simd(F64X2_GT).simd(Simd.v128And);
  }), 'reluBackward');
  mb.add(broadcastKernel(true), 'addBroadcast');
  mb.add(broadcastKernel(false), 'fillBroadcast');
  mb.add(sumRowsKernel(), 'sumRows');
  mb.add(rowKernel(true), 'addRow');
  mb.add(rowKernel(false), 'expandRow');
  return mb.bytes();
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
