import type { TraceStep } from './apply.js';

export interface BufferPlan {
  /** Length in doubles of each slot. */
  readonly slots: number[];
  /** The slot of every buffer the program touches. */
  readonly slotOf: Map<Float64Array, number>;
  /** Buffers whose values must survive between runs, each in a slot of its own: inputs, constants, outputs. */
  readonly kept: Set<Float64Array>;
}

/**
 * Gives every buffer a slot, where temporaries whose lifetimes do not overlap share one: a slot is
 * freed after the last kernel that touches its buffer, and a kernel's result never takes a slot
 * freed by that same kernel, so no kernel sees its output alias an input it did not ask for. The
 * most recently freed slot is taken first, while it is still in cache. A compiled exact MAML then
 * holds a few activation-sized buffers instead of one per kernel.
 */
export function planBuffers(steps: readonly TraceStep[], inputsAndOutputs: Iterable<Float64Array>): BufferPlan {
  const written = new Set(steps.map((s) => s.out.data));
  const kept = new Set(inputsAndOutputs);
  const lastUse = new Map<Float64Array, number>();
  steps.forEach((s, i) => {
    for (const t of s.inputs) {
      lastUse.set(t.data, i);
      if (!written.has(t.data)) kept.add(t.data);
    }
    lastUse.set(s.out.data, i);
  });

  const slots: number[] = [];
  const slotOf = new Map<Float64Array, number>();
  const free = new Map<number, number[]>();
  const place = (d: Float64Array): void => {
    if (slotOf.has(d)) return;
    const reusable = kept.has(d) ? undefined : free.get(d.length)?.pop();
    slotOf.set(d, reusable ?? slots.push(d.length) - 1);
  };
  for (const d of kept) place(d);
  steps.forEach((s, i) => {
    place(s.out.data);
    const touched = new Set([s.out.data, ...s.inputs.map((t) => t.data)]);
    for (const d of touched) {
      if (lastUse.get(d) !== i || kept.has(d)) continue;
      const pool = free.get(d.length) ?? [];
      pool.push(slotOf.get(d) as number);
      free.set(d.length, pool);
    }
  });
  return { slots, slotOf, kept };
}
