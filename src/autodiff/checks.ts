import { describe as describeValue } from '../validation/values.js';
import { Tensor } from './tensor.js';

/** `value` when it is a Tensor; otherwise an error naming the function, the argument and what it is. */
export function expectTensor(fn: string, argument: string, value: unknown): Tensor {
  if (value instanceof Tensor) return value;
  throw new Error(`${fn}: ${argument} is ${describeValue(value)}, expected a Tensor`);
}

/** What a callback returned, where it must be a Tensor (a loss, an output to differentiate). */
export function expectTensorResult(fn: string, callback: string, value: unknown): Tensor {
  if (value instanceof Tensor) return value;
  throw new Error(`${fn}: ${callback} returned ${describeValue(value)}, expected a Tensor`);
}

/** Names the first NaN or infinite entry of t, for arguments where only finite values make sense. */
export function expectFinite(fn: string, argument: string, t: Tensor, why = ''): void {
  const data = t.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // v - v is NaN exactly for NaN and ±Infinity
    if (v - v !== 0) throw new Error(`${fn}: ${argument}[${i}] is ${v}, expected a finite number${why === '' ? '' : ` (${why})`}`);
  }
}

/** A flag argument: only true or false (a truthy string or number is a mistake, not a flag). */
export function expectBoolean(fn: string, argument: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new Error(`${fn}: ${argument} is ${describeValue(value)}, expected true or false`);
}

/** A callback argument (a loss, the function to differentiate). */
export function expectFunction(fn: string, argument: string, value: unknown): void {
  if (typeof value !== 'function') throw new Error(`${fn}: ${argument} is ${describeValue(value)}, expected a function`);
}
