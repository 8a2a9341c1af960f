import { apply } from '../apply.js';
import { Binary, type BinaryKind, addRowInto, binaryInto } from '../../kernels/elementwise.js';
import type { OpDef } from '../node.js';
import type { Tensor } from '../tensor.js';
import { type Broadcast, broadcast } from './broadcast.js';
import { sumTo } from './reduce.js';
import { neg } from './scalar.js';
import { expectTensor } from '../checks.js';

/** An operand is laid out like the output when its strides match, or the axis they differ on has length 1. */
function walksLikeOutput(rows: number, cols: number, i: number, j: number): boolean {
  return (rows === 1 || i === cols) && (cols === 1 || j === 1);
}

/** Same shapes run as one flat kernel, a bias row added to every row has its own; the rest loops here. */
function run(kind: BinaryKind, out: Float64Array, a: Float64Array, b: Float64Array, s: Broadcast): void {
  const { rows, cols, ai, aj, bi, bj } = s;
  if (walksLikeOutput(rows, cols, ai, aj) && walksLikeOutput(rows, cols, bi, bj)) return binaryInto(kind, out, a, b, out.length);
  if (kind === Binary.add && ai === cols && aj === 1 && bi === 0 && bj === 1) return addRowInto(out, a, b, rows, cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const ao = i * ai;
    const bo = i * bi;
    switch (kind) {
      case Binary.add: for (let j = 0; j < cols; j++) out[o + j] = a[ao + j * aj] + b[bo + j * bj]; break;
      case Binary.sub: for (let j = 0; j < cols; j++) out[o + j] = a[ao + j * aj] - b[bo + j * bj]; break;
      case Binary.mul: for (let j = 0; j < cols; j++) out[o + j] = a[ao + j * aj] * b[bo + j * bj]; break;
      case Binary.div: for (let j = 0; j < cols; j++) out[o + j] = a[ao + j * aj] / b[bo + j * bj]; break;
    }
  }
}

function binary(name: string, kind: BinaryKind, backward: OpDef<Broadcast>['backward']): OpDef<Broadcast> {
  return {
    name,
    shape: (_inputs, s) => s.shape,
    forward: (out, inputs, s) => run(kind, out, inputs[0].data, inputs[1].data, s),
    backward,
  };
}

export const addOp = binary('add', Binary.add, (g, [a, b], _y, _s, needs) => [
  needs[0] ? sumTo(g, a.shape) : null,
  needs[1] ? sumTo(g, b.shape) : null,
]);

const subOp = binary('sub', Binary.sub, (g, [a, b], _y, _s, needs) => [
  needs[0] ? sumTo(g, a.shape) : null,
  needs[1] ? sumTo(neg(g), b.shape) : null,
]);

const mulOp = binary('mul', Binary.mul, (g, [a, b], _y, _s, needs) => [
  needs[0] ? sumTo(mul(g, b), a.shape) : null,
  needs[1] ? sumTo(mul(g, a), b.shape) : null,
]);

// d(a/b)/db = -(a/b)/b: reuses the output y, which stays on the graph.
const divOp = binary('div', Binary.div, (g, [a, b], y, _s, needs) => [
  needs[0] ? sumTo(div(g, b), a.shape) : null,
  needs[1] ? sumTo(neg(div(mul(g, y), b)), b.shape) : null,
]);

/** Elementwise a + b, broadcasting a row, a column or a scalar. */
export function add(a: Tensor, b: Tensor): Tensor {
  return apply(addOp, [a, b], broadcast('add', expectTensor('add', 'a', a).shape, expectTensor('add', 'b', b).shape));
}

/** Elementwise a - b, broadcasting a row, a column or a scalar. */
export function sub(a: Tensor, b: Tensor): Tensor {
  return apply(subOp, [a, b], broadcast('sub', expectTensor('sub', 'a', a).shape, expectTensor('sub', 'b', b).shape));
}

/** Elementwise a * b, broadcasting a row, a column or a scalar. */
export function mul(a: Tensor, b: Tensor): Tensor {
  return apply(mulOp, [a, b], broadcast('mul', expectTensor('mul', 'a', a).shape, expectTensor('mul', 'b', b).shape));
}

/** Elementwise a / b, broadcasting a row, a column or a scalar. */
export function div(a: Tensor, b: Tensor): Tensor {
  return apply(divOp, [a, b], broadcast('div', expectTensor('div', 'a', a).shape, expectTensor('div', 'b', b).shape));
}
