import { type TraceStep, traceKernels } from './apply.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor } from './tensor.js';

/** What a compiled function returns: tensors, arrays of them or records of them. */
export type Outputs = Tensor | readonly Outputs[] | { readonly [key: string]: Outputs };

export interface Program<O extends Outputs> {
  /**
   * Runs the program on new input values (tensors or buffers of the traced shapes). The returned
   * tensors are the program's own buffers, overwritten by the next run: copy what you keep.
   */
  run(...inputs: readonly (Tensor | Float64Array)[]): O;
  /** Kernels replayed per run. */
  readonly steps: number;
  /** Float64 elements held by the program's buffers. */
  readonly elements: number;
}

/**
 * Traces `fn` once on `examples` and returns a program that replays the same kernels into the same
 * buffers: no graph is built and nothing is allocated per run. As with jax.jit, control flow that
 * depends on values is frozen at trace time; everything computed must go through ops.
 */
export function compile<O extends Outputs>(fn: (...inputs: Tensor[]) => O, examples: readonly Tensor[]): Program<O> {
  const inputs = examples.map((x) => new Tensor(Float64Array.from(x.data), x.shape));
  const { result, steps } = traceKernels(() => fn(...inputs));
  const elements = steps.reduce((n, s) => n + s.out.size, 0);
  return {
    steps: steps.length,
    elements,
    run(...values) {
      if (values.length !== inputs.length) {
        throw new Error(`compiled program: got ${values.length} inputs, expected ${inputs.length}`);
      }
      for (let i = 0; i < inputs.length; i++) load(inputs[i], values[i], i);
      replay(steps);
      return result;
    },
  };
}

function load(slot: Tensor, value: Tensor | Float64Array, index: number): void {
  if (value instanceof Tensor ? !sameShape(value.shape, slot.shape) : value.length !== slot.size) {
    const got = value instanceof Tensor ? formatShape(value.shape) : `a buffer of length ${value.length}`;
    throw new Error(`compiled program: input ${index} is ${got}, expected shape ${formatShape(slot.shape)}`);
  }
  slot.data.set(value instanceof Tensor ? value.data : value);
}

function replay(steps: readonly TraceStep[]): void {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    s.op.forward(s.out.data, s.inputs, s.attrs, s.out.shape);
  }
}
