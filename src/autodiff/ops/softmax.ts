import { apply } from '../apply.js';
import { expInto, expScalar, logScalar } from '../../kernels/exp-log.js';
import type { OpDef } from '../node.js';
import { colsOf, formatShape, rowsOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { mul, sub } from './arith.js';
import { sumCols } from './reduce.js';
import { reshape } from './shape-ops.js';
import { exp } from './unary.js';

/** The largest of the `cols` values from x[o] (-Infinity if none is larger; NaN is passed over). */
function rowMax(x: Float64Array, o: number, cols: number): number {
  let m = -Infinity;
  for (let j = 0; j < cols; j++) if (x[o + j] > m) m = x[o + j];
  return m;
}

/**
 * Row-wise max-shifted log-sum-exp, m + log(sum of exp(x - m)), written into lse[row]; -Infinity
 * for a row of -Infinity. logSoftmax computes the same sums, with its exps in one vectorised pass.
 */
function rowLogSumExp(x: Float64Array, rows: number, cols: number, lse: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const m = rowMax(x, o, cols);
    let s = 0;
    if (m !== -Infinity) for (let j = 0; j < cols; j++) s += expScalar(x[o + j] - m);
    lse[i] = m + logScalar(s);
  }
}

function checkMatrix(op: string, x: Tensor): void {
  if (x.shape.length === 0 || x.shape[x.shape.length - 1] === 0) {
    throw new Error(`${op}: expected at least one class on the last axis, got shape ${formatShape(x.shape)}`);
  }
}

const logSoftmaxOp: OpDef<null> = {
  name: 'logSoftmax',
  shape: ([x]) => {
    checkMatrix('logSoftmax', x);
    return x.shape;
  },
  forward(out, inputs) {
    const x = inputs[0];
    const rows = rowsOf(x.shape), cols = colsOf(x.shape);
    const d = x.data;
    // The shifted rows' exps, all in one pass, in out (a row of -Infinity gets exps of 0).
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const m = rowMax(d, o, cols);
      for (let j = 0; j < cols; j++) out[o + j] = m === -Infinity ? -Infinity : d[o + j] - m;
    }
    expInto(out, out, out.length);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) s += out[o + j];
      const lse = rowMax(d, o, cols) + logScalar(s);
      for (let j = 0; j < cols; j++) out[o + j] = d[o + j] - lse;
    }
  },
  // g - softmax * rowsum(g), with softmax = exp(y) taken from the output so it stays differentiable.
  backward: (g, _x, y) => [sub(g, mul(exp(y), sumCols(g)))],
};

const logSumExpOp: OpDef<null> = {
  name: 'logSumExp',
  shape: ([x]) => {
    checkMatrix('logSumExp', x);
    return x.shape.slice(0, -1);
  },
  forward(out, inputs) {
    const x = inputs[0];
    const rows = rowsOf(x.shape), cols = colsOf(x.shape);
    rowLogSumExp(x.data, rows, cols, out);
  },
  backward: (g, [x], y) => {
    const column = [rowsOf(x.shape), 1];
    return [mul(exp(sub(x, reshape(y, column))), reshape(g, column))];
  },
};

/** log softmax over the last axis. */
export function logSoftmax(x: Tensor): Tensor {
  return apply(logSoftmaxOp, [x], null);
}

/** log sum exp over the last axis, which is removed. */
export function logSumExp(x: Tensor): Tensor {
  return apply(logSumExpOp, [x], null);
}
