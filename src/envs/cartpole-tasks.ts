/** CartPole task families: CartPole-v1 with some physical constants drawn per task. */
import { CARTPOLE_PARAMS, CartPole, type CartPoleOptions } from './cartpole.js';
import { paramCheck } from './params.js';
import { defineTaskFamily, type ParamCheck, type Range, type TaskFamily } from './task-family.js';

/** The CartPole constants a task may set. */
export type CartPoleTaskParam = 'gravity' | 'masscart' | 'masspole' | 'length' | 'forceMag' | 'tau';

export type DefaultCartPoleTaskParam = 'length' | 'masspole' | 'forceMag';

/** Default sampling ranges; `length` is CartPole's half pole length (default 0.5). */
export const CARTPOLE_TASK_RANGES: Readonly<Record<DefaultCartPoleTaskParam, Range>> = Object.freeze({
  length: Object.freeze([0.25, 1.0] as const),
  masspole: Object.freeze([0.05, 0.5] as const),
  forceMag: Object.freeze([5, 15] as const),
});

const DEFAULT_VARY: readonly DefaultCartPoleTaskParam[] = Object.freeze(['length', 'masspole', 'forceMag']);

// The CartPole constructor's validity, from the same table.
const CHECKS: Readonly<Record<CartPoleTaskParam, ParamCheck>> = {
  gravity: paramCheck(CARTPOLE_PARAMS.gravity),
  masscart: paramCheck(CARTPOLE_PARAMS.masscart),
  masspole: paramCheck(CARTPOLE_PARAMS.masspole),
  length: paramCheck(CARTPOLE_PARAMS.length),
  forceMag: paramCheck(CARTPOLE_PARAMS.forceMag),
  tau: paramCheck(CARTPOLE_PARAMS.tau),
};

export interface CartPoleTaskOptions<K extends CartPoleTaskParam> {
  /** Parameters that vary per task, in sampling order; default length, masspole, forceMag. */
  vary?: readonly K[];
  /** Ranges overriding CARTPOLE_TASK_RANGES; needed for any varied parameter outside those three. */
  ranges?: Partial<Record<CartPoleTaskParam, Range>>;
}

/** Options of `makeEnv`: CartPole's, minus the parameters the task sets. */
export type CartPoleEnvOptions<K extends CartPoleTaskParam> = Omit<CartPoleOptions, K>;

/** CartPole family; parameters not varied keep CartPole's defaults (or those given to makeEnv). */
export function cartPoleTasks<K extends CartPoleTaskParam = DefaultCartPoleTaskParam>(
  options: CartPoleTaskOptions<K> = {},
): TaskFamily<Record<K, number>, CartPole, CartPoleEnvOptions<K>> {
  const vary = (options.vary ?? DEFAULT_VARY) as readonly K[];
  const given: Partial<Record<string, Range>> = { ...CARTPOLE_TASK_RANGES, ...options.ranges };
  if (vary.length === 0) throw new Error('cartpole: vary must name at least one parameter, got []');
  for (const key of Object.keys(options.ranges ?? {})) {
    if (!Object.hasOwn(CHECKS, key)) throw new Error(`cartpole: unknown parameter "${key}" in ranges (expected one of ${Object.keys(CHECKS).join(', ')})`);
    if (!vary.includes(key as K)) throw new Error(`cartpole: ranges.${key} is given but ${key} is not in vary (${vary.join(', ')})`);
  }
  const ranges = {} as Record<K, Range>;
  const checks = {} as Record<K, ParamCheck>;
  for (const key of vary) {
    if (!Object.hasOwn(CHECKS, key)) throw new Error(`cartpole: unknown parameter "${key}" in vary (expected one of ${Object.keys(CHECKS).join(', ')})`);
    if (Object.hasOwn(ranges, key)) throw new Error(`cartpole: ${key} appears twice in vary`);
    const range = given[key];
    if (range === undefined) throw new Error(`cartpole: no default range for ${key} (expected ranges.${key} = [lo, hi])`);
    ranges[key] = range;
    checks[key] = CHECKS[key];
  }
  return defineTaskFamily({
    name: 'cartpole',
    ranges,
    checks,
    build(task: Record<K, number>, envOptions: CartPoleEnvOptions<K> | undefined): CartPole {
      for (const key of Object.keys(envOptions ?? {})) {
        if (Object.hasOwn(ranges, key)) throw new Error(`cartpole.makeEnv: options.${key} conflicts with the task parameter ${key} (expected it unset)`);
      }
      return new CartPole({ ...envOptions, ...task });
    },
  });
}
