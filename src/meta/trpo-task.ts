/**
 * One task of a MAML-TRPO outer step: its fixed data, the old point, and the two things TRPO asks
 * of it (pytorch-maml-rl's surrogate_loss and hessian_vector_product, per task).
 *
 * Adaptation from meta-parameters theta (and Meta-SGD's alpha_vec) on the stored inner batches,
 * never resampled: theta_0 = theta, theta_{k+1} = theta_k - alpha (*) grad L(theta_k; D_k).
 * The old point is the adaptation from the pre-update start; the old policy pi_old is its adapted
 * policy, evaluated once on the validation batch D_val.
 *
 * KL Hessian-vector product: the mean KL(pi_{theta'(x)} || pi_old) on D_val, with x = theta (or
 * [theta, alpha_vec]), has at the old point the Hessian J^T F J: F the Fisher of the adapted
 * policy (the KL's gradient vanishes there, so the curvature of the adaptation drops out) and J
 * the adaptation's Jacobian (adaptation.ts): 2K
 * Hessian-vector products of the inner losses and one Fisher-vector product per task. First-order
 * (FOMAML) takes J = I, as pytorch-maml-rl does when the adaptation is not differentiated.
 */
import { fromBuffer } from '../autodiff/tensor.js';
import { mlpInference } from '../nn/mlp-inference.js';
import type { MlpLayout } from '../nn/mlp.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { Adaptation, type HessianProduct, innerStep } from './adaptation.js';
import type { CostMeter } from './costs.js';
import { type FixedBatchProduct, hessianProductOnBatch } from './fixed-batch-derivatives.js';
import { logSoftmaxRowsInto } from '../nn/categorical.js';
import { meanKlRows, meanKlToOld, ratioSurrogate } from './kl.js';
import { type PlainBatch, fromPlainBatch } from './plain-batch.js';
import type { SurrogatePrograms } from './programs.js';
import { batchFloats } from './sampling.js';

/** What a task keeps for TRPO: the inner batches D_0..D_{K-1} it adapted on, and D_val. */
export interface TrpoTaskData {
  readonly train: readonly PlainBatch[];
  readonly validation: PlainBatch;
  /**
   * grad L(theta_k; D_k) at the old point's iterates, as the task's inner loop computed them (the
   * same bits a recomputation gives); computed here when absent.
   */
  readonly innerGradients?: readonly Float64Array[];
}

export interface TrpoTaskOptions {
  readonly layout: MlpLayout;
  /** The meta-parameters the old point adapts from (read, never written). */
  readonly start: Float64Array;
  /** alpha, or Meta-SGD's alpha_vec (then part of the trust region, after theta). */
  readonly rate: number | Float64Array;
  /** J = I (FOMAML). */
  readonly firstOrder: boolean;
  /**
   * Where the inner gradients and Hessian products run (the task runner's, whose buckets the task's
   * own inner loop compiled); the Fisher product is compiled unless its mode is 'never'.
   */
  readonly programs: SurrogatePrograms;
  /** Charged with the task's gradient evaluations and HVPs (their time is the caller's). */
  readonly meter: CostMeter;
}

/** The mean surrogate and KL to the old policy of one candidate, on D_val. */
export interface TrpoEvaluation {
  readonly loss: number;
  readonly kl: number;
}

/**
 * One task's part of a KL Hessian-vector product (J^T F J v): theta's part unweighted, and with a
 * learned alpha_vec the weighted terms its alpha part subtracts, in order. Summed over tasks in
 * task order by {@link addKlProductShare}, wherever each was computed, it gives one loop's bits.
 */
export interface KlProductShare {
  readonly theta: Float64Array;
  readonly alphaTerms: readonly Float64Array[];
}

/** out += weight * share (theta's part first, then alpha_vec's after n). */
export function addKlProductShare(out: Float64Array, share: KlProductShare, weight: number): void {
  const n = share.theta.length;
  for (const term of share.alphaTerms) for (let i = 0; i < n; i++) out[n + i] -= term[i];
  for (let i = 0; i < n; i++) out[i] += weight * share.theta[i];
}

export class TrpoTask {
  /** The surrogate of the old policy on D_val: -mean(A). */
  readonly oldLoss: number;
  /** Float64 elements held: batches, iterates, inner gradients, old outputs, buffers. */
  readonly retainedFloats: number;
  private readonly options: TrpoTaskOptions;
  private readonly train: readonly PolicyBatch[];
  private readonly validation: PolicyBatch;
  private readonly rows: number;
  private readonly cols: number;
  /** The old point's adaptation: its iterates, gradients and Hessian products; null for FOMAML (J = I). */
  private readonly jacobian: Adaptation | null;
  private readonly adapted: Float64Array;
  /** v -> F v at theta_K on D_val. */
  private readonly fisher: FixedBatchProduct;
  private readonly oldLogProbs: Float64Array;
  private readonly newLogProbs: Float64Array;
  /** The adapted parameters the forward reads (mlpInference reads them at every call). */
  private readonly forwardParams: Float64Array;
  private readonly forward: (obs: Float64Array, rows: number) => Float64Array;

  constructor(data: TrpoTaskData, options: TrpoTaskOptions) {
    const { layout, start, rate, programs } = options;
    const n = layout.size;
    const K = data.train.length;
    this.options = options;
    if (programs.layout !== layout) throw new Error('TrpoTask: programs were built for another layout');
    if (data.innerGradients !== undefined && data.innerGradients.length !== K) {
      throw new Error(`TrpoTask: innerGradients has ${data.innerGradients.length} vectors, expected ${K} (one per inner batch)`);
    }
    this.train = data.train.map(fromPlainBatch);
    this.validation = fromPlainBatch(data.validation);
    this.rows = this.validation.obs.shape[0];
    this.cols = layout.sizes[layout.sizes.length - 1];
    const adaptation = options.firstOrder ? null : new Adaptation(rate);
    let current = start;
    for (let k = 0; k < K; k++) {
      if (adaptation === null) {
        current = innerStep(current, rate, data.innerGradients?.[k] ?? this.innerGradient(k, current));
        continue;
      }
      // The Hessian products run on the linearization this gradient evaluation leaves behind.
      const at = this.linearize(k, current);
      current = adaptation.step(current, data.innerGradients?.[k] ?? at.grad, this.counted(at.hvp));
    }
    this.adapted = current;
    this.jacobian = adaptation;

    this.forwardParams = Float64Array.from(this.adapted);
    this.forward = mlpInference(layout, this.forwardParams);
    const logits = Float64Array.from(this.forward(this.validation.obs.data, this.rows));
    const oldLogits = fromBuffer(logits, [this.rows, this.cols]);
    this.fisher = hessianProductOnBatch((t, obs, old) => meanKlToOld(layout, obs, old)(t), this.adapted, [this.validation.obs, oldLogits], programs.mode !== 'never');
    this.oldLogProbs = logSoftmaxRowsInto(new Float64Array(logits.length), logits, this.rows, this.cols);
    this.newLogProbs = new Float64Array(logits.length);
    this.oldLoss = ratioSurrogate(this.oldLogProbs, this.oldLogProbs, this.validation.actions.data, this.validation.advantages.data, this.rows, this.cols);
    const batches = this.train.reduce((s, b) => s + batchFloats(b), batchFloats(this.validation));
    const vectorsPerStep = typeof rate === 'number' ? 1 : 2;
    this.retainedFloats = batches + (vectorsPerStep * K + 2) * n + 4 * logits.length;
  }

  /** grad L(point; D_k), counted. */
  private innerGradient(k: number, point: Float64Array): Float64Array {
    this.options.meter.gradientEvaluations++;
    return this.options.programs.lossAndGrad(point, this.train[k]).grad;
  }

  /** grad L(point; D_k) and v -> H_k v at point, counted as one gradient evaluation. */
  private linearize(k: number, point: Float64Array): { grad: Float64Array; hvp: HessianProduct } {
    this.options.meter.gradientEvaluations++;
    return this.options.programs.lossGradAndHvp(point, this.train[k]);
  }

  /** H_k v, counted. */
  private counted(product: HessianProduct): HessianProduct {
    const { meter } = this.options;
    return (v) => {
      meter.hvps++;
      return product(v);
    };
  }

  /** The candidate (theta, and alpha_vec or the fixed alpha) adapted on the same data, against pi_old. */
  evaluate(theta: Float64Array, rate: number | Float64Array): TrpoEvaluation {
    let current = theta;
    for (let k = 0; k < this.train.length; k++) current = innerStep(current, rate, this.innerGradient(k, current));
    this.forwardParams.set(current);
    const logits = this.forward(this.validation.obs.data, this.rows);
    const logP = logSoftmaxRowsInto(this.newLogProbs, logits, this.rows, this.cols);
    const v = this.validation;
    return {
      loss: ratioSurrogate(logP, this.oldLogProbs, v.actions.data, v.advantages.data, this.rows, this.cols),
      kl: meanKlRows(logP, this.oldLogProbs, this.rows, this.cols),
    };
  }

  /**
   * This task's share of J^T F J v at the old point, weighted by `weight` (see KlProductShare); v
   * has the trust region's length (n, or 2n for Meta-SGD: theta's part, then alpha_vec's).
   */
  klProductShare(v: Float64Array, weight: number): KlProductShare {
    const { layout, rate, meter } = this.options;
    const n = layout.size;
    const vAlpha = typeof rate === 'number' ? null : v.subarray(n, 2 * n);
    const u = this.jacobian === null ? Float64Array.from(v.subarray(0, n)) : this.jacobian.jvp(v.subarray(0, n), vAlpha);
    meter.hvps++;
    const fu = this.fisher.product(u);
    if (this.jacobian === null) return { theta: fu, alphaTerms: [] };
    return this.jacobian.vjpTerms(fu, weight);
  }

  /** Hands back the memory of the task's own compiled program (the Fisher product's). */
  release(): void {
    this.fisher.release();
  }
}
