/**
 * The surrogate's gradient and Hessian-vector product, eager or through compiled programs.
 *
 * Batch shapes vary from batch to batch (episode lengths), so the engine runs eagerly by default.
 * But once the policy balances, every CartPole episode reaches the 500-step limit and every batch
 * has the same number of rows; then a compiled program (trace once, replay into preallocated
 * buffers, faster than eager) pays for its tracing after a few calls. The cache
 * compiles a row count of at least `minRows` only after it has been seen `minRepeats` times, and
 * keeps at most `capacity` row counts (least recently used evicted). Small batches stay eager:
 * their row counts recur often enough to trigger compiles but not often enough to repay them
 * before eviction (early CartPole batches of 100-1000 rows ran slower compiled). Compiled programs give the same bits as
 * eager evaluation (the engine's tests check this for the REINFORCE loss, its gradient and HVP),
 * so results, determinism and snapshot resume do not depend on which path ran.
 */
import { compile, type Program } from '../autodiff/compile.js';
import { type Tensor, fromBuffer } from '../autodiff/tensor.js';
import { hvp, valueAndGrad, valueGradAndHvp } from '../autodiff/transforms.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { reinforceObjective } from '../rl/policy-gradient.js';

export type CompileMode = 'auto' | 'never' | 'always';

type GradProgram = Program<{ value: Tensor; grad: Tensor }>;
type HvpProgram = Program<Tensor[]>;

interface Entry {
  grad?: GradProgram;
  hvp?: HvpProgram;
}

export interface SurrogateProgramsOptions {
  /** 'auto' (default): compile a row count after minRepeats sightings; 'never': always eager; 'always': compile every shape. */
  readonly mode?: CompileMode;
  /** Default 2: a row count is compiled on its third use. */
  readonly minRepeats?: number;
  /** Row counts below this stay eager in 'auto' mode; default 2048. */
  readonly minRows?: number;
  /** Row counts kept compiled; default 2. */
  readonly capacity?: number;
}

export class SurrogatePrograms {
  readonly mode: CompileMode;
  private readonly minRepeats: number;
  private readonly minRows: number;
  private readonly capacity: number;
  private readonly seen = new Map<string, number>();
  private readonly entries = new Map<number, Entry>();

  constructor(
    readonly layout: MlpLayout,
    options: SurrogateProgramsOptions = {},
  ) {
    this.mode = options.mode ?? 'auto';
    this.minRepeats = options.minRepeats ?? 2;
    this.minRows = options.minRows ?? 2048;
    this.capacity = options.capacity ?? 2;
  }

  private objective(theta: Tensor, obs: Tensor, actions: Tensor, advantages: Tensor): Tensor {
    return reinforceObjective(this.layout, theta, { obs, actions, advantages });
  }

  /** Whether to use (or build) a program for this kind and row count; refreshes its LRU position. */
  private entry(kind: 'grad' | 'hvp', rows: number): Entry | null {
    if (this.mode === 'never' || (this.mode === 'auto' && rows < this.minRows)) return null;
    const cached = this.entries.get(rows);
    if (cached !== undefined) {
      this.entries.delete(rows);
      this.entries.set(rows, cached);
      if (cached[kind] !== undefined || this.mode === 'always') return cached;
    }
    if (this.mode === 'auto') {
      const key = `${kind}:${rows}`;
      const count = (this.seen.get(key) ?? 0) + 1;
      if (this.seen.size > 10_000) this.seen.clear();
      this.seen.set(key, count);
      if (count <= this.minRepeats) return null;
    }
    let e = this.entries.get(rows);
    if (e === undefined) {
      e = {};
      this.entries.set(rows, e);
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    }
    return e;
  }

  /** L(params; batch) and its gradient (a fresh buffer). */
  lossAndGrad(params: Float64Array, batch: PolicyBatch): { loss: number; grad: Float64Array } {
    const theta = fromBuffer(params, [this.layout.size]);
    const e = this.entry('grad', batch.obs.shape[0]);
    if (e === null) {
      const { value, grad } = valueAndGrad((t: Tensor) => this.objective(t, batch.obs, batch.actions, batch.advantages))(theta);
      return { loss: value.item(), grad: grad.data };
    }
    e.grad ??= compile((t, o, a, adv) => valueAndGrad((x: Tensor) => this.objective(x, o, a, adv))(t), [theta, batch.obs, batch.actions, batch.advantages]);
    const out = e.grad.run(theta, batch.obs, batch.actions, batch.advantages);
    return { loss: out.value.item(), grad: Float64Array.from(out.grad.data) };
  }

  /**
   * L(params; batch), its gradient, and H(params; batch) v for directions known later. Eager, the
   * HVPs reuse the gradient's recorded forward and backward passes instead of running them again;
   * compiled, each HVP runs its own program. Same bits either way.
   */
  lossGradAndHvp(params: Float64Array, batch: PolicyBatch): { loss: number; grad: Float64Array; hvp: (v: Float64Array) => Float64Array } {
    if (this.entry('grad', batch.obs.shape[0]) !== null) {
      const { loss, grad } = this.lossAndGrad(params, batch);
      return { loss, grad, hvp: (v) => this.hvp(params, batch, v) };
    }
    const theta = fromBuffer(params, [this.layout.size]);
    const at = valueGradAndHvp((t: Tensor) => this.objective(t, batch.obs, batch.actions, batch.advantages), theta);
    return { loss: at.value.item(), grad: at.grad.data, hvp: (v) => at.hvp(fromBuffer(v, [this.layout.size])).data };
  }

  /** H(params; batch) v (a fresh buffer). */
  hvp(params: Float64Array, batch: PolicyBatch, v: Float64Array): Float64Array {
    const theta = fromBuffer(params, [this.layout.size]);
    const dir = fromBuffer(v, [this.layout.size]);
    const e = this.entry('hvp', batch.obs.shape[0]);
    if (e === null) return hvp((t: Tensor) => this.objective(t, batch.obs, batch.actions, batch.advantages), theta, dir).data;
    e.hvp ??= compile((t, d, o, a, adv) => [hvp((x: Tensor) => this.objective(x, o, a, adv), t, d)], [theta, dir, batch.obs, batch.actions, batch.advantages]);
    return Float64Array.from(e.hvp.run(theta, dir, batch.obs, batch.actions, batch.advantages)[0].data);
  }
}
