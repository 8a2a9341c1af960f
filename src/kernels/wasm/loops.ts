// Loop skeletons the SIMD kernels are built from. A kernel supplies the per-vector (or per-block)
// instructions; these emit the loops, pointer increments, remainders and constants around them.
// They run once, when a module is generated, so the callbacks cost nothing at run time.

import { FunctionBuilder, type Local, Op, Simd, f64Bytes } from './emitter.js';

/**
 * f64x2 vectors per main-loop iteration of the flat kernels: one 64-byte group, the unit arena
 * buffers are padded to (fewer leave the loop overhead exposed; more gain nothing, the loop being
 * memory bound).
 */
const MAIN_VECTORS = 4;

/** Declares a v128 local and sets it to `bytes` (emit before any loop, so it is set once per call). */
export function constantLocal(f: FunctionBuilder, name: string, bytes: Uint8Array): Local<'v128'> {
  const local = f.local(name, 'v128');
  f.v128Const(bytes).set(local);
  return local;
}

/** A v128 local holding `value` in both lanes (see {@link constantLocal}). */
export function splatLocal(f: FunctionBuilder, name: string, value: number): Local<'v128'> {
  return constantLocal(f, name, f64Bytes(value, value));
}

/** One splat local per entry, declared in the entries' order (see {@link splatLocal}). */
export function splatLocals<K extends string>(f: FunctionBuilder, values: Record<K, number>): Record<K, Local<'v128'>> {
  const locals = {} as Record<K, Local<'v128'>>;
  for (const name of Object.keys(values) as K[]) locals[name] = splatLocal(f, name, values[name]);
  return locals;
}

/**
 * Loops over n doubles (the i32 local `n`): `body(4)` per whole 8-double group, `body(1)` per
 * remaining pair, then `odd()` for a last single element. `body` must advance its pointers by 16
 * bytes per vector; `count` is an i32 local the loops may use.
 */
export function exactLoops(f: FunctionBuilder, n: Local<'i32'>, count: Local<'i32'>, body: (vectors: number) => void, odd: () => void): void {
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

/** The splat locals of a flat kernel by name, and `cSplat`: its f64 parameter `c` splatted (absent without one). */
export type FlatLocals<K extends string> = Record<K, Local<'v128'>> & { readonly cSplat?: Local<'v128'> };

/** The parameters of a flat kernel fn(out, ...inputs, [c], n). */
export type FlatParams<In extends readonly string[], C extends boolean> = readonly [
  readonly ['out', 'i32'],
  ...{ [I in keyof In]: readonly [In[I], 'i32'] },
  ...(C extends true ? [readonly ['c', 'f64']] : []),
  readonly ['n', 'i32'],
];

/**
 * A flat kernel name(out, ...inputs, [c: f64], n) on exactly n doubles. `splats` become
 * v128 locals before the loops. `lane` pushes one result vector, given `load(k)`, which pushes
 * inputs[k] at the current vector. Loads and stores (hinted 16-byte aligned) run in the 8-double
 * groups of {@link exactLoops}; an odd last element comes from lane 0 of a vector whose second
 * lane (read past n, inside the arena's padding or the next buffer) is discarded.
 */
export function flatKernel<const In extends readonly string[], C extends boolean, K extends string>(
  name: string, inputs: In, withConstant: C, splats: Record<K, number>,
  lane: (f: FunctionBuilder, load: (k: number) => void, locals: FlatLocals<K>) => void,
): FunctionBuilder<FlatParams<In, C>> {
  const paramTypes: (readonly [string, 'i32' | 'f64'])[] = [['out', 'i32'], ...inputs.map((input) => [input, 'i32'] as const)];
  if (withConstant) paramTypes.push(['c', 'f64']);
  paramTypes.push(['n', 'i32']);
  const f = new FunctionBuilder(name, paramTypes as unknown as FlatParams<In, C>);
  const params = f.params as Record<string, Local>;
  const pointers = ['out', ...inputs].map((p) => params[p]);
  const count = f.local('count', 'i32');
  let cSplat: Local<'v128'> | undefined;
  if (withConstant) {
    cSplat = f.local('cSplat', 'v128');
    f.get(params.c).simd(Simd.f64x2Splat).set(cSplat);
  }
  const locals: FlatLocals<K> = { ...splatLocals(f, splats), ...(cSplat === undefined ? {} : { cSplat }) };
  const loadAt = (offset: number) => (k: number): void => { f.get(pointers[1 + k]).v128Load(offset, 16); };
  exactLoops(f, params.n as Local<'i32'>, count, (vectors) => {
    for (let v = 0; v < vectors; v++) {
      f.get(pointers[0]);
      lane(f, loadAt(16 * v), locals);
      f.v128Store(16 * v, 16);
    }
    for (const p of pointers) f.get(p).i32Const(16 * vectors).op(Op.i32Add).set(p);
  }, () => {
    f.get(pointers[0]);
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
export function columnBlocks(f: FunctionBuilder, left: Local<'i32'>, block: (vectors: number) => void): void {
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
const IN_PLACE_PARAMS = [['at', 'i32'], ['groups', 'i32']] as const;

/** An in-place kernel, name(at, groups). */
export type InPlaceFunction = FunctionBuilder<typeof IN_PLACE_PARAMS>;

/** An in-place kernel name(at, groups), still empty. */
export function inPlaceFunction(name: string): InPlaceFunction {
  return new FunctionBuilder(name, IN_PLACE_PARAMS);
}

/** The v128 locals of one f64x2 vector of a group by name, and that vector's byte offset in the group. */
export type GroupLane<N extends string> = { readonly offset: number } & Readonly<Record<N, Local<'v128'>>>;

/**
 * One set of v128 locals per f64x2 vector of a group (`x0`, `y0`, ..., `x1`, ...): a kernel works
 * on all vectors of a group at once, as independent chains.
 */
export function groupLocals<const N extends string>(f: FunctionBuilder, vectors: number, names: readonly N[]): GroupLane<N>[] {
  return Array.from({ length: vectors }, (_, g) => {
    const lane = { offset: 16 * g } as { offset: number } & Record<N, Local<'v128'>>;
    for (const name of names) lane[name] = f.local(`${name}${g}`, 'v128') as (typeof lane)[N];
    return lane;
  });
}

/**
 * The loop of an in-place kernel: `body()` once per group of `vectors` f64x2 vectors from byte
 * address `at` on, `groups` times (none when groups is 0). `body` reads and writes relative to `at`.
 */
export function groupLoop(f: InPlaceFunction, vectors: number, body: () => void): void {
  const { at, groups } = f.params;
  f.block().get(groups).op(Op.i32Eqz).brIf(0).loop();
  body();
  f.get(at).i32Const(16 * vectors).op(Op.i32Add).set(at);
  f.get(groups).i32Const(1).op(Op.i32Sub).tee(groups).brIf(0);
  f.end().end();
}
