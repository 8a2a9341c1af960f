/**
 * The surrogate's gradient and Hessian-vector product, eager or through compiled programs.
 *
 * Row counts change from batch to batch (episode lengths), so one compiled program (trace once,
 * replay into preallocated buffers) serves every row count up to its capacity: the batch fills its
 * first rows, the rest stay zero (observation 0, action 0, advantage 0), and the surrogate's -1/n
 * is an input set at run time. A padding row then adds exactly ±0 to every sum, and every kernel
 * adds a sum's terms in row order (gemm in ascending p, sums row after row), so a padded run gives
 * the eager bits: results, determinism and snapshot resume do not depend on which path ran
 * (test/meta/surrogate-programs.test.ts checks it row count by row count, both heads).
 *
 * Capacities are buckets, eight per octave (at most 12.5% padding, none below 16 rows). A row count
 * whose bucket does not hold the program it needs borrows the smallest compiled bucket up to twice
 * its size that does, until the rows it has padded that way add up to what compiling its own
 * costs (COMPILE_COST_RUNS uses at its own size; rent until renting has cost the purchase, which
 * never pays more than twice the better of the two choices made knowing the future). Compiling
 * costs a few runs, while row counts drift from iteration to iteration as the policy changes, so
 * most counts of a short run are served by a few buckets.
 * Running a bucket eagerly instead would warm the JIT on code the run then leaves. Buckets are
 * kept while their buffers fit `maxElements`, least recently used evicted first; an evicted
 * bucket's programs release their WebAssembly memory to the buckets compiled after it.
 */
import { type Program, type StagedProgram, compile, compileStaged } from '../autodiff/compile.js';
import { type Tensor, fromBuffer } from '../autodiff/tensor.js';
import { valueAndGrad, valueGradAndHvp } from '../autodiff/transforms.js';
import { isGaussianLayout } from '../nn/gaussian.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { reinforceObjective } from '../rl/policy-gradient.js';

/** When the trainer runs its gradients and HVPs through compiled programs: by batch size, never, or always. */
export type CompileMode = 'auto' | 'never' | 'always';

type GradProgram = Program<{ value: Tensor; grad: Tensor }>;
type LinearizationProgram = StagedProgram<{ value: Tensor; grad: Tensor }, Tensor[]>;

/**
 * A staged program whose early part (value and gradient) ran for `owner`: its HVPs then run only
 * the late part. Another linearization may take the instance over; the owner's next HVP then runs
 * the early part again on its own batch first (same bits, more time).
 */
interface Linearization {
  readonly program: LinearizationProgram;
  owner: object | null;
}

/**
 * One bucket: its programs and the padded batch they read (obs, actions, advantages, the scale,
 * then with an entropy bonus the row mask).
 */
interface Bucket {
  readonly rows: number;
  readonly inputs: Float64Array[];
  grad?: GradProgram;
  /** Least recently started first. */
  readonly linearizations: Linearization[];
  /** Linearizations to keep: one, and one more each time an HVP found its instance taken over. */
  wanted: number;
}

/** The surrogate's ops read no value to decide what to compute: its programs trace without running kernels. */
const TRACE = { traceValues: false } as const;

/** A borrowed bucket holds at most this many times the rows of the batch it serves. */
const MAX_BORROWED_PADDING = 2;

/**
 * What compiling a program costs, in uses of it (a gradient program's run; a linearization's early
 * run with its HVPs' late runs): tracing builds the op's graph (recording its kernels, not running
 * them), the passes after it walk every kernel several times, and the first compiles of a thread
 * run code the JIT has not warmed yet.
 */
const COMPILE_COST_RUNS = { grad: 4, linearization: 4 } as const;

type ProgramKind = keyof typeof COMPILE_COST_RUNS;

/** Exact MAML holds one linearization per inner step of a task until its backward pass. */
const MAX_LINEARIZATIONS_PER_BUCKET = 4;

export interface SurrogateProgramsOptions {
  /** 'auto' (default): batches of minRows or more run compiled; 'never': always eager; 'always': every batch compiled. */
  readonly mode?: CompileMode;
  /** Row counts below this stay eager in 'auto' mode; default 32. */
  readonly minRows?: number;
  /** Float64 elements the kept buckets may hold (programs and padded inputs); default 2^24 (128 MiB). */
  readonly maxElements?: number;
  /** Coefficient of the entropy bonus in the surrogate (see EntropyBonus); default 0, none. */
  readonly entropyCoeff?: number;
}

const BUCKETS_PER_OCTAVE = 8;
const SMALLEST_STEP = 16;

/** The capacity that serves `rows`: rows rounded up to a step of 1/8 of its octave (at least 16). */
export function bucketRows(rows: number): number {
  const octave = 2 ** Math.floor(Math.log2(Math.max(rows, 1)));
  const step = Math.max(SMALLEST_STEP, octave / BUCKETS_PER_OCTAVE);
  return Math.ceil(rows / step) * step;
}

export class SurrogatePrograms {
  readonly mode: CompileMode;
  private readonly minRows: number;
  private readonly maxElements: number;
  private readonly buckets = new Map<number, Bucket>();
  /** Per program kind and capacity, the padding rows its batches have run in borrowed buckets so far. */
  private readonly borrowedRows: Record<ProgramKind, Map<number, number>> = { grad: new Map(), linearization: new Map() };
  private readonly size: number;
  private readonly entropyCoeff: number;
  /** Whether the objective reads a row mask: a categorical policy's entropy bonus. */
  private readonly masked: boolean;

  constructor(
    readonly layout: MlpLayout,
    options: SurrogateProgramsOptions = {},
  ) {
    this.mode = options.mode ?? 'auto';
    this.minRows = options.minRows ?? 32;
    this.maxElements = options.maxElements ?? 2 ** 24;
    this.size = layout.size;
    this.entropyCoeff = options.entropyCoeff ?? 0;
    if (!(this.entropyCoeff >= 0 && this.entropyCoeff < Infinity)) throw new Error(`SurrogatePrograms: entropyCoeff is ${this.entropyCoeff}, expected a non-negative finite number`);
    this.masked = this.entropyCoeff > 0 && !isGaussianLayout(layout);
  }

  /** The surrogate on a batch; scale and mask are the compiled programs' run-time inputs (eager: none). */
  private objective(theta: Tensor, obs: Tensor, actions: Tensor, advantages: Tensor, scale?: Tensor, mask?: Tensor): Tensor {
    const bonus = this.entropyCoeff > 0 ? { coeff: this.entropyCoeff, mask } : undefined;
    return reinforceObjective(this.layout, theta, { obs, actions, advantages }, scale, bonus);
  }

  /**
   * The bucket serving this batch, with the batch loaded; null when it runs eagerly. Refreshes its
   * LRU position. `ready` says whether a bucket holds the program of `kind` the caller runs (it may
   * borrow one).
   */
  private bucket(batch: PolicyBatch, kind: ProgramKind, ready: (b: Bucket) => boolean): Bucket | null {
    const rows = batch.obs.shape[0];
    if (this.mode === 'never' || (this.mode === 'auto' && rows < this.minRows)) return null;
    const capacity = bucketRows(rows);
    let b = this.buckets.get(capacity);
    if (b === undefined || !ready(b)) {
      const lender = this.lender(rows, ready);
      const padded = this.borrowedRows[kind].get(capacity) ?? 0;
      if (lender !== undefined && padded < COMPILE_COST_RUNS[kind] * capacity) {
        this.borrowedRows[kind].set(capacity, padded + lender.rows - capacity);
        this.buckets.delete(lender.rows);
        this.buckets.set(lender.rows, lender);
        load(lender, batch, rows);
        return lender;
      }
    }
    if (b === undefined) {
      const padded = (t: Tensor): Float64Array => new Float64Array((t.size / rows) * capacity);
      const inputs = [padded(batch.obs), padded(batch.actions), padded(batch.advantages), new Float64Array(1)];
      if (this.masked) inputs.push(new Float64Array(capacity));
      b = { rows: capacity, inputs, linearizations: [], wanted: 1 };
    } else {
      this.buckets.delete(capacity);
    }
    this.buckets.set(capacity, b);
    load(b, batch, rows);
    return b;
  }

  /** The smallest compiled bucket that can serve `rows` with the program `ready` asks for, padding at most MAX_BORROWED_PADDING times. */
  private lender(rows: number, ready: (b: Bucket) => boolean): Bucket | undefined {
    let best: Bucket | undefined;
    for (const b of this.buckets.values()) {
      if (b.rows >= rows && b.rows <= MAX_BORROWED_PADDING * rows && ready(b) && (best === undefined || b.rows < best.rows)) best = b;
    }
    return best;
  }

  /** Evicts the least recently used buckets but the newest while the kept buffers exceed the budget. */
  private fit(): void {
    let total = this.keptElements();
    for (const [rows, b] of this.buckets) {
      if (total <= this.maxElements || this.buckets.size === 1) break;
      total -= elementsOf(b);
      this.buckets.delete(rows);
      // An HVP handed out earlier may still run the bucket's linearization: released, it still can.
      b.grad?.release();
      for (const l of b.linearizations) l.program.release();
    }
  }

  /** Float64 elements held by the kept buckets. */
  keptElements(): number {
    let total = 0;
    for (const b of this.buckets.values()) total += elementsOf(b);
    return total;
  }

  /** The capacities of the buckets kept, least recently used first. */
  compiledBuckets(): number[] {
    return [...this.buckets.keys()];
  }

  /** Tensors of the bucket's padded shapes, for tracing. */
  private examples(b: Bucket, batch: PolicyBatch): Tensor[] {
    const padShape = (t: Tensor): number[] => [b.rows, ...t.shape.slice(1)];
    const examples = [
      fromBuffer(b.inputs[0], padShape(batch.obs)),
      fromBuffer(b.inputs[1], padShape(batch.actions)),
      fromBuffer(b.inputs[2], padShape(batch.advantages)),
      fromBuffer(b.inputs[3], []),
    ];
    if (this.masked) examples.push(fromBuffer(b.inputs[4], [b.rows]));
    return examples;
  }

  /** L(params; batch) and its gradient (a fresh buffer). */
  lossAndGrad(params: Float64Array, batch: PolicyBatch): { loss: number; grad: Float64Array } {
    const theta = fromBuffer(params, [this.size]);
    const b = this.bucket(batch, 'grad', (x) => x.grad !== undefined);
    if (b === null) {
      const { value, grad } = valueAndGrad((t: Tensor) => this.objective(t, batch.obs, batch.actions, batch.advantages))(theta);
      return { loss: value.item(), grad: grad.data };
    }
    if (b.grad === undefined) {
      b.grad = compile((t, o, a, adv, s, m) => valueAndGrad((x: Tensor) => this.objective(x, o, a, adv, s, m))(t), [theta, ...this.examples(b, batch)], TRACE);
      this.fit();
    }
    const out = b.grad.run(theta, ...b.inputs);
    return { loss: out.value.item(), grad: Float64Array.from(out.grad.data) };
  }

  /**
   * L(params; batch), its gradient, and H(params; batch) v for directions known later. The HVPs
   * reuse the gradient's forward and backward passes instead of running them again: eager, through
   * the recorded graph; compiled, through the late part of a staged program. Same bits either way.
   */
  lossGradAndHvp(params: Float64Array, batch: PolicyBatch): { loss: number; grad: Float64Array; hvp: (v: Float64Array) => Float64Array } {
    const theta = fromBuffer(params, [this.size]);
    const b = this.bucket(batch, 'linearization', (x) => x.linearizations.length > 0);
    if (b === null) {
      const at = valueGradAndHvp((t: Tensor) => this.objective(t, batch.obs, batch.actions, batch.advantages), theta);
      return { loss: at.value.item(), grad: at.grad.data, hvp: (v) => at.hvp(fromBuffer(v, [this.size])).data };
    }
    const owner = {};
    const lin = this.linearization(b, theta, batch);
    lin.owner = owner;
    const out = lin.program.runEarly([theta, ...b.inputs]);
    const hvpAt = (v: Float64Array): Float64Array => {
      if (lin.owner !== owner) {
        b.wanted = Math.min(b.wanted + 1, MAX_LINEARIZATIONS_PER_BUCKET);
        // Into this bucket's own inputs: it may have been evicted since, and another serve the count.
        load(b, batch, batch.obs.shape[0]);
        lin.owner = owner;
        lin.program.runEarly([theta, ...b.inputs]);
      }
      return Float64Array.from(lin.program.runLate([v])[0].data);
    };
    return { loss: out.value.item(), grad: Float64Array.from(out.grad.data), hvp: hvpAt };
  }

  /** The bucket's least recently started linearization, or a new one while it holds fewer than it wants. */
  private linearization(b: Bucket, theta: Tensor, batch: PolicyBatch): Linearization {
    let lin: Linearization;
    if (b.linearizations.length < b.wanted) {
      const dir = fromBuffer(new Float64Array(this.size), [this.size]);
      const program = compileStaged(
        (t, ...rest) => {
          // The batch's inputs (the mask only with an entropy bonus), then the direction.
          const [o, a, adv, s, m] = rest.slice(0, -1) as [Tensor, Tensor, Tensor, Tensor, Tensor?];
          const d = rest[rest.length - 1];
          const at = valueGradAndHvp((x: Tensor) => this.objective(x, o, a, adv, s, m), t);
          return { early: { value: at.value, grad: at.grad }, late: [at.hvp(d)] };
        },
        [theta, ...this.examples(b, batch), dir],
        1,
        TRACE,
      );
      lin = { program, owner: null };
      b.linearizations.push(lin);
      this.fit();
    } else {
      lin = b.linearizations.shift() as Linearization;
      b.linearizations.push(lin);
    }
    return lin;
  }

  /** H(params; batch) v (a fresh buffer), through the same linearization as lossGradAndHvp. */
  hvp(params: Float64Array, batch: PolicyBatch, v: Float64Array): Float64Array {
    return this.lossGradAndHvp(params, batch).hvp(v);
  }
}

function elementsOf(b: Bucket): number {
  const programs = (b.grad?.elements ?? 0) + b.linearizations.reduce((n, l) => n + l.program.elements, 0);
  return b.inputs.reduce((n, x) => n + x.length, 0) + programs;
}

/**
 * Copies the batch into the bucket's first rows, zeroes the rest, sets the scale to -1/rows and
 * the row mask, if any, to 1 on the batch's rows and 0 on the padding.
 */
function load(b: Bucket, batch: PolicyBatch, rows: number): void {
  const sources = [batch.obs.data, batch.actions.data, batch.advantages.data];
  for (let i = 0; i < sources.length; i++) {
    b.inputs[i].set(sources[i]);
    b.inputs[i].fill(0, sources[i].length);
  }
  b.inputs[3][0] = -1 / rows;
  if (b.inputs.length > 4) {
    b.inputs[4].fill(1, 0, rows);
    b.inputs[4].fill(0, rows);
  }
}
