import { type TraceStep, traceKernels } from './apply.js';
import { type BufferPlan, planBuffers } from './buffers.js';
import { dedupeSteps } from './dedupe.js';
import { fuseAccumulation } from './fuse.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor } from './tensor.js';
import { Arena, arenaDoubles, wasmAvailable } from '../kernels/wasm/module.js';

/** What a compiled function returns: tensors, arrays of them or records of them. */
export type Outputs = Tensor | readonly Outputs[] | { readonly [key: string]: Outputs };

export interface Program<O extends Outputs> {
  /**
   * Runs the program on new input values (tensors or buffers of the traced shapes). The returned
   * tensors are the program's own buffers, overwritten by the next run: copy what you keep.
   */
  run(...inputs: readonly (Tensor | Float64Array)[]): O;
  /** run() taking its inputs as one array, which a hot loop can reuse: nothing is allocated per call. */
  runWith(inputs: readonly (Tensor | Float64Array)[]): O;
  /** Kernels replayed per run. */
  readonly steps: number;
  /** The kernels themselves, in order (for profiling and inspection). */
  readonly trace: readonly TraceStep[];
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
  const traced = traceKernels(() => fn(...inputs));
  const result = traced.result;
  const live = liveSteps(traced.steps, result);
  // Later passes only drop steps or rebuild them from these tensors, so one set serves every swap.
  const tensors = programTensors(inputs, live, result);
  const deduped = dedupeSteps(live);
  swapBuffers(tensors, deduped.merged);
  const { steps, merged } = fuseAccumulation(deduped.steps, boundaryBuffers(inputs, result));
  swapBuffers(tensors, merged);
  const plan = planBuffers(steps, boundaryBuffers(inputs, result));
  swapBuffers(tensors, placeBuffers(plan));
  const elements = plan.slots.reduce((n, length) => n + length, 0);
  return {
    steps: steps.length,
    trace: steps,
    elements,
    run(...values) {
      return this.runWith(values);
    },
    runWith(values) {
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

/**
 * Drops kernels whose results never reach an output. Reverse-over-reverse leaves such work behind:
 * an HVP needs the graph of the gradient but not its value (d(gᵀv) reads v, not g).
 */
function liveSteps(steps: readonly TraceStep[], result: Outputs): TraceStep[] {
  const live = new Set<Float64Array>();
  visitOutputs(result, (t) => live.add(t.data));
  const kept: TraceStep[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (!live.has(s.out.data)) continue;
    for (const t of s.inputs) live.add(t.data);
    kept.push(s);
  }
  return kept.reverse();
}

function visitOutputs(o: Outputs, visit: (t: Tensor) => void): void {
  if (o instanceof Tensor) visit(o);
  else if (Array.isArray(o)) for (const x of o) visitOutputs(x, visit);
  else for (const x of Object.values(o)) visitOutputs(x, visit);
}

/** The buffers a run loads or hands out. */
function boundaryBuffers(inputs: readonly Tensor[], result: Outputs): Set<Float64Array> {
  const buffers = new Set(inputs.map((t) => t.data));
  visitOutputs(result, (t) => buffers.add(t.data));
  return buffers;
}

function programTensors(inputs: readonly Tensor[], steps: readonly TraceStep[], result: Outputs): Set<Tensor> {
  const tensors = new Set<Tensor>(inputs);
  for (const s of steps) {
    for (const t of s.inputs) tensors.add(t);
    tensors.add(s.out);
  }
  visitOutputs(result, (t) => tensors.add(t));
  return tensors;
}

/** The one place a tensor's buffer is swapped: before the program is handed out, values equal. */
function swapBuffers(tensors: ReadonlySet<Tensor>, to: ReadonlyMap<Float64Array, Float64Array>): void {
  for (const t of tensors) {
    const d = to.get(t.data);
    if (d !== undefined) (t as { data: Float64Array }).data = d;
  }
}

/**
 * Puts every buffer in its slot of the plan. With WebAssembly the slots live in one arena, so
 * kernels run in place there without copying operands in and out. Kept buffers take their values.
 */
function placeBuffers(plan: BufferPlan): Map<Float64Array, Float64Array> {
  const arena = wasmAvailable() ? new Arena(arenaDoubles(plan.slots)) : null;
  const views = plan.slots.map((length) => (arena === null ? new Float64Array(length) : arena.alloc(length)));
  const placed = new Map<Float64Array, Float64Array>();
  for (const [d, slot] of plan.slotOf) placed.set(d, views[slot]);
  for (const d of plan.kept) views[plan.slotOf.get(d) as number].set(d);
  return placed;
}
