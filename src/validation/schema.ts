/**
 * The one schema vocabulary: small checks that each take a value and the path it was found at,
 * and either return the value typed or report `PATH is VALUE, expected WHAT` through a `Fail`.
 * Each reader passes its own Fail, so a config throws a ConfigError, a grid file a UsageError
 * naming the file, a fixture a FixtureError, all from the same checks and the same wording.
 *
 * A Rule is a test with its wording (what a task parameter, a config number or a grid seed must
 * be); a Check is what reads a value at a path, built from rules and from other checks.
 */
import { integerExpected, isIntegerIn, isPlainObject } from './values.js';

/** Reports a bad value at `path`; never returns. */
export type Fail = (path: string, value: unknown, expected: string) => never;

/** Reads the value at `path`: returns it typed, or calls `fail`. */
export type Check<T> = (value: unknown, path: string, fail: Fail) => T;

/** A test of one value and how its valid values are stated ("a finite number > 0"). */
export interface Rule<T = unknown> {
  /** Whether `value` is valid. */
  ok(value: unknown): value is T;
  /** What a valid value is, as errors say it: "a finite number > 0". */
  readonly expected: string;
}

/** The path of `key` inside `path` ('' is the top level). */
export function keyPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The path of element `i` of the array at `path`. */
export function indexPath(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function rule<T>(ok: (value: unknown) => value is T, expected: string): Rule<T>;
export function rule(ok: (value: unknown) => boolean, expected: string): Rule<unknown>;
export function rule(ok: (value: unknown) => boolean, expected: string): Rule<unknown> {
  return Object.freeze({ ok: ok as (value: unknown) => value is unknown, expected });
}

/** The check of a rule: its value, or `fail` with its wording. */
export function checked<T>(r: Rule<T>): Check<T> {
  return (v, path, fail) => (r.ok(v) ? v : fail(path, v, r.expected));
}

/** Any value, as it is: for an array whose elements are read one by one afterwards. */
export const anything: Check<unknown> = (v) => v;

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** Any finite number. */
export const FINITE_NUMBER: Rule<number> = rule((v): v is number => isNumber(v) && Number.isFinite(v), 'a finite number');
export const POSITIVE_NUMBER: Rule<number> = rule((v): v is number => isNumber(v) && Number.isFinite(v) && v > 0, 'a positive finite number');
export const NON_NEGATIVE_NUMBER: Rule<number> = rule((v): v is number => isNumber(v) && Number.isFinite(v) && v >= 0, 'a non-negative finite number');
/** A number in (0, 1). */
export const OPEN_UNIT: Rule<number> = rule((v): v is number => isNumber(v) && v > 0 && v < 1, 'a number in (0, 1)');
/** A number in [0, 1]. */
export const UNIT: Rule<number> = rule((v): v is number => isNumber(v) && v >= 0 && v <= 1, 'a number in [0, 1]');
/** A non-empty array of finite numbers (a run's returns), stated as one value. */
export const FINITE_NUMBERS: Rule<number[]> = rule(
  (v): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => FINITE_NUMBER.ok(x)),
  'a non-empty array of finite numbers',
);
export const BOOLEAN: Rule<boolean> = rule((v): v is boolean => typeof v === 'boolean', 'true or false');
export const NON_EMPTY_STRING: Rule<string> = rule((v): v is string => typeof v === 'string' && v !== '', 'a non-empty string');
/** A JSON object: a plain object, not an array or an instance of a class. */
export const PLAIN_OBJECT: Rule<Record<string, unknown>> = rule(isPlainObject, 'an object');

/** A safe integer in [min, max], stated as integerExpected states it. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): Rule<number> {
  return rule((v): v is number => isIntegerIn(v, min, max), integerExpected(min, max));
}

/** One of `values`, stated `one of "a", "b"` (or `one of a, b` with quote false). */
export function oneOf<T extends string>(values: readonly T[], quote = true): Rule<T> {
  const listed = values.map((v) => (quote ? JSON.stringify(v) : v)).join(', ');
  return rule((v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v), `one of ${listed}`);
}

/** The same test, stated otherwise. */
export function stated<T>(r: Rule<T>, expected: string): Rule<T> {
  return rule(r.ok, expected);
}

/**
 * null, or what `inner` reads; a bad value at this path is stated `null (WHAT) or INNER'S WORDING`,
 * so the message says both what null means and what else is allowed.
 */
export function nullable<T>(inner: Check<T>, what: string): Check<T | null> {
  return (v, path, fail) => {
    if (v === null) return null;
    const orNull: Fail = (p, x, expected) => (p === path ? fail(path, x, `null (${what}) or ${expected}`) : fail(p, x, expected));
    return inner(v, path, orNull);
  };
}

export interface ArrayOptions {
  /** Exact length. */
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Each element differs from those before it: a repeat is stated `expected ${distinct}`. */
  readonly distinct?: string;
}

/**
 * An array whose shape (length bounds) is checked first, stated `expected`, then each element
 * by `item` at PATH[i], so an oversized array is refused before any element is read.
 */
export function arrayOf<T>(item: Check<T>, expected: string, options: ArrayOptions = {}): Check<T[]> {
  const { length, minLength = 0, maxLength = Number.MAX_SAFE_INTEGER, distinct } = options;
  return (v, path, fail) => {
    if (!Array.isArray(v) || (length !== undefined && v.length !== length) || v.length < minLength || v.length > maxLength) {
      return fail(path, v, expected);
    }
    return v.map((x: unknown, i) => {
      const out = item(x, indexPath(path, i), fail);
      if (distinct !== undefined && v.indexOf(x) !== i) fail(indexPath(path, i), x, distinct);
      return out;
    });
  };
}

/** A plain object; anything else is stated `expected`. */
export function plainObject(expected = 'an object'): Check<Record<string, unknown>> {
  return checked(stated(PLAIN_OBJECT, expected));
}

/** A plain object of at least `minKeys` entries, each read by `entry` at PATH.KEY (a record of any keys). */
export function recordOf<T>(entry: Check<T>, expected: string, { minKeys = 0 } = {}): Check<Record<string, T>> {
  return (v, path, fail) => {
    if (!isPlainObject(v) || Object.keys(v).length < minKeys) return fail(path, v, expected);
    const out: Record<string, T> = {};
    for (const [key, x] of Object.entries(v)) out[key] = entry(x, keyPath(path, key), fail);
    return out;
  };
}

/** The first key of `obj` not in `allowed`, or undefined: a reader names it as it names unknown keys. */
export function unknownKey(obj: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(obj).find((k) => !allowed.includes(k));
}
