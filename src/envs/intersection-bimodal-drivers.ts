/**
 * Reference drivers of the bimodal intersection: the oracle of `intersection-drivers.ts` (it knows
 * the task's mode), and a task-agnostic planner that knows the two modes but not which one the
 * task holds. Each step it scores the oracle's plans (go; yield; every
 * constant action for 1..ORACLE_MAX_PREFIX steps, then full throttle) under both modes and plays
 * the first action of the plan with the highest mean return among those that collide under
 * neither (of all plans if none is safe under both). It sees only the current state, as a policy
 * does, so O's behaviour so far informs it only through O's position and speed. Its plans are
 * open-loop: they do not count on reacting to O later, so a closed-loop policy can beat it.
 */
import { PCG64 } from '../rng/pcg64.js';
import { INTERSECTION_BIMODAL_FAMILY, INTERSECTION_BIMODAL_TASK_RANGES, bimodalParams } from './intersection-bimodal.js';
import { ORACLE_MAX_PREFIX, alwaysYield, driveTasks, type DriverEvaluation, type IntersectionDriver } from './intersection-drivers.js';
import { COLLISION, SUCCESS, advanceIntersection, egoAcceleration, intersectionReward, type IntersectionParams } from './intersection.js';

const FULL_THROTTLE = 4;
const PLANS = 2 + FULL_THROTTLE * ORACLE_MAX_PREFIX;
const prefixState = new Float64Array(4);
const rolloutState = new Float64Array(4);
let lastCollided = false;

/** Return of `driver` (or full throttle) from `state` (overwritten) for at most `steps` steps; sets lastCollided. */
function simulate(state: Float64Array, yieldFirst: boolean, p: Readonly<IntersectionParams>, steps: number): number {
  let total = 0;
  for (let t = 0; t < steps; t++) {
    const accel = egoAcceleration(yieldFirst ? alwaysYield(state, p, steps - t) : FULL_THROTTLE, p);
    const flags = advanceIntersection(state, accel, p);
    total += intersectionReward(accel, flags, p);
    if ((flags & (COLLISION | SUCCESS)) !== 0) {
      lastCollided = (flags & COLLISION) !== 0;
      return total;
    }
  }
  lastCollided = false;
  return total;
}

/**
 * Scores every plan under `p` into totals and unsafe (plan 0 go, 1 yield, 2 + 40k + n - 1 the
 * action k for n steps then go); a plan longer than the steps left scores as its longest prefix.
 */
function scorePlans(state: ArrayLike<number>, p: Readonly<IntersectionParams>, stepsLeft: number, totals: Float64Array, unsafe: Uint8Array): void {
  prefixState.set(state);
  totals[0] = simulate(prefixState, false, p, stepsLeft);
  unsafe[0] = lastCollided ? 1 : 0;
  prefixState.set(state);
  totals[1] = simulate(prefixState, true, p, stepsLeft);
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
        prefixReturn += intersectionReward(accel, flags, p);
        ended = (flags & (COLLISION | SUCCESS)) !== 0;
        if (ended) {
          total = prefixReturn;
          endedUnsafe = (flags & COLLISION) !== 0 ? 1 : 0;
        } else {
          rolloutState.set(prefixState);
          total = prefixReturn + simulate(rolloutState, false, p, stepsLeft - n);
          endedUnsafe = lastCollided ? 1 : 0;
        }
      }
      totals[i] = total;
      unsafe[i] = endedUnsafe;
    }
  }
}

/** The task-agnostic planner for `modes` (each a full parameter set, weighted alike). */
export function modePlanner(modes: readonly Readonly<IntersectionParams>[]): IntersectionDriver {
  if (modes.length === 0) throw new Error('modePlanner: modes must hold at least one parameter set, got []');
  const totals = modes.map(() => new Float64Array(PLANS));
  const unsafe = modes.map(() => new Uint8Array(PLANS));
  return (state, _params, stepsLeft) => {
    modes.forEach((p, m) => scorePlans(state, p, stepsLeft, totals[m], unsafe[m]));
    let best = 0, bestMean = -Infinity, bestSafe = false;
    for (let i = 0; i < PLANS; i++) {
      let sum = 0, safe = true;
      for (let m = 0; m < modes.length; m++) {
        sum += totals[m][i];
        if (unsafe[m][i] === 1) safe = false;
      }
      const mean = sum / modes.length;
      if (safe !== bestSafe ? safe : mean > bestMean) {
        best = i;
        bestMean = mean;
        bestSafe = safe;
      }
    }
    if (best === 0) return FULL_THROTTLE;
    if (best === 1) return alwaysYield(state, modes[0], stepsLeft);
    return Math.floor((best - 2) / ORACLE_MAX_PREFIX);
  };
}

/** The planner for the default family's two modes. */
export const bimodalAgnostic: IntersectionDriver = modePlanner([bimodalParams({ bold: 0 }), bimodalParams({ bold: 1 })]);

/**
 * One episode of `driver` on each of `tasks` tasks of the default bimodal family, drawn by
 * `new PCG64(seed)`; the episodes' start states come from one env seeded with seed + 1, reset
 * without a seed before each episode (as `evaluateDriver`). The driver is given the task's
 * parameters: the oracle uses them, the task-agnostic drivers do not.
 */
export function evaluateBimodalDriver(driver: IntersectionDriver, options: { tasks?: number; seed?: number } = {}): DriverEvaluation {
  const { tasks = 1000, seed = 0 } = options;
  if (!Number.isSafeInteger(tasks) || tasks <= 0) throw new Error(`evaluateBimodalDriver: tasks must be a positive integer, got ${tasks}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`evaluateBimodalDriver: seed must be a non-negative integer, got ${seed}`);
  const taskRng = new PCG64(seed);
  const env = INTERSECTION_BIMODAL_FAMILY.make({ bold: 1 }, { seed: seed + 1 });
  const [lo, hi] = INTERSECTION_BIMODAL_TASK_RANGES.bold;
  return driveTasks(driver, env, tasks, () => bimodalParams({ bold: taskRng.uniform(lo, hi) }));
}
