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
import { ORACLE_MAX_PREFIX, ORACLE_PLANS, alwaysYield, driveTasks, scoreOraclePlans, type DriverEvaluation, type IntersectionDriver } from './intersection-drivers.js';
import type { IntersectionParams } from './intersection.js';

const FULL_THROTTLE = 4;

/** The task-agnostic planner for `modes` (each a full parameter set, weighted alike). */
export function modePlanner(modes: readonly Readonly<IntersectionParams>[]): IntersectionDriver {
  if (modes.length === 0) throw new Error('modePlanner: modes must hold at least one parameter set, got []');
  const totals = modes.map(() => new Float64Array(ORACLE_PLANS));
  const unsafe = modes.map(() => new Uint8Array(ORACLE_PLANS));
  return (state, _params, stepsLeft) => {
    modes.forEach((p, m) => scoreOraclePlans(state, p, stepsLeft, totals[m], unsafe[m]));
    let best = 0, bestMean = -Infinity, bestSafe = false;
    for (let i = 0; i < ORACLE_PLANS; i++) {
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
