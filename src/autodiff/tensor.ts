import { type Shape, checkShape, formatShape, sizeOf } from './shape.js';
import type { Node } from './node.js';
import { type TensorData, readTensorData } from './tensor-data.js';

/**
 * An immutable float64 array with a shape. `node` links it to the op that made it when the
 * result is being differentiated; leaves that are differentiated have `watched` set.
 * Ops never write into an existing tensor's data. Small results share 64 KiB slabs (see apply.ts):
 * copy `data` before transferring its buffer to a worker.
 */
export class Tensor {
  readonly data: Float64Array;
  readonly shape: Shape;
  /** @internal */
  readonly node: Node | null;
  readonly watched: boolean;

  /** @internal */
  constructor(data: Float64Array, shape: Shape, node: Node | null = null, watched = false) {
    this.data = data;
    this.shape = shape;
    this.node = node;
    this.watched = watched;
  }

  /** True when gradients can flow to or through this tensor. */
  get requiresGrad(): boolean {
    return this.watched || this.node !== null;
  }

  get size(): number {
    return this.data.length;
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) {
      throw new Error(`item(): tensor has shape ${formatShape(this.shape)}, expected exactly one element`);
    }
    return this.data[0];
  }

  /** A copy of the values as a flat array, in row-major order. */
  toArray(): number[] {
    return Array.from(this.data);
  }
}

/**
 * A tensor holding a copy of `data`: flat numbers with `shape` (default [length]), or nested arrays
 * whose nesting is the shape (`tensor([[1, 2], [3, 4]])` is [2, 2]); a given shape must hold as
 * many elements as the data.
 */
export function tensor(data: TensorData, shape?: Shape): Tensor {
  const read = readTensorData(data);
  if (shape === undefined) return new Tensor(read.values, read.shape);
  checkShape(shape, 'tensor');
  if (sizeOf(shape) !== read.values.length) {
    throw new Error(`tensor: ${read.values.length} values do not fill shape ${formatShape(shape)} (expected ${sizeOf(shape)})`);
  }
  return new Tensor(read.values, shape);
}

/** A tensor of shape [] holding one number. */
export function scalar(value: number): Tensor {
  return new Tensor(Float64Array.of(value), []);
}

/** A tensor of this shape filled with zeros. */
export function zeros(shape: Shape): Tensor {
  checkShape(shape, 'zeros');
  return new Tensor(new Float64Array(sizeOf(shape)), shape);
}

/** A tensor of this shape filled with one value. */
export function full(shape: Shape, value: number): Tensor {
  checkShape(shape, 'full');
  return new Tensor(new Float64Array(sizeOf(shape)).fill(value), shape);
}

/** Wraps a buffer without copying; the caller must not mutate it while the tensor is in use. */
export function fromBuffer(data: Float64Array, shape: Shape = [data.length]): Tensor {
  checkShape(shape, 'fromBuffer');
  if (sizeOf(shape) !== data.length) {
    throw new Error(`fromBuffer: buffer of length ${data.length} does not match shape ${formatShape(shape)}`);
  }
  return new Tensor(data, shape);
}
