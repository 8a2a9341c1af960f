import { copyInto } from './elementwise.js';
import { type KernelModule, arenaOf, copyIn, copyOut, heapF64, sharedExports } from './wasm/module.js';

/** A WebAssembly kernel mapping `groups` groups of f64x2 vectors in place from byte address `at`. */
type InPlaceKernel = (at: number, groups: number) => void;

/**
 * out[i] = f(x[i]) for i < n through the export `name` of `kernel`, which works on groups of
 * `vectors` f64x2 vectors. In place on out when out and x share an arena, whose buffers are padded
 * to whole groups; otherwise on a copy in the shared memory. The last group may extend past n: its
 * spare lanes compute on stale memory and are not copied out. `out` may be `x`.
 */
export function runInPlace<K extends string>(kernel: KernelModule<Record<K, InPlaceKernel>>, name: K, vectors: number, out: Float64Array, x: Float64Array, n: number): void {
  if (n === 0) return;
  const groups = Math.ceil(n / (2 * vectors));
  const arena = arenaOf(out, x);
  if (arena !== undefined && out.length === n) {
    if (out !== x) copyInto(out, x, 0, n);
    arena.exports(kernel)[name](out.byteOffset, groups);
    return;
  }
  const heap = heapF64(2 * vectors * groups);
  copyIn(heap, 0, x, n);
  sharedExports(kernel)[name](0, groups);
  copyOut(out, heap, 0, n);
}
