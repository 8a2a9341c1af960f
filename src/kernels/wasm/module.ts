// The WebAssembly runtime shared by the kernels: feature detection, one linear memory that every
// kernel instance imports, and synchronous instantiation of the (small, generated) kernel modules.
// Each kernel builds its own module lazily on first use; all of them see the same memory, so
// inputs are copied in once per call and the memory only grows when a larger problem arrives.
// Compiled programs keep their buffers in arenas: spans of a few fixed memories shared by all.

import { FunctionBuilder, ModuleBuilder, Op, Simd, f64Bytes } from './emitter.js';

const PAGE_BYTES = 65536;

let supported: boolean | undefined;
let switchedOff = false;
let memory: WebAssembly.Memory | undefined;
let heap: Float64Array | undefined;

/** True when the kernels use WebAssembly: it is supported here and not switched off; otherwise they run in TypeScript. */
export function wasmAvailable(): boolean {
  return !switchedOff && wasmSupported();
}

/** True when WebAssembly with SIMD can be compiled and instantiated here. */
export function wasmSupported(): boolean {
  supported ??= probe();
  return supported;
}

/** Makes every kernel run its TypeScript implementation (true) or, where supported, WebAssembly (false). */
export function switchOffWasm(off: boolean): void {
  switchedOff = off;
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

/** Pages of one arena memory, unless a program needs more. */
const ARENA_MEMORY_PAGES = 512;
/**
 * Arena memories a realm creates at most. Browsers reserve address space per WebAssembly memory
 * far beyond its size and run out after some dozens, so programs share a few memories instead of
 * owning one each; a program that finds no room in them keeps plain buffers and the TypeScript
 * kernels (the same bits, slower).
 */
export const MAX_ARENA_MEMORIES = 8;

/** What kernels see of the memory their operands live in. */
export interface ArenaKernels {
  /** The whole memory as doubles (copies inside the arena use copyWithin: no view per call). */
  readonly heap: Float64Array;
  /** Byte address of the scratch area, for one kernel call's temporary (a transposed operand). */
  readonly scratchAt: number;
  exports<T>(kernel: KernelModule<T>): T;
}

interface Span {
  at: number;
  bytes: number;
}

/**
 * A fixed linear memory (it never grows, so views into it stay valid) shared by arenas: the
 * scratch area first, then spans handed to arenas and taken back when they are released.
 */
class ArenaMemory implements ArenaKernels {
  readonly memory: WebAssembly.Memory;
  readonly heap: Float64Array;
  readonly scratchAt = GROUP_BYTES;
  /** Unused spans in address order, none adjacent to another. */
  private readonly free: Span[];
  private readonly instances = new Map<KernelModule, unknown>();

  constructor(bytes: number) {
    const first = this.scratchAt + ARENA_SCRATCH_DOUBLES * 8;
    this.memory = new WebAssembly.Memory({ initial: Math.max(ARENA_MEMORY_PAGES, Math.ceil((first + bytes) / PAGE_BYTES)) });
    this.heap = new Float64Array(this.memory.buffer);
    this.free = [{ at: first, bytes: this.memory.buffer.byteLength - first }];
    memories.set(this.memory.buffer, this);
  }

  /** The address of a zeroed span of `bytes` (a multiple of GROUP_BYTES), or undefined when none is free. */
  take(bytes: number): number | undefined {
    const i = this.free.findIndex((s) => s.bytes >= bytes);
    if (i < 0) return undefined;
    const span = this.free[i];
    const at = span.at;
    if (span.bytes === bytes) this.free.splice(i, 1);
    else Object.assign(span, { at: at + bytes, bytes: span.bytes - bytes });
    this.heap.fill(0, at / 8, (at + bytes) / 8);
    return at;
  }

  give(at: number, bytes: number): void {
    let i = this.free.findIndex((s) => s.at > at);
    if (i < 0) i = this.free.length;
    this.free.splice(i, 0, { at, bytes });
    const next = this.free[i + 1];
    if (next !== undefined && at + bytes === next.at) {
      this.free[i].bytes += next.bytes;
      this.free.splice(i + 1, 1);
    }
    const previous = this.free[i - 1];
    if (previous !== undefined && previous.at + previous.bytes === at) {
      previous.bytes += this.free[i].bytes;
      this.free.splice(i, 1);
    }
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

const memories = new WeakMap<ArrayBuffer, ArenaMemory>();
/** Every arena memory of this realm, oldest first (kept for reuse: at most MAX_ARENA_MEMORIES). */
const arenaMemories: ArenaMemory[] = [];

/**
 * A span of an arena memory that holds a compiled program's buffers. Kernels whose operands all
 * live in one memory run in place: nothing is copied.
 */
export class Arena implements ArenaKernels {
  private readonly home: ArenaMemory;
  private readonly start: number;
  private readonly bytes: number;
  private next: number;
  private released = false;

  /** An arena of `doubles` in the first memory with room, or null when every memory allowed is full. */
  static tryCreate(doubles: number): Arena | null {
    const bytes = GROUP_BYTES + Math.ceil((doubles * 8) / GROUP_BYTES) * GROUP_BYTES;
    for (const m of arenaMemories) {
      const at = m.take(bytes);
      if (at !== undefined) return new Arena(m, at, bytes);
    }
    if (arenaMemories.length >= MAX_ARENA_MEMORIES) return null;
    const m = new ArenaMemory(bytes);
    arenaMemories.push(m);
    return new Arena(m, m.take(bytes) as number, bytes);
  }

  /** An arena of `doubles`; throws when every memory allowed is full. */
  static create(doubles: number): Arena {
    const arena = Arena.tryCreate(doubles);
    if (arena === null) throw new Error(`internal: no room for an arena of ${doubles} doubles in ${MAX_ARENA_MEMORIES} memories`);
    return arena;
  }

  private constructor(home: ArenaMemory, start: number, bytes: number) {
    this.home = home;
    this.start = start;
    this.bytes = bytes;
    this.next = start;
  }

  get memory(): WebAssembly.Memory {
    return this.home.memory;
  }

  get heap(): Float64Array {
    return this.home.heap;
  }

  get scratchAt(): number {
    return this.home.scratchAt;
  }

  /** A zeroed view of n doubles; throws when the arena was sized too small or released. */
  alloc(n: number): Float64Array {
    const at = this.next;
    const bytes = Math.ceil((n * 8) / GROUP_BYTES) * GROUP_BYTES + STAGGER_BYTES;
    if (this.released || at + bytes > this.start + this.bytes) throw new Error(`internal: arena of ${this.bytes} bytes is full or released`);
    this.next += bytes;
    return new Float64Array(this.memory.buffer, at, n);
  }

  /** Hands the span back for other arenas: views from alloc() must no longer be used. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.home.give(this.start, this.bytes);
  }

  exports<T>(kernel: KernelModule<T>): T {
    return this.home.exports<T>(kernel);
  }
}

/** Doubles an arena needs to hold buffers of these lengths (with alignment padding). */
export function arenaDoubles(lengths: Iterable<number>): number {
  let total = 0;
  for (const n of lengths) total += Math.ceil(n / 8) * 8 + STAGGER_BYTES / 8;
  return total;
}

/** The arena memory holding all of these arrays, or undefined when they are not all in one. */
export function arenaOf(a: Float64Array, b?: Float64Array, c?: Float64Array, d?: Float64Array): ArenaKernels | undefined {
  const buffer = a.buffer;
  if ((b !== undefined && b.buffer !== buffer) || (c !== undefined && c.buffer !== buffer) || (d !== undefined && d.buffer !== buffer)) {
    return undefined;
  }
  return memories.get(buffer as ArrayBuffer);
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
