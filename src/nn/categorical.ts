import { expScalar, logScalar } from '../kernels/exp-log.js';
import { mul, sub } from '../autodiff/ops/arith.js';
import { gather } from '../autodiff/ops/gather.js';
import { sumCols } from '../autodiff/ops/reduce.js';
import { neg } from '../autodiff/ops/scalar.js';
import { reshape } from '../autodiff/ops/shape-ops.js';
import { logSoftmax } from '../autodiff/ops/softmax.js';
import { exp } from '../autodiff/ops/unary.js';
import { formatShape } from '../autodiff/shape.js';
import type { Tensor } from '../autodiff/tensor.js';
import type { Rng } from '../rng/rng.js';

// A categorical policy head over logits [n, k]: row i is the distribution softmax(logits_i).

function rowsOf(op: string, logits: Tensor): number {
  if (logits.shape.length !== 2 || logits.shape[1] === 0) {
    throw new Error(`${op}: logits have shape ${formatShape(logits.shape)}, expected [n, k] with k >= 1`);
  }
  return logits.shape[0];
}

/** log p_i(a_i) for logits [n, k] and integer actions [n] -> [n]. */
export function logProb(logits: Tensor, actions: Tensor): Tensor {
  rowsOf('logProb', logits);
  return gather(logSoftmax(logits), actions);
}

/** -sum_j p_ij log p_ij -> [n]. */
export function entropy(logits: Tensor): Tensor {
  const n = rowsOf('entropy', logits);
  const lp = logSoftmax(logits);
  return neg(reshape(sumCols(mul(exp(lp), lp)), [n]));
}

/** KL(p || q) = sum_j p_ij (log p_ij - log q_ij) for logits p, q [n, k] -> [n]. */
export function kl(logitsP: Tensor, logitsQ: Tensor): Tensor {
  const n = rowsOf('kl', logitsP);
  if (logitsQ.shape.length !== 2 || logitsQ.shape[0] !== n || logitsQ.shape[1] !== logitsP.shape[1]) {
    throw new Error(`kl: logitsQ have shape ${formatShape(logitsQ.shape)}, expected ${formatShape(logitsP.shape)} like logitsP`);
  }
  const lp = logSoftmax(logitsP);
  return reshape(sumCols(mul(exp(lp), sub(lp, logSoftmax(logitsQ)))), [n]);
}

function checkBuffers(op: string, logits: Float64Array, rows: number, cols: number, out: Float64Array): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 1) {
    throw new Error(`${op}: rows ${rows} and cols ${cols} are invalid, expected integers rows >= 0 and cols >= 1`);
  }
  if (logits.length !== rows * cols) {
    throw new Error(`${op}: logits have length ${logits.length}, expected rows * cols = ${rows * cols}`);
  }
  if (out.length !== rows) throw new Error(`${op}: out has length ${out.length}, expected ${rows}`);
}

/** The largest of the `cols` logits from `o`. */
function rowMax(logits: Float64Array, o: number, cols: number): number {
  let m = -Infinity;
  for (let j = 0; j < cols; j++) if (logits[o + j] > m) m = logits[o + j];
  return m;
}

/** The sum of exp(logit - m) over the `cols` logits from `o` (the engine's exp, so the same bits everywhere). */
function rowExpSum(logits: Float64Array, o: number, cols: number, m: number): number {
  let total = 0;
  for (let j = 0; j < cols; j++) total += expScalar(logits[o + j] - m);
  return total;
}

/** Row-wise log-softmax of logits [rows, cols] (row-major) into out; `out` may be `logits`. */
export function logSoftmaxRowsInto(out: Float64Array, logits: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const m = rowMax(logits, o, cols);
    const shift = m + logScalar(rowExpSum(logits, o, cols, m));
    for (let j = 0; j < cols; j++) out[o + j] = logits[o + j] - shift;
  }
  return out;
}

/**
 * Draws one action per row of logits [rows, cols] (row-major) into out, by inverse CDF on the
 * max-shifted softmax with exactly one `rng.random()` per row, in row order.
 */
export function sampleCategorical(logits: Float64Array, rows: number, cols: number, rng: Rng, out: Float64Array): void {
  checkBuffers('sampleCategorical', logits, rows, cols, out);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const m = rowMax(logits, o, cols);
    const total = rowExpSum(logits, o, cols, m);
    // A finite max contributes exp(0) = 1, so anything outside [1, cols] means NaN or infinite logits.
    if (!(total >= 1 && total <= cols)) {
      throw new Error(`sampleCategorical: row ${i} has non-finite logits, expected finite numbers`);
    }
    // The exps are recomputed rather than stored, so a call allocates nothing.
    const u = rng.random() * total;
    let c = 0;
    let pick = -1;
    for (let j = 0; j < cols; j++) {
      const e = expScalar(logits[o + j] - m);
      if (e === 0) continue;
      pick = j;
      c += e;
      if (u < c) break;
    }
    // If rounding puts u at the total, pick stays the last class with non-zero probability.
    out[i] = pick;
  }
}

/** The most probable action per row (the first on ties): argmax of logits [rows, cols] into out. */
export function greedy(logits: Float64Array, rows: number, cols: number, out: Float64Array): void {
  checkBuffers('greedy', logits, rows, cols, out);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let best = 0;
    for (let j = 0; j < cols; j++) {
      const v = logits[o + j];
      if (Number.isNaN(v)) throw new Error(`greedy: logits[${o + j}] (row ${i}) is NaN, expected a number`);
      if (v > logits[o + best]) best = j;
    }
    out[i] = best;
  }
}
