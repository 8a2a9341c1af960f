/**
 * The bimodal intersection: the two-vehicle crossing of `intersection.ts` where the other driver O
 * keeps a fixed crossing schedule drawn per task from two clearly different modes, and is hidden
 * from E until it is close to the zone. In the early mode O occupies the conflict zone from about
 * 1.0 to 2.0 s, in the late mode from about 2.5 to 3.5 s; E's free slot is after O in the early
 * mode and before O in the late one, and a per-step term pulls E's speed toward the speed that
 * reaches the zone in that slot, so the mode shows in every step's reward.
 *
 * | | |
 * | --- | --- |
 * | Action space | Discrete(5), as the intersection: E's accelerations {-4, -2, 0, +1.5, +3} m/s² |
 * | Observation | Box(6), float64, as the intersection: [s_E/50, v_E/15, s_O/50, v_O/15, inZone_E, inZone_O], but O's three entries are 0 while O's front is more than `visibleDistance` before the zone (occluded); the mode is not in it |
 * | Reward | per step -timeCost - comfortCost·a_E² - speedCost·((v_E - v*)/speedLimit)² (-0.1 - 0.02·a_E² - 1·(...)²), v_E after the step and v* the slot speed below; -collisionCost (30) on a collision, +successBonus (20) when E's rear clears the zone |
 * | Start state | s_E ~ U[-21, -18) m, v_E ~ U[9, 11) m/s (where E can always still stop before the zone); O at its schedule's position, entering the zone at entryTime at the constant speed `otherSpeed` (9.5 m/s, so it occupies the 9.5 m of zone path for 1 s) |
 * | Termination | collision or success, as the intersection; and the 6 s deadline (60 steps): the episode ends without the success bonus, `info.outcome` null |
 * | Truncation | none: the deadline is part of the task, so its end is a termination (returns are not bootstrapped past it) |
 *
 * O's zone entry time is entryTime = (late < 0.5 ? earlyEntry : lateEntry) + jitter, its exit
 * time exitTime = entryTime + (2·(zoneHalfWidth + margin) + vehicleLength) / otherSpeed. The slot
 * speed v*, at the time t after the step and with d = -(zoneHalfWidth + margin) - s_E E's distance
 * to the zone: speedLimit while the slot before O is open (late mode, t < entryTime), once O has
 * cleared (t >= exitTime) and once E has entered (d <= 0); otherwise min(speedLimit,
 * d / (exitTime - t)), arriving as O leaves. Tasks draw `late` from [0, 1] and `jitter` from
 * [-0.25, 0.25] s.
 */
import { PCG64 } from '../rng/pcg64.js';
import { type BoxSpace, type DiscreteSpace, type Env, type ResetArgs } from './env.js';
import { type EnvFamily, tasksOf } from './env-family.js';
import {
  COLLISION,
  INTERSECTION_ACTION_SPACE,
  INTERSECTION_DEFAULTS,
  INTERSECTION_OUTCOMES,
  INTERSECTION_PARAMS,
  SUCCESS,
  advanceIntersection,
  egoAcceleration,
  intersectionObservationSpace,
  intersectionReward,
  type IntersectionParams,
  type IntersectionResetResult,
  type IntersectionStepResult,
} from './intersection.js';
import { IntersectionBase } from './intersection-base.js';
import { checkParams, paramChecks, paramDefaults, type ParamTable } from './params.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

const P = INTERSECTION_PARAMS;

/** The family's parameter table: each parameter's default, range, unit and meaning. */
export const INTERSECTION_BIMODAL_PARAMS = Object.freeze({
  late: { default: 0, min: 0, max: 1, unit: '', meaning: "O's mode: below 0.5 the early schedule (entering at earlyEntry), otherwise the late one (lateEntry); not observed" },
  jitter: { default: 0, min: -0.5, max: 0.5, unit: 's', meaning: "shift of O's zone entry time from its mode's; not observed" },
  earlyEntry: { default: 1, min: 0, max: 10, unit: 's', meaning: "when O's front enters the zone in the early mode (E's free slot is after O)" },
  lateEntry: { default: 2.5, min: 0, max: 10, unit: 's', meaning: "when O's front enters the zone in the late mode (E's free slot is before O)" },
  otherSpeed: { default: 9.5, min: 1, max: 30, unit: 'm/s', meaning: "O's constant speed (at most speedLimit)" },
  visibleDistance: { default: 3, min: 0, max: 1000, unit: 'm', meaning: "O is observed once its front is within this distance of the zone (and after); before, its entries are 0" },
  speedCost: { default: 1, min: 0, max: 100, unit: '', meaning: 'reward -speedCost·((v_E - v*)/speedLimit)² every step, v* the speed that reaches the zone in the free slot' },
  timeCost: P.timeCost,
  comfortCost: P.comfortCost,
  collisionCost: { ...P.collisionCost, default: 30 },
  successBonus: P.successBonus,
  speedLimit: P.speedLimit,
  dt: P.dt,
  vehicleLength: P.vehicleLength,
  zoneHalfWidth: P.zoneHalfWidth,
  margin: P.margin,
  egoAccel0: P.egoAccel0,
  egoAccel1: P.egoAccel1,
  egoAccel2: P.egoAccel2,
  egoAccel3: P.egoAccel3,
  egoAccel4: P.egoAccel4,
  positionScale: P.positionScale,
  speedScale: P.speedScale,
} satisfies ParamTable);

/** The names of the family's parameters. */
export type BimodalParam = keyof typeof INTERSECTION_BIMODAL_PARAMS;

/** The family's parameters by name. */
export type BimodalParams = Record<BimodalParam, number>;

export const INTERSECTION_BIMODAL_DEFAULTS: Readonly<BimodalParams> = Object.freeze(paramDefaults(INTERSECTION_BIMODAL_PARAMS));

/** E's start ranges (env constants, not task parameters: a uniform draw could invert them). */
export const INTERSECTION_BIMODAL_START = Object.freeze({ startPositionMin: -21, startPositionMax: -18, startSpeedMin: 9, startSpeedMax: 11 });

/** The 6 s deadline at the default dt. */
export const INTERSECTION_BIMODAL_MAX_STEPS = 60;

export const INTERSECTION_BIMODAL_TASK_RANGES: Readonly<Record<'late' | 'jitter', Range>> = Object.freeze({
  late: Object.freeze([0, 1] as const),
  jitter: Object.freeze([-0.25, 0.25] as const),
});

/** A task's scene: the intersection's parameters that move both cars, O's schedule, and the reward's terms. */
export interface BimodalScene {
  /** The family's parameters it was built from. */
  readonly params: Readonly<BimodalParams>;
  /** The intersection's parameters: O always goes (decisionDistance 0) at its constant speed, desiredSpeed = otherSpeed. */
  readonly road: Readonly<IntersectionParams>;
  readonly lateMode: boolean;
  /** When O's front enters the zone, and when its rear leaves it (s). */
  readonly entryTime: number;
  readonly exitTime: number;
  readonly visibleDistance: number;
  readonly speedCost: number;
}

/** The scene of a task (unset keys at the family's defaults). */
export function bimodalScene(task: Partial<BimodalParams>): BimodalScene {
  const p = { ...INTERSECTION_BIMODAL_DEFAULTS, ...task };
  const { late, jitter, earlyEntry, lateEntry, otherSpeed, visibleDistance, speedCost, ...shared } = p;
  const road: IntersectionParams = { ...INTERSECTION_DEFAULTS, ...INTERSECTION_BIMODAL_START, ...shared, desiredSpeed: otherSpeed, decisionDistance: 0 };
  const lateMode = late >= 0.5;
  const entryTime = (lateMode ? lateEntry : earlyEntry) + jitter;
  const exitTime = entryTime + (2 * (road.zoneHalfWidth + road.margin) + road.vehicleLength) / otherSpeed;
  return Object.freeze({ params: Object.freeze(p), road: Object.freeze(road), lateMode, entryTime, exitTime, visibleDistance, speedCost });
}

/** The speed v* toward which the reward pulls E at time t (s since reset), E's front at sE. */
export function slotSpeed(sE: number, t: number, scene: BimodalScene): number {
  const { road } = scene;
  const d = -(road.zoneHalfWidth + road.margin) - sE;
  if (d <= 0 || t >= scene.exitTime || (scene.lateMode && t < scene.entryTime)) return road.speedLimit;
  return Math.min(road.speedLimit, d / (scene.exitTime - t));
}

/** A step's reward: the intersection's, minus the slot-speed term at E's speed after the step. */
export function bimodalReward(egoAccel: number, flags: number, state: ArrayLike<number>, t: number, scene: BimodalScene): number {
  const u = (state[1] - slotSpeed(state[0], t, scene)) / scene.road.speedLimit;
  return intersectionReward(egoAccel, flags, scene.road) - scene.speedCost * (u * u);
}

/** Whether O, its front at sO, is observed: within visibleDistance of the zone, or past it. */
export function otherVisible(sO: number, scene: BimodalScene): boolean {
  return sO >= -(scene.road.zoneHalfWidth + scene.road.margin) - scene.visibleDistance;
}

/** O's front at time 0: entryTime before the zone at otherSpeed. */
export function otherStart(scene: BimodalScene): number {
  return -(scene.road.zoneHalfWidth + scene.road.margin) - scene.road.desiredSpeed * scene.entryTime;
}

const CHECKS = paramChecks(INTERSECTION_BIMODAL_PARAMS);

/** The family's parameters (any subset), the seed of an unseeded reset, and the deadline in steps. */
export interface IntersectionBimodalOptions extends Partial<BimodalParams> {
  /** Seeds the PCG64 of a `reset()` that passes no seed; default 0. */
  seed?: number | bigint;
  /** Steps to the deadline, which terminates the episode; default 60 (6 s). */
  maxEpisodeSteps?: number;
}

/** The crossing with a scheduled, occluded other driver: see the module's table. */
export class IntersectionBimodal extends IntersectionBase implements Env<number> {
  readonly actionSpace: DiscreteSpace = INTERSECTION_ACTION_SPACE;
  readonly observationSpace: BoxSpace;
  readonly params: Readonly<BimodalParams>;
  readonly scene: BimodalScene;

  constructor(options: IntersectionBimodalOptions = {}) {
    const { seed = 0, maxEpisodeSteps = INTERSECTION_BIMODAL_MAX_STEPS, ...params } = options;
    super('IntersectionBimodal', seed, maxEpisodeSteps);
    checkParams('IntersectionBimodal', CHECKS, params);
    const p = Object.freeze({ ...INTERSECTION_BIMODAL_DEFAULTS, ...params });
    if (p.otherSpeed > p.speedLimit) throw new Error(`IntersectionBimodal: otherSpeed (${p.otherSpeed}) must be <= speedLimit (${p.speedLimit})`);
    this.params = p;
    this.scene = bimodalScene(p);
    this.observationSpace = intersectionObservationSpace(this.scene.road);
  }

  protected get road(): Readonly<IntersectionParams> {
    return this.scene.road;
  }

  protected override otherSeen(): boolean {
    return otherVisible(this.state[2], this.scene);
  }

  /** Reseeds the PCG64 if a seed is given, then draws s_E and v_E uniformly, in that order; O starts on its schedule. */
  reset(args?: ResetArgs): IntersectionResetResult {
    if (args?.seed !== undefined) this.rngV = new PCG64(args.seed);
    const rng = this.rngV, road = this.scene.road, state = this.state;
    state[0] = rng.uniform(road.startPositionMin, road.startPositionMax);
    state[1] = rng.uniform(road.startSpeedMin, road.startSpeedMax);
    state[2] = otherStart(this.scene);
    state[3] = road.desiredSpeed;
    return this.started();
  }

  /** One step with E's action (0..4); allocation-free, as the intersection's. The deadline terminates. */
  step(action: number): IntersectionStepResult {
    this.checkStep(action);
    const scene = this.scene;
    const accel = egoAcceleration(action, scene.road);
    const flags = advanceIntersection(this.state, accel, scene.road);
    const terminated = this.limit.tick() || (flags & (COLLISION | SUCCESS)) !== 0;
    const reward = bimodalReward(accel, flags, this.state, this.limit.elapsedSteps * scene.road.dt, scene);
    return this.finished(flags, 'go', reward, terminated, false);
  }
}

export const INTERSECTION_BIMODAL_FAMILY: EnvFamily<IntersectionBimodal, IntersectionBimodalOptions> = Object.freeze({
  name: 'intersection-bimodal',
  description: 'the intersection with the other driver on an early or a late crossing schedule per task, occluded until near the zone; a 6 s deadline',
  observationSpace: intersectionObservationSpace(INTERSECTION_DEFAULTS),
  actionSpace: INTERSECTION_ACTION_SPACE,
  params: INTERSECTION_BIMODAL_PARAMS,
  defaultRanges: INTERSECTION_BIMODAL_TASK_RANGES,
  outcomes: INTERSECTION_OUTCOMES,
  make: (task: TaskParams, options?: IntersectionBimodalOptions) => new IntersectionBimodal({ ...options, ...task }),
});

/** The default bimodal family: late uniform in [0, 1] (half the tasks in each mode), jitter in [-0.25, 0.25] s. */
export function intersectionBimodalTasks(): TaskFamily<TaskParams, IntersectionBimodal, IntersectionBimodalOptions> {
  return tasksOf(INTERSECTION_BIMODAL_FAMILY);
}
