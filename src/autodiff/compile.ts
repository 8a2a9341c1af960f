import { type TraceStep, traceKernels } from './apply.js';
import { type BufferPlan, planBuffers } from './buffers.js';
import { dedupeSteps } from './dedupe.js';
import { fuseAccumulation } from './fuse.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor } from './tensor.js';
import { expectFunction, expectTensor } from './checks.js';
import { describe as describeValue } from '../validation/values.js';
import { Arena, arenaDoubles, wasmAvailable } from '../kernels/wasm/module.js';

/** What a compiled function returns: tensors, arrays of them or records of them. */
export type Outputs = Tensor | readonly Outputs[] | { readonly [key: string]: Outputs };

/** A compiled function: `run` replays its kernels into preallocated buffers and returns those buffers. */
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
  /** The kernels themselves, in order (for profiling and inspection). @internal */
  readonly trace: readonly TraceStep[];
  /** Float64 elements held by the program's buffers. */
  readonly elements: number;
  /**
   * Moves the buffers out of WebAssembly memory into plain arrays and hands the memory to other
   * programs: for a program that is kept but no longer run often. It still runs, with the same
   * bits (on the TypeScript kernels); tensors it returned before no longer see its runs.
   */
  release(): void;
}

/** How `compile` and `compileStaged` trace. */
export interface CompileOptions {
  /**
   * false: trace without computing any value (the kernels are recorded, not run, and every
   * intermediate tensor holds zeros while `fn` runs), which makes compiling several times
   * cheaper. Only for an `fn` whose control flow reads no tensor value; the program is the same
   * either way. Default true: `fn` sees the values computed from the examples.
   */
  readonly traceValues?: boolean;
}

/**
 * Traces `fn` once on `examples` and returns a program that replays the same kernels into the same
 * buffers: no graph is built and nothing is allocated per run. As with jax.jit, control flow that
 * depends on values is frozen at trace time; everything computed must go through ops.
 */
export function compile<O extends Outputs>(fn: (...inputs: Tensor[]) => O, examples: readonly Tensor[], options: CompileOptions = {}): Program<O> {
  const built = build(fn, examples, 0, options);
  const { inputs, result } = built;
  const steps = built.early;
  return {
    steps: steps.length,
    trace: steps,
    elements: built.elements,
    release: built.release,
    run(...values) {
      return this.runWith(values);
    },
    runWith(values) {
      loadAll(inputs, 0, inputs.length, values);
      replay(steps);
      return result;
    },
  };
}

/** A program run in two parts: the early outputs first, then the late ones, as often as wanted. */
export interface StagedProgram<E extends Outputs, L extends Outputs> {
  /** Loads the early inputs and runs every kernel that reads no late input: the early outputs. */
  runEarly(inputs: readonly (Tensor | Float64Array)[]): E;
  /**
   * Loads the late inputs and runs the remaining kernels on what the last runEarly left: the late
   * outputs. Repeatable with new late inputs; the buffers it reads from the early part stay intact.
   */
  runLate(inputs: readonly (Tensor | Float64Array)[]): L;
  /** Float64 elements held by the program's buffers. */
  readonly elements: number;
  /** As Program.release(). */
  release(): void;
}

/**
 * compile() for a function whose last `lateCount` inputs are known only later: an HVP's direction,
 * when its gradient is needed at once. The early kernels run once, and each late run reuses their
 * forward and backward passes instead of running them again. Same bits as compile() and as eager.
 */
export function compileStaged<E extends Outputs, L extends Outputs>(
  fn: (...inputs: Tensor[]) => { early: E; late: L },
  examples: readonly Tensor[],
  lateCount: number,
  options: CompileOptions = {},
): StagedProgram<E, L> {
  if (!Number.isInteger(lateCount) || lateCount < 1 || lateCount >= examples.length) {
    throw new Error(`compileStaged: lateCount is ${lateCount}, expected an integer in [1, ${examples.length - 1}] (the number of late inputs)`);
  }
  const built = build(fn, examples, lateCount, options);
  const { inputs, result, early, late } = built;
  const firstLate = inputs.length - lateCount;
  const lateBuffers = new Set(inputs.slice(firstLate).map((t) => t.data));
  visitOutputs(result.early, (t) => {
    if (late.some((s) => s.out.data === t.data) || lateBuffers.has(t.data)) throw new Error('compileStaged: an early output depends on a late input');
  });
  return {
    elements: built.elements,
    release: built.release,
    runEarly(values) {
      loadAll(inputs, 0, firstLate, values);
      replay(early);
      return result.early;
    },
    runLate(values) {
      loadAll(inputs, firstLate, inputs.length, values);
      replay(late);
      return result.late;
    },
  };
}

interface Built<O> {
  readonly inputs: Tensor[];
  readonly result: O;
  /** Kernels that read no late input, then those that do (all of them early when lateCount is 0). */
  readonly early: TraceStep[];
  readonly late: TraceStep[];
  readonly elements: number;
  readonly release: () => void;
}

function build<O extends Outputs>(fn: (...inputs: Tensor[]) => O, examples: readonly Tensor[], lateCount: number, options: CompileOptions): Built<O> {
  expectFunction('compile', 'fn', fn);
  if (!Array.isArray(examples)) throw new Error(`compile: examples is ${describeValue(examples)}, expected an array of Tensors`);
  examples.forEach((x, i) => expectTensor('compile', `examples[${i}]`, x));
  const inputs = examples.map((x) => new Tensor(Float64Array.from(x.data), x.shape));
  if (typeof options !== 'object' || options === null) throw new Error(`compile: options is ${describeValue(options)}, expected { traceValues? }`);
  const traced = traceKernels(() => fn(...inputs), options.traceValues ?? true);
  const result = traced.result;
  const live = liveSteps(traced.steps, result);
  // Later passes only drop steps or rebuild them from these tensors, so one set serves every swap.
  const tensors = programTensors(inputs, live, result);
  const deduped = dedupeSteps(live);
  swapBuffers(tensors, deduped.merged);
  const lateInputs = new Set(inputs.slice(inputs.length - lateCount).map((t) => t.data));
  // What the late kernels read from the early ones must survive late runs: never fused into, never shared.
  const pinned = new Set([...boundaryBuffers(inputs, result), ...phases(deduped.steps, lateInputs).crossing]);
  const fused = fuseAccumulation(deduped.steps, pinned);
  swapBuffers(tensors, fused.merged);
  const { early, late, crossing } = phases(fused.steps, lateInputs);
  const plan = planBuffers([...early, ...late], new Set([...boundaryBuffers(inputs, result), ...crossing]));
  const placed = placeBuffers(plan);
  swapBuffers(tensors, placed.views);
  const release = (): void => {
    if (placed.arena === null) return;
    swapBuffers(tensors, new Map([...placed.views.values()].map((v) => [v, v.slice()])));
    placed.arena.release();
    placed.arena = null;
  };
  return { inputs, result, early, late, elements: plan.slots.reduce((n, length) => n + length, 0), release };
}

/**
 * Splits kernels by whether they read a late input, directly or through other kernels, and finds
 * the buffers the late ones read from the early part. Early kernels never read late results, so
 * running all early kernels first keeps every kernel after its inputs.
 */
function phases(steps: readonly TraceStep[], lateInputs: ReadonlySet<Float64Array>): { early: TraceStep[]; late: TraceStep[]; crossing: Set<Float64Array> } {
  const dependent = new Set(lateInputs);
  const early: TraceStep[] = [];
  const late: TraceStep[] = [];
  const crossing = new Set<Float64Array>();
  for (const s of steps) {
    if (!s.inputs.some((t) => dependent.has(t.data))) {
      early.push(s);
      continue;
    }
    late.push(s);
    for (const t of s.inputs) if (!dependent.has(t.data)) crossing.add(t.data);
    dependent.add(s.out.data);
  }
  return { early, late, crossing };
}

function loadAll(slots: readonly Tensor[], from: number, to: number, values: readonly (Tensor | Float64Array)[]): void {
  if (!Array.isArray(values)) throw new Error(`compiled program: inputs is ${describeValue(values)}, expected an array of Tensors or Float64Arrays`);
  if (values.length !== to - from) {
    throw new Error(`compiled program: got ${values.length} inputs, expected ${to - from}`);
  }
  for (let i = from; i < to; i++) load(slots[i], values[i - from], i);
}

function load(slot: Tensor, value: Tensor | Float64Array, index: number): void {
  if (!(value instanceof Tensor) && !(value instanceof Float64Array)) {
    throw new Error(`compiled program: input ${index} is ${describeValue(value)}, expected a Tensor or a Float64Array`);
  }
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
 * kernels run in place there without copying operands in and out; when the arena memories are
 * full, in plain arrays. Kept buffers take their values.
 */
function placeBuffers(plan: BufferPlan): { views: Map<Float64Array, Float64Array>; arena: Arena | null } {
  const arena = wasmAvailable() ? Arena.tryCreate(arenaDoubles(plan.slots)) : null;
  const slots = plan.slots.map((length) => (arena === null ? new Float64Array(length) : arena.alloc(length)));
  const views = new Map<Float64Array, Float64Array>();
  for (const [d, slot] of plan.slotOf) views.set(d, slots[slot]);
  for (const d of plan.kept) slots[plan.slotOf.get(d) as number].set(d);
  return { views, arena };
}
