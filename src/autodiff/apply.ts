import type { OpDef } from './node.js';
import { sizeOf } from './shape.js';
import { Tensor } from './tensor.js';

/** What a trace step runs: an op's forward, or a kernel that compile fused from several ops. */
export type Kernel = Pick<OpDef<any>, 'name' | 'forward'>;

/** One executed kernel, kept by a trace so a compiled program can run it again on new inputs. */
export interface TraceStep {
  readonly op: Kernel;
  readonly inputs: readonly Tensor[];
  readonly attrs: unknown;
  readonly out: Tensor;
}

/**
 * Small eager results are carved from shared 64 KiB slabs: a fresh off-heap Float64Array costs
 * microseconds in V8 (allocation, zeroing, GC accounting), a view on a slab a fraction of that.
 * Slab memory is never reused (a slab is freed with its last view), so every buffer starts at 0.
 */
const SLAB_DOUBLES = 8192;
const SMALL_DOUBLES = 512;
let slab = new ArrayBuffer(0);
let slabUsed = SLAB_DOUBLES;

function allocate(n: number): Float64Array {
  if (n > SMALL_DOUBLES) return new Float64Array(n);
  if (slabUsed + n > SLAB_DOUBLES) {
    slab = new ArrayBuffer(SLAB_DOUBLES * 8);
    slabUsed = 0;
  }
  const view = new Float64Array(slab, slabUsed * 8, n);
  slabUsed += n;
  return view;
}

let recording = true;
let activeTrace: TraceStep[] | null = null;
/** False while a trace records kernels without running them (traceKernels with computeValues false). */
let computing = true;

/** Runs an op: computes it now, links it into the graph when an input is differentiable, logs it to an active trace. */
export function apply<A>(op: OpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor {
  const shape = op.shape(inputs, attrs);
  let differentiable = false;
  if (recording) {
    for (let i = 0; i < inputs.length; i++) if (inputs[i].requiresGrad) differentiable = true;
  }
  const node = differentiable ? { op, inputs, attrs } : null;
  if (op.alias) return new Tensor(inputs[0].data, shape, node);
  const out = new Tensor(allocate(sizeOf(shape)), shape, node);
  if (computing) op.forward(out.data, inputs, attrs, shape);
  if (activeTrace !== null) activeTrace.push({ op, inputs, attrs, out });
  return out;
}

/** Runs `fn` without linking results into the graph (first-order gradients, evaluation). */
export function withoutGraph<T>(fn: () => T): T {
  const saved = recording;
  recording = false;
  try {
    return fn();
  } finally {
    recording = saved;
  }
}

export function isRecording(): boolean {
  return recording;
}

/**
 * Runs `fn` and returns every kernel it executed, in order. With `computeValues` false the kernels
 * are recorded and not run: every result holds zeros, which only a function that never reads a
 * value to decide what it computes can afford.
 */
export function traceKernels<T>(fn: () => T, computeValues = true): { result: T; steps: TraceStep[] } {
  if (activeTrace !== null) throw new Error('compile: tracing cannot be nested');
  const steps: TraceStep[] = [];
  activeTrace = steps;
  computing = computeValues;
  try {
    return { result: fn(), steps };
  } finally {
    activeTrace = null;
    computing = true;
  }
}
