/**
 * CartPole-v1 (Gymnasium 1.x `CartPoleEnv` + its 500-step TimeLimit), bit-exact in float64 with
 * the Python reference, with every physical constant settable per instance for meta-RL tasks.
 *
 * ## Action space
 * Discrete(2): 0 pushes the cart to the left, 1 to the right, with a force of `forceMag` newtons.
 *
 * ## Observation space
 * Box(4), float32:
 *
 * | index | observation | min | max |
 * | --- | --- | --- | --- |
 * | 0 | cart position x (m) | -2·xThreshold (-4.8) | 2·xThreshold (4.8) |
 * | 1 | cart velocity (m/s) | -inf | inf |
 * | 2 | pole angle θ (rad, 0 upright) | -2·thetaThresholdRadians (-24°) | 2·thetaThresholdRadians (24°) |
 * | 3 | pole angular velocity (rad/s) | -inf | inf |
 *
 * ## Rewards
 * +1 for every step, the terminating one included; 0 for steps taken after termination. With
 * `suttonBartoReward`: 0 per step, -1 on and after the terminating step.
 *
 * ## Start state
 * x, its velocity, θ and its angular velocity each uniform in [-0.05, 0.05] (`reset`'s options
 * `low` and `high` change the bounds).
 *
 * ## Episode end
 * Terminated when |θ| > thetaThresholdRadians (12°) or |x| > xThreshold (2.4 m); truncated after
 * `maxEpisodeSteps` steps (500).
 */
import { cos, sin } from '../kernels/trig.js';
import { BOOLEAN, type Check, checked, rule, stated } from '../validation/schema.js';
import { describe } from '../validation/values.js';
import { PCG64 } from '../rng/pcg64.js';
import { SeededEnv } from './seeded-env.js';
import {
  EMPTY_INFO,
  boxSpace,
  discreteSpace,
  type BoxSpace,
  type DiscreteSpace,
  type Env,
  type ResetArgs,
  type ResetResult,
  type StepResult,
} from './env.js';
import { checkParams, paramCheck, type ParamTable } from './params.js';

/** Gymnasium's "euler"; its catch-all "anything else" is spelled out as 'semi-implicit-euler'. */
export type KinematicsIntegrator = 'euler' | 'semi-implicit-euler';

/** CartPole's physical parameters. */
export interface CartPoleParams {
  gravity: number;
  masscart: number;
  masspole: number;
  /** Half the pole length. */
  length: number;
  forceMag: number;
  /** Seconds per step. */
  tau: number;
  kinematicsIntegrator: KinematicsIntegrator;
  thetaThresholdRadians: number;
  xThreshold: number;
  /** Reward 0 per step and -1 on (and after) termination, instead of +1 per step. */
  suttonBartoReward: boolean;
}

/** Gymnasium's CartPole-v1 parameters. */
export const CARTPOLE_DEFAULTS: Readonly<CartPoleParams> = Object.freeze({
  gravity: 9.8,
  masscart: 1.0,
  masspole: 0.1,
  length: 0.5,
  forceMag: 10.0,
  tau: 0.02,
  kinematicsIntegrator: 'euler',
  // Python's 12 * 2 * math.pi / 360, same left-to-right rounding.
  thetaThresholdRadians: (12 * 2 * Math.PI) / 360,
  xThreshold: 2.4,
  suttonBartoReward: false,
});

/** CartPole's physical parameters (any subset; the rest are Gymnasium's), the seed of an unseeded reset, and episode length. */
export interface CartPoleOptions extends Partial<CartPoleParams> {
  /**
   * Seeds the PCG64 used by a `reset()` that passes no seed (Gymnasium would draw OS entropy;
   * here the first unseeded reset is deterministic). Default 0, i.e. the same as `reset({ seed: 0 })`.
   */
  seed?: number | bigint;
  /** Gymnasium's TimeLimit for CartPole-v1: 500. Infinity disables truncation. */
  maxEpisodeSteps?: number;
}

/** `reset({ options })` bounds of the 4 uniform state draws (Gymnasium's `options={"low","high"}`). */
export interface CartPoleResetOptions {
  low?: number;
  high?: number;
}

/**
 * The numeric parameters, one table for the env, the task family and the config. The ranges
 * keep a 500-step episode finite (no zero or tiny mass, length or step, no force beyond what the
 * float64 state can carry); the thresholds only end episodes, so they may be huge (never).
 */
export const CARTPOLE_PARAMS = Object.freeze({
  gravity: { default: 9.8, min: 0, max: 100, unit: 'm/s^2', meaning: 'gravitational acceleration' },
  masscart: { default: 1.0, min: 0.01, max: 100, unit: 'kg', meaning: 'mass of the cart' },
  masspole: { default: 0.1, min: 0.001, max: 10, unit: 'kg', meaning: 'mass of the pole' },
  length: { default: 0.5, min: 0.01, max: 10, unit: 'm', meaning: 'half the pole length' },
  forceMag: { default: 10.0, min: 0, max: 100, unit: 'N', meaning: 'force of each push' },
  tau: { default: 0.02, min: 1e-4, max: 0.1, unit: 's', meaning: 'seconds per step' },
  thetaThresholdRadians: {
    default: CARTPOLE_DEFAULTS.thetaThresholdRadians,
    min: 0,
    openMin: true,
    max: 1e9,
    unit: 'rad',
    meaning: 'pole angle beyond which the episode terminates',
  },
  xThreshold: { default: 2.4, min: 0, openMin: true, max: 1e9, unit: 'm', meaning: 'cart position beyond which the episode terminates' },
} satisfies ParamTable<NumericCartPoleParam>);

type NumericCartPoleParam = Exclude<keyof CartPoleParams, 'kinematicsIntegrator' | 'suttonBartoReward'>;

const numeric = (key: NumericCartPoleParam): Check<unknown> => checked(paramCheck(CARTPOLE_PARAMS[key]));

const CHECKS: { readonly [K in keyof CartPoleParams]: Check<unknown> } = {
  gravity: numeric('gravity'),
  masscart: numeric('masscart'),
  masspole: numeric('masspole'),
  length: numeric('length'),
  forceMag: numeric('forceMag'),
  tau: numeric('tau'),
  kinematicsIntegrator: checked(rule((v) => v === 'euler' || v === 'semi-implicit-euler', '"euler" or "semi-implicit-euler"')),
  thetaThresholdRadians: numeric('thetaThresholdRadians'),
  xThreshold: numeric('xThreshold'),
  suttonBartoReward: checked(stated(BOOLEAN, 'a boolean')),
};

const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** Discrete(2): 0 pushes the cart left, 1 right. */
export const CARTPOLE_ACTION_SPACE: DiscreteSpace = discreteSpace(2);

/** Box(±[2·xThreshold, inf, 2·thetaThreshold, inf]) in float32: the observation space at these thresholds. */
export function cartPoleObservationSpace(p: Pick<CartPoleParams, 'xThreshold' | 'thetaThresholdRadians'>): BoxSpace {
  return boxSpace(
    [-p.xThreshold * 2, -Infinity, -p.thetaThresholdRadians * 2, -Infinity],
    [p.xThreshold * 2, Infinity, p.thetaThresholdRadians * 2, Infinity],
  );
}

/** Gymnasium's CartPole-v1, step for step and bit for bit, with its physical parameters settable per task. */
export class CartPole extends SeededEnv implements Env<number, CartPoleResetOptions> {
  readonly actionSpace: DiscreteSpace = CARTPOLE_ACTION_SPACE;
  private obsSpace!: BoxSpace;
  private p!: Readonly<CartPoleParams>;
  // Hot-path copies of the parameters; derived masses recomputed on every change, as a
  // port must (Gymnasium computes them once in __init__).
  private gravity = 0;
  private masspole = 0;
  private length = 0;
  private forceMag = 0;
  private tau = 0;
  private euler = true;
  private thetaThreshold = 0;
  private xThreshold = 0;
  private suttonBarto = false;
  private totalMassV = 0;
  private polemassLengthV = 0;
  private x = 0;
  private xDot = 0;
  private theta = 0;
  private thetaDot = 0;
  private needsReset = true;
  // Gymnasium's `steps_beyond_terminated is not None`: termination was already rewarded.
  private terminatedBefore = false;

  constructor(options: CartPoleOptions = {}) {
    const { seed = 0, maxEpisodeSteps = 500, ...params } = options;
    super(seed, maxEpisodeSteps);
    this.p = CARTPOLE_DEFAULTS;
    this.setParams(params);
  }

  get params(): Readonly<CartPoleParams> {
    return this.p;
  }

  get totalMass(): number {
    return this.totalMassV;
  }

  get polemassLength(): number {
    return this.polemassLengthV;
  }

  /** cartPoleObservationSpace of the current thresholds: follows parameter changes. */
  get observationSpace(): BoxSpace {
    return this.obsSpace;
  }

  /** Validates every override first (unknown key, type, range), then applies them all. */
  setParams(overrides: Partial<CartPoleParams>): void {
    checkParams('CartPole', CHECKS, overrides);
    const p = Object.freeze({ ...this.p, ...overrides });
    this.p = p;
    this.gravity = p.gravity;
    this.masspole = p.masspole;
    this.length = p.length;
    this.forceMag = p.forceMag;
    this.tau = p.tau;
    this.euler = p.kinematicsIntegrator === 'euler';
    this.thetaThreshold = p.thetaThresholdRadians;
    this.xThreshold = p.xThreshold;
    this.suttonBarto = p.suttonBartoReward;
    this.totalMassV = p.masspole + p.masscart;
    this.polemassLengthV = p.masspole * p.length;
    this.obsSpace = cartPoleObservationSpace(p);
  }

  /**
   * Gymnasium order: reseed (if a seed is given), parse bounds, then 4 sequential
   * uniform(low, high) draws for (x, xDot, theta, thetaDot). Unknown option keys are ignored.
   */
  reset(args: ResetArgs<CartPoleResetOptions> = {}): ResetResult {
    if (args.seed !== undefined) this.rngV = new PCG64(args.seed);
    const low = args.options?.low ?? -0.05;
    const high = args.options?.high ?? 0.05;
    if (!finite(low)) throw new Error(`CartPole.reset: options.low must be a finite number, got ${describe(low)}`);
    if (!finite(high)) throw new Error(`CartPole.reset: options.high must be a finite number, got ${describe(high)}`);
    if (low > high) throw new Error(`CartPole.reset: options.low (${low}) must be <= options.high (${high})`);
    const rng = this.rngV;
    this.x = rng.uniform(low, high);
    this.xDot = rng.uniform(low, high);
    this.theta = rng.uniform(low, high);
    this.thetaDot = rng.uniform(low, high);
    this.terminatedBefore = false;
    this.needsReset = false;
    this.limit.reset();
    return { obs: this.observation(), info: EMPTY_INFO };
  }

  /**
   * One Gymnasium step. Returns a fresh obs array each call (callers may keep it, as with
   * Gymnasium); the result object is fresh too, `info` is the shared frozen EMPTY_INFO.
   */
  step(action: number): StepResult {
    if (this.needsReset) throw new Error('CartPole: call reset() before step()');
    if (action !== 0 && action !== 1) throw new Error(`CartPole: action must be 0 or 1 (Discrete(2)), got ${describe(action)}`);
    let x = this.x, xDot = this.xDot, theta = this.theta, thetaDot = this.thetaDot;
    const tau = this.tau, totalMass = this.totalMassV, pml = this.polemassLengthV;
    const force = action === 1 ? this.forceMag : -this.forceMag;
    const costheta = cos(theta);
    const sintheta = sin(theta);
    // Python's evaluation order, squares first: floating-point rounding depends on the order, and
    // a reordered step drifts from the reference trajectories over an episode.
    const temp = (force + pml * (thetaDot * thetaDot) * sintheta) / totalMass;
    const thetaacc =
      (this.gravity * sintheta - costheta * temp) /
      (this.length * (4.0 / 3.0 - (this.masspole * (costheta * costheta)) / totalMass));
    const xacc = temp - (pml * thetaacc * costheta) / totalMass;
    if (this.euler) {
      x = x + tau * xDot;
      xDot = xDot + tau * xacc;
      theta = theta + tau * thetaDot;
      thetaDot = thetaDot + tau * thetaacc;
    } else {
      xDot = xDot + tau * xacc;
      x = x + tau * xDot;
      thetaDot = thetaDot + tau * thetaacc;
      theta = theta + tau * thetaDot;
    }
    this.x = x;
    this.xDot = xDot;
    this.theta = theta;
    this.thetaDot = thetaDot;
    const terminated =
      x < -this.xThreshold || x > this.xThreshold || theta < -this.thetaThreshold || theta > this.thetaThreshold;
    let reward: number;
    if (!terminated) reward = this.suttonBarto ? 0 : 1;
    else if (!this.terminatedBefore) {
      this.terminatedBefore = true;
      reward = this.suttonBarto ? -1 : 1;
    } else reward = this.suttonBarto ? -1 : 0; // stepping past termination (Gymnasium warns)
    const truncated = this.limit.tick();
    return { obs: this.observation(), reward, terminated, truncated, info: EMPTY_INFO };
  }

  /** Full-precision float64 state (x, xDot, theta, thetaDot), a copy. */
  getState(): Float64Array {
    return Float64Array.of(this.x, this.xDot, this.theta, this.thetaDot);
  }

  /**
   * Overwrites the raw state, like assigning `env.unwrapped.state` in Python: the step count and
   * the termination memory are left as they are, and a reset() is still required before step().
   */
  setState(state: Float64Array | readonly number[]): void {
    if (state.length !== 4 || !Array.prototype.every.call(state, finite)) {
      throw new Error(`CartPole.setState: expected 4 finite numbers (x, xDot, theta, thetaDot), got [${Array.from(state).join(', ')}]`);
    }
    this.x = state[0];
    this.xDot = state[1];
    this.theta = state[2];
    this.thetaDot = state[3];
  }

  private observation(): Float64Array {
    const obs = new Float64Array(4);
    obs[0] = Math.fround(this.x);
    obs[1] = Math.fround(this.xDot);
    obs[2] = Math.fround(this.theta);
    obs[3] = Math.fround(this.thetaDot);
    return obs;
  }
}
