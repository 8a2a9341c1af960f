import type { TraceStep } from './apply.js';

export interface Deduped {
  readonly steps: TraceStep[];
  /** Each dropped step's buffer maps to the buffer of the step that computes the same value. */
  readonly merged: Map<Float64Array, Float64Array>;
}

/**
 * Drops a kernel that repeats an earlier one on the same buffers with the same attributes: every
 * kernel is a pure function of its inputs, so the earlier result is the same bits. Reverse-over-
 * reverse recomputes such values (a log-softmax's backward takes exp of its output again).
 */
export function dedupeSteps(steps: readonly TraceStep[]): Deduped {
  // Buffers and kernels by identity: two ops may share a name.
  const ids = new Map<object, number>();
  const id = (x: object): number => {
    let i = ids.get(x);
    if (i === undefined) ids.set(x, (i = ids.size));
    return i;
  };
  const merged = new Map<Float64Array, Float64Array>();
  const first = new Map<string, Float64Array>();
  const kept: TraceStep[] = [];
  for (const s of steps) {
    const inputs = s.inputs.map((t) => `${id(merged.get(t.data) ?? t.data)}[${t.shape.join(',')}]`);
    const key = `${id(s.op)} ${inputs.join(' ')} ${JSON.stringify(s.attrs)} [${s.out.shape.join(',')}]`;
    const same = first.get(key);
    if (same === undefined) {
      first.set(key, s.out.data);
      kept.push(s);
    } else {
      merged.set(s.out.data, same);
    }
  }
  return { steps: kept, merged };
}
