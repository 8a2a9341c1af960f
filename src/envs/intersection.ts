/**
 * Two-vehicle crossing of an unsignalised intersection: this project's own definition of the
 * paper's third scenario (the paper publishes none), exactly as `docs/specs/intersection.md`
 * states it, with every constant of that spec an option. The ego vehicle E is controlled; the
 * other vehicle O follows a rule-based driver whose cruise speed, priority margin and
 * acceleration are the task.
 *
 * ## Action space
 * Discrete(5): E's acceleration egoAccel0..egoAccel4, by default -4 (hard brake), -2 (brake),
 * 0 (coast), +1.5 (accelerate) and +3 (full throttle) m/s².
 *
 * ## Observation space
 * Box(6), float64 (s is a vehicle's front bumper on its path, the conflict zone around s = 0;
 * the task is not observed):
 *
 * | index | observation | min | max |
 * | --- | --- | --- | --- |
 * | 0 | s_E / positionScale (50 m) | -inf | inf |
 * | 1 | v_E / speedScale (15 m/s) | 0 | speedLimit / speedScale (1) |
 * | 2 | s_O / positionScale | -inf | inf |
 * | 3 | v_O / speedScale | 0 | speedLimit / speedScale (1) |
 * | 4 | E in the zone (0 or 1) | 0 | 1 |
 * | 5 | O in the zone (0 or 1) | 0 | 1 |
 *
 * ## Rewards
 * Every step -timeCost - comfortCost·a_E² (-0.1 - 0.02·a_E²), a_E E's chosen acceleration; then
 * -collisionCost (-100) on a collision or +successBonus (+20) when E's rear clears the zone.
 *
 * ## Start state
 * s_E and s_O uniform in [startPositionMin, startPositionMax) ([-45, -35) m), then v_E and v_O
 * uniform in [startSpeedMin, startSpeedMax) ([8, 12) m/s).
 *
 * ## Episode end
 * Terminated on a collision (both vehicles in the zone after a step; `info.outcome` 'collision')
 * or a success (E's rear past the zone and its margin; 'success'); truncated after
 * `maxEpisodeSteps` steps (200, 20 s), `info.outcome` null.
 */
import { PCG64 } from '../rng/pcg64.js';
import { boxSpace, discreteSpace, type BoxSpace, type DiscreteSpace, type Env, type ResetArgs, type StepResult } from './env.js';
import { checkParams, paramChecks, paramDefaults, type ParamTable } from './params.js';
import { type Check, checked, integerIn } from '../validation/schema.js';
import type { Range } from './task-family.js';
import { IntersectionBase } from './intersection-base.js';
import { COLLISION, SUCCESS, clearedZone, inZone } from './intersection-zone.js';

export { COLLISION, SUCCESS, clearedZone, inZone } from './intersection-zone.js';

/**
 * Every constant of the spec, with its default (the spec's value) and valid range. The ranges
 * bound a physically meaningful scene, not the task family (see INTERSECTION_TASK_RANGES):
 * - speeds up to 30 m/s (108 km/h) and time steps up to 0.2 s: a vehicle then moves at most 6 m
 *   per step, less than the 9.5 m of path over which it is in the zone by default, so no
 *   crossing is stepped over;
 * - accelerations up to 6 m/s² (a sports car) and braking up to 10 m/s² (tyre grip at 1 g);
 * - divisors stay positive: desiredSpeed, ttaSpeedFloor, minBrakeDistance, the scales;
 * - accelExponent must also be an integer: (v/desiredSpeed)^n is computed by repeated squaring,
 *   so results do not depend on the JavaScript engine's Math.pow;
 * - startPositionMin <= startPositionMax and startSpeedMin <= startSpeedMax.
 */
export const INTERSECTION_PARAMS = Object.freeze({
  desiredSpeed: { default: 10, min: 0, openMin: true, max: 30, unit: 'm/s', meaning: "O's cruise speed" },
  gap: { default: 0, min: -10, max: 10, unit: 's', meaning: "O's priority margin: O goes if it arrives before E's arrival + gap; positive is aggressive, negative courteous" },
  maxAccel: { default: 2.5, min: 0.5, max: 6, unit: 'm/s^2', meaning: "O's comfortable acceleration" },
  maxBrake: { default: 4, min: 1, max: 10, unit: 'm/s^2', meaning: "O's strongest braking (its acceleration is clipped to [-maxBrake, maxAccel])" },
  accelExponent: { default: 4, min: 1, max: 8, unit: '', meaning: "integer n of O's going acceleration maxAccel·(1 - (v_O/desiredSpeed)^n)" },
  stopDistance: { default: 1, min: 0, max: 10, unit: 'm', meaning: 'distance before the zone at which a yielding O aims to stop' },
  minBrakeDistance: { default: 0.1, min: 0, openMin: true, max: 1, unit: 'm', meaning: "floor of a yielding O's remaining braking distance" },
  holdSpeed: { default: 0.1, min: 0, max: 1, unit: 'm/s', meaning: 'speed below which a yielding O holds at rest' },
  ttaSpeedFloor: { default: 0.1, min: 0, openMin: true, max: 1, unit: 'm/s', meaning: 'floor of the speed dividing the distance in the time to arrival' },
  decisionDistance: { default: 1000, min: 0, max: 1000, unit: 'm', meaning: "O drives on as if going, undecided, until its front is within this distance of the zone (plus margin)" },
  speedLimit: { default: 15, min: 1, max: 30, unit: 'm/s', meaning: 'both speeds are clipped to [0, speedLimit]' },
  dt: { default: 0.1, min: 0.01, max: 0.2, unit: 's', meaning: 'seconds per step' },
  vehicleLength: { default: 4.5, min: 1, max: 20, unit: 'm', meaning: 'length of both vehicles (s is the front bumper)' },
  zoneHalfWidth: { default: 2, min: 0.5, max: 10, unit: 'm', meaning: 'the conflict zone is s in [-zoneHalfWidth, zoneHalfWidth] on both paths' },
  margin: { default: 0.5, min: 0, max: 5, unit: 'm', meaning: 'safety margin added to the zone on both sides' },
  egoAccel0: { default: -4, min: -10, max: 10, unit: 'm/s^2', meaning: "E's acceleration for action 0 (hard brake)" },
  egoAccel1: { default: -2, min: -10, max: 10, unit: 'm/s^2', meaning: "E's acceleration for action 1 (brake)" },
  egoAccel2: { default: 0, min: -10, max: 10, unit: 'm/s^2', meaning: "E's acceleration for action 2 (coast)" },
  egoAccel3: { default: 1.5, min: -10, max: 10, unit: 'm/s^2', meaning: "E's acceleration for action 3 (accelerate)" },
  egoAccel4: { default: 3, min: -10, max: 10, unit: 'm/s^2', meaning: "E's acceleration for action 4 (full throttle)" },
  startPositionMin: { default: -45, min: -1000, max: 0, unit: 'm', meaning: 'low end of the uniform start position of both vehicles' },
  startPositionMax: { default: -35, min: -1000, max: 0, unit: 'm', meaning: 'high end of the uniform start position of both vehicles' },
  startSpeedMin: { default: 8, min: 0, max: 30, unit: 'm/s', meaning: 'low end of the uniform start speed of both vehicles' },
  startSpeedMax: { default: 12, min: 0, max: 30, unit: 'm/s', meaning: 'high end of the uniform start speed of both vehicles' },
  timeCost: { default: 0.1, min: 0, max: 100, unit: '', meaning: 'reward -timeCost every step' },
  comfortCost: { default: 0.02, min: 0, max: 100, unit: 's^4/m^2', meaning: "reward -comfortCost·a_E² every step (a_E: E's chosen acceleration)" },
  collisionCost: { default: 100, min: 0, max: 1e6, unit: '', meaning: 'reward -collisionCost on the colliding (terminal) step' },
  successBonus: { default: 20, min: 0, max: 1e6, unit: '', meaning: "reward +successBonus on the step E's rear clears the zone (terminal)" },
  positionScale: { default: 50, min: 0, openMin: true, max: 1000, unit: 'm', meaning: 'observed positions are s / positionScale' },
  speedScale: { default: 15, min: 0, openMin: true, max: 1000, unit: 'm/s', meaning: 'observed speeds are v / speedScale' },
} satisfies ParamTable);

/** The names of Intersection's parameters. */
export type IntersectionParam = keyof typeof INTERSECTION_PARAMS;

/** Intersection's parameters by name. */
export type IntersectionParams = Record<IntersectionParam, number>;

/** The default Intersection parameters. */
export const INTERSECTION_DEFAULTS: Readonly<IntersectionParams> = Object.freeze(paramDefaults(INTERSECTION_PARAMS));

/** The spec's task family, in sampling order: O's driver varies, uniform over each range. */
export const INTERSECTION_TASK_RANGES: Readonly<Record<'desiredSpeed' | 'gap' | 'maxAccel', Range>> = Object.freeze({
  desiredSpeed: Object.freeze([6, 14] as const),
  gap: Object.freeze([-1.5, 1.5] as const),
  maxAccel: Object.freeze([1.5, 3.5] as const),
});

/** Intersection's parameters (any subset; the rest are the defaults), the seed of an unseeded reset, and episode length. */
export interface IntersectionOptions extends Partial<IntersectionParams> {
  /** Seeds the PCG64 of a `reset()` that passes no seed; default 0, as `reset({ seed: 0 })`. */
  seed?: number | bigint;
  /** Steps after which an episode is truncated: 200 (20 s). Infinity disables truncation. */
  maxEpisodeSteps?: number;
}

/** How an Intersection episode ended, when it did. */
export type IntersectionOutcome = 'collision' | 'success';

/** Every outcome the step info reports, as the family states them. */
export const INTERSECTION_OUTCOMES: readonly IntersectionOutcome[] = Object.freeze(['collision', 'success']);

/** Whether the other car went first or yielded. */
export type OtherDecision = 'go' | 'yield';

// A type alias, not an interface: it must be assignable to Info's string index signature.
/** What an Intersection step reports beside the reward: the outcome and the other car's decision. */
export type IntersectionInfo = {
  /** How the episode ended on this step; null while it goes on (and when it is only truncated). */
  outcome: IntersectionOutcome | null;
  /** What O decided at the start of this step; null after reset. */
  otherDecision: OtherDecision | null;
};

/** What `Intersection.step` returns, with its typed info. */
export interface IntersectionStepResult extends StepResult {
  info: IntersectionInfo;
}

/** What `Intersection.reset` returns. */
export interface IntersectionResetResult {
  obs: Float64Array;
  info: IntersectionInfo;
}

/** Flags returned by `advanceIntersection`: OTHER_WENT, with COLLISION and SUCCESS of `intersection-zone.ts`. */
export const OTHER_WENT = 1;

/** x^n for an integer n >= 1 by repeated squaring: x^4 is (x·x)·(x·x). */
function integerPower(x: number, n: number): number {
  let result = 1;
  let base = x;
  for (;;) {
    if ((n & 1) === 1) result *= base;
    n >>= 1;
    if (n === 0) return result;
    base *= base;
  }
}

/** Time for a front `distance` before the zone to reach it: 0 once it has entered. */
function timeToArrival(distance: number, speed: number, floor: number): number {
  return distance <= 0 ? 0 : distance / Math.max(speed, floor);
}

/**
 * One step of the spec's dynamics, in place on `state` = [s_E, v_E, s_O, v_O]: O decides from
 * the state at the start of the step, then both vehicles update speed first (clipped to
 * [0, speedLimit]), then position with the new speed. Returns OTHER_WENT | COLLISION | SUCCESS
 * bits. Pure apart from `state`; the env and the oracle driver share it.
 */
export function advanceIntersection(state: Float64Array, egoAccel: number, p: Readonly<IntersectionParams>): number {
  const entry = -p.zoneHalfWidth - p.margin;
  let sE = state[0], vE = state[1], sO = state[2], vO = state[3];
  const dO = entry - sO;
  const goes =
    dO > p.decisionDistance ||
    dO <= 0 ||
    clearedZone(sE, p) ||
    timeToArrival(dO, vO, p.ttaSpeedFloor) < timeToArrival(entry - sE, vE, p.ttaSpeedFloor) + p.gap;
  let aO: number;
  if (goes) {
    aO = p.maxAccel * (1 - integerPower(vO / p.desiredSpeed, p.accelExponent));
    aO = Math.min(Math.max(aO, -p.maxBrake), p.maxAccel);
  } else if (vO < p.holdSpeed) {
    aO = 0;
    vO = 0;
  } else {
    aO = -Math.min(p.maxBrake, (vO * vO) / (2 * Math.max(dO - p.stopDistance, p.minBrakeDistance)));
  }
  const dt = p.dt, vMax = p.speedLimit;
  vE = Math.min(Math.max(vE + egoAccel * dt, 0), vMax);
  sE = sE + vE * dt;
  vO = Math.min(Math.max(vO + aO * dt, 0), vMax);
  sO = sO + vO * dt;
  state[0] = sE;
  state[1] = vE;
  state[2] = sO;
  state[3] = vO;
  let flags = goes ? OTHER_WENT : 0;
  if (clearedZone(sE, p)) flags |= SUCCESS;
  else if (inZone(sE, p) && inZone(sO, p)) flags |= COLLISION;
  return flags;
}

/** A step's reward: (-timeCost - comfortCost·(a·a)), then -collisionCost or +successBonus. */
export function intersectionReward(egoAccel: number, flags: number, p: Readonly<IntersectionParams>): number {
  const reward = -p.timeCost - p.comfortCost * (egoAccel * egoAccel);
  if ((flags & COLLISION) !== 0) return reward - p.collisionCost;
  if ((flags & SUCCESS) !== 0) return reward + p.successBonus;
  return reward;
}

/** E's acceleration for an action 0..4 (not validated: the env checks actions). */
export function egoAcceleration(action: number, p: Readonly<IntersectionParams>): number {
  switch (action) {
    case 0: return p.egoAccel0;
    case 1: return p.egoAccel1;
    case 2: return p.egoAccel2;
    case 3: return p.egoAccel3;
    default: return p.egoAccel4;
  }
}

const RANGE_CHECKS = paramChecks(INTERSECTION_PARAMS);
const { min: minExponent, max: maxExponent } = INTERSECTION_PARAMS.accelExponent;

/** Each parameter within its range; accelExponent an integer too, stated once the range holds. */
const CHECKS: Readonly<Record<IntersectionParam, Check<unknown>>> = {
  ...RANGE_CHECKS,
  accelExponent: (v, path, fail) => checked(integerIn(minExponent, maxExponent))(RANGE_CHECKS.accelExponent(v, path, fail), path, fail),
};

/** Discrete(5): E's accelerations egoAccel0..egoAccel4. */
export const INTERSECTION_ACTION_SPACE: DiscreteSpace = discreteSpace(5);

/** Box(6) float64, the speeds' bounds speedLimit / speedScale: the observation space at these parameters. */
export function intersectionObservationSpace(p: Pick<IntersectionParams, 'speedLimit' | 'speedScale'>): BoxSpace {
  const vHigh = p.speedLimit / p.speedScale;
  return boxSpace([-Infinity, 0, -Infinity, 0, 0, 0], [Infinity, vHigh, Infinity, vHigh, 1, 1], 'float64');
}

/** An unsignalled crossing: the ego car chooses its acceleration while another car, whose behaviour the task sets, may go or yield. */
export class Intersection extends IntersectionBase implements Env<number> {
  readonly actionSpace: DiscreteSpace = INTERSECTION_ACTION_SPACE;
  private obsSpace!: BoxSpace;
  private p: Readonly<IntersectionParams> = INTERSECTION_DEFAULTS;

  constructor(options: IntersectionOptions = {}) {
    const { seed = 0, maxEpisodeSteps = 200, ...params } = options;
    super('Intersection', seed, maxEpisodeSteps);
    this.setParams(params);
  }

  get params(): Readonly<IntersectionParams> {
    return this.p;
  }

  protected get road(): Readonly<IntersectionParams> {
    return this.p;
  }

  /** intersectionObservationSpace of the current parameters: [s_E/50, v_E/15, s_O/50, v_O/15, inZone_E, inZone_O] at the defaults. */
  get observationSpace(): BoxSpace {
    return this.obsSpace;
  }

  /** Validates every override (unknown key, range, the start ranges' order), then applies them all. */
  setParams(overrides: Partial<IntersectionParams>): void {
    checkParams('Intersection', CHECKS, overrides);
    const p = Object.freeze({ ...this.p, ...overrides });
    if (p.startPositionMin > p.startPositionMax) {
      throw new Error(`Intersection: startPositionMin (${p.startPositionMin}) must be <= startPositionMax (${p.startPositionMax})`);
    }
    if (p.startSpeedMin > p.startSpeedMax) {
      throw new Error(`Intersection: startSpeedMin (${p.startSpeedMin}) must be <= startSpeedMax (${p.startSpeedMax})`);
    }
    this.p = p;
    this.obsSpace = intersectionObservationSpace(p);
  }

  /**
   * Reseeds the PCG64 if a seed is given, then draws uniformly, in this order: s_E and s_O in
   * [startPositionMin, startPositionMax), v_E and v_O in [startSpeedMin, startSpeedMax).
   * Takes no options. The returned object and its obs are the env's own, overwritten by the next
   * step() or reset().
   */
  reset(args?: ResetArgs): IntersectionResetResult {
    if (args?.seed !== undefined) this.rngV = new PCG64(args.seed);
    const rng = this.rngV, p = this.p, state = this.state;
    state[0] = rng.uniform(p.startPositionMin, p.startPositionMax);
    state[2] = rng.uniform(p.startPositionMin, p.startPositionMax);
    state[1] = rng.uniform(p.startSpeedMin, p.startSpeedMax);
    state[3] = rng.uniform(p.startSpeedMin, p.startSpeedMax);
    return this.started();
  }

  /**
   * One step with E's action (0..4). Allocation-free: the returned result, its obs and its info
   * are the env's own, overwritten by the next step() or reset(); copy what you keep. An episode
   * that ended (terminated or truncated) needs reset() before the next step.
   */
  step(action: number): IntersectionStepResult {
    this.checkStep(action);
    const p = this.p;
    const accel = egoAcceleration(action, p);
    const flags = advanceIntersection(this.state, accel, p);
    const terminated = (flags & (COLLISION | SUCCESS)) !== 0;
    const truncated = this.limit.tick();
    return this.finished(flags, (flags & OTHER_WENT) !== 0 ? 'go' : 'yield', intersectionReward(accel, flags, p), terminated, truncated);
  }
}
