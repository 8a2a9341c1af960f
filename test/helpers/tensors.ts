import { expect } from 'vitest';
import type { Shape } from '../../src/autodiff/shape.js';
import { type Tensor, tensor } from '../../src/autodiff/tensor.js';
import type { Prng } from './prng.js';

export function size(shape: Shape): number {
  return shape.reduce((n, d) => n * d, 1);
}

export function randn(r: Prng, shape: Shape, scale = 1): Tensor {
  return tensor(r.normals(size(shape), scale), shape);
}

/** max |a - e| / max(1, max |e|), written here independently of src. */
export function relErr(a: ArrayLike<number>, e: ArrayLike<number>): number {
  expect(a.length).toBe(e.length);
  let d = 0;
  let s = 1;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i] - e[i]);
    if (!(x <= d)) d = x;
    s = Math.max(s, Math.abs(e[i]));
  }
  return d / s;
}
