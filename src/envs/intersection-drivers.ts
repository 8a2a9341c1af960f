/**
 * Reference drivers for the ego vehicle of the intersection, to put learned policies on a scale:
 * a driver sees the full state, the task's parameters and the steps left before truncation, and
 * returns an action. They assume the default action set's order (0 hardest brake, 2 coast,
 * 4 full throttle), whatever accelerations the options give those actions.
 */
import { PCG64 } from '../rng/pcg64.js';
import {
  COLLISION,
  INTERSECTION_TASK_RANGES,
  Intersection,
  SUCCESS,
  advanceIntersection,
  clearedZone,
  egoAcceleration,
  intersectionReward,
  type IntersectionParams,
  type IntersectionStepResult,
} from './intersection.js';

/** state = [s_E, v_E, s_O, v_O]; stepsLeft = steps before truncation (>= 1 while the episode runs). */
export type IntersectionDriver = (state: ArrayLike<number>, params: Readonly<IntersectionParams>, stepsLeft: number) => number;

const HARD_BRAKE = 0;
const COAST = 2;
const FULL_THROTTLE = 4;

/** Full throttle every step. */
export const alwaysGo: IntersectionDriver = () => FULL_THROTTLE;

/** Hardest brake while moving, coast once at rest, until O's rear has cleared the zone; then full throttle. */
export const alwaysYield: IntersectionDriver = (state, params) => {
  if (clearedZone(state[2], params)) return FULL_THROTTLE;
  return state[1] > 0 ? HARD_BRAKE : COAST;
};

/** Longest constant-action prefix the oracle considers: 4 s at the default dt. */
export const ORACLE_MAX_PREFIX = 40;

// Simulation scratch: the oracle runs to completion without re-entry, so module buffers are safe.
const prefixState = new Float64Array(4);
const rolloutState = new Float64Array(4);
let lastCollided = false;

/**
 * A plan's reward for one of its steps: `state` after the step, `step` the steps of the plan
 * taken, this one included (1 for its first). Variants of the intersection whose reward depends on
 * time or the task score plans with their own.
 */
export type PlanReward = (egoAccel: number, flags: number, state: Float64Array, step: number) => number;

/** The intersection's own reward, as a PlanReward. */
function intersectionPlanReward(p: Readonly<IntersectionParams>): PlanReward {
  return (egoAccel, flags) => intersectionReward(egoAccel, flags, p);
}

/**
 * Return of following `driver` from `state` (overwritten) for at most `steps` steps, the plan's
 * steps counted for `reward` from `taken` + 1; sets `lastCollided` to whether that ended in a
 * collision.
 */
function simulate(state: Float64Array, driver: IntersectionDriver, p: Readonly<IntersectionParams>, steps: number, reward: PlanReward, taken: number): number {
  let total = 0;
  for (let t = 0; t < steps; t++) {
    const accel = egoAcceleration(driver(state, p, steps - t), p);
    const flags = advanceIntersection(state, accel, p);
    total += reward(accel, flags, state, taken + t + 1);
    if ((flags & (COLLISION | SUCCESS)) !== 0) {
      lastCollided = (flags & COLLISION) !== 0;
      return total;
    }
  }
  lastCollided = false;
  return total;
}

// The plan chosen by the last planOracle() call.
let plannedAction = FULL_THROTTLE;
let plannedReturn = 0;

/**
 * Knows the task and simulates O exactly (the spec's dynamics are deterministic). Every step it
 * scores, over the steps left, these plans: go (full throttle throughout); yield (alwaysYield);
 * and, for each action k in 0..3 and n in 1..ORACLE_MAX_PREFIX, k for n steps then full
 * throttle. It plays the first action of the plan with the highest return among those that do
 * not collide (of all plans if every one collides), preferring on ties go, then yield, then
 * smaller k, then shorter n. One step later the chosen plan is still in the set (k for n - 1
 * steps, or yield, or go), so the oracle's return is at least what its first plan promised.
 */
export const oracle: IntersectionDriver = (state, p, stepsLeft) => {
  planOracle(state, p, stepsLeft);
  return plannedAction;
};

/** The return the oracle's plan promises from `state` (its simulated return over stepsLeft). */
export function oraclePlanReturn(state: ArrayLike<number>, p: Readonly<IntersectionParams>, stepsLeft: number): number {
  planOracle(state, p, stepsLeft);
  return plannedReturn;
}

function planOracle(state: ArrayLike<number>, p: Readonly<IntersectionParams>, stepsLeft: number): void {
  const reward = intersectionPlanReward(p);
  prefixState.set(state);
  let bestReturn = simulate(prefixState, alwaysGo, p, stepsLeft, reward, 0);
  let bestSafe = !lastCollided;
  let bestAction = FULL_THROTTLE;
  prefixState.set(state);
  const yieldReturn = simulate(prefixState, alwaysYield, p, stepsLeft, reward, 0);
  if (better(yieldReturn, !lastCollided, bestReturn, bestSafe)) {
    bestReturn = yieldReturn;
    bestSafe = !lastCollided;
    bestAction = alwaysYield(state, p, stepsLeft);
  }
  const maxPrefix = Math.min(ORACLE_MAX_PREFIX, stepsLeft);
  for (let k = 0; k < FULL_THROTTLE; k++) {
    const accel = egoAcceleration(k, p);
    prefixState.set(state);
    let prefixReturn = 0;
    // The prefix of length n extends that of length n - 1 by one step: simulated once.
    for (let n = 1; n <= maxPrefix; n++) {
      const flags = advanceIntersection(prefixState, accel, p);
      prefixReturn += intersectionReward(accel, flags, p);
      let total = prefixReturn;
      let safe = (flags & COLLISION) === 0;
      const ended = (flags & (COLLISION | SUCCESS)) !== 0;
      if (!ended) {
        rolloutState.set(prefixState);
        total += simulate(rolloutState, alwaysGo, p, stepsLeft - n, reward, n);
        safe = !lastCollided;
      }
      if (better(total, safe, bestReturn, bestSafe)) {
        bestReturn = total;
        bestSafe = safe;
        bestAction = k;
      }
      if (ended) break; // longer prefixes end the same way
    }
  }
  plannedAction = bestAction;
  plannedReturn = bestReturn;
}

function better(total: number, safe: boolean, bestTotal: number, bestSafe: boolean): boolean {
  return safe !== bestSafe ? safe : total > bestTotal;
}

/**
 * The hypotheses the robust planner guards against: O's drivers on the corners and centre lines
 * of the default task ranges, desiredSpeed {6, 10, 14} x gap {-1.5, 0, 1.5} x maxAccel {1.5, 3.5}.
 */
export const ROBUST_HYPOTHESES: readonly Readonly<Pick<IntersectionParams, 'desiredSpeed' | 'gap' | 'maxAccel'>>[] = Object.freeze(
  [6, 10, 14].flatMap((desiredSpeed) => [-1.5, 0, 1.5].flatMap((gap) => [1.5, 3.5].map((maxAccel) => Object.freeze({ desiredSpeed, gap, maxAccel })))),
);

/** How many plans scoreOraclePlans scores: go, yield, then k * ORACLE_MAX_PREFIX + n - 1. */
export const ORACLE_PLANS = 2 + FULL_THROTTLE * ORACLE_MAX_PREFIX;

/**
 * Scores the oracle's plans from `state` under `p` into `totals` (return under `reward`, by
 * default the intersection's) and `unsafe` (1 where the plan collides): plan 0 go, 1 yield,
 * 2 + k * ORACLE_MAX_PREFIX + n - 1 the action k for n steps then full throttle. A plan longer
 * than the steps left, or than the episode's end along it, scores as its longest prefix that is
 * played.
 */
export function scoreOraclePlans(
  state: ArrayLike<number>,
  p: Readonly<IntersectionParams>,
  stepsLeft: number,
  totals: Float64Array,
  unsafe: Uint8Array,
  reward: PlanReward = intersectionPlanReward(p),
): void {
  prefixState.set(state);
  totals[0] = simulate(prefixState, alwaysGo, p, stepsLeft, reward, 0);
  unsafe[0] = lastCollided ? 1 : 0;
  prefixState.set(state);
  totals[1] = simulate(prefixState, alwaysYield, p, stepsLeft, reward, 0);
  unsafe[1] = lastCollided ? 1 : 0;
  const maxPrefix = Math.min(ORACLE_MAX_PREFIX, stepsLeft);
  for (let k = 0; k < FULL_THROTTLE; k++) {
    const accel = egoAcceleration(k, p);
    prefixState.set(state);
    let prefixReturn = 0, ended = false, endedUnsafe = 0, total = 0;
    for (let n = 1; n <= ORACLE_MAX_PREFIX; n++) {
      const i = 2 + k * ORACLE_MAX_PREFIX + n - 1;
      if (!ended && n <= maxPrefix) {
        const flags = advanceIntersection(prefixState, accel, p);
        prefixReturn += reward(accel, flags, prefixState, n);
        ended = (flags & (COLLISION | SUCCESS)) !== 0;
        if (ended) {
          total = prefixReturn;
          endedUnsafe = (flags & COLLISION) !== 0 ? 1 : 0;
        } else {
          rolloutState.set(prefixState);
          total = prefixReturn + simulate(rolloutState, alwaysGo, p, stepsLeft - n, reward, n);
          endedUnsafe = lastCollided ? 1 : 0;
        }
      }
      totals[i] = total;
      unsafe[i] = endedUnsafe;
    }
  }
}

// The robust planner's scores under one hypothesis, and their sums over the hypotheses.
const hypothesisTotals = new Float64Array(ORACLE_PLANS);
const hypothesisUnsafe = new Uint8Array(ORACLE_PLANS);
const planTotals = new Float64Array(ORACLE_PLANS);
const planCollisions = new Int32Array(ORACLE_PLANS);

/**
 * Knows nothing of the task: it plans, every step, over the oracle's plans (go, yield, each action
 * k in 0..3 for n in 1..ORACLE_MAX_PREFIX steps then full throttle), simulating O as each of the
 * ROBUST_HYPOTHESES drivers in turn (the scene's other constants as given), and plays the first
 * action of the plan that collides under the fewest hypotheses, then with the highest mean return
 * over them, preferring on ties go, then yield, then smaller k, then shorter n. The closed loop,
 * replanned from the observed state every step, is what makes it robust to an O between them.
 */
export const robustPlanner: IntersectionDriver = (state, p, stepsLeft) => {
  planTotals.fill(0);
  planCollisions.fill(0);
  for (const h of ROBUST_HYPOTHESES) {
    scoreOraclePlans(state, { ...p, ...h }, stepsLeft, hypothesisTotals, hypothesisUnsafe);
    for (let plan = 0; plan < ORACLE_PLANS; plan++) {
      planTotals[plan] += hypothesisTotals[plan];
      planCollisions[plan] += hypothesisUnsafe[plan];
    }
  }
  return oraclePlanAction(bestOraclePlan(planTotals, planCollisions, stepsLeft), state, p);
};

/**
 * Of the oracle's plans scored over several hypotheses (`totals` their summed returns,
 * `collisions` how many collide), the one colliding under the fewest, then with the highest
 * total, preferring on ties go, then yield, then smaller k, then shorter n; prefixes longer than
 * `stepsLeft` are not considered.
 */
export function bestOraclePlan(totals: Float64Array, collisions: Int32Array, stepsLeft: number): number {
  const maxPrefix = Math.min(ORACLE_MAX_PREFIX, stepsLeft);
  let best = 0;
  const consider = (plan: number): void => {
    const fewer = collisions[plan] < collisions[best];
    if (fewer || (collisions[plan] === collisions[best] && totals[plan] > totals[best])) best = plan;
  };
  consider(1);
  for (let k = 0; k < FULL_THROTTLE; k++) for (let n = 1; n <= maxPrefix; n++) consider(2 + k * ORACLE_MAX_PREFIX + n - 1);
  return best;
}

/** The first action of the oracle's plan `plan` from `state` (yield's depends on O's position). */
export function oraclePlanAction(plan: number, state: ArrayLike<number>, p: Readonly<IntersectionParams>): number {
  if (plan === 0) return FULL_THROTTLE;
  if (plan === 1) return alwaysYield(state, p, 1);
  return Math.floor((plan - 2) / ORACLE_MAX_PREFIX);
}

/** The hand-written reference drivers by name, the baselines a learned policy is compared with. */
export const INTERSECTION_DRIVERS: Readonly<Record<'always-go' | 'always-yield' | 'oracle' | 'robust-planner', IntersectionDriver>> = Object.freeze({
  'always-go': alwaysGo,
  'always-yield': alwaysYield,
  oracle,
  'robust-planner': robustPlanner,
});

/** Returns and outcomes of a hand-written driver over sampled tasks. */
export interface DriverEvaluation {
  episodes: number;
  /** Fractions of episodes that ended in success, collision, or neither (truncated at 200 steps). */
  successRate: number;
  collisionRate: number;
  truncationRate: number;
  /** Mean undiscounted return and length of an episode. */
  meanReturn: number;
  meanSteps: number;
}

/** How many tasks `evaluateDriver` runs (one episode each), from which seed. */
export interface DriverEvaluationOptions {
  /** Number of tasks, one episode each; default 1000. */
  tasks?: number;
  /** Default 0. */
  seed?: number;
}

/**
 * One episode of `driver` on each of `tasks` tasks of the default family. The tasks are uniform
 * draws from `new PCG64(seed)`, task by task, in INTERSECTION_TASK_RANGES key order (what the
 * task family's sampleTasks draws); the episodes' start states come from one env seeded with
 * seed + 1 and reset without a seed before each episode, so episode i starts from draws
 * 4i..4i+3 of `new PCG64(seed + 1)`.
 */
export function evaluateDriver(driver: IntersectionDriver, options: DriverEvaluationOptions = {}): DriverEvaluation {
  const { tasks = 1000, seed = 0 } = options;
  if (!Number.isSafeInteger(tasks) || tasks <= 0) throw new Error(`evaluateDriver: tasks must be a positive integer, got ${tasks}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`evaluateDriver: seed must be a non-negative integer, got ${seed}`);
  const taskRng = new PCG64(seed);
  const env = new Intersection({ seed: seed + 1 });
  const [speedLo, speedHi] = INTERSECTION_TASK_RANGES.desiredSpeed;
  const [gapLo, gapHi] = INTERSECTION_TASK_RANGES.gap;
  const [accelLo, accelHi] = INTERSECTION_TASK_RANGES.maxAccel;
  return driveTasks(driver, env, tasks, () => {
    const desiredSpeed = taskRng.uniform(speedLo, speedHi);
    const gap = taskRng.uniform(gapLo, gapHi);
    const maxAccel = taskRng.uniform(accelLo, accelHi);
    return { desiredSpeed, gap, maxAccel };
  });
}

/**
 * One episode of `driver` per task on `env`, reset without a seed before each, the task's
 * parameters from `nextTask` (called once per episode, in order).
 */
export function driveTasks(driver: IntersectionDriver, env: Intersection, tasks: number, nextTask: () => Partial<IntersectionParams>): DriverEvaluation {
  return tallyEpisodes(
    tasks,
    () => {
      env.setParams(nextTask());
      env.reset();
    },
    () => env.step(driver(env.getState(), env.params, env.maxEpisodeSteps - env.elapsedSteps)),
  );
}

/**
 * Runs and tallies `tasks` episodes: `start(i)` resets the env for episode i, `step()` steps it
 * with the driver's action, until a step ends the episode.
 */
export function tallyEpisodes(tasks: number, start: (episode: number) => void, step: () => IntersectionStepResult): DriverEvaluation {
  let successes = 0, collisions = 0, totalReturn = 0, totalSteps = 0;
  for (let i = 0; i < tasks; i++) {
    start(i);
    for (;;) {
      const { reward, terminated, truncated, info } = step();
      totalReturn += reward;
      totalSteps++;
      if (terminated || truncated) {
        if (info.outcome === 'success') successes++;
        else if (info.outcome === 'collision') collisions++;
        break;
      }
    }
  }
  return {
    episodes: tasks,
    successRate: successes / tasks,
    collisionRate: collisions / tasks,
    truncationRate: (tasks - successes - collisions) / tasks,
    meanReturn: totalReturn / tasks,
    meanSteps: totalSteps / tasks,
  };
}
