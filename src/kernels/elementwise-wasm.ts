// The WebAssembly module of the elementwise and row kernels: f64x2 versions of the references in
// elementwise.ts, performing the same IEEE operations in the same order per element (no FMA).
// All addresses are byte offsets into an arena's memory. Each kernel writes exactly its output
// (so `out` may be a subarray view); loads may read one double past an input's n-th element,
// inside the arena's padding (buffers are padded to whole 64-byte groups), and that lane is never
// stored.

import { FunctionBuilder, type Local, Op, Simd } from './wasm/emitter.js';
import { type ExportsOfKernel, kernelModule } from './wasm/kernel-module.js';
import { columnBlocks, exactLoops, flatKernel } from './wasm/loops.js';
import type { Arena } from './wasm/module.js';

/**
 * Splat constants of the flat kernels. Every flat kernel sets all of them, so all share one
 * preamble; each uses at most one.
 */
const SPLATS = { one: 1, minusTwo: -2, zero: 0 };

const binary = <const N extends string>(name: N, opcode: number) =>
  flatKernel(name, ['a', 'b'], false, SPLATS, (f, load) => { load(0); load(1); f.simd(opcode); });

/**
 * Byte addresses and element counts; each writes exactly its output (n doubles, cols for sumRows).
 * Same operand rules as the dispatchers in elementwise.ts (out may equal an elementwise input, no
 * partial overlap). For addRow / expandRow with cols <= 2, addBroadcast / fillBroadcast with
 * n = rows * cols and splat = 2 - cols run flat, without a loop per row.
 */
export const elementwiseKernel = kernelModule('elementwise', () => ({
  add: binary('add', Simd.f64x2Add),
  sub: binary('sub', Simd.f64x2Sub),
  mul: binary('mul', Simd.f64x2Mul),
  div: binary('div', Simd.f64x2Div),
  scale: flatKernel('scale', ['x'], true, SPLATS, (f, load, l) => { load(0); f.get(l.cSplat!).simd(Simd.f64x2Mul); }),
  // g * (1 - y*y).
  tanhBackward: flatKernel('tanhBackward', ['y', 'g'], false, SPLATS, (f, load, l) => {
    load(1);
    f.get(l.one);
    load(0);
    load(0);
    f.simd(Simd.f64x2Mul).simd(Simd.f64x2Sub).simd(Simd.f64x2Mul);
  }),
  // ((h*g)*y) * -2.
  tanhSecond: flatKernel('tanhSecond', ['y', 'g', 'h'], false, SPLATS, (f, load, l) => {
    load(2);
    load(1);
    f.simd(Simd.f64x2Mul);
    load(0);
    f.simd(Simd.f64x2Mul).get(l.minusTwo).simd(Simd.f64x2Mul);
  }),
  // g & (y > 0): all-ones lanes keep g's bits, the others give +0 (also for a NaN y).
  reluBackward: flatKernel('reluBackward', ['y', 'g'], false, SPLATS, (f, load, l) => {
    load(1);
    load(0);
    f.get(l.zero).simd(Simd.f64x2Gt).simd(Simd.v128And);
  }),
  /** splat = 1: the row is one double broadcast to both lanes; 0: the row is one v128 (2 doubles). */
  addBroadcast: broadcastKernel('addBroadcast', true),
  fillBroadcast: broadcastKernel('fillBroadcast', false),
  sumRows: sumRowsKernel(),
  addRow: rowKernel('addRow', true),
  expandRow: rowKernel('expandRow', false),
}));

/** The elementwise and row kernels' signatures, as the builder derives them. */
export type ElementwiseExports = ExportsOfKernel<typeof elementwiseKernel>;

/** The binary kernels' export names, indexed by BinaryKind (elementwise.ts). */
export const BINARY_EXPORTS = ['add', 'sub', 'mul', 'div'] as const;

/**
 * The kernels on an arena's memory without the dispatchers' per-call checks: tests call them at
 * every size, and `bench/elementwise.bench.ts crossover` times them against the dispatchers.
 * Requires wasmAvailable().
 */
export function elementwiseExports(arena: Arena): ElementwiseExports {
  return arena.exports(elementwiseKernel);
}

/**
 * fn(out, [x], row, splat, n): out = [x +] r per vector on exactly n doubles, where r is row[0] in
 * both lanes (splat = 1) or row[0..1] (splat = 0; n is then even).
 */
function broadcastKernel<const N extends string, X extends boolean>(name: N, withX: X) {
  const f = new FunctionBuilder(name, withParams(withX, [['out', 'i32']], [['row', 'i32'], ['splat', 'i32'], ['n', 'i32']]));
  const { out: OUT, x: X, row: ROW, splat: SPLAT, n: N } = f.params as Record<string, Local<'i32'>>;
  const r = f.local('r', 'v128');
  const count = f.local('count', 'i32');
  f.get(SPLAT).if();
  f.get(ROW).load64Splat().set(r);
  f.else();
  f.get(ROW).v128Load(0, 16).set(r);
  f.end();
  const value = (offset: number): void => {
    if (withX) f.get(X).v128Load(offset, 16).get(r).simd(Simd.f64x2Add);
    else f.get(r);
  };
  exactLoops(f, N, count, (vectors) => {
    for (let v = 0; v < vectors; v++) {
      f.get(OUT);
      value(16 * v);
      f.v128Store(16 * v, 16);
    }
    f.get(OUT).i32Const(16 * vectors).op(Op.i32Add).set(OUT);
    if (withX) f.get(X).i32Const(16 * vectors).op(Op.i32Add).set(X);
  }, () => {
    f.get(OUT);
    value(0);
    f.f64x2ExtractLane(0).f64Store();
  });
  return f;
}

/**
 * sumRows(out, x, rows, cols): columns in blocks of 16, 8, 2 (f64x2 lanes, each owning a column)
 * and a last scalar column; each block sums its rows ascending from +0 in locals, then stores.
 * Loads never cross a row's end and stores never pass out[cols-1].
 */
function sumRowsKernel() {
  const f = new FunctionBuilder('sumRows', [['out', 'i32'], ['x', 'i32'], ['rows', 'i32'], ['cols', 'i32']] as const);
  const { out: OUT, x: X, rows: ROWS, cols: COLS } = f.params;
  const rowBytes = f.local('rowBytes', 'i32');
  const left = f.local('left', 'i32');
  const p = f.local('p', 'i32');
  const r = f.local('r', 'i32');
  const sums = Array.from({ length: 8 }, (_, v) => f.local(`sum${v}`, 'v128'));
  const scalarSum = f.local('scalarSum', 'f64');
  f.get(COLS).i32Const(8).op(Op.i32Mul).set(rowBytes);
  f.get(COLS).set(left);

  /** One block of `vectors` f64x2 column pairs (0: one scalar column). */
  const block = (vectors: number): void => {
    const scalar = vectors === 0;
    if (scalar) {
      f.f64Const(0).set(scalarSum);
    } else {
      for (let v = 0; v < vectors; v++) f.v128Const(new Uint8Array(16)).set(sums[v]);
    }
    f.get(X).set(p);
    f.get(ROWS).set(r);
    f.block().get(r).op(Op.i32Eqz).brIf(0).loop();
    if (scalar) {
      f.get(scalarSum).get(p).f64Load().op(Op.f64Add).set(scalarSum);
    } else {
      for (let v = 0; v < vectors; v++) f.get(sums[v]).get(p).v128Load(16 * v, 16).simd(Simd.f64x2Add).set(sums[v]);
    }
    f.get(p).get(rowBytes).op(Op.i32Add).set(p);
    f.get(r).i32Const(1).op(Op.i32Sub).tee(r).brIf(0);
    f.end().end();
    if (scalar) {
      f.get(OUT).get(scalarSum).f64Store();
    } else {
      for (let v = 0; v < vectors; v++) f.get(OUT).get(sums[v]).v128Store(16 * v, 16);
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
 * addRow(out, x, row, rows, cols) / expandRow(out, row, rows, cols): per row, the columns in blocks
 * as in sumRows; out and x advance contiguously, row restarts for each row.
 */
function rowKernel<const N extends string, X extends boolean>(name: N, withX: X) {
  const f = new FunctionBuilder(name, withParams(withX, [['out', 'i32']], [['row', 'i32'], ['rows', 'i32'], ['cols', 'i32']]));
  const { out: OUT, x: X, row: ROW, rows: ROWS, cols: COLS } = f.params as Record<string, Local<'i32'>>;
  const left = f.local('left', 'i32');
  const rp = f.local('rp', 'i32');
  const block = (vectors: number): void => {
    const scalar = vectors === 0;
    const load = (address: Local<'i32'>, offset: number): void => {
      f.get(address);
      if (scalar) f.f64Load();
      else f.v128Load(offset, 16);
    };
    for (let v = 0; v < (scalar ? 1 : vectors); v++) {
      f.get(OUT);
      if (withX) load(X, 16 * v);
      load(rp, 16 * v);
      if (withX) {
        if (scalar) f.op(Op.f64Add);
        else f.simd(Simd.f64x2Add);
      }
      if (scalar) f.f64Store();
      else f.v128Store(16 * v, 16);
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

/** The parameters `before`, then x (an i32) when `withX`, then `after`. */
function withParams<X extends boolean, B extends readonly (readonly [string, 'i32'])[], A extends readonly (readonly [string, 'i32'])[]>(
  withX: X, before: B, after: A,
): readonly [...B, ...(X extends true ? [readonly ['x', 'i32']] : []), ...A] {
  return [...before, ...(withX ? [['x', 'i32'] as const] : []), ...after] as unknown as readonly [...B, ...(X extends true ? [readonly ['x', 'i32']] : []), ...A];
}
