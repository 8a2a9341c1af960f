import { expect } from 'vitest';

/** The error `f` throws; fails the test when it throws nothing. */
export function thrown(f: () => void): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

/** The error `f` throws, which must be an instance of `kind`. */
export function thrownAs<E extends Error>(f: () => unknown, kind: new (...args: never[]) => E): E {
  const e = thrown(f);
  expect(e).toBeInstanceOf(kind);
  return e as E;
}
