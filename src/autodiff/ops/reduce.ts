import { apply } from '../apply.js';
import { expandRowInto, sumRowsInto } from '../../kernels/elementwise.js';
import type { OpDef } from '../node.js';
import { type Shape, colsOf, formatShape, rowsCols, rowsOf, sameShape, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { type Broadcast, broadcast } from './broadcast.js';
import { scaleBy } from './scalar.js';
import { reshape } from './shape-ops.js';

const sumAll: OpDef<null> = {
  name: 'sum',
  shape: () => [],
  forward(out, inputs) {
    const x = inputs[0];
    const d = x.data;
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i];
    out[0] = s;
  },
  backward: (g, [x]) => [expand(g, x.shape)],
};

/** Sums over rows: [m, n] -> [n]. */
const sumRowsOp: OpDef<null> = {
  name: 'sumRows',
  shape: ([x]) => [rowsCols(x.shape)[1]],
  forward(out, inputs) {
    const x = inputs[0];
    const rows = rowsOf(x.shape), cols = colsOf(x.shape);
    sumRowsInto(out, x.data, rows, cols);
  },
  backward: (g, [x]) => [expand(g, x.shape)],
};

/** Sums over columns keeping the axis: [m, n] -> [m, 1]. */
const sumColsOp: OpDef<null> = {
  name: 'sumCols',
  shape: ([x]) => [rowsCols(x.shape)[0], 1],
  forward(out, inputs) {
    const x = inputs[0];
    const rows = rowsOf(x.shape), cols = colsOf(x.shape);
    const d = x.data;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      const o = i * cols;
      for (let j = 0; j < cols; j++) s += d[o + j];
      out[i] = s;
    }
  },
  backward: (g, [x]) => [expand(g, x.shape)],
};

/** Broadcasts input 0 to the output: the layout is worked out once, when the op is applied. */
export const expandOp: OpDef<Broadcast> = {
  name: 'expand',
  shape: (_inputs, b) => b.shape,
  forward(out, inputs, b) {
    const d = inputs[0].data;
    if (b.bi === 0 && b.bj === 1) return expandRowInto(out, d, b.rows, b.cols);
    for (let i = 0; i < b.rows; i++) {
      const o = i * b.cols;
      for (let j = 0; j < b.cols; j++) out[o + j] = d[i * b.bi + j * b.bj];
    }
  },
  backward: (g, [x]) => [sumTo(g, x.shape)],
};

/** The sum of all elements, as a scalar tensor. */
export function sum(x: Tensor): Tensor {
  return apply(sumAll, [x], null);
}

/** Sums a [rows, cols] matrix over its rows: a vector of length cols. */
export function sumRows(x: Tensor): Tensor {
  return apply(sumRowsOp, [x], null);
}

/** Sums a [rows, cols] matrix over its columns: a [rows, 1] column. */
export function sumCols(x: Tensor): Tensor {
  return apply(sumColsOp, [x], null);
}

/** The mean of all elements, as a scalar tensor; throws for an empty tensor. */
export function mean(x: Tensor): Tensor {
  if (x.size === 0) throw new Error('mean: tensor is empty, expected at least one element');
  return scaleBy(sum(x), 1 / x.size);
}

/** Broadcasts x (a scalar, row or column) to `shape`. */
export function expand(x: Tensor, shape: Shape): Tensor {
  if (sameShape(x.shape, shape)) return x;
  const b = broadcast('expand', shape, x.shape);
  if (!sameShape(b.shape, shape)) {
    throw new Error(`expand: cannot broadcast ${formatShape(x.shape)} to ${formatShape(shape)}`);
  }
  return apply(expandOp, [x], b);
}

/** Sums a broadcast gradient back to the shape of the operand it was broadcast from. */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  if (sizeOf(shape) === g.size) return reshape(g, shape);
  const [r, c] = rowsCols(shape);
  if (r === 1 && c === 1) return reshape(sum(g), shape);
  if (r === 1) return reshape(sumRows(g), shape);
  return reshape(sumCols(g), shape);
}
