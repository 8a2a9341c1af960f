/**
 * Reference drivers of the bimodal intersection, to give learned returns a scale. A driver is
 * given the state, the steps since reset and the task's scene; the oracle reads O's schedule from
 * the scene, the task-agnostic drivers read of it only what the policy observes (O's state while
 * it is visible) and the elapsed time, which the policy does not observe (so they are, if
 * anything, better placed than a policy).
 *
 * Both planners replan every step over the intersection oracle's plans: go (full throttle
 * throughout), yield (hardest brake, coast at rest, until O's rear has cleared the zone, then full
 * throttle), and each action k in 0..3 for n in 1..PLAN_PREFIX steps, then full throttle; they
 * play the first action of the safe plan (no collision) with the highest return, of all plans if
 * none is safe, preferring on ties go, then yield, then smaller k, then shorter n.
 */
import { PCG64 } from '../rng/pcg64.js';
import {
  INTERSECTION_BIMODAL_FAMILY,
  INTERSECTION_BIMODAL_MAX_STEPS,
  INTERSECTION_BIMODAL_TASK_RANGES,
  type BimodalParams,
  type BimodalScene,
  bimodalReward,
  bimodalScene,
  otherStart,
  otherVisible,
} from './intersection-bimodal.js';
import { COLLISION, SUCCESS, advanceIntersection, clearedZone, egoAcceleration } from './intersection.js';

/** state = [s_E, v_E, s_O, v_O]; step = steps since reset (the deadline is at INTERSECTION_BIMODAL_MAX_STEPS). */
export type BimodalDriver = (state: ArrayLike<number>, step: number, scene: BimodalScene) => number;

const HARD_BRAKE = 0;
const COAST = 2;
const FULL_THROTTLE = 4;

/** Longest constant-action prefix of a plan: 4 s at the default dt. */
export const PLAN_PREFIX = 40;

/** Plans scored per scene: go, yield, then 2 + k * PLAN_PREFIX + n - 1. */
export const BIMODAL_PLANS = 2 + FULL_THROTTLE * PLAN_PREFIX;

/** Full throttle every step. */
export const bimodalGo: BimodalDriver = () => FULL_THROTTLE;

/** Hardest brake while moving, coast at rest, until it sees O past the zone; then full throttle. */
export const bimodalYield: BimodalDriver = (state, _step, scene) => {
  if (otherVisible(state[2], scene) && clearedZone(state[2], scene.road)) return FULL_THROTTLE;
  return state[1] > 0 ? HARD_BRAKE : COAST;
};

// Simulation scratch: the planners run to completion without re-entry, so module buffers are safe.
const prefixState = new Float64Array(4);
const rolloutState = new Float64Array(4);
let lastCollided = false;

/** Return of going (or yielding, then going) from `state` (overwritten) at `step` for at most `steps` steps; sets lastCollided. */
function simulate(state: Float64Array, step: number, scene: BimodalScene, steps: number, yielding: boolean): number {
  const road = scene.road;
  let total = 0;
  for (let i = 0; i < steps; i++) {
    const action = yielding && !clearedZone(state[2], road) ? (state[1] > 0 ? HARD_BRAKE : COAST) : FULL_THROTTLE;
    const accel = egoAcceleration(action, road);
    const flags = advanceIntersection(state, accel, road);
    total += bimodalReward(accel, flags, state, (step + i + 1) * road.dt, scene);
    if ((flags & (COLLISION | SUCCESS)) !== 0) {
      lastCollided = (flags & COLLISION) !== 0;
      return total;
    }
  }
  lastCollided = false;
  return total;
}

/**
 * Scores every plan from `state` at `step` under `scene` into `totals` (return over the steps to
 * the deadline) and `unsafe` (1 where it collides). A plan longer than the steps left, or than the
 * episode's end along it, scores as its longest prefix that is played.
 */
export function scoreBimodalPlans(state: ArrayLike<number>, step: number, scene: BimodalScene, totals: Float64Array, unsafe: Uint8Array): void {
  const stepsLeft = INTERSECTION_BIMODAL_MAX_STEPS - step;
  prefixState.set(state);
  totals[0] = simulate(prefixState, step, scene, stepsLeft, false);
  unsafe[0] = lastCollided ? 1 : 0;
  prefixState.set(state);
  totals[1] = simulate(prefixState, step, scene, stepsLeft, true);
  unsafe[1] = lastCollided ? 1 : 0;
  const road = scene.road;
  for (let k = 0; k < FULL_THROTTLE; k++) {
    const accel = egoAcceleration(k, road);
    prefixState.set(state);
    let prefixReturn = 0, ended = false, endedUnsafe = 0, total = 0;
    for (let n = 1; n <= PLAN_PREFIX; n++) {
      if (!ended && n <= stepsLeft) {
        const flags = advanceIntersection(prefixState, accel, road);
        prefixReturn += bimodalReward(accel, flags, prefixState, (step + n) * road.dt, scene);
        ended = (flags & (COLLISION | SUCCESS)) !== 0;
        if (ended) {
          total = prefixReturn;
          endedUnsafe = (flags & COLLISION) !== 0 ? 1 : 0;
        } else {
          rolloutState.set(prefixState);
          total = prefixReturn + simulate(rolloutState, step + n, scene, stepsLeft - n, false);
          endedUnsafe = lastCollided ? 1 : 0;
        }
      }
      totals[2 + k * PLAN_PREFIX + n - 1] = total;
      unsafe[2 + k * PLAN_PREFIX + n - 1] = endedUnsafe;
    }
  }
}

/** The plan colliding under the fewest scenes, then with the highest summed return; ties as the module states. */
function bestPlan(sums: Float64Array, collisions: Int32Array, stepsLeft: number): number {
  let best = 0;
  const consider = (plan: number): void => {
    if (collisions[plan] < collisions[best] || (collisions[plan] === collisions[best] && sums[plan] > sums[best])) best = plan;
  };
  consider(1);
  const maxPrefix = Math.min(PLAN_PREFIX, stepsLeft);
  for (let k = 0; k < FULL_THROTTLE; k++) for (let n = 1; n <= maxPrefix; n++) consider(2 + k * PLAN_PREFIX + n - 1);
  return best;
}

function firstAction(plan: number, state: ArrayLike<number>, scene: BimodalScene): number {
  if (plan === 0) return FULL_THROTTLE;
  if (plan === 1) return clearedZone(state[2], scene.road) ? FULL_THROTTLE : state[1] > 0 ? HARD_BRAKE : COAST;
  return Math.floor((plan - 2) / PLAN_PREFIX);
}

const sceneTotals = new Float64Array(BIMODAL_PLANS);
const sceneUnsafe = new Uint8Array(BIMODAL_PLANS);
const planSums = new Float64Array(BIMODAL_PLANS);
const planCollisions = new Int32Array(BIMODAL_PLANS);

/** The plans' summed returns and collision counts over `scenes`, each from `state` with O's state from `otherAt`. */
function planOver(state: ArrayLike<number>, step: number, scenes: readonly BimodalScene[], otherAt: (scene: BimodalScene) => number): number {
  planSums.fill(0);
  planCollisions.fill(0);
  const start = Float64Array.from(state);
  for (const scene of scenes) {
    start[2] = otherAt(scene);
    scoreBimodalPlans(start, step, scene, sceneTotals, sceneUnsafe);
    for (let i = 0; i < BIMODAL_PLANS; i++) {
      planSums[i] += sceneTotals[i];
      planCollisions[i] += sceneUnsafe[i];
    }
  }
  return bestPlan(planSums, planCollisions, INTERSECTION_BIMODAL_MAX_STEPS - step);
}

/** Knows the task's schedule (O's dynamics are deterministic) and plans on it. */
export const bimodalOracle: BimodalDriver = (state, step, scene) => firstAction(planOver(state, step, [scene], () => state[2]), state, scene);

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
    return firstAction(planOver(state, step, [seen], () => state[2]), state, seen);
  }
  const at = (h: BimodalScene): number => otherStart(h) + road.desiredSpeed * t;
  const hidden = hiddenHypotheses(t, scene.params).map((h) => bimodalScene({ ...shared, ...h }));
  const plan = planOver(state, step, hidden, at);
  return plan === 1 ? (state[1] > 0 ? HARD_BRAKE : COAST) : firstAction(plan, state, scene);
};

/** Returns and outcomes of a driver over sampled tasks. */
export interface BimodalDriverEvaluation {
  readonly episodes: number;
  /** Fractions of episodes ending in success, in a collision, and at the deadline. */
  readonly successRate: number;
  readonly collisionRate: number;
  readonly deadlineRate: number;
  readonly meanReturn: number;
  readonly meanSteps: number;
}

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
  let successes = 0, collisions = 0, total = 0, steps = 0;
  for (let i = 0; i < tasks; i++) {
    const late = rng.uniform(lateLo, lateHi);
    const jitter = rng.uniform(jitterLo, jitterHi);
    const env = INTERSECTION_BIMODAL_FAMILY.make({ late, jitter });
    env.reset({ seed: seed + 1 + i });
    for (let step = 0; ; step++) {
      const r = env.step(driver(env.getState(), step, env.scene));
      total += r.reward;
      steps++;
      if (r.terminated) {
        if (r.info.outcome === 'success') successes++;
        else if (r.info.outcome === 'collision') collisions++;
        break;
      }
    }
  }
  return {
    episodes: tasks,
    successRate: successes / tasks,
    collisionRate: collisions / tasks,
    deadlineRate: (tasks - successes - collisions) / tasks,
    meanReturn: total / tasks,
    meanSteps: steps / tasks,
  };
}
