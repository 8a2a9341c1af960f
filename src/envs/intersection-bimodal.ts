/**
 * The bimodal intersection: the two-vehicle crossing of `intersection.ts` with the other driver O
 * drawn from two clearly different modes that look the same until E has had to commit. Both drive
 * on, undecided, until O is `decisionDistance` (11 m) from the zone, its last point from which it
 * can still stop; there the early-gap driver yields if E would arrive first (gap 0 s) and goes
 * otherwise, while the late-gap driver goes whatever E does (gap +10 s). An E quick enough to
 * arrive first from there can no longer stop before the zone, so the mode shows only after the
 * decision it should have informed: going early is right against the early-gap driver and collides with the late-gap
 * one; waiting for O to pass and going behind it is safe against both, but with 3.5 s to clear the
 * zone it is slow and often misses the deadline.
 *
 * | | |
 * | --- | --- |
 * | Action space | Discrete(5), as the intersection: E's accelerations {-4, -2, 0, +1.5, +3} m/s² |
 * | Observation | Box(6), float64, as the intersection: [s_E/50, v_E/15, s_O/50, v_O/15, inZone_E, inZone_O]; the mode is not in it |
 * | Reward | the intersection's: -0.1 - 0.02·a_E² per step, -100 on a collision, +20 when E's rear clears the zone |
 * | Start state | s_E, s_O ~ U[-32, -24] m (nearer than the intersection's), v_E, v_O ~ U[8, 12] m/s |
 * | Termination | the intersection's (collision or success), and the 3.5 s deadline: after 35 steps the episode ends without the success bonus |
 * | Truncation | none: the deadline is part of the task, so its end is a termination (returns are not bootstrapped past it) |
 *
 * A task draws `bold` uniformly from [0, 1]: below 0.5 O is the early-gap driver (its gap is
 * `courteousGap`, default 0 s), otherwise the late-gap one (`boldGap`, default +10 s). O is
 * quicker than the intersection's default driver (desiredSpeed 14 m/s, maxAccel 3.5 m/s²) so that
 * its path and E's conflict, and brakes up to 10 m/s², so that from 14 m/s it stops within the
 * 11 m. Every other parameter is the intersection's.
 */
import { type EnvFamily, tasksOf } from './env-family.js';
import { INTERSECTION_FAMILY } from './intersection-tasks.js';
import {
  INTERSECTION_ACTION_SPACE,
  INTERSECTION_DEFAULTS,
  INTERSECTION_OUTCOMES,
  INTERSECTION_PARAMS,
  Intersection,
  type IntersectionOptions,
  type IntersectionParams,
  type IntersectionStepResult,
  intersectionObservationSpace,
} from './intersection.js';
import { paramDefaults, type ParamTable } from './params.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

const { gap: _gap, ...SHARED_PARAMS } = INTERSECTION_FAMILY.params;

export const INTERSECTION_BIMODAL_PARAMS = Object.freeze({
  bold: { default: 1, min: 0, max: 1, unit: '', meaning: "O's mode: below 0.5 the early-gap driver (gap = courteousGap), otherwise the late-gap one (gap = boldGap); not observed" },
  courteousGap: { ...INTERSECTION_PARAMS.gap, default: 0, meaning: "the early-gap O's priority margin (the intersection's gap): it yields to an E that would arrive first" },
  boldGap: { ...INTERSECTION_PARAMS.gap, default: 10, meaning: "the late-gap O's priority margin (the intersection's gap): it goes first whatever E does" },
  ...SHARED_PARAMS,
  desiredSpeed: { ...SHARED_PARAMS.desiredSpeed, default: 14 },
  maxAccel: { ...SHARED_PARAMS.maxAccel, default: 3.5 },
  maxBrake: { ...SHARED_PARAMS.maxBrake, default: 10 },
  decisionDistance: { ...SHARED_PARAMS.decisionDistance, default: 11 },
} satisfies ParamTable);

/** Env options of the family that are not task parameters: the nearer start and the 3.5 s deadline. */
export const INTERSECTION_BIMODAL_START = Object.freeze({ startPositionMin: -32, startPositionMax: -24 });
export const INTERSECTION_BIMODAL_MAX_STEPS = 35;

export const INTERSECTION_BIMODAL_TASK_RANGES: Readonly<Record<'bold', Range>> = Object.freeze({ bold: Object.freeze([0, 1] as const) });

/** The intersection parameters of a bimodal task (unset keys at the family's defaults). */
export function bimodalParams(task: TaskParams): IntersectionParams {
  const { bold, courteousGap, boldGap, ...rest } = { ...paramDefaults(INTERSECTION_BIMODAL_PARAMS), ...task };
  return { ...INTERSECTION_DEFAULTS, ...INTERSECTION_BIMODAL_START, ...rest, gap: bold < 0.5 ? courteousGap : boldGap };
}

/** The intersection whose time limit is a deadline: reaching it terminates the episode instead of truncating it. */
export class DeadlineIntersection extends Intersection {
  override step(action: number): IntersectionStepResult {
    const result = super.step(action);
    if (result.truncated) {
      result.terminated = true;
      result.truncated = false;
    }
    return result;
  }
}

export const INTERSECTION_BIMODAL_FAMILY: EnvFamily<DeadlineIntersection, IntersectionOptions> = Object.freeze({
  name: 'intersection-bimodal',
  description: 'the intersection with an early-gap or a late-gap other driver per task (not observed), who shows which only after E must commit',
  observationSpace: intersectionObservationSpace(bimodalParams({})),
  actionSpace: INTERSECTION_ACTION_SPACE,
  params: INTERSECTION_BIMODAL_PARAMS,
  defaultRanges: INTERSECTION_BIMODAL_TASK_RANGES,
  outcomes: INTERSECTION_OUTCOMES,
  make: (task: TaskParams, options: IntersectionOptions = {}) => {
    const { seed, maxEpisodeSteps = INTERSECTION_BIMODAL_MAX_STEPS, ...params } = options;
    return new DeadlineIntersection({ seed, maxEpisodeSteps, ...bimodalParams({ ...params, ...task }) });
  },
});

/** The default bimodal family: bold uniform in [0, 1], so half the tasks meet each driver. */
export function intersectionBimodalTasks(): TaskFamily<TaskParams, DeadlineIntersection, IntersectionOptions> {
  return tasksOf(INTERSECTION_BIMODAL_FAMILY);
}
