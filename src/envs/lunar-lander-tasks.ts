/**
 * The LunarLander env families: gravity and engine powers vary per task (`lunarlander`, and
 * `lunarlander-continuous` with Box(2) actions), or wind and turbulence at gravity -10
 * (`lunarlander-wind`). Medium tasks are the ranges' midpoints.
 */
import { type EnvFamily, tasksOf } from './env-family.js';
import { LUNAR_LANDER_PARAMS, LunarLander, type LunarLanderOptions, lunarLanderActionSpace, lunarLanderObservationSpace } from './lunar-lander.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

export const LUNAR_LANDER_TASK_RANGES: Readonly<Record<'gravity' | 'mainEnginePower' | 'sideEnginePower', Range>> = Object.freeze({
  gravity: Object.freeze([-11.5, -6] as const),
  mainEnginePower: Object.freeze([10, 16] as const),
  sideEnginePower: Object.freeze([0.4, 0.8] as const),
});

export const LUNAR_LANDER_WIND_TASK_RANGES: Readonly<Record<'windPower' | 'turbulencePower', Range>> = Object.freeze({
  windPower: Object.freeze([0, 15] as const),
  turbulencePower: Object.freeze([0, 1.5] as const),
});

/** Gymnasium's reward threshold of LunarLander, for every variant. */
export const LUNAR_LANDER_REWARD_THRESHOLD = 200;

const common = {
  observationSpace: lunarLanderObservationSpace(),
  actionSpace: lunarLanderActionSpace(false),
  params: LUNAR_LANDER_PARAMS,
  rewardThreshold: LUNAR_LANDER_REWARD_THRESHOLD,
} as const;

export const LUNAR_LANDER_FAMILY: EnvFamily<LunarLander, LunarLanderOptions> = Object.freeze({
  ...common,
  name: 'lunarlander',
  description: 'LunarLander (Gymnasium, discrete) on the project\'s Box2D 2.3 port; gravity and engine powers varied per task',
  defaultRanges: LUNAR_LANDER_TASK_RANGES,
  make: (task: TaskParams, options?: LunarLanderOptions) => new LunarLander({ ...options, ...task }),
});

export const LUNAR_LANDER_WIND_FAMILY: EnvFamily<LunarLander, LunarLanderOptions> = Object.freeze({
  ...common,
  name: 'lunarlander-wind',
  description: 'LunarLander with wind at gravity -10; wind and turbulence power varied per task',
  defaultRanges: LUNAR_LANDER_WIND_TASK_RANGES,
  make: (task: TaskParams, options?: LunarLanderOptions) => new LunarLander({ ...options, enableWind: true, ...task }),
});

export const LUNAR_LANDER_CONTINUOUS_FAMILY: EnvFamily<LunarLander, LunarLanderOptions> = Object.freeze({
  ...common,
  actionSpace: lunarLanderActionSpace(true),
  name: 'lunarlander-continuous',
  description: 'LunarLanderContinuous (Gymnasium, Box(2) actions) on the project\'s Box2D 2.3 port; gravity and engine powers varied per task',
  defaultRanges: LUNAR_LANDER_TASK_RANGES,
  make: (task: TaskParams, options?: LunarLanderOptions) => new LunarLander({ ...options, continuous: true, ...task }),
});

/** LunarLander tasks whose gravity and engine powers vary. */
export function lunarLanderTasks(): TaskFamily<TaskParams, LunarLander, LunarLanderOptions> {
  return tasksOf(LUNAR_LANDER_FAMILY);
}

/** LunarLander tasks whose wind and turbulence vary. */
export function lunarLanderWindTasks(): TaskFamily<TaskParams, LunarLander, LunarLanderOptions> {
  return tasksOf(LUNAR_LANDER_WIND_FAMILY);
}

/** Continuous-action LunarLander tasks whose gravity and engine powers vary. */
export function lunarLanderContinuousTasks(): TaskFamily<TaskParams, LunarLander, LunarLanderOptions> {
  return tasksOf(LUNAR_LANDER_CONTINUOUS_FAMILY);
}
