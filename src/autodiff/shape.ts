import { describe as describeValue } from '../validation/values.js';

/** Shapes are plain arrays of non-negative integers; [] is a scalar. */
export type Shape = readonly number[];

/** The number of elements of a tensor of this shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

export function checkShape(shape: Shape, what: string): void {
  if (!Array.isArray(shape)) {
    throw new Error(`${what}: shape is ${describeValue(shape)}, expected an array of non-negative integer dimensions`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`${what}: shape ${formatShape(shape)} is invalid, expected non-negative integer dimensions`);
    }
  }
}

/** Elementwise ops see every tensor as a matrix: [] and [n] are one row, [..., n] folds the leading axes into rows. */
export function rowsCols(shape: Shape): [number, number] {
  return [rowsOf(shape), colsOf(shape)];
}

/** The columns of rowsCols, without allocating (kernels ask on every run). */
export function colsOf(shape: Shape): number {
  return shape.length === 0 ? 1 : shape[shape.length - 1];
}

/** The rows of rowsCols, without allocating. */
export function rowsOf(shape: Shape): number {
  const cols = colsOf(shape);
  return cols === 0 ? 0 : sizeOf(shape) / cols;
}
