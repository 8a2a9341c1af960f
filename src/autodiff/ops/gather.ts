import { apply } from '../apply.js';
import type { OpDef } from '../node.js';
import { formatShape } from '../shape.js';
import type { Tensor } from '../tensor.js';

interface Rows {
  readonly rows: number;
  readonly cols: number;
}

function checkIndex(op: string, index: Float64Array, row: number, cols: number): number {
  const k = index[row];
  if (!Number.isInteger(k) || k < 0 || k >= cols) {
    throw new Error(`${op}: index ${k} at row ${row} is out of range, expected an integer in [0, ${cols})`);
  }
  return k;
}

/** out[i] = x[i, index[i]]. The index tensor holds integers and is never differentiated. */
const gatherOp: OpDef<Rows> = {
  name: 'gather',
  shape: (_inputs, s) => [s.rows],
  forward(out, inputs, s) {
    const x = inputs[0], index = inputs[1];
    const d = x.data;
    for (let i = 0; i < s.rows; i++) out[i] = d[i * s.cols + checkIndex('gather', index.data, i, s.cols)];
  },
  backward: (g, [, index], _y, s, needs) => [needs[0] ? scatter(g, index, s.cols) : null, null],
};

/** The adjoint of gather: row i is zero but for g[i] at column index[i]. */
const scatterOp: OpDef<Rows> = {
  name: 'scatter',
  shape: (_inputs, s) => [s.rows, s.cols],
  forward(out, inputs, s) {
    const g = inputs[0], index = inputs[1];
    out.fill(0);
    for (let i = 0; i < s.rows; i++) out[i * s.cols + checkIndex('scatter', index.data, i, s.cols)] = g.data[i];
  },
  backward: (h, [, index], _y, _s, needs) => [needs[0] ? gather(h, index) : null, null],
};

function checkIndexShape(op: string, index: Tensor, rows: number): void {
  if (index.shape.length !== 1 || index.shape[0] !== rows) {
    throw new Error(`${op}: index has shape ${formatShape(index.shape)}, expected [${rows}]`);
  }
}

/** Picks one column per row: x [rows, cols], index [rows] of integers -> [rows]. */
export function gather(x: Tensor, index: Tensor): Tensor {
  if (x.shape.length !== 2) throw new Error(`gather: expected a matrix, got shape ${formatShape(x.shape)}`);
  const [rows, cols] = x.shape;
  checkIndexShape('gather', index, rows);
  return apply(gatherOp, [x, index], { rows, cols });
}

/** Places g[i] at column index[i] of row i of a zero [rows, cols] matrix. */
export function scatter(g: Tensor, index: Tensor, cols: number): Tensor {
  if (g.shape.length !== 1) throw new Error(`scatter: expected a vector, got shape ${formatShape(g.shape)}`);
  checkIndexShape('scatter', index, g.shape[0]);
  return apply(scatterOp, [g, index], { rows: g.shape[0], cols });
}
