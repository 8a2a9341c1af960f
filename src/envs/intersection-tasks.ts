/** The intersection env family: the other driver's cruise speed, priority margin and acceleration vary per task. */
import { type EnvFamily, tasksOf } from './env-family.js';
import {
  INTERSECTION_ACTION_SPACE,
  INTERSECTION_DEFAULTS,
  INTERSECTION_OUTCOMES,
  INTERSECTION_PARAMS,
  INTERSECTION_TASK_RANGES,
  Intersection,
  type IntersectionOptions,
  intersectionObservationSpace,
} from './intersection.js';
import type { TaskFamily, TaskParams } from './task-family.js';

// Parameters a uniform draw could make invalid (an integer exponent, ordered start bounds) are env options only.
const { accelExponent: _n, startPositionMin: _a, startPositionMax: _b, startSpeedMin: _c, startSpeedMax: _d, ...TASK_PARAMS } = INTERSECTION_PARAMS;

/** The oracle driver's mean return over the default family (docs/environments.md, "The intersection"). */
const ORACLE_RETURN = 15.16;

export const INTERSECTION_FAMILY: EnvFamily<Intersection, IntersectionOptions> = Object.freeze({
  name: 'intersection',
  description: "two vehicles at an unsignalised crossing (this project's definition); the other driver's desiredSpeed, gap and maxAccel vary per task",
  // At the default speedLimit and speedScale: a task that sets them bounds the speeds otherwise.
  observationSpace: intersectionObservationSpace(INTERSECTION_DEFAULTS),
  actionSpace: INTERSECTION_ACTION_SPACE,
  params: Object.freeze(TASK_PARAMS),
  defaultRanges: INTERSECTION_TASK_RANGES,
  // 90% of the oracle's return: a policy there has learned to read the other driver.
  rewardThreshold: 0.9 * ORACLE_RETURN,
  outcomes: INTERSECTION_OUTCOMES,
  make: (task: TaskParams, options?: IntersectionOptions) => new Intersection({ ...options, ...task }),
});

/** The intersection's default task family (desiredSpeed [6, 14], gap [-1.5, 1.5], maxAccel [1.5, 3.5]). */
export function intersectionTasks(): TaskFamily<TaskParams, Intersection, IntersectionOptions> {
  return tasksOf(INTERSECTION_FAMILY);
}
