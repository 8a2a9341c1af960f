/**
 * Reference drivers of the bimodal intersection, to give learned returns a scale. A driver is
 * given the state, the steps since reset and the task's scene; the oracle reads O's schedule from
 * the scene, the task-agnostic drivers read of it only what the policy observes (O's state while
 * it is visible) and the elapsed time, which the policy does not observe (so they are, if
 * anything, better placed than a policy).
 *
 * Both planners replan every step over the intersection oracle's plans (`scoreOraclePlans`): go
 * (full throttle throughout), yield (hardest brake, coast at rest, until O's rear has cleared the
 * zone, then full throttle), and each action k in 0..3 for n in 1..ORACLE_MAX_PREFIX steps, then
 * full throttle, scored with this family's reward over the steps to the deadline; they play the
 * first action of the plan that collides under the fewest of the schedules they hold possible,
 * then with the highest summed return (`bestOraclePlan`'s order on ties).
 */
import { PCG64 } from '../rng/pcg64.js';
import {
  INTERSECTION_BIMODAL_FAMILY,
  INTERSECTION_BIMODAL_MAX_STEPS,
  INTERSECTION_BIMODAL_TASK_RANGES,
  type BimodalParams,
  type BimodalScene,
  type IntersectionBimodal,
  bimodalReward,
  bimodalScene,
  otherStart,
  otherVisible,
} from './intersection-bimodal.js';
import { ORACLE_PLANS, bestOraclePlan, oraclePlanAction, scoreOraclePlans, tallyEpisodes, type DriverEvaluation } from './intersection-drivers.js';
import { clearedZone } from './intersection-zone.js';

/** state = [s_E, v_E, s_O, v_O]; step = steps since reset (the deadline is at INTERSECTION_BIMODAL_MAX_STEPS). */
export type BimodalDriver = (state: ArrayLike<number>, step: number, scene: BimodalScene) => number;

const HARD_BRAKE = 0;
const COAST = 2;
const FULL_THROTTLE = 4;

/** Full throttle every step. */
export const bimodalGo: BimodalDriver = () => FULL_THROTTLE;

/** Hardest brake while moving, coast at rest, until it sees O past the zone; then full throttle. */
export const bimodalYield: BimodalDriver = (state, _step, scene) => {
  if (otherVisible(state[2], scene) && clearedZone(state[2], scene.road)) return FULL_THROTTLE;
  return state[1] > 0 ? HARD_BRAKE : COAST;
};

// Planning scratch: the planners run to completion without re-entry, so module buffers are safe.
const sceneTotals = new Float64Array(ORACLE_PLANS);
const sceneUnsafe = new Uint8Array(ORACLE_PLANS);
const planSums = new Float64Array(ORACLE_PLANS);
const planCollisions = new Int32Array(ORACLE_PLANS);

/**
 * The best of the intersection oracle's plans from `state` at `step` over `scenes` (each with O's
 * position from `otherAt`), scored with the family's reward over the steps to the deadline.
 */
function planOver(state: ArrayLike<number>, step: number, scenes: readonly BimodalScene[], otherAt: (scene: BimodalScene) => number): number {
  planSums.fill(0);
  planCollisions.fill(0);
  const start = Float64Array.from(state);
  const stepsLeft = INTERSECTION_BIMODAL_MAX_STEPS - step;
  for (const scene of scenes) {
    start[2] = otherAt(scene);
    const dt = scene.road.dt;
    scoreOraclePlans(start, scene.road, stepsLeft, sceneTotals, sceneUnsafe, (accel, flags, after, n) => bimodalReward(accel, flags, after, (step + n) * dt, scene));
    for (let i = 0; i < ORACLE_PLANS; i++) {
      planSums[i] += sceneTotals[i];
      planCollisions[i] += sceneUnsafe[i];
    }
  }
  return bestOraclePlan(planSums, planCollisions, stepsLeft);
}

/** Knows the task's schedule (O's dynamics are deterministic) and plans on it. */
export const bimodalOracle: BimodalDriver = (state, step, scene) => oraclePlanAction(planOver(state, step, [scene], () => state[2]), state, scene.road);

/**
 * The schedules the wait-and-see planner still holds possible at time t with O unseen: for each
 * mode, the jitters of the default range whose O would not yet be visible, represented by the
 * earliest (at the visibility edge), the latest and their midpoint.
 */
export function hiddenHypotheses(t: number, params: Readonly<BimodalParams>): Pick<BimodalParams, 'late' | 'jitter'>[] {
  const [lo, hi] = INTERSECTION_BIMODAL_TASK_RANGES.jitter;
  const earliestEntry = t + params.visibleDistance / params.otherSpeed;
  return [0, 1].flatMap((late) => {
    const first = Math.max(lo, earliestEntry - (late === 1 ? params.lateEntry : params.earlyEntry));
    return first > hi ? [] : [first, (first + hi) / 2, hi].map((jitter) => ({ late, jitter }));
  });
}

/**
 * The wait-and-see planner: knows the two schedules but not the task's. While O is occluded it
 * plans over hiddenHypotheses (their O placed where its schedule puts it), and plays the plan that collides under the fewest of them, then with the
 * highest mean return; once O is visible, its position, speed and the time give its schedule,
 * and it plans on that one.
 */
export const bimodalWaitAndSee: BimodalDriver = (state, step, scene) => {
  const road = scene.road;
  const t = step * road.dt;
  const shared: Partial<BimodalParams> = {};
  for (const [key, value] of Object.entries(scene.params)) if (key !== 'late' && key !== 'jitter') shared[key as keyof BimodalParams] = value;
  if (otherVisible(state[2], scene)) {
    const entry = t + (-(road.zoneHalfWidth + road.margin) - state[2]) / state[3];
    const { earlyEntry, lateEntry } = scene.params;
    const late = entry >= (earlyEntry + lateEntry) / 2;
    const seen = bimodalScene({ ...shared, late: late ? 1 : 0, jitter: entry - (late ? lateEntry : earlyEntry) });
    return oraclePlanAction(planOver(state, step, [seen], () => state[2]), state, seen.road);
  }
  const at = (h: BimodalScene): number => otherStart(h) + road.desiredSpeed * t;
  const hidden = hiddenHypotheses(t, scene.params).map((h) => bimodalScene({ ...shared, ...h }));
  const plan = planOver(state, step, hidden, at);
  // Yield while O is unseen is bimodalYield's brake-then-coast: it cannot yet see O past the zone.
  return plan === 1 ? bimodalYield(state, step, scene) : oraclePlanAction(plan, state, scene.road);
};

/** Returns and outcomes of a driver over sampled tasks: the intersection's, the episodes neither a success nor a collision ending at the deadline. */
export type BimodalDriverEvaluation = Omit<DriverEvaluation, 'truncationRate'> & {
  /** Fraction of episodes that reached the deadline. */
  readonly deadlineRate: number;
};

/**
 * One episode of `driver` on each of `tasks` tasks of the default family, drawn by
 * `new PCG64(seed)` as the family's sampleTasks draws them (late, then jitter, task by task);
 * episode i starts from `reset({ seed: seed + 1 + i })`.
 */
export function evaluateBimodalDriver(driver: BimodalDriver, options: { tasks?: number; seed?: number } = {}): BimodalDriverEvaluation {
  const { tasks = 1000, seed = 0 } = options;
  if (!Number.isSafeInteger(tasks) || tasks <= 0) throw new Error(`evaluateBimodalDriver: tasks must be a positive integer, got ${tasks}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`evaluateBimodalDriver: seed must be a non-negative integer, got ${seed}`);
  const rng = new PCG64(seed);
  const [lateLo, lateHi] = INTERSECTION_BIMODAL_TASK_RANGES.late;
  const [jitterLo, jitterHi] = INTERSECTION_BIMODAL_TASK_RANGES.jitter;
  let env: IntersectionBimodal | undefined;
  let step = 0;
  const start = (episode: number): void => {
    const late = rng.uniform(lateLo, lateHi);
    const jitter = rng.uniform(jitterLo, jitterHi);
    env = INTERSECTION_BIMODAL_FAMILY.make({ late, jitter });
    env.reset({ seed: seed + 1 + episode });
    step = 0;
  };
  const { truncationRate, ...tally } = tallyEpisodes(tasks, start, () => {
    const e = env as IntersectionBimodal;
    return e.step(driver(e.getState(), step++, e.scene));
  });
  return { ...tally, deadlineRate: truncationRate };
}
