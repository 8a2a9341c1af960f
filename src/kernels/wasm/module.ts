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
export function probeModule(): Uint8Array<ArrayBuffer> {
  const fn = new FunctionBuilder('probe', []).v128Const(f64Bytes(1, 2)).simd(Simd.f64x2Abs).op(Op.drop);
  const mb = new ModuleBuilder('probe');
  mb.add(fn, true);
  return mb.bytes();
}

function sharedMemory(): WebAssembly.Memory {
  memory ??= new WebAssembly.Memory({ initial: 16 });
  return memory;
}

/** A generated kernel module: compiled once, instantiated once per memory that uses it. */
export interface KernelModule<E = unknown> {
  readonly build: () => Uint8Array<ArrayBuffer>;
  /** Type only, never set: the signatures of the exports, derived from the builder (kernel-module.ts). */
  readonly exportTypes?: E;
}

const compiled = new WeakMap<KernelModule, WebAssembly.Module>();

/** Synchronous compilation is fine: kernel modules are a few kilobytes. */
function instantiateOn<T>(kernel: KernelModule<T>, mem: WebAssembly.Memory): T {
  let module = compiled.get(kernel);
  if (module === undefined) {
    module = new WebAssembly.Module(kernel.build());
    compiled.set(kernel, module);
  }
  return new WebAssembly.Instance(module, { env: { memory: mem } }).exports as T;
}

/** Instantiates a module against a memory of its own (feature probing). */
export function instantiate<T>(bytes: Uint8Array<ArrayBuffer>): T {
  return instantiateOn<T>({ build: () => bytes }, new WebAssembly.Memory({ initial: 1 }));
}

const sharedInstances = new Map<KernelModule, unknown>();

/** A kernel's exports on the shared memory, where operands are copied in and results out. */
export function sharedExports<T>(kernel: KernelModule<T>): T {
  let e = sharedInstances.get(kernel);
  if (e === undefined) {
    e = instantiateOn<T>(kernel, sharedMemory());
    sharedInstances.set(kernel, e);
  }
  return e as T;
}

/** Buffers are 64-byte aligned and padded to whole 8-double groups, so kernels may run whole groups. */
const GROUP_BYTES = 64;
/**
 * Extra bytes after each buffer, so that same-sized buffers do not start at addresses a large power
 * of two apart (they would compete for the same cache sets in elementwise loops).
 */
const STAGGER_BYTES = 3 * GROUP_BYTES;
/** Scratch doubles every arena keeps for kernels that need a temporary (a transposed operand). */
export const ARENA_SCRATCH_DOUBLES = 1 << 16;

/**
 * A fixed linear memory (it never grows, so views into it stay valid) that holds a compiled
 * program's buffers. Kernels whose operands all live in one arena run in place: nothing is copied.
 */
export class Arena {
  readonly memory: WebAssembly.Memory;
  /** The whole memory as doubles (copies inside the arena use copyWithin: no view per call). */
  readonly heap: Float64Array;
  /** Byte address of the scratch area. */
  readonly scratchAt: number;
  private next: number;
  private readonly end: number;
  private readonly instances = new Map<KernelModule, unknown>();

  constructor(doubles: number) {
    const bytes = GROUP_BYTES + doubles * 8 + ARENA_SCRATCH_DOUBLES * 8;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
    this.scratchAt = GROUP_BYTES;
    this.next = this.scratchAt + ARENA_SCRATCH_DOUBLES * 8;
    this.end = this.memory.buffer.byteLength;
    this.heap = new Float64Array(this.memory.buffer);
    arenas.set(this.memory.buffer, this);
  }

  /** A zeroed view of n doubles; throws when the arena was sized too small. */
  alloc(n: number): Float64Array {
    const at = this.next;
    const bytes = Math.ceil((n * 8) / GROUP_BYTES) * GROUP_BYTES + STAGGER_BYTES;
    if (at + bytes > this.end) throw new Error(`internal: arena of ${this.end} bytes is full`);
    this.next += bytes;
    return new Float64Array(this.memory.buffer, at, n);
  }

  exports<T>(kernel: KernelModule<T>): T {
    let e = this.instances.get(kernel);
    if (e === undefined) {
      e = instantiateOn<T>(kernel, this.memory);
      this.instances.set(kernel, e);
    }
    return e as T;
  }
}

/** Doubles an arena needs to hold buffers of these lengths (with alignment padding). */
export function arenaDoubles(lengths: Iterable<number>): number {
  let total = 0;
  for (const n of lengths) total += Math.ceil(n / 8) * 8 + STAGGER_BYTES / 8;
  return total;
}

const arenas = new WeakMap<ArrayBuffer, Arena>();

/** The arena holding all of these arrays, or undefined when they are not all in one arena. */
export function arenaOf(a: Float64Array, b?: Float64Array, c?: Float64Array, d?: Float64Array): Arena | undefined {
  const buffer = a.buffer;
  if ((b !== undefined && b.buffer !== buffer) || (c !== undefined && c.buffer !== buffer) || (d !== undefined && d.buffer !== buffer)) {
    return undefined;
  }
  return arenas.get(buffer as ArrayBuffer);
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

/** dst[0 .. n) = heap[at .. at+n). Costs one small view object, still cheaper than a copy loop. */
export function copyOut(dst: Float64Array, heap: Float64Array, at: number, n: number): void {
  dst.set(heap.subarray(at, at + n));
}
