/**
 * What `registerEnv` checks of a family before adding it, read through the validation schema: its
 * name, builder, spaces, parameter table, default ranges and what it states beforehand. Each
 * problem is one Error `registerEnv(NAME): PATH is VALUE, expected WHAT`, so a user's family is
 * refused whole, naming the field, before anything trains on it.
 */
import {
  BOOLEAN,
  type Check,
  FINITE_NUMBER,
  type Fail,
  NON_EMPTY_STRING,
  anything,
  arrayOf,
  checked,
  integerIn,
  keyPath,
  plainObject,
  recordOf,
  rule,
} from '../validation/schema.js';
import { badValue } from '../validation/values.js';
import type { EnvFamily } from './env-family.js';
import { describeRange, inRange, type ParamSpec } from './params.js';

const NAME = rule((v): v is string => typeof v === 'string' && /^[a-z][a-z0-9-]*$/.test(v), 'lower-case letters, digits and dashes, starting with a letter');

/** The family's name, checked before anything else so the other problems can name the family. */
export function familyName(family: EnvFamily): string {
  const fail: Fail = (path, value, expected) => {
    throw new Error(`registerEnv: ${badValue(path, value, expected)}`);
  };
  return checked(NAME)(family?.name, 'name', fail);
}

const FUNCTION = rule((v): v is (...args: never[]) => unknown => typeof v === 'function', 'a function (task, options) => env');
const FLOAT64_ARRAY = rule((v): v is Float64Array => v instanceof Float64Array, 'a Float64Array');
const STRING = rule((v): v is string => typeof v === 'string', "a string ('' for none)");

/** A Box space as `boxSpace` builds it: bounds of one length n, shape [n]. */
const boxSpaceAt: Check<unknown> = (v, path, fail) => {
  const space = plainObject('a Box space (boxSpace(low, high))')(v, path, fail);
  if (space.kind !== 'box') fail(keyPath(path, 'kind'), space.kind, '"box"');
  const low = checked(FLOAT64_ARRAY)(space.low, keyPath(path, 'low'), fail);
  const high = checked(FLOAT64_ARRAY)(space.high, keyPath(path, 'high'), fail);
  if (high.length !== low.length) fail(keyPath(path, 'high'), high, `a Float64Array of length ${low.length} (as low)`);
  const shape = space.shape;
  if (!Array.isArray(shape) || shape.length !== 1 || shape[0] !== low.length) fail(keyPath(path, 'shape'), shape, `[${low.length}] (the bounds' length)`);
  return space;
};

/** A Discrete space (`discreteSpace(n)`) or a Box space. */
const actionSpaceAt: Check<unknown> = (v, path, fail) => {
  const space = plainObject('a Discrete or Box space (discreteSpace(n), boxSpace(low, high))')(v, path, fail);
  if (space.kind === 'box') return boxSpaceAt(space, path, fail);
  if (space.kind !== 'discrete') fail(keyPath(path, 'kind'), space.kind, '"discrete" or "box"');
  checked(integerIn(1))(space.n, keyPath(path, 'n'), fail);
  return space;
};

/** One entry of the parameter table: finite min <= max, its default within them, a unit and a meaning. */
const paramSpecAt: Check<ParamSpec> = (v, path, fail) => {
  const spec = plainObject('{ default, min, max, unit, meaning }')(v, path, fail);
  const min = checked(FINITE_NUMBER)(spec.min, keyPath(path, 'min'), fail);
  checked(rule((x) => FINITE_NUMBER.ok(x) && x >= min, `a finite number >= min (${min})`))(spec.max, keyPath(path, 'max'), fail);
  for (const key of ['openMin', 'openMax']) if (spec[key] !== undefined) checked(BOOLEAN)(spec[key], keyPath(path, key), fail);
  const checkedSpec = spec as unknown as ParamSpec;
  checked(rule((x) => inRange(checkedSpec, x), describeRange(checkedSpec)))(spec.default, keyPath(path, 'default'), fail);
  checked(STRING)(spec.unit, keyPath(path, 'unit'), fail);
  checked(NON_EMPTY_STRING)(spec.meaning, keyPath(path, 'meaning'), fail);
  return checkedSpec;
};

const PARAMS = recordOf(paramSpecAt, 'an object { param: { default, min, max, unit, meaning } }');

const DEFAULT_RANGES = recordOf(anything, 'an object { param: [lo, hi] } naming at least one parameter of params', { minKeys: 1 });

const OUTCOMES = arrayOf(checked(NON_EMPTY_STRING), 'a non-empty list of the outcome names its step info reports', { minLength: 1, distinct: 'an outcome not listed before' });

/** Checks every field of a family named `name`; throws naming the first bad one. */
export function checkFamily(name: string, family: EnvFamily): void {
  const where = `registerEnv(${name})`;
  const fail: Fail = (path, value, expected) => {
    throw new Error(`${where}: ${badValue(path, value, expected)}`);
  };
  checked(FUNCTION)(family.make, 'make', fail);
  boxSpaceAt(family.observationSpace, 'observationSpace', fail);
  actionSpaceAt(family.actionSpace, 'actionSpace', fail);
  const params = PARAMS(family.params, 'params', fail);
  const ranges = DEFAULT_RANGES(family.defaultRanges, 'defaultRanges', fail);
  for (const [key, range] of Object.entries(ranges)) {
    const spec = params[key];
    if (spec === undefined) throw new Error(`${where}: defaultRanges.${key} is not a parameter (expected one of ${Object.keys(params).join(', ')})`);
    if (!Array.isArray(range) || range.length !== 2 || !inRange(spec, range[0]) || !inRange(spec, range[1]) || range[0] > range[1]) {
      fail(`defaultRanges.${key}`, range, `[lo, hi] with lo <= hi, each ${describeRange(spec)}`);
    }
  }
  if (family.rewardThreshold !== undefined) checked(FINITE_NUMBER)(family.rewardThreshold, 'rewardThreshold', fail);
  if (family.outcomes !== undefined) OUTCOMES(family.outcomes, 'outcomes', fail);
}
