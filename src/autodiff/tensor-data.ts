import { describe as describeValue } from '../validation/values.js';
import { type Shape, sizeOf } from './shape.js';

/** Nested arrays of numbers, one level per axis: [[1, 2], [3, 4]] has shape [2, 2]. */
export type NestedNumbers = readonly number[] | readonly NestedNumbers[];

/** What `tensor` takes: numbers flat (an array, a typed array or any array-like) or nested. */
export type TensorData = ArrayLike<number> | NestedNumbers;

/**
 * The values of `data` in row-major order and the shape they have: [length] when flat, one axis per
 * level of nesting otherwise. Anything but numbers is an error naming its index; NaN and ±Infinity
 * are numbers.
 */
export function readTensorData(data: unknown): { values: Float64Array; shape: Shape } {
  if (data instanceof Float64Array) return { values: Float64Array.from(data), shape: [data.length] };
  if (typeof data !== 'object' || data === null || typeof (data as ArrayLike<unknown>).length !== 'number') {
    throw new Error(`tensor: data is ${describeValue(data)}, expected an array of numbers (nested arrays for more than one axis) or a typed array`);
  }
  if (Array.isArray(data) && Array.isArray(data[0])) return readNested(data);
  const flat = data as ArrayLike<unknown>;
  for (let i = 0; i < flat.length; i++) {
    if (typeof flat[i] !== 'number') throw new Error(`tensor: data[${i}] is ${describeValue(flat[i])}, expected a number`);
  }
  return { values: Float64Array.from(flat as ArrayLike<number>), shape: [flat.length] };
}

/** The shape is read along the first entries; every other row must match it (rectangular). */
function readNested(data: readonly unknown[]): { values: Float64Array; shape: Shape } {
  const shape: number[] = [];
  for (let level: unknown = data; Array.isArray(level); level = level[0]) shape.push(level.length);
  const values = new Float64Array(sizeOf(shape));
  const index: number[] = [];
  let next = 0;
  const path = (axis: number): string => index.slice(0, axis).map((i) => `[${i}]`).join('');
  const like = (axis: number): string => `like data${'[0]'.repeat(axis)} (nested arrays must be rectangular)`;
  const visit = (v: unknown, axis: number): void => {
    if (axis === shape.length) {
      if (typeof v !== 'number') {
        throw new Error(`tensor: data${path(axis)} is ${describeValue(v)}, expected a number${Array.isArray(v) ? ` ${like(axis)}` : ''}`);
      }
      values[next++] = v;
      return;
    }
    if (!Array.isArray(v)) throw new Error(`tensor: data${path(axis)} is ${describeValue(v)}, expected an array of ${shape[axis]} entries ${like(axis)}`);
    if (v.length !== shape[axis]) throw new Error(`tensor: data${path(axis)} has ${v.length} entries, expected ${shape[axis]} ${like(axis)}`);
    for (let i = 0; i < v.length; i++) {
      index[axis] = i;
      visit(v[i], axis + 1);
    }
  };
  visit(data, 0);
  return { values, shape };
}
