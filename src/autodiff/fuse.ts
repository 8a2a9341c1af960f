import type { Kernel, TraceStep } from './apply.js';
import { addRowInto } from '../kernels/elementwise.js';
import { P_BLOCK, gemm } from '../kernels/gemm.js';
import { addOp } from './ops/arith.js';
import type { Broadcast } from './ops/broadcast.js';
import { type MatmulAttrs, matmulOp } from './ops/matmul.js';
import { expandOp } from './ops/reduce.js';
import { colsOf, rowsOf, sameShape } from './shape.js';
import type { Tensor } from './tensor.js';

// Fused kernels write into their input 0's buffer, which is also their output.

/** x += op(a) op(b). gemm's accumulate mode adds the finished sum once: the bits of x + a·b. */
const matmulAccumulate: Kernel = {
  name: 'matmul+=',
  forward(out, inputs, s: MatmulAttrs) {
    const a = inputs[1], b = inputs[2];
    gemm(out, a.data, b.data, s.m, s.k, s.n, s.transA, s.transB, true);
  },
};

/** x += row, the row broadcast down x's rows. */
const addRowInPlace: Kernel = {
  name: 'addRow+=',
  forward(out, inputs, _attrs, shape) {
    const row = inputs[1];
    const rows = rowsOf(shape), cols = colsOf(shape);
    addRowInto(out, out, row.data, rows, cols);
  },
};

export interface Fused {
  readonly steps: TraceStep[];
  /** Buffers that fused kernels made share another: each old buffer maps to the one it became. */
  readonly merged: Map<Float64Array, Float64Array>;
}

/**
 * Sums of gradient contributions (the tape adds each new contribution to the running one) stop
 * costing a pass of their own: add(x, matmul(a, b)) becomes a matmul accumulating into x's
 * buffer, add(x, expand(row)) a row added in place. Only where x and the addend are temporaries
 * the add alone reads: never a program input, output or constant. The bits do not change
 * (IEEE addition commutes). Exact MAML's backward through the inner gradient is full of these.
 * `pinned` holds the buffers that must not be written: inputs and outputs.
 */
export function fuseAccumulation(steps: readonly TraceStep[], pinned: ReadonlySet<Float64Array>): Fused {
  const producer = new Map<Float64Array, number>();
  const reads = new Map<Float64Array, number>();
  steps.forEach((s, i) => {
    producer.set(s.out.data, i);
    for (const t of s.inputs) reads.set(t.data, (reads.get(t.data) ?? 0) + 1);
  });
  // An add's output merged into its accumulator's buffer; accumulators are never merged themselves.
  const merged = new Map<Float64Array, Float64Array>();
  const resolve = (d: Float64Array): Float64Array => merged.get(d) ?? d;
  const fixed = new Set(pinned);
  // Buffers that already hold a sum: their producer's kernel alone no longer computes them.
  const sums = new Set<Float64Array>();
  const temporary = (t: Tensor): boolean => {
    const d = resolve(t.data);
    return producer.has(d) && reads.get(d) === 1 && !fixed.has(d);
  };

  const kept: (TraceStep | null)[] = [...steps];
  steps.forEach((s, i) => {
    if (s.op !== addOp || !sameShape(s.inputs[0].shape, s.inputs[1].shape)) return;
    for (const [acc, addend] of [s.inputs, [s.inputs[1], s.inputs[0]]]) {
      if (!temporary(acc) || !temporary(addend) || sums.has(resolve(addend.data))) continue;
      const from = producer.get(resolve(addend.data)) as number;
      const fused = fusedStep(steps[from], acc, s.out);
      if (fused === null) continue;
      kept[from] = null;
      kept[i] = fused;
      const into = resolve(acc.data);
      merged.set(s.out.data, into);
      sums.add(into);
      reads.set(into, reads.get(s.out.data) ?? 0);
      if (fixed.has(s.out.data)) fixed.add(into);
      return;
    }
  });
  return { steps: kept.filter((s): s is TraceStep => s !== null), merged };
}

function fusedStep(addend: TraceStep, acc: Tensor, out: Tensor): TraceStep | null {
  if (addend.op === matmulOp && (addend.attrs as MatmulAttrs).k <= P_BLOCK) {
    // Longer sums are computed in blocks through c itself, which here holds x.
    return { op: matmulAccumulate, inputs: [acc, ...addend.inputs], attrs: addend.attrs, out };
  }
  if (addend.op === expandOp) {
    const b = addend.attrs as Broadcast;
    if (b.bi === 0 && b.bj === 1) return { op: addRowInPlace, inputs: [acc, addend.inputs[0]], attrs: null, out };
  }
  return null;
}
