/**
 * An env family: everything the library needs to meta-train on an env without knowing it. Its
 * name, spaces, one parameter table (what a task may set: default, valid range, unit, meaning),
 * the ranges tasks are drawn from by default, how to build an env for a task, and what is known
 * of it beforehand (the return a solved task reaches, the outcomes its episodes end in), so no
 * env need be built to learn it.
 */
import type { BoxSpace, Env, Space } from './env.js';
import type { ParamTable } from './params.js';
import { paramCheck } from './params.js';
import { defineTaskFamily, type ParamCheck, type Range, type TaskFamily, type TaskParams } from './task-family.js';

/** A named environment with its parameter table and task ranges: what `registerEnv` takes and `getEnv` returns. */
export interface EnvFamily<E extends Env<number, never> = Env<number, never>, Options = never> {
  /** Lower-case name used by configs and the CLI: 'cartpole'. */
  readonly name: string;
  /** One line for `metarl envs`. */
  readonly description: string;
  readonly observationSpace: BoxSpace;
  readonly actionSpace: Space;
  /** Every parameter a task may set. */
  readonly params: ParamTable;
  /** The parameters varied by default and their ranges, in sampling order. */
  readonly defaultRanges: Readonly<Record<string, Range>>;
  /** The medium task of the default ranges; their midpoints when not given. */
  readonly mediumTask?: Readonly<TaskParams>;
  /**
   * The held-out return at which a run counts as converged (`metarl report`), fixed for the
   * family before any run; absent, runs on it are not judged by one.
   */
  readonly rewardThreshold?: number;
  /**
   * Every value its envs' step info reports as `outcome` when an episode ends (null while it goes
   * on and when it is only truncated); absent, the info carries no outcome and evaluation counts none.
   */
  readonly outcomes?: readonly string[];
  /** An env whose parameters are the defaults overridden by `task` (and env options that are not task parameters). */
  make(task: TaskParams, options?: Options): E;
}

/** Which parameters vary per task, and their ranges, when a family's tasks are drawn. */
export interface TasksOptions {
  /** Parameters that vary per task, in sampling order; default the keys of `defaultRanges`. */
  vary?: readonly string[];
  /** Ranges overriding the defaults; needed for any varied parameter without a default range. */
  ranges?: Readonly<Record<string, Range>>;
}

/** The task family of an env family: `vary` drawn over `ranges`, every other parameter at its default. */
export function tasksOf<E extends Env<number, never>, Options>(
  family: EnvFamily<E, Options>,
  options: TasksOptions = {},
): TaskFamily<TaskParams, E, Options> {
  const { name, params } = family;
  const known = Object.keys(params).join(', ');
  const vary = options.vary ?? Object.keys(family.defaultRanges);
  const given: Record<string, Range> = { ...family.defaultRanges, ...options.ranges };
  if (vary.length === 0) throw new Error(`${name}: vary must name at least one parameter, got []`);
  for (const key of Object.keys(options.ranges ?? {})) {
    if (!Object.hasOwn(params, key)) throw new Error(`${name}: unknown parameter "${key}" in ranges (expected one of ${known})`);
    if (!vary.includes(key)) throw new Error(`${name}: ranges.${key} is given but ${key} is not in vary (${vary.join(', ')})`);
  }
  const ranges: Record<string, Range> = {};
  const checks: Record<string, ParamCheck> = {};
  for (const key of vary) {
    if (!Object.hasOwn(params, key)) throw new Error(`${name}: unknown parameter "${key}" in vary (expected one of ${known})`);
    if (Object.hasOwn(ranges, key)) throw new Error(`${name}: ${key} appears twice in vary`);
    const range = given[key];
    if (range === undefined) throw new Error(`${name}: no default range for ${key} (expected ranges.${key} = [lo, hi])`);
    ranges[key] = range;
    checks[key] = paramCheck(params[key]);
  }
  const build = (task: TaskParams, envOptions: Options | undefined): E => {
    for (const key of Object.keys(envOptions ?? {})) {
      if (Object.hasOwn(ranges, key)) throw new Error(`${name}.makeEnv: options.${key} conflicts with the task parameter ${key} (expected it unset)`);
    }
    return family.make(task, envOptions);
  };
  const tasks = defineTaskFamily({ name, ranges, checks, build });
  const medium = family.mediumTask;
  if (medium === undefined || options.vary !== undefined || options.ranges !== undefined) return tasks;
  return Object.freeze({ ...tasks, mediumTask: () => ({ ...medium }) });
}
