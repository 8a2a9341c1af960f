import { apply } from '../apply.js';
import type { OpDef } from '../node.js';
import { formatShape, sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { reluBackwardInto, tanhBackwardInto, tanhSecondInto } from '../../kernels/elementwise.js';
import { expInto, logInto } from '../../kernels/exp-log.js';
import { tanhInto } from '../../kernels/tanh.js';
import { div, mul } from './arith.js';
import { scaleBy } from './scalar.js';

function unary(name: string, forward: OpDef<null>['forward'], backward: OpDef<null>['backward']): OpDef<null> {
  return { name, shape: ([x]) => x.shape, forward, backward };
}

function sameShapes(name: string): OpDef<null>['shape'] {
  return ([y, ...rest]) => {
    for (const g of rest) {
      if (!sameShape(y.shape, g.shape)) throw new Error(`${name}: gradient shape ${formatShape(g.shape)} differs from ${formatShape(y.shape)}`);
    }
    return y.shape;
  };
}

const expOp = unary(
  'exp',
  (out, inputs) => expInto(out, inputs[0].data, out.length),
  (g, _x, y) => [mul(g, y)],
);

const logOp = unary(
  'log',
  (out, inputs) => logInto(out, inputs[0].data, out.length),
  (g, [x]) => [div(g, x)],
);

const sqrtOp = unary(
  'sqrt',
  (out, inputs) => {
    const d = inputs[0].data;
    for (let i = 0; i < d.length; i++) out[i] = Math.sqrt(d[i]);
  },
  (g, _x, y) => [scaleBy(div(g, y), 0.5)],
);

const squareOp = unary(
  'square',
  (out, inputs) => {
    const d = inputs[0].data;
    for (let i = 0; i < d.length; i++) out[i] = d[i] * d[i];
  },
  (g, [x]) => [scaleBy(mul(g, x), 2)],
);

const tanhOp = unary(
  'tanh',
  (out, inputs) => tanhInto(out, inputs[0].data, out.length),
  (g, _x, y) => [tanhBackward(y, g)],
);

const reluOp = unary(
  'relu',
  (out, inputs) => {
    const d = inputs[0].data;
    for (let i = 0; i < d.length; i++) out[i] = d[i] > 0 ? d[i] : 0;
  },
  (g, _x, y) => [reluBackward(y, g)],
);

/** g * (1 - y^2) from the tanh output y; a primitive so that its own derivative is recorded. */
const tanhBackwardOp: OpDef<null> = {
  name: 'tanhBackward',
  shape: sameShapes('tanhBackward'),
  forward: (out, inputs) => tanhBackwardInto(out, inputs[0].data, inputs[1].data, out.length),
  backward: (h, [y, g], _o, _a, needs) => [
    needs[0] ? tanhSecond(y, g, h) : null,
    needs[1] ? tanhBackward(y, h) : null,
  ],
};

/**
 * -2 y g h: the derivative of tanhBackward(y, g) in y along h, fused into one pass (it sits on the
 * hot path of every Hessian-vector product and MAML meta-gradient through a tanh layer).
 * Trilinear, so each input's gradient is the same product with that input replaced by u.
 */
const tanhSecondOp: OpDef<null> = {
  name: 'tanhSecond',
  shape: sameShapes('tanhSecond'),
  forward: (out, inputs) => tanhSecondInto(out, inputs[0].data, inputs[1].data, inputs[2].data, out.length),
  backward: (u, [y, g, h], _o, _a, needs) => [
    needs[0] ? tanhSecond(u, g, h) : null,
    needs[1] ? tanhSecond(y, u, h) : null,
    needs[2] ? tanhSecond(y, g, u) : null,
  ],
};

/** g where y > 0, else 0; piecewise constant in y, so y gets no gradient. */
const reluBackwardOp: OpDef<null> = {
  name: 'reluBackward',
  shape: sameShapes('reluBackward'),
  forward: (out, inputs) => reluBackwardInto(out, inputs[0].data, inputs[1].data, out.length),
  backward: (h, [y], _o, _a, needs) => [null, needs[1] ? reluBackward(y, h) : null],
};

/** Elementwise exponential, with the library's own exp so results do not depend on the engine's Math.exp. */
export const exp = (x: Tensor): Tensor => apply(expOp, [x], null);
/** Elementwise natural logarithm, with the library's own log. */
export const log = (x: Tensor): Tensor => apply(logOp, [x], null);
/** Elementwise square root. */
export const sqrt = (x: Tensor): Tensor => apply(sqrtOp, [x], null);
/** Elementwise x². */
export const square = (x: Tensor): Tensor => apply(squareOp, [x], null);
/** Elementwise hyperbolic tangent, with the library's own tanh. */
export const tanh = (x: Tensor): Tensor => apply(tanhOp, [x], null);
/** Elementwise max(x, 0); its derivative at 0 is 0. */
export const relu = (x: Tensor): Tensor => apply(reluOp, [x], null);
export const tanhBackward = (y: Tensor, g: Tensor): Tensor => apply(tanhBackwardOp, [y, g], null);
export const reluBackward = (y: Tensor, g: Tensor): Tensor => apply(reluBackwardOp, [y, g], null);
export const tanhSecond = (y: Tensor, g: Tensor, h: Tensor): Tensor => apply(tanhSecondOp, [y, g, h], null);
