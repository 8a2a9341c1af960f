// Dense row-major matrix multiply for the autodiff engine: c = op(a) op(b), or c += op(a) op(b).
// Two implementations with identical rounding: every output element is computed as
//   s = 0; for p = 0 .. k-1 (ascending): s = s + opA[i,p] * opB[p,j];  c = accumulate ? c + s : s
// with separate multiply and add (no FMA), so the TypeScript and WebAssembly paths agree bit for bit.
// Tiling only changes which elements are computed together, never the order of any one sum.

import { type Callee, FunctionBuilder, type Local, type ModuleBuilder, Op, Simd } from './wasm/emitter.js';
import { kernelModule } from './wasm/kernel-module.js';
import { ARENA_SCRATCH_DOUBLES, arenaOf, copyIn, copyOut, heapF64, sharedExports, wasmAvailable } from './wasm/module.js';

/**
 * Below this many multiply-adds (m*k*n) copying the operands into and out of linear memory costs
 * more than the WebAssembly kernel saves (chosen with `bench/kernels.bench.ts crossover`).
 * m = 1 with transB stays near break-even at any size: transposing b costs about as much as the product.
 */
export const GEMM_WASM_MIN_MACS = 256;

/**
 * c[m,n] = op(a)[m,k] op(b)[k,n] (+ c when `accumulate`), all row-major and contiguous.
 * op(a) = a ([m,k]) or, with transA, the transpose of a stored as [k,m]; likewise op(b) = b ([k,n])
 * or, with transB, the transpose of b stored as [n,k]. Arrays may be subarray views and longer than
 * needed. `c` must not overlap `a` or `b`. Picks the faster implementation; both give the same bits.
 */
export function gemm(
  c: Float64Array, a: Float64Array, b: Float64Array,
  m: number, k: number, n: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  const macs = m * k * n;
  if (twoThreads !== null && macs >= twoThreads.minMacs && wasmAvailable() && twoThreads.run(c, a, b, m, k, n, transA, transB, accumulate)) return;
  if (macs >= GEMM_WASM_MIN_MACS && wasmAvailable()) gemmWasm(c, a, b, m, k, n, transA, transB, accumulate);
  else gemmReference(c, a, b, m, k, n, transA, transB, accumulate);
}

/** A gemm on two threads (gemm-threads.ts): false when it cannot run now (its helper not ready). */
export interface GemmOnTwoThreads {
  /** Products of fewer multiply-adds stay on one thread. */
  readonly minMacs: number;
  run(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number, transA: boolean, transB: boolean, accumulate: boolean): boolean;
}

let twoThreads: GemmOnTwoThreads | null = null;

/** Routes large products of {@link gemm} to `t` (null: one thread again). */
export function useGemmThreads(t: GemmOnTwoThreads | null): void {
  twoThreads = t;
}

/** The driver's row stride and step of op(a) in bytes, and its mode. */
export function gemmDriverArgs(m: number, k: number, transA: boolean, accumulate: boolean): { aRow: number; aStep: number; mode: number } {
  return { aRow: transA ? 8 : 8 * k, aStep: transA ? 8 * m : 8, mode: accumulate ? MODE_ACCUMULATE : MODE_STORE };
}

// ---------------------------------------------------------------------------------------------
// TypeScript reference: 4x4 register tiles read straight from a and b through strides.

/** The TypeScript implementation of {@link gemm}. */
export function gemmReference(
  c: Float64Array, a: Float64Array, b: Float64Array,
  m: number, k: number, n: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  // Strides of op(a) along i and p, and of op(b) along p and j.
  const ai = transA ? 1 : k;
  const ap = transA ? m : 1;
  const bp = transB ? 1 : n;
  const bj = transB ? k : 1;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    let j = 0;
    for (; j + 4 <= n; j += 4) tile4x4(c, a, b, i, j, k, n, ai, ap, bp, bj, accumulate);
    for (; j < n; j++) tile4x1(c, a, b, i, j, k, n, ai, ap, bp, bj, accumulate);
  }
  for (; i < m; i++) {
    let j = 0;
    for (; j + 4 <= n; j += 4) tile1x4(c, a, b, i, j, k, n, ai, ap, bp, bj, accumulate);
    for (; j < n; j++) tile1x1(c, a, b, i, j, k, n, ai, ap, bp, bj, accumulate);
  }
}

function put(c: Float64Array, index: number, s: number, accumulate: boolean): void {
  c[index] = accumulate ? c[index] + s : s;
}

function tile4x4(
  c: Float64Array, a: Float64Array, b: Float64Array, i: number, j: number, k: number, n: number,
  ai: number, ap: number, bp: number, bj: number, accumulate: boolean,
): void {
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  const ai2 = 2 * ai, ai3 = 3 * ai, bj2 = 2 * bj, bj3 = 3 * bj;
  let pa = i * ai;
  let pb = j * bj;
  for (let p = 0; p < k; p++) {
    const a0 = a[pa], a1 = a[pa + ai], a2 = a[pa + ai2], a3 = a[pa + ai3];
    const b0 = b[pb], b1 = b[pb + bj], b2 = b[pb + bj2], b3 = b[pb + bj3];
    s00 = s00 + a0 * b0; s01 = s01 + a0 * b1; s02 = s02 + a0 * b2; s03 = s03 + a0 * b3;
    s10 = s10 + a1 * b0; s11 = s11 + a1 * b1; s12 = s12 + a1 * b2; s13 = s13 + a1 * b3;
    s20 = s20 + a2 * b0; s21 = s21 + a2 * b1; s22 = s22 + a2 * b2; s23 = s23 + a2 * b3;
    s30 = s30 + a3 * b0; s31 = s31 + a3 * b1; s32 = s32 + a3 * b2; s33 = s33 + a3 * b3;
    pa += ap;
    pb += bp;
  }
  let o = i * n + j;
  put(c, o, s00, accumulate); put(c, o + 1, s01, accumulate); put(c, o + 2, s02, accumulate); put(c, o + 3, s03, accumulate);
  o += n;
  put(c, o, s10, accumulate); put(c, o + 1, s11, accumulate); put(c, o + 2, s12, accumulate); put(c, o + 3, s13, accumulate);
  o += n;
  put(c, o, s20, accumulate); put(c, o + 1, s21, accumulate); put(c, o + 2, s22, accumulate); put(c, o + 3, s23, accumulate);
  o += n;
  put(c, o, s30, accumulate); put(c, o + 1, s31, accumulate); put(c, o + 2, s32, accumulate); put(c, o + 3, s33, accumulate);
}

function tile4x1(
  c: Float64Array, a: Float64Array, b: Float64Array, i: number, j: number, k: number, n: number,
  ai: number, ap: number, bp: number, bj: number, accumulate: boolean,
): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const ai2 = 2 * ai, ai3 = 3 * ai;
  let pa = i * ai;
  let pb = j * bj;
  for (let p = 0; p < k; p++) {
    const bv = b[pb];
    s0 = s0 + a[pa] * bv;
    s1 = s1 + a[pa + ai] * bv;
    s2 = s2 + a[pa + ai2] * bv;
    s3 = s3 + a[pa + ai3] * bv;
    pa += ap;
    pb += bp;
  }
  const o = i * n + j;
  put(c, o, s0, accumulate); put(c, o + n, s1, accumulate); put(c, o + 2 * n, s2, accumulate); put(c, o + 3 * n, s3, accumulate);
}

function tile1x4(
  c: Float64Array, a: Float64Array, b: Float64Array, i: number, j: number, k: number, n: number,
  ai: number, ap: number, bp: number, bj: number, accumulate: boolean,
): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const bj2 = 2 * bj, bj3 = 3 * bj;
  let pa = i * ai;
  let pb = j * bj;
  for (let p = 0; p < k; p++) {
    const av = a[pa];
    s0 = s0 + av * b[pb];
    s1 = s1 + av * b[pb + bj];
    s2 = s2 + av * b[pb + bj2];
    s3 = s3 + av * b[pb + bj3];
    pa += ap;
    pb += bp;
  }
  const o = i * n + j;
  put(c, o, s0, accumulate); put(c, o + 1, s1, accumulate); put(c, o + 2, s2, accumulate); put(c, o + 3, s3, accumulate);
}

function tile1x1(
  c: Float64Array, a: Float64Array, b: Float64Array, i: number, j: number, k: number, n: number,
  ai: number, ap: number, bp: number, bj: number, accumulate: boolean,
): void {
  let s = 0;
  let pa = i * ai;
  let pb = j * bj;
  for (let p = 0; p < k; p++) {
    s = s + a[pa] * b[pb];
    pa += ap;
    pb += bp;
  }
  put(c, i * n + j, s, accumulate);
}

// ---------------------------------------------------------------------------------------------
// WebAssembly: a, b (and c when accumulating) are copied into linear memory as they are, except
// that a transB operand is transposed there to [k,n]; f64x2 microkernels then compute c by blocks.
//
// A block of R rows x C columns of c keeps its R*C sums in locals. Per p it broadcasts the R values
// opA[i..i+R-1, p] (strided: a is used in place, whichever its layout) and loads C contiguous values
// of row p of op(b) as v128 vectors, so each lane performs exactly s = s + a*b for its element.

const BLOCK_WIDTHS = [4, 2, 1] as const;

function gemmFunctions(mb: ModuleBuilder) {
  const tiles = new Map<string, Callee>();
  for (const rows of BLOCK_WIDTHS) {
    for (const cols of BLOCK_WIDTHS) tiles.set(`${rows}x${cols}`, mb.add(tileFunction(rows, cols)));
  }
  return { gemm: driverFunction(tiles), transpose: transposeFunction() };
}

/** gemm(a, b, c, m, k, n, aRow, aStep, mode) after the nine tiles it calls, and transpose(src, dst, rows, cols). */
export const gemmKernel = kernelModule('gemm', gemmFunctions);

/** Pages the two-thread gemm's shared memory may grow to: 1 GiB of operands. */
export const GEMM_THREADS_MAX_PAGES = 16384;

/** The same functions on a shared memory, for the two-thread gemm (gemm-threads.ts). */
export const gemmSharedKernel = kernelModule('gemm-shared', gemmFunctions, { sharedMaxPages: GEMM_THREADS_MAX_PAGES });

/** The WebAssembly implementation of {@link gemm}; requires {@link wasmAvailable}. */
export function gemmWasm(
  c: Float64Array, a: Float64Array, b: Float64Array,
  m: number, k: number, n: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  const aRow = transA ? 8 : 8 * k;
  const aStep = transA ? 8 * m : 8;
  const acc = accumulate ? MODE_ACCUMULATE : MODE_STORE;
  const arena = arenaOf(c, a, b);
  if (arena !== undefined && (!transB || k * n <= ARENA_SCRATCH_DOUBLES)) {
    // Operands already live in linear memory: run in place.
    const kernel = arena.exports(gemmKernel);
    let bAt = b.byteOffset;
    if (transB) {
      kernel.transpose(bAt, arena.scratchAt, n, k);
      bAt = arena.scratchAt;
    }
    if (accumulate || k <= P_BLOCK) {
      kernel.gemm(a.byteOffset, bAt, c.byteOffset, m, k, n, aRow, aStep, acc);
      return;
    }
    for (let p = 0; p < k; p += P_BLOCK) {
      const mode = p === 0 ? MODE_STORE : MODE_CONTINUE;
      kernel.gemm(a.byteOffset + p * aStep, bAt + p * 8 * n, c.byteOffset, m, Math.min(P_BLOCK, k - p), n, aRow, aStep, mode);
    }
    return;
  }
  const kernel = sharedExports(gemmKernel);
  // Layout in doubles: a | b as [k,n] | c | b as given (only when it needs transposing).
  const bAt = m * k;
  const cAt = bAt + k * n;
  const rawAt = cAt + m * n;
  const heap = heapF64(transB ? rawAt + k * n : rawAt);
  copyIn(heap, 0, a, m * k);
  if (transB) {
    copyIn(heap, rawAt, b, k * n);
    kernel.transpose(rawAt * 8, bAt * 8, n, k);
  } else {
    copyIn(heap, bAt, b, k * n);
  }
  if (accumulate) copyIn(heap, cAt, c, m * n);
  kernel.gemm(0, bAt * 8, cAt * 8, m, k, n, aRow, aStep, acc);
  copyOut(c, heap, cAt, m * n);
}

// Parameters of the tile functions (addresses and strides in bytes; the number of blocks in a row).
const TILE_PARAMS = [
  ['a', 'i32'], ['b', 'i32'], ['c', 'i32'], ['k', 'i32'], ['aRow', 'i32'], ['aStep', 'i32'], ['bStep', 'i32'], ['cRow', 'i32'],
  ['mode', 'i32'], ['blocks', 'i32'],
] as const;

/** Tile modes: c = s; c = c + s; or s starts from c (a later block of p) and c = s. */
const MODE_STORE = 0, MODE_ACCUMULATE = 1, MODE_CONTINUE = 2;

/**
 * Rows of op(a) and op(b) per block of p when k is long: both blocks then stay in the L2 cache
 * while every tile of c sweeps them. Sums carry over between blocks through c, so each element
 * still adds its products in ascending p: the same bits as one pass.
 */
export const P_BLOCK = 256;

/**
 * tile(a, b, c, k, aRow, aStep, bStep, cRow, mode, blocks) for `blocks` consecutive rows x cols
 * blocks of c along a row of blocks, where opA[i,p] is at a + i*aRow + p*aStep, opB[p,j] at
 * b + p*bStep + 8j and c[i,j] at c + i*cRow + 8j. Pairs of columns are f64x2 lanes; a single
 * column is scalar. Walking the row here rather than in the driver saves a call per block.
 */
function tileFunction(rows: number, cols: number): FunctionBuilder<typeof TILE_PARAMS> {
  const f = new FunctionBuilder(`tile${rows}x${cols}`, TILE_PARAMS);
  const { a: T_A, b: T_B, c: T_C, k: T_K, aRow: T_A_ROW, aStep: T_A_STEP, bStep: T_B_STEP, cRow: T_C_ROW, mode: T_ACC, blocks: T_BLOCKS } = f.params;
  const vector = cols >= 2;
  const type = vector ? 'v128' : 'f64';
  const vectorsPerRow = vector ? cols / 2 : 1;
  const p = f.local('p', 'i32');
  const rowOffset: Local<'i32'>[] = [];
  for (let r = 1; r < rows; r++) rowOffset[r] = f.local(`rowOffset${r}`, 'i32');
  const sums: Local[] = [];
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) sums.push(f.local(`sum${r}_${v}`, type));
  }
  const bv: Local[] = [];
  for (let v = 0; v < vectorsPerRow; v++) bv.push(f.local(`bv${v}`, type));
  const av = f.local('av', type);
  const pushRowAddress = (base: Local<'i32'>, r: number): void => {
    f.get(base);
    if (r > 0) f.get(rowOffset[r]).op(Op.i32Add);
  };

  const aStart = f.local('aStart', 'i32');
  const bBlock = f.local('bBlock', 'i32');
  f.get(T_A).set(aStart);
  f.block().get(T_BLOCKS).op(Op.i32Eqz).brIf(0).loop();
  f.get(aStart).set(T_A);
  f.get(T_B).set(bBlock);

  // Mode CONTINUE resumes sums stored in c by the previous block of p (locals start at +0 otherwise).
  for (let r = 1; r < rows; r++) f.get(T_C_ROW).i32Const(r).op(Op.i32Mul).set(rowOffset[r]);
  f.get(T_ACC).i32Const(MODE_CONTINUE).op(Op.i32Eq).if();
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) {
      pushRowAddress(T_C, r);
      if (vector) f.v128Load(16 * v);
      else f.f64Load();
      f.set(sums[r * vectorsPerRow + v]);
    }
  }
  f.else();
  for (const sum of sums) {
    if (vector) f.v128Const(new Uint8Array(16));
    else f.f64Const(0);
    f.set(sum);
  }
  f.end();

  for (let r = 1; r < rows; r++) f.get(T_A_ROW).i32Const(r).op(Op.i32Mul).set(rowOffset[r]);

  // Sums: for p in 0..k-1, s = s + a*b.
  f.get(T_K).set(p);
  f.block().get(p).op(Op.i32Eqz).brIf(0).loop();
  for (let v = 0; v < vectorsPerRow; v++) {
    f.get(T_B);
    if (vector) f.v128Load(16 * v);
    else f.f64Load();
    f.set(bv[v]);
  }
  for (let r = 0; r < rows; r++) {
    pushRowAddress(T_A, r);
    if (vector) f.load64Splat();
    else f.f64Load();
    f.set(av);
    for (let v = 0; v < vectorsPerRow; v++) {
      const s = sums[r * vectorsPerRow + v];
      f.get(s).get(av).get(bv[v]);
      if (vector) f.simd(Simd.f64x2Mul).simd(Simd.f64x2Add);
      else f.op(Op.f64Mul).op(Op.f64Add);
      f.set(s);
    }
  }
  f.get(T_A).get(T_A_STEP).op(Op.i32Add).set(T_A);
  f.get(T_B).get(T_B_STEP).op(Op.i32Add).set(T_B);
  f.get(p).i32Const(1).op(Op.i32Sub).tee(p).brIf(0);
  f.end().end();

  // Results: c = s, or c = c + s. The a row offsets are reused as c row offsets.
  for (let r = 1; r < rows; r++) f.get(T_C_ROW).i32Const(r).op(Op.i32Mul).set(rowOffset[r]);
  const storeResults = (accumulate: boolean): void => {
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < vectorsPerRow; v++) {
        pushRowAddress(T_C, r);
        if (accumulate) {
          pushRowAddress(T_C, r);
          if (vector) f.v128Load(16 * v);
          else f.f64Load();
        }
        f.get(sums[r * vectorsPerRow + v]);
        if (accumulate) {
          if (vector) f.simd(Simd.f64x2Add);
          else f.op(Op.f64Add);
        }
        if (vector) f.v128Store(16 * v);
        else f.f64Store();
      }
    }
  };
  f.get(T_ACC).i32Const(MODE_ACCUMULATE).op(Op.i32Eq).if();
  storeResults(true);
  f.else();
  storeResults(false);
  f.end();

  // The next block: b and c move cols columns on.
  f.get(bBlock).i32Const(8 * cols).op(Op.i32Add).set(T_B);
  f.get(T_C).i32Const(8 * cols).op(Op.i32Add).set(T_C);
  f.get(T_BLOCKS).i32Const(1).op(Op.i32Sub).tee(T_BLOCKS).brIf(0);
  f.end().end();
  return f;
}

/** gemm(a, b, c, m, k, n, aRow, aStep, accumulate): walks the blocks of c and calls the tiles. */
function driverFunction(tiles: Map<string, Callee>) {
  const f = new FunctionBuilder('gemm', [
    ['a', 'i32'], ['b', 'i32'], ['c', 'i32'], ['m', 'i32'], ['k', 'i32'], ['n', 'i32'], ['aRow', 'i32'], ['aStep', 'i32'], ['mode', 'i32'],
  ] as const);
  const { a: A, b: B, c: C, m: M, k: K, n: N, aRow: A_ROW, aStep: A_STEP, mode: ACC } = f.params;
  const rowBytes = f.local('rowBytes', 'i32');
  const rowsLeft = f.local('rowsLeft', 'i32');
  const colBlocks = f.local('colBlocks', 'i32');
  const aBlock = f.local('aBlock', 'i32');
  const bBlock = f.local('bBlock', 'i32');
  const cRow = f.local('cRow', 'i32');
  const cBlock = f.local('cBlock', 'i32');

  const advance = (local: Local<'i32'>, pushIncrement: () => void): void => {
    f.get(local);
    pushIncrement();
    f.op(Op.i32Add).set(local);
  };
  // Emits `body(width)` for consecutive blocks of 4, then at most one of 2 and one of 1.
  const blocks = (left: Local<'i32'>, body: (width: number) => void): void => {
    for (const width of BLOCK_WIDTHS) {
      if (width === 4) f.block().loop().get(left).i32Const(4).op(Op.i32LtS).brIf(1);
      else f.get(left).i32Const(width).op(Op.i32GeS).if();
      body(width);
      f.get(left).i32Const(width).op(Op.i32Sub).set(left);
      if (width === 4) f.br(0).end().end();
      else f.end();
    }
  };

  f.get(N).i32Const(8).op(Op.i32Mul).set(rowBytes);
  f.get(M).set(rowsLeft);
  f.get(A).set(aBlock);
  f.get(C).set(cRow);
  blocks(rowsLeft, (rows) => {
    f.get(B).set(bBlock);
    f.get(cRow).set(cBlock);
    // A row of blocks: as many 4 wide as fit, then at most one 2 wide and one 1 wide.
    for (const cols of BLOCK_WIDTHS) {
      if (cols === 4) f.get(N).i32Const(2).op(Op.i32ShrU).set(colBlocks);
      else f.get(N).i32Const(cols).op(Op.i32And).i32Const(cols).op(Op.i32Eq).set(colBlocks);
      f.get(aBlock).get(bBlock).get(cBlock).get(K).get(A_ROW).get(A_STEP).get(rowBytes).get(rowBytes).get(ACC).get(colBlocks);
      f.call(tiles.get(`${rows}x${cols}`)!);
      advance(bBlock, () => f.get(colBlocks).i32Const(8 * cols).op(Op.i32Mul));
      advance(cBlock, () => f.get(colBlocks).i32Const(8 * cols).op(Op.i32Mul));
    }
    advance(aBlock, () => f.get(A_ROW).i32Const(rows).op(Op.i32Mul));
    advance(cRow, () => f.get(rowBytes).i32Const(rows).op(Op.i32Mul));
  });
  return f;
}

/** transpose(src, dst, rows, cols): dst [cols, rows] = transpose of src [rows, cols]. */
function transposeFunction() {
  const f = new FunctionBuilder('transpose', [['src', 'i32'], ['dst', 'i32'], ['rows', 'i32'], ['cols', 'i32']] as const);
  const { src: SRC, dst: DST, rows: ROWS, cols: COLS } = f.params;
  const r = f.local('r', 'i32');
  const c = f.local('c', 'i32');
  const d = f.local('d', 'i32');
  const dStep = f.local('dStep', 'i32');
  f.get(ROWS).i32Const(8).op(Op.i32Mul).set(dStep);
  f.block().get(ROWS).op(Op.i32Eqz).brIf(0).get(COLS).op(Op.i32Eqz).brIf(0);
  f.get(ROWS).set(r).loop();
  f.get(DST).set(d).get(COLS).set(c).loop();
  f.get(d).get(SRC).f64Load().f64Store();
  f.get(SRC).i32Const(8).op(Op.i32Add).set(SRC);
  f.get(d).get(dStep).op(Op.i32Add).set(d);
  f.get(c).i32Const(1).op(Op.i32Sub).tee(c).brIf(0);
  f.end();
  f.get(DST).i32Const(8).op(Op.i32Add).set(DST);
  f.get(r).i32Const(1).op(Op.i32Sub).tee(r).brIf(0);
  f.end().end();
  return f;
}
