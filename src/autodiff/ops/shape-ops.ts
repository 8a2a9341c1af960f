import { apply } from '../apply.js';
import { copyInto } from '../../kernels/elementwise.js';
import type { OpDef } from '../node.js';
import { type Shape, checkShape, formatShape, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';

const reshapeOp: OpDef<Shape> = {
  name: 'reshape',
  alias: true,
  shape: ([x], shape) => {
    checkShape(shape, 'reshape');
    if (sizeOf(shape) !== x.size) {
      throw new Error(`reshape: cannot view ${formatShape(x.shape)} (${x.size} elements) as ${formatShape(shape)}`);
    }
    return shape;
  },
  forward() {},
  backward: (g, [x]) => [reshape(g, x.shape)],
};

interface Window {
  readonly start: number;
  readonly length: number;
  /** Length of the full vector (pad's output). */
  readonly total: number;
}

function checkWindow(op: string, w: Window): void {
  if (!Number.isInteger(w.start) || !Number.isInteger(w.length) || w.start < 0 || w.length < 0 || w.start + w.length > w.total) {
    throw new Error(`${op}: window start ${w.start}, length ${w.length} does not fit a vector of length ${w.total}`);
  }
}

const sliceOp: OpDef<Window> = {
  name: 'slice',
  shape: ([x], w) => {
    if (x.shape.length !== 1) throw new Error(`slice: expected a flat vector, got shape ${formatShape(x.shape)}`);
    checkWindow('slice', w);
    return [w.length];
  },
  forward(out, inputs, w) {
    const x = inputs[0];
    copyInto(out, x.data, w.start, w.length);
  },
  backward: (g, _inputs, _out, w) => [pad(g, w.start, w.total)],
};

const padOp: OpDef<Window> = {
  name: 'pad',
  shape: ([x], w) => {
    if (x.shape.length !== 1 || x.size !== w.length) throw new Error(`pad: expected a flat vector of length ${w.length}, got shape ${formatShape(x.shape)}`);
    checkWindow('pad', w);
    return [w.total];
  },
  forward(out, inputs, w) {
    const x = inputs[0];
    out.fill(0);
    out.set(x.data, w.start);
  },
  backward: (g, _inputs, _out, w) => [slice(g, w.start, w.length)],
};

const concatOp: OpDef<null> = {
  name: 'concat',
  shape: (xs) => {
    let n = 0;
    for (const x of xs) {
      if (x.shape.length !== 1) throw new Error(`concat: expected flat vectors, got shape ${formatShape(x.shape)}`);
      n += x.size;
    }
    return [n];
  },
  forward(out, xs) {
    let o = 0;
    for (let i = 0; i < xs.length; i++) {
      out.set(xs[i].data, o);
      o += xs[i].size;
    }
  },
  backward(g, xs, _out, _a, needs) {
    let o = 0;
    return xs.map((x, i) => {
      const part = needs[i] ? slice(g, o, x.size) : null;
      o += x.size;
      return part;
    });
  },
};

/** The same data seen with another shape (no copy). */
export function reshape(x: Tensor, shape: Shape): Tensor {
  return apply(reshapeOp, [x], shape);
}

/** Flattens to a vector. */
export function flatten(x: Tensor): Tensor {
  return x.shape.length === 1 ? x : reshape(x, [x.size]);
}

/** x[start : start + length] of a flat vector. */
export function slice(x: Tensor, start: number, length: number): Tensor {
  return apply(sliceOp, [x], { start, length, total: x.size });
}

/** A zero vector of length `total` holding x at `start`. */
export function pad(x: Tensor, start: number, total: number): Tensor {
  return apply(padOp, [x], { start, length: x.size, total });
}

/** Joins flat vectors end to end. */
export function concat(xs: readonly Tensor[]): Tensor {
  return apply(concatOp, xs, null);
}
