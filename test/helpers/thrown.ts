/** The error `f` throws; fails the test when it throws nothing. */
export function thrown(f: () => void): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}
