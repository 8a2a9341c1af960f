import { apply } from '../apply.js';
import type { OpDef } from '../node.js';
import { colsOf, formatShape, rowsOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { mul, sub } from './arith.js';
import { sumCols } from './reduce.js';
import { reshape } from './shape-ops.js';
import { exp } from './unary.js';

/** Row-wise max-shifted log-sum-exp, written into lse[row]. */
function rowLogSumExp(x: Float64Array, rows: number, cols: number, lse: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) if (x[o + j] > m) m = x[o + j];
    if (m === -Infinity) {
      lse[i] = -Infinity;
      continue;
    }
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j] - m);
    lse[i] = m + Math.log(s);
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
    // The row sums are parked in out[0..rows); walking backwards overwrites each only after its use.
    rowLogSumExp(d, rows, cols, out);
    for (let i = rows - 1; i >= 0; i--) {
      const l = out[i];
      const o = i * cols;
      for (let j = cols - 1; j >= 0; j--) out[o + j] = d[o + j] - l;
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
