// Closeness of float arrays relative to the expected values' scale.
import { expect } from 'vitest';

/** Equal to `tol` relative to the largest expected magnitude, which must not be trivially zero. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-10): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  expect(scale).toBeGreaterThan(1e-6);
  expect(worst).toBeLessThanOrEqual(tol * Math.max(1, scale));
}
