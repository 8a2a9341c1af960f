// gemm on two threads over one shared WebAssembly memory: this thread and a helper each run the
// same gemm kernel on half of the rows of c. An element of c is computed by one thread, by the
// kernel that computes it on one thread, so the bits do not change (test/kernels/threads.test.ts).
//
// The helper is a worker the embedding starts (the kernels use no runtime's thread API): Node's
// worker_threads or a browser's Web Worker, given HELPER_SOURCE and the init message. Both
// threads meet through Atomics on a control block; the helper sleeps in Atomics.wait, this thread
// spins until the helper's half is done (a browser's main thread may not wait). Until the helper
// says it is ready, and wherever SharedArrayBuffer is missing (a page that is not cross-origin
// isolated), every product stays on one thread.

import { GEMM_THREADS_MAX_PAGES, gemmDriverArgs, gemmSharedKernel, useGemmThreads } from './gemm.js';
import { copyIn, copyOut, wasmAvailable } from './wasm/module.js';

/** Control block slots (Int32): the request number, the last one done, readiness, then the helper's gemm arguments. */
const SEQ = 0, DONE = 1, READY = 2, ARGS = 3;
const CONTROL_INTS = ARGS + 9;

/**
 * Below this many multiply-adds a product stays on one thread. The split saves half of the
 * product's time and costs the copies into and out of the shared memory (a few percent of the
 * product at the MLP shapes, more for narrow layers) and a wake-up of the parked helper (tens of
 * microseconds), so it pays only once half a product takes several wake-ups: at the 32- and
 * 64-wide layers of the shipped configs that is from about this size, and at half of it the split
 * saves next to nothing. `bench/gemm-threads.ts` measures both sides.
 */
export const GEMM_THREADS_MIN_MACS = 1 << 20;

/** What the helper is started with: to hand to it as it is (the memory is a shared WebAssembly.Memory). */
export interface GemmHelperInit {
  readonly bytes: Uint8Array;
  readonly memory: object;
  readonly control: SharedArrayBuffer;
}

/**
 * The helper's program: a function expression of the init message. It instantiates the shared
 * gemm module on the memory, says it is ready, and runs each request's rows.
 */
export const HELPER_SOURCE = `(init) => {
  const ctl = new Int32Array(init.control);
  const kernel = new WebAssembly.Instance(new WebAssembly.Module(init.bytes), { env: { memory: init.memory } }).exports;
  Atomics.store(ctl, ${READY}, 1);
  let seq = 0;
  for (;;) {
    Atomics.wait(ctl, ${SEQ}, seq);
    seq = Atomics.load(ctl, ${SEQ});
    const a = ${ARGS};
    kernel.gemm(ctl[a], ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6], ctl[a + 7], ctl[a + 8]);
    Atomics.store(ctl, ${DONE}, seq);
  }
}`;

/** Starts the helper worker running HELPER_SOURCE on `init`; returns how to stop it. */
export type StartHelper = (source: string, init: GemmHelperInit) => {
  /** Stops the helper (disableGemmThreads calls it). */
  terminate(): void;
};

const PAGE_BYTES = 65536;

class TwoThreadGemm {
  readonly minMacs: number;
  private readonly memory: WebAssembly.Memory;
  private readonly control: Int32Array;
  private readonly kernel: { gemm: (...args: number[]) => void; transpose: (src: number, dst: number, rows: number, cols: number) => void };
  private seq = 0;

  constructor(memory: WebAssembly.Memory, control: SharedArrayBuffer, minMacs: number) {
    this.memory = memory;
    this.control = new Int32Array(control);
    this.minMacs = minMacs;
    this.kernel = new WebAssembly.Instance(new WebAssembly.Module(gemmSharedKernel.build()), { env: { memory } }).exports as unknown as TwoThreadGemm['kernel'];
  }

  get ready(): boolean {
    return Atomics.load(this.control, READY) === 1;
  }

  run(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number, transA: boolean, transB: boolean, accumulate: boolean): boolean {
    if (m < 2 || n === 0 || !this.ready) return false;
    // Layout in doubles, as gemmWasm's: a | b as [k,n] | c | b as given (only when it needs transposing).
    const bAt = m * k;
    const cAt = bAt + k * n;
    const rawAt = cAt + m * n;
    const doubles = transB ? rawAt + k * n : rawAt;
    const heap = this.heap(doubles);
    if (heap === null) return false;
    copyIn(heap, 0, a, m * k);
    if (transB) {
      copyIn(heap, rawAt, b, k * n);
      this.kernel.transpose(rawAt * 8, bAt * 8, n, k);
    } else {
      copyIn(heap, bAt, b, k * n);
    }
    if (accumulate) copyIn(heap, cAt, c, m * n);
    const { aRow, aStep, mode } = gemmDriverArgs(m, k, transA, accumulate);
    // The helper takes the lower rows: same strides, a and c moved on by the upper rows.
    const upper = m >> 1;
    const ctl = this.control;
    const args = [upper * aRow, bAt * 8, (cAt + upper * n) * 8, m - upper, k, n, aRow, aStep, mode];
    for (let i = 0; i < args.length; i++) ctl[ARGS + i] = args[i];
    const seq = ++this.seq;
    Atomics.store(ctl, SEQ, seq);
    Atomics.notify(ctl, SEQ);
    this.kernel.gemm(0, bAt * 8, cAt * 8, upper, k, n, aRow, aStep, mode);
    while (Atomics.load(ctl, DONE) !== seq) {
      // The helper's half is as long as this thread's: it ends about when this one did.
    }
    copyOut(c, heap, cAt, m * n);
    return true;
  }

  /** The memory as doubles, grown to hold `doubles`; null past its maximum. */
  private heap(doubles: number): Float64Array | null {
    const bytes = doubles * 8;
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      const pages = Math.ceil((bytes - have) / PAGE_BYTES);
      if (have / PAGE_BYTES + pages > GEMM_THREADS_MAX_PAGES) return null;
      this.memory.grow(pages);
    }
    return new Float64Array(this.memory.buffer, 0, doubles);
  }
}

let running: { gemm: TwoThreadGemm; helper: { terminate(): void } } | null = null;

/**
 * Runs large products of gemm on two threads from now on, the helper started by `start`; false
 * (and one thread) where WebAssembly SIMD or shared memory is missing. `minMacs` is the size from
 * which a product is split (for tests and benchmarks; default GEMM_THREADS_MIN_MACS).
 */
export function enableGemmThreads(start: StartHelper, minMacs = GEMM_THREADS_MIN_MACS): boolean {
  if (running !== null) return true;
  if (!wasmAvailable() || typeof SharedArrayBuffer !== 'function') return false;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: 16, maximum: GEMM_THREADS_MAX_PAGES, shared: true });
  } catch {
    return false;
  }
  const control = new SharedArrayBuffer(CONTROL_INTS * 4);
  const gemm = new TwoThreadGemm(memory, control, minMacs);
  const helper = start(HELPER_SOURCE, { bytes: gemmSharedKernel.build(), memory, control });
  running = { gemm, helper };
  useGemmThreads(gemm);
  return true;
}

/** True once the helper has started: products of at least minMacs then run on two threads. */
export function gemmThreadsReady(): boolean {
  return running?.gemm.ready === true;
}

/** Back to one thread; the helper is stopped. */
export function disableGemmThreads(): void {
  if (running === null) return;
  useGemmThreads(null);
  running.helper.terminate();
  running = null;
}
