/**
 * An env family's numeric parameters, documented and validated from one table: each entry's
 * default, valid range, unit and meaning. The env constructor, the task family and the
 * meta-training config all check values against the same entry, so a range is stated once.
 */
import { type Check, type Fail, checked, rule } from '../validation/schema.js';
import { describe } from '../validation/values.js';
import type { ParamCheck } from './task-family.js';

/** One parameter of an environment: its default, range, unit and meaning. */
export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Whether min / max themselves are excluded (Gymnasium's -12 < gravity < 0). */
  readonly openMin?: boolean;
  readonly openMax?: boolean;
  /** SI unit, '' for a pure number. */
  readonly unit: string;
  readonly meaning: string;
}

/** An environment's parameters by name. */
export type ParamTable<K extends string = string> = { readonly [P in K]: ParamSpec };

/** "a number in (0, 0.1] s": the valid range as error messages and docs state it. */
export function describeRange(spec: ParamSpec): string {
  const lo = spec.openMin === true ? '(' : '[';
  const hi = spec.openMax === true ? ')' : ']';
  return `a number in ${lo}${spec.min}, ${spec.max}${hi}${spec.unit === '' ? '' : ` ${spec.unit}`}`;
}

export function inRange(spec: ParamSpec, value: unknown): value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  const aboveMin = spec.openMin === true ? value > spec.min : value >= spec.min;
  const belowMax = spec.openMax === true ? value < spec.max : value <= spec.max;
  return aboveMin && belowMax;
}

/** The task-family check of one parameter: the schema rule of its range. */
export function paramCheck(spec: ParamSpec): ParamCheck {
  return rule((v): v is number => inRange(spec, v), describeRange(spec));
}

/** The defaults of a table as a plain object. */
export function paramDefaults<K extends string>(table: ParamTable<K>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(table) as K[]) out[key] = table[key].default;
  return out;
}

/** How an env or task family states a bad parameter: `OWNER: invalid KEY = VALUE (expected WHAT)`. */
export function paramFail(owner: string): Fail {
  return (key, value, expected) => {
    throw new Error(`${owner}: invalid ${key} = ${describe(value)} (expected ${expected})`);
  };
}

/** The schema check of every parameter of a table, by name. */
export function paramChecks<K extends string>(table: ParamTable<K>): Record<K, Check<unknown>> {
  const out = {} as Record<K, Check<unknown>>;
  for (const key of Object.keys(table) as K[]) out[key] = checked(paramCheck(table[key]));
  return out;
}

/**
 * Checks each override against the check of its name, in order: an unknown name throws
 * `OWNER: unknown parameter "KEY" (expected one of ...)`, a bad value as paramFail states it.
 */
export function checkParams(owner: string, checks: Readonly<Record<string, Check<unknown>>>, overrides: object): void {
  const fail = paramFail(owner);
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(checks, key)) throw new Error(`${owner}: unknown parameter "${key}" (expected one of ${Object.keys(checks).join(', ')})`);
    checks[key](value, key, fail);
  }
}
