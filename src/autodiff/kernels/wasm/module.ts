// The WebAssembly runtime shared by the kernels: feature detection, one linear memory that every
// kernel instance imports, and synchronous instantiation of the (small, generated) kernel modules.
// Each kernel builds its own module lazily on first use; all of them see the same memory, so
// inputs are copied in once per call and the memory only grows when a larger problem arrives.

import { FunctionBuilder, ModuleBuilder, Op, Simd, f64Bytes } from './emitter.js';

const PAGE_BYTES = 65536;

let available: boolean | undefined;
let memory: WebAssembly.Memory | undefined;
let heap: Float64Array | undefined;

/** True when WebAssembly with SIMD can be compiled and instantiated here; otherwise use TS kernels. */
export function wasmAvailable(): boolean {
  available ??= probe();
  return available;
}

function probe(): boolean {
  if (typeof WebAssembly !== 'object') return false;
  try {
    const bytes = probeModule();
    if (!WebAssembly.validate(bytes)) return false;
    instantiate(bytes); // also fails where compilation is forbidden (e.g. a strict CSP)
    return true;
  } catch {
    return false;
  }
}

/** A module whose only function uses a SIMD instruction, to detect SIMD support. */
function probeModule(): Uint8Array {
  const fn = new FunctionBuilder([]).v128Const(f64Bytes(1, 2)).simd(Simd.f64x2Abs).op(Op.drop);
  const mb = new ModuleBuilder();
  mb.add(fn, 'probe');
  return mb.bytes();
}

function sharedMemory(): WebAssembly.Memory {
  memory ??= new WebAssembly.Memory({ initial: 16 });
  return memory;
}

/**
 * Compiles and instantiates a kernel module against the shared memory. `T` describes its
 * exported functions. Synchronous compilation is fine: kernel modules are a few kilobytes.
 */
export function instantiate<T>(bytes: Uint8Array): T {
  const module = new WebAssembly.Module(bytes);
  return new WebAssembly.Instance(module, { env: { memory: sharedMemory() } }).exports as T;
}

/**
 * A Float64Array over the whole shared memory holding at least `doubles` elements. Growing
 * detaches earlier views, so callers must take a fresh view on every call and not keep it.
 */
export function heapF64(doubles: number): Float64Array {
  // Only this function grows the memory, so the current view tells the capacity without
  // asking the (comparatively slow) `memory.buffer` getter on every call.
  if (heap !== undefined && heap.length >= doubles) return heap;
  const mem = sharedMemory();
  const needed = doubles * 8;
  if (mem.buffer.byteLength < needed) mem.grow(Math.ceil((needed - mem.buffer.byteLength) / PAGE_BYTES));
  heap = new Float64Array(mem.buffer);
  return heap;
}

/** heap[at .. at+n) = src[0 .. n). */
export function copyIn(heap: Float64Array, at: number, src: Float64Array, n: number): void {
  heap.set(src.length === n ? src : src.subarray(0, n), at);
}

/** dst[0 .. n) = heap[at .. at+n). Costs one small view object; a copy loop is ~7x slower. */
export function copyOut(dst: Float64Array, heap: Float64Array, at: number, n: number): void {
  dst.set(heap.subarray(at, at + n));
}
