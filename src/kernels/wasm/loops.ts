// Loop skeletons the SIMD kernels are built from. A kernel supplies the per-vector (or per-block)
// instructions; these emit the loops, pointer increments, remainders and constants around them.
// They run once, when a module is generated, so the callbacks cost nothing at run time.

import { FunctionBuilder, Op, Simd, f64Bytes } from './emitter.js';

/**
 * f64x2 vectors per main-loop iteration of the flat kernels: one 64-byte group, the unit arena
 * buffers are padded to (2 vectors are slower; 8 are no faster, the loop being memory bound).
 */
const MAIN_VECTORS = 4;

/** Declares a v128 local and sets it to `bytes` (emit before any loop, so it is set once per call). */
export function constantLocal(f: FunctionBuilder, bytes: Uint8Array): number {
  const local = f.local('v128');
  f.v128Const(bytes).set(local);
  return local;
}

/** A v128 local holding `value` in both lanes (see {@link constantLocal}). */
export function splatLocal(f: FunctionBuilder, value: number): number {
  return constantLocal(f, f64Bytes(value, value));
}

/**
 * Loops over n doubles (the i32 local `n`): `body(4)` per whole 8-double group, `body(1)` per
 * remaining pair, then `odd()` for a last single element. `body` must advance its pointers by 16
 * bytes per vector; `count` is an i32 local the loops may use.
 */
export function exactLoops(f: FunctionBuilder, n: number, count: number, body: (vectors: number) => void, odd: () => void): void {
  f.get(n).i32Const(Math.log2(2 * MAIN_VECTORS)).op(Op.i32ShrU).set(count);
  f.block().get(count).op(Op.i32Eqz).brIf(0).loop();
  body(MAIN_VECTORS);
  f.get(count).i32Const(1).op(Op.i32Sub).tee(count).brIf(0);
  f.end().end();
  f.get(n).i32Const(2 * MAIN_VECTORS - 1).op(Op.i32And).i32Const(1).op(Op.i32ShrU).set(count);
  f.block().get(count).op(Op.i32Eqz).brIf(0).loop();
  body(1);
  f.get(count).i32Const(1).op(Op.i32Sub).tee(count).brIf(0);
  f.end().end();
  f.get(n).i32Const(1).op(Op.i32And).if();
  odd();
  f.end();
}

/** The splat locals of a flat kernel by name, and `c`: its f64 parameter splatted (-1 without one). */
export type FlatLocals<K extends string> = Record<K | 'c', number>;

/**
 * A flat kernel fn(out, in_0 .. in_{inputs-1}, [c: f64], n) on exactly n doubles. `splats` become
 * v128 locals before the loops. `lane` pushes one result vector, given `load(k)`, which pushes
 * input k at the current vector. Loads and stores (hinted 16-byte aligned) run in the 8-double
 * groups of {@link exactLoops}; an odd last element comes from lane 0 of a vector whose second
 * lane (read past n, inside the arena's padding or the next buffer) is discarded.
 */
export function flatKernel<K extends string>(
  inputs: number, withConstant: boolean, splats: Record<K, number>,
  lane: (f: FunctionBuilder, load: (k: number) => void, locals: FlatLocals<K>) => void,
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
  const locals = { c: -1 } as FlatLocals<K>;
  if (withConstant) {
    locals.c = f.local('v128');
    f.get(CONSTANT).simd(Simd.f64x2Splat).set(locals.c);
  }
  for (const name of Object.keys(splats) as K[]) locals[name] = splatLocal(f, splats[name]);
  const loadAt = (offset: number) => (k: number): void => { f.get(1 + k).v128Load(offset, 16); };
  exactLoops(f, N, count, (vectors) => {
    for (let v = 0; v < vectors; v++) {
      f.get(OUT);
      lane(f, loadAt(16 * v), locals);
      f.v128Store(16 * v, 16);
    }
    for (let p = 0; p <= inputs; p++) f.get(p).i32Const(16 * vectors).op(Op.i32Add).set(p);
  }, () => {
    f.get(OUT);
    lane(f, loadAt(0), locals);
    f.f64x2ExtractLane(0).f64Store();
  });
  return f;
}

/**
 * Emits `block(vectors)` over the `left` columns of a row (an i32 local): a loop of 8-vector blocks
 * (16 columns), one block of 4 vectors, a loop of single vectors (at most 3) and one scalar column
 * (vectors = 0). Each block must decrease `left` by its width.
 */
export function columnBlocks(f: FunctionBuilder, left: number, block: (vectors: number) => void): void {
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

/** Parameters of an in-place kernel fn(at, groups): a byte address and a number of groups. */
export const IN_PLACE_AT = 0, IN_PLACE_GROUPS = 1;

/** An in-place kernel fn(at, groups), still empty. */
export function inPlaceFunction(): FunctionBuilder {
  return new FunctionBuilder(['i32', 'i32']);
}

/**
 * `vectors` sets of `count` v128 locals, one per f64x2 vector of a group, with that vector's byte
 * offset in the group: a kernel works on all vectors of a group at once, as independent chains.
 */
export function groupLocals(f: FunctionBuilder, vectors: number, count: number): { offset: number; v: number[] }[] {
  return Array.from({ length: vectors }, (_, g) => ({ offset: 16 * g, v: Array.from({ length: count }, () => f.local('v128')) }));
}

/**
 * The loop of an in-place kernel: `body()` once per group of `vectors` f64x2 vectors from byte
 * address `at` on, `groups` times (none when groups is 0). `body` reads and writes relative to `at`.
 */
export function groupLoop(f: FunctionBuilder, vectors: number, body: () => void): void {
  f.block().get(IN_PLACE_GROUPS).op(Op.i32Eqz).brIf(0).loop();
  body();
  f.get(IN_PLACE_AT).i32Const(16 * vectors).op(Op.i32Add).set(IN_PLACE_AT);
  f.get(IN_PLACE_GROUPS).i32Const(1).op(Op.i32Sub).tee(IN_PLACE_GROUPS).brIf(0);
  f.end().end();
}
