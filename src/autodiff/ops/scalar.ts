import { apply } from '../apply.js';
import { scaleInto } from '../../kernels/elementwise.js';
import type { OpDef } from '../node.js';
import type { Tensor } from '../tensor.js';

/** x * c for a constant c. */
const scaleOp: OpDef<number> = {
  name: 'scale',
  shape: ([x]) => x.shape,
  forward: (out, inputs, c) => scaleInto(out, inputs[0].data, c, out.length),
  backward: (g, _x, _y, c) => [scaleBy(g, c)],
};

/** x + c for a constant c. */
const shiftOp: OpDef<number> = {
  name: 'addScalar',
  shape: ([x]) => x.shape,
  forward(out, inputs, c) {
    const x = inputs[0];
    const d = x.data;
    for (let i = 0; i < d.length; i++) out[i] = d[i] + c;
  },
  backward: (g) => [g],
};

function checkConstant(op: string, c: number): void {
  if (!Number.isFinite(c)) throw new Error(`${op}: constant is ${c}, expected a finite number`);
}

/** x times a finite constant c. */
export function scaleBy(x: Tensor, c: number): Tensor {
  checkConstant('scale', c);
  return apply(scaleOp, [x], c);
}

/** x plus a finite constant c. */
export function addScalar(x: Tensor, c: number): Tensor {
  checkConstant('addScalar', c);
  return apply(shiftOp, [x], c);
}

/** -x. */
export function neg(x: Tensor): Tensor {
  return apply(scaleOp, [x], -1);
}
