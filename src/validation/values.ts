/**
 * The one vocabulary of input errors: how a bad value is shown in a message, and the checks every
 * layer makes (plain objects, integers in a range). Messages read `PATH is VALUE, expected WHAT`.
 * Imports nothing, so the lowest layer can use it.
 */

const MAX_SHOWN = 80;

/** A value as an error message names it: data as JSON (cut at 80 characters), objects of a class by kind. */
export function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return v.toString();
  if (ArrayBuffer.isView(v)) return `${article(v.constructor.name)} of length ${(v as unknown as { length: number }).length}`;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isPlainObject(v)) {
    const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? article(name) : 'an object';
  }
  let s: string;
  try {
    s = JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return Array.isArray(v) ? 'an array' : 'an object';
  }
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 3)}...` : s;
}

function article(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** An object literal or JSON object (not an array, not an instance of a class). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The message of a bad value at `path`. */
export function badValue(path: string, value: unknown, expected: string): string {
  return `${path} is ${describe(value)}, expected ${expected}`;
}

export function isIntegerIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
}

/** "a non-negative integer", "an integer in [1, 4096]": how the checks above are stated. */
export function integerExpected(min: number, max = Number.MAX_SAFE_INTEGER): string {
  if (max !== Number.MAX_SAFE_INTEGER) return `an integer in [${min}, ${max}]`;
  return min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer >= ${min}`;
}
