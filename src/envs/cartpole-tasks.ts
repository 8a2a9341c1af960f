/** The CartPole env family: CartPole-v1 with some physical constants drawn per task. */
import { CARTPOLE_ACTION_SPACE, CARTPOLE_DEFAULTS, CARTPOLE_PARAMS, CartPole, type CartPoleOptions, cartPoleObservationSpace } from './cartpole.js';
import { tasksOf, type EnvFamily } from './env-family.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

/** The CartPole constants a task may set. */
export type CartPoleTaskParam = 'gravity' | 'masscart' | 'masspole' | 'length' | 'forceMag' | 'tau';

/** The CartPole parameters that vary per task unless told otherwise. */
export type DefaultCartPoleTaskParam = 'length' | 'masspole' | 'forceMag';

/** Default sampling ranges; `length` is CartPole's half pole length (default 0.5). */
export const CARTPOLE_TASK_RANGES: Readonly<Record<DefaultCartPoleTaskParam, Range>> = Object.freeze({
  length: Object.freeze([0.25, 1.0] as const),
  masspole: Object.freeze([0.05, 0.5] as const),
  forceMag: Object.freeze([5, 15] as const),
});

type CartPoleFamilyOptions = Omit<CartPoleOptions, CartPoleTaskParam>;

export const CARTPOLE_FAMILY: EnvFamily<CartPole, CartPoleFamilyOptions> = Object.freeze({
  name: 'cartpole',
  description: 'CartPole-v1 (Gymnasium), pole length, pole mass and push force varied per task',
  // The spaces at Gymnasium's thresholds, which no task parameter changes (an env option may).
  observationSpace: cartPoleObservationSpace(CARTPOLE_DEFAULTS),
  actionSpace: CARTPOLE_ACTION_SPACE,
  params: Object.freeze({
    gravity: CARTPOLE_PARAMS.gravity,
    masscart: CARTPOLE_PARAMS.masscart,
    masspole: CARTPOLE_PARAMS.masspole,
    length: CARTPOLE_PARAMS.length,
    forceMag: CARTPOLE_PARAMS.forceMag,
    tau: CARTPOLE_PARAMS.tau,
  }),
  defaultRanges: CARTPOLE_TASK_RANGES,
  // Gymnasium's reward threshold of CartPole-v1.
  rewardThreshold: 475,
  make: (task: TaskParams, options?: CartPoleFamilyOptions) => new CartPole({ ...options, ...task }),
});

/** Which CartPole parameters vary per task, and their ranges. */
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
  return tasksOf(CARTPOLE_FAMILY, options as { vary?: readonly string[]; ranges?: Record<string, Range> }) as unknown as TaskFamily<
    Record<K, number>,
    CartPole,
    CartPoleEnvOptions<K>
  >;
}
