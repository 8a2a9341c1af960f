import { PCG64 } from '../../../src/rng/index.js';

/** A gemm with the kernels' signature (c, a, b, m, k, n, transA, transB, accumulate). */
export type GemmFunction = (c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number, transA: boolean, transB: boolean, accumulate: boolean) => void;

/** Shapes [m, k, n] from two rows up: odd sizes, one row short of a split, and the MLP layers' sizes. */
const SHAPES: readonly [number, number, number][] = [[2, 1, 1], [3, 5, 7], [9, 17, 33], [64, 64, 64], [101, 37, 3], [257, 300, 19], [1000, 64, 2], [400, 64, 64]];

/**
 * Every shape in every layout and mode, with seeded normal operands, through `gemmFn`: the results
 * one after another. The same seed gives the same operands in every engine, so two engines' results
 * can be compared bit for bit.
 */
export function gemmProducts(gemmFn: GemmFunction): Float64Array[] {
  const rng = new PCG64(2026);
  const random = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  const out: Float64Array[] = [];
  for (const [m, k, n] of SHAPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          const a = random(m * k);
          const b = random(k * n);
          const c = random(m * n);
          gemmFn(c, a, b, m, k, n, transA, transB, accumulate);
          out.push(c);
        }
      }
    }
  }
  return out;
}

/** FNV-1a (32 bits) over the results' bytes: equal digests of equal lengths mean equal bits, barring a collision. */
export function bitsDigest(results: readonly Float64Array[]): string {
  let h = 0x811c9dc5;
  let bytes = 0;
  for (const r of results) {
    const u8 = new Uint8Array(r.buffer, r.byteOffset, r.byteLength);
    for (let i = 0; i < u8.length; i++) h = Math.imul(h ^ u8[i], 0x01000193) >>> 0;
    bytes += u8.length;
  }
  return `${bytes} bytes, fnv1a ${h.toString(16).padStart(8, '0')}`;
}

/** The first result and element where `a` and `b` differ, or 'none'. */
export function firstMismatch(a: readonly Float64Array[], b: readonly Float64Array[]): string {
  if (a.length !== b.length) return `${a.length} results against ${b.length}`;
  for (let r = 0; r < a.length; r++) {
    if (a[r].length !== b[r].length) return `result ${r}: ${a[r].length} elements against ${b[r].length}`;
    for (let i = 0; i < a[r].length; i++) if (!Object.is(a[r][i], b[r][i])) return `result ${r}, element ${i}: ${a[r][i]} against ${b[r][i]}`;
  }
  return 'none';
}
