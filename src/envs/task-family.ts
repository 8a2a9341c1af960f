/**
 * Meta-RL task families: a task is a plain JSON object of named numeric env parameters, sampled
 * uniformly from one [lo, hi] range per parameter and turned into an env by the family.
 */
import { FINITE_NUMBER, type Rule, checked, rule } from '../validation/schema.js';
import { describe } from '../validation/values.js';
import type { Rng } from '../rng/rng.js';
import type { Env } from './env.js';
import { paramFail } from './params.js';

/** A task: a plain JSON object of parameter values. */
export type TaskParams = Record<string, number>;

/** A closed interval [lo, hi] a task parameter is drawn from. */
export type Range = readonly [lo: number, hi: number];

/** A range for each parameter of a task. */
export type TaskRanges<T extends TaskParams> = { readonly [K in keyof T]: Range };

/**
 * Physical validity of one parameter: a schema rule over numbers (a threshold test, so a range is
 * valid iff both ends are), its `expected` what error messages say a valid value is.
 */
export type ParamCheck = Rule<number>;

export const FINITE: ParamCheck = FINITE_NUMBER;
export const POSITIVE: ParamCheck = rule((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0, 'a finite number > 0');
export const NON_NEGATIVE: ParamCheck = rule((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a finite number >= 0');

/** A distribution over tasks: draws task parameters from a generator and makes the environment of a task. */
export interface TaskFamily<T extends TaskParams, E extends Env<number, never> = Env, Options = undefined> {
  readonly name: string;
  /** Sampling range per parameter; keys in sampling order. */
  readonly ranges: TaskRanges<T>;
  /** n tasks, each parameter `rng.uniform(lo, hi)`, task by task, parameters in `ranges` key order. */
  sampleTasks(rng: Rng, n: number): T[];
  /** The centre (lo + hi) / 2 of every range. */
  mediumTask(): T;
  /** A fresh env for a task (validated first). */
  makeEnv(task: T, options?: Options): E;
  /**
   * Returns `task` typed if it is a plain object holding exactly the family's parameters, each
   * physically valid (not necessarily inside `ranges`: out-of-range tasks are legitimate tests);
   * throws an Error naming the offending key and the expected value otherwise.
   */
  validate(task: unknown): T;
}

/** What `defineTaskFamily` takes: parameter ranges and checks, and how to make a task's environment. */
export interface TaskFamilySpec<T extends TaskParams, E extends Env<number, never>, Options> {
  name: string;
  ranges: TaskRanges<T>;
  /** Validity check per parameter; must have exactly the keys of `ranges`. */
  checks: { readonly [K in keyof T]: ParamCheck };
  /** Builds the env of an already validated task. */
  build(task: T, options: Options | undefined): E;
}

/** A TaskFamily from its ranges, validity checks and env builder; the ranges are checked and frozen. */
export function defineTaskFamily<T extends TaskParams, E extends Env<number, never>, Options = undefined>(
  spec: TaskFamilySpec<T, E, Options>,
): TaskFamily<T, E, Options> {
  const { name, checks, build } = spec;
  const keys = Object.keys(spec.ranges) as (keyof T & string)[];
  const expectedKeys = keys.join(', ');
  for (const key of Object.keys(checks)) {
    if (!Object.hasOwn(spec.ranges, key)) throw new Error(`${name}: check for "${key}" has no range (expected a range for each of ${expectedKeys})`);
  }
  const ranges = {} as { [K in keyof T]: Range };
  for (const key of keys) {
    const range: unknown = spec.ranges[key];
    const check: ParamCheck | undefined = checks[key];
    if (check === undefined) throw new Error(`${name}: no validity check for parameter "${key}"`);
    if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || range[0] > range[1]) {
      throw new Error(`${name}: range for ${key} must be [lo, hi] with finite lo <= hi, got ${describe(range)}`);
    }
    const [lo, hi] = range as [number, number];
    if (!check.ok(lo) || !check.ok(hi)) throw new Error(`${name}: range for ${key} = [${lo}, ${hi}] is invalid (expected ${check.expected} at both ends)`);
    ranges[key] = Object.freeze([lo, hi] as const);
  }
  Object.freeze(ranges);

  const fail = paramFail(name);
  // A number first, whatever a family's own check admits.
  const valueChecks = Object.fromEntries(keys.map((key) => [key, checked(rule((v) => typeof v === 'number' && checks[key].ok(v), checks[key].expected))]));
  const validate = (task: unknown): T => {
    if (typeof task !== 'object' || task === null || Array.isArray(task)) {
      throw new Error(`${name}: a task must be a plain object of numbers with keys ${expectedKeys}, got ${describe(task)}`);
    }
    for (const key of Object.keys(task)) {
      if (!Object.hasOwn(ranges, key)) throw new Error(`${name}: unknown task parameter "${key}" (expected one of ${expectedKeys})`);
    }
    for (const key of keys) {
      const check = checks[key];
      if (!Object.hasOwn(task, key)) throw new Error(`${name}: task is missing ${key} (expected ${check.expected})`);
      const value: unknown = (task as Record<string, unknown>)[key];
      valueChecks[key](value, key, fail);
    }
    return task as T;
  };

  return Object.freeze({
    name,
    ranges,
    sampleTasks(rng: Rng, n: number): T[] {
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}.sampleTasks: n must be a non-negative integer, got ${n}`);
      const tasks: T[] = [];
      for (let t = 0; t < n; t++) {
        const task = {} as Record<string, number>;
        for (const key of keys) task[key] = rng.uniform(ranges[key][0], ranges[key][1]);
        tasks.push(task as T);
      }
      return tasks;
    },
    mediumTask(): T {
      const task = {} as Record<string, number>;
      for (const key of keys) task[key] = (ranges[key][0] + ranges[key][1]) / 2;
      return task as T;
    },
    makeEnv(task: T, options?: Options): E {
      return build(validate(task), options);
    },
    validate,
  });
}
