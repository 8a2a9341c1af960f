/**
 * LunarLander (Gymnasium ≥ 1.0 "v3" + its 1000-step TimeLimit) on the project's Box2D 2.3 port:
 * the same terrain, initial force, wind and dispersion draws from the seeded PCG64, the same
 * engine impulses, observation, reward shaping and termination; discrete or continuous actions.
 *
 * ## Action space
 * Discrete(4): 0 does nothing, 1 fires the left orientation engine, 2 the main engine, 3 the right
 * orientation engine. With `continuous`, Box(2) in [-1, 1] (values outside are clipped):
 * [main, lateral]; the main engine is off for main <= 0 and throttles from 50% to 100% over
 * (0, 1]; the side engines are off for |lateral| <= 0.5, else the left (lateral < -0.5) or right
 * one fires at 50% to 100% over |lateral| in (0.5, 1].
 *
 * ## Observation space
 * Box(8), float32 (positions and speeds in the viewport's normalised units; x from the screen's
 * centre, where the pad is, y from the pad's height):
 *
 * | index | observation | min | max |
 * | --- | --- | --- | --- |
 * | 0 | x | -2.5 | 2.5 |
 * | 1 | y (above the helipad) | -2.5 | 2.5 |
 * | 2 | x velocity | -10 | 10 |
 * | 3 | y velocity | -10 | 10 |
 * | 4 | angle (rad) | -2π | 2π |
 * | 5 | angular velocity | -10 | 10 |
 * | 6 | left leg touches the ground (0 or 1) | 0 | 1 |
 * | 7 | right leg touches the ground (0 or 1) | 0 | 1 |
 *
 * ## Rewards
 * Each step earns the change of the shaping -100·distance to the pad - 100·speed - 100·|angle| +
 * 10 per leg on the ground (nothing on the first step), minus 0.3 per frame of the main engine
 * and 0.03 per frame of a side engine (scaled by the throttle); the terminating step earns -100
 * instead for a crash or leaving the screen, and +100 for coming to rest.
 *
 * ## Start state
 * The lander starts at the top centre of the viewport with a random initial force on its centre
 * of mass (each axis uniform in [-initialRandom, initialRandom]), over terrain drawn at reset.
 *
 * ## Episode end
 * Terminated when the hull touches the ground (`endReason` 'crash'), when |x| >= 1 ('out-of-bounds')
 * or when the lander is at rest, asleep in Box2D's sense ('at-rest'); truncated after
 * `maxEpisodeSteps` steps (1000).
 */
import { tanh } from '../kernels/fdlibm-tanh.js';
import { cos, sin } from '../kernels/trig.js';
import { PCG64 } from '../rng/pcg64.js';
import { SeededEnv } from './seeded-env.js';
import { describe } from '../validation/values.js';
import { boxSpace, discreteSpace, type BoxSpace, type DiscreteSpace, type Env, type ResetArgs } from './env.js';
import {
  FPS,
  LunarLanderScene,
  MAIN_ENGINE_Y_LOCATION,
  SCALE,
  SIDE_ENGINE_AWAY,
  SIDE_ENGINE_HEIGHT,
  drawTerrain,
  type LunarLanderTerrain,
} from './lunar-lander-scene.js';
import { LanderOutcome, type LunarLanderEndReason } from './lunar-lander-outcome.js';
import { checkParams, paramChecks, paramDefaults, type ParamTable } from './params.js';
import { BOOLEAN, type Check, checked, integerIn, stated } from '../validation/schema.js';

export type { LunarLanderEndReason };

/** The names of LunarLander's parameters. */
export type LunarLanderParam =
  | 'gravity'
  | 'windPower'
  | 'turbulencePower'
  | 'mainEnginePower'
  | 'sideEnginePower'
  | 'initialRandom'
  | 'legSpringTorque'
  | 'padX'
  | 'offPadRestReward'
  | 'padPull';

/**
 * The numeric parameters. Gymnasium asserts −12 < gravity < 0 and warns outside [0, 20] wind and
 * [0, 2] turbulence (refused here); the engine constants are module constants there, their upper
 * bounds are this project's. Gymnasium's pad is always centred (padX = W/2); moving it is this
 * project's, for the `lunarlander-pad` family.
 */
export const LUNAR_LANDER_PARAMS: ParamTable<LunarLanderParam> = Object.freeze({
  gravity: { default: -10, min: -12, max: 0, openMin: true, openMax: true, unit: 'm/s²', meaning: 'vertical gravity' },
  windPower: { default: 15, min: 0, max: 20, unit: 'N', meaning: 'peak wind force on the lander (with enableWind)' },
  turbulencePower: { default: 1.5, min: 0, max: 2, unit: 'N·m', meaning: 'peak turbulence torque on the lander (with enableWind)' },
  mainEnginePower: { default: 13, min: 0, max: 40, unit: 'N·s/m', meaning: 'main engine impulse per metre of nozzle offset' },
  sideEnginePower: { default: 0.6, min: 0, max: 3, unit: 'N·s/m', meaning: 'side engine impulse per metre of nozzle offset' },
  initialRandom: { default: 1000, min: 0, max: 2000, unit: 'N', meaning: 'bound of the uniform random initial force, per axis' },
  legSpringTorque: { default: 40, min: 0, max: 200, unit: 'N·m', meaning: 'maximum torque of the leg joint motors' },
  padX: { default: 10, min: 4, max: 16, unit: 'm', meaning: 'centre of the 4 m landing pad, which the shaping reward measures distance to (not observed)' },
  offPadRestReward: { default: 100, min: -100, max: 100, unit: '', meaning: "reward for coming to rest with the hull's centre off the pad (100 on it)" },
  padPull: { default: 0, min: 0, max: 1000, unit: '', meaning: "weight of the shaping's extra term -padPull·|x - padX| / 10 m, pulling toward the pad (not observed)" },
});

/** LunarLander's parameters by name. */
export interface LunarLanderParams extends Record<LunarLanderParam, number> {
  /** Box(2) throttle actions instead of Discrete(4). */
  continuous: boolean;
  enableWind: boolean;
  /** Random engine dispersion; false makes it 0 (the draws still happen, keeping the stream). */
  dispersion: boolean;
  /** Box2D solver iterations per step; Gymnasium's 6·30 and 2·30. */
  velocityIterations: number;
  positionIterations: number;
}

/** Gymnasium's LunarLander-v3 parameters. */
export const LUNAR_LANDER_DEFAULTS: Readonly<LunarLanderParams> = Object.freeze({
  ...paramDefaults(LUNAR_LANDER_PARAMS),
  continuous: false,
  enableWind: false,
  dispersion: true,
  velocityIterations: 180,
  positionIterations: 60,
});

/** LunarLander's parameters (any subset; the rest are Gymnasium's), the seed of an unseeded reset, and episode length. */
export interface LunarLanderOptions extends Partial<LunarLanderParams> {
  /** Seeds the PCG64 of a `reset()` without a seed (Gymnasium would use OS entropy). Default 0. */
  seed?: number | bigint;
  /** Gymnasium's TimeLimit: 1000. Infinity disables truncation. */
  maxEpisodeSteps?: number;
}

/** Discrete: 0 noop, 1 left orientation engine, 2 main engine, 3 right orientation engine. Continuous: [main, lateral] in [−1, 1]. */
export type LunarLanderAction = number | ArrayLike<number>;


/** What a LunarLander step reports beside the reward: why the episode ended, if it did. */
export type LunarLanderInfo = {
  /** Why the episode terminated this step: the lander's body touched the ground, |x| left the screen, or the lander came to rest (+100). */
  endReason: LunarLanderEndReason;
};

/** What `LunarLander.step` returns, with its typed info. */
export interface LunarLanderStepResult {
  obs: Float64Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: LunarLanderInfo;
}

/** What `LunarLander.reset` returns. */
export interface LunarLanderResetResult {
  obs: Float64Array;
  info: LunarLanderInfo;
}

const BOOLEAN_PARAMS = ['continuous', 'enableWind', 'dispersion'] as const;
const ITERATION_PARAMS = ['velocityIterations', 'positionIterations'] as const;
const f32 = Math.fround;

const CHECKS: Readonly<Record<string, Check<unknown>>> = {
  ...paramChecks(LUNAR_LANDER_PARAMS),
  ...Object.fromEntries(BOOLEAN_PARAMS.map((key) => [key, checked(stated(BOOLEAN, 'a boolean'))])),
  ...Object.fromEntries(ITERATION_PARAMS.map((key) => [key, checked(integerIn(1, 1000))])),
};

/** Box(8) in float32, the bounds of the table above; the same for every parameter. */
export function lunarLanderObservationSpace(): BoxSpace {
  return boxSpace([-2.5, -2.5, -10, -10, -2 * Math.PI, -10, -0, -0], [2.5, 2.5, 10, 10, 2 * Math.PI, 10, 1, 1]);
}

/** Discrete(4), or with `continuous` Box(2) in [-1, 1]. */
export function lunarLanderActionSpace(continuous: boolean): DiscreteSpace | BoxSpace {
  return continuous ? boxSpace([-1, -1], [1, 1]) : discreteSpace(4);
}

/** Gymnasium's LunarLander-v3 on the library's own Box2D port, discrete or continuous, with its parameters settable per task. */
export class LunarLander extends SeededEnv implements Env<LunarLanderAction> {
  readonly actionSpace: DiscreteSpace | BoxSpace;
  readonly observationSpace: BoxSpace = lunarLanderObservationSpace();
  readonly params: Readonly<LunarLanderParams>;
  private sceneV: LunarLanderScene | null = null;
  private terrainV: LunarLanderTerrain | null = null;
  private initialForceV = { x: 0, y: 0 };
  private windIdx = 0;
  private torqueIdx = 0;
  private readonly outcome: LanderOutcome;
  // reset() and step() return these objects, overwritten in place: no allocation per step.
  private readonly obs = new Float64Array(8);
  private readonly info: LunarLanderInfo = { endReason: null };
  private readonly result: LunarLanderStepResult = { obs: this.obs, reward: 0, terminated: false, truncated: false, info: this.info };
  private readonly resetResult: LunarLanderResetResult = { obs: this.obs, info: this.info };

  constructor(options: LunarLanderOptions = {}) {
    const { seed = 0, maxEpisodeSteps = 1000, ...overrides } = options;
    super(seed, maxEpisodeSteps);
    const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
    checkParams('LunarLander', CHECKS, given);
    this.params = Object.freeze({ ...LUNAR_LANDER_DEFAULTS, ...given });
    this.actionSpace = lunarLanderActionSpace(this.params.continuous);
    this.outcome = new LanderOutcome(this.params.padX, this.params.offPadRestReward, this.params.padPull);
  }

  /** The current episode's physics (world, lander, legs, contact flags); null before the first reset. @internal */
  get scene(): LunarLanderScene | null {
    return this.sceneV;
  }

  /** The current episode's terrain; null before the first reset. */
  get terrain(): Readonly<LunarLanderTerrain> | null {
    return this.terrainV;
  }

  /** The random force (N) of this episode's first physics step, before float32 rounding. */
  get initialForce(): { x: number; y: number } {
    return { ...this.initialForceV };
  }

  /** Wind and turbulence indices (advanced once per windy step); 0 without wind. */
  get windIndex(): number {
    return this.windIdx;
  }

  get torqueIndex(): number {
    return this.torqueIdx;
  }

  /**
   * Gymnasium's reset order: reseed (if a seed is given), a fresh world, CHUNKS + 1 terrain
   * uniforms, 2 uniforms of initial force, the wind and torque indices (integers(−9999, 9999)
   * each, only with enableWind), the legs, then one `step(noop)` whose observation is returned
   * (it draws the 2 dispersion uniforms). Takes no options. The returned object and its obs are
   * the env's own, overwritten by the next step() or reset().
   */
  reset(args?: ResetArgs): LunarLanderResetResult {
    if (args?.seed !== undefined) this.rngV = new PCG64(args.seed);
    const rng = this.rngV, p = this.params;
    const terrain = (this.terrainV = drawTerrain(rng, p.padX));
    const forceX = rng.uniform(-p.initialRandom, p.initialRandom);
    const forceY = rng.uniform(-p.initialRandom, p.initialRandom);
    this.initialForceV = { x: forceX, y: forceY };
    if (p.enableWind) {
      this.windIdx = rng.integers(-9999, 9999);
      this.torqueIdx = rng.integers(-9999, 9999);
    } else {
      this.windIdx = 0;
      this.torqueIdx = 0;
    }
    this.sceneV = new LunarLanderScene(terrain, p, forceX, forceY);
    this.outcome.reset();
    this.simulate(0, 0);
    this.limit.reset();
    this.info.endReason = null;
    return this.resetResult;
  }

  /**
   * One Gymnasium step. Allocation-free: the returned result, its obs and its info are the env's
   * own, overwritten by the next step() or reset(); copy what you keep.
   */
  step(action: LunarLanderAction): LunarLanderStepResult {
    if (this.sceneV === null) throw new Error('LunarLander: call reset() before step()');
    let mainThrottle: number, lateral: number;
    if (this.params.continuous) {
      if (typeof action === 'number' || action?.length !== 2 || !Number.isFinite(action[0]) || !Number.isFinite(action[1])) {
        throw new Error(`LunarLander: action must be 2 finite numbers [main, lateral] (Box(2)), got ${describe(typeof action === 'number' ? action : Array.from(action ?? []))}`);
      }
      mainThrottle = Math.min(Math.max(action[0], -1), 1);
      lateral = Math.min(Math.max(action[1], -1), 1);
    } else {
      if (action !== 0 && action !== 1 && action !== 2 && action !== 3) {
        throw new Error(`LunarLander: action must be 0, 1, 2 or 3 (Discrete(4)), got ${describe(action)}`);
      }
      // Discrete actions as the continuous engine commands they stand for.
      mainThrottle = action === 2 ? 1 : 0;
      lateral = action === 1 ? -1 : action === 3 ? 1 : 0;
    }
    const r = this.simulate(mainThrottle, lateral);
    r.truncated = this.limit.tick();
    return r;
  }

  /** Wind, engines, one physics step, then observation, reward and termination (Gymnasium's step). */
  private simulate(mainThrottle: number, lateral: number): LunarLanderStepResult {
    const scene = this.sceneV as LunarLanderScene;
    const p = this.params;
    const lander = scene.lander;
    const rng = this.rngV;
    if (p.enableWind && !(scene.leg0Contact || scene.leg1Contact)) {
      const k = this.windIdx;
      const wind = tanh(sin(0.02 * k) + sin(Math.PI * 0.01 * k)) * p.windPower;
      this.windIdx = k + 1;
      lander.applyForceToCenter(f32(wind), 0, true);
      const t = this.torqueIdx;
      const torque = tanh(sin(0.02 * t) + sin(Math.PI * 0.01 * t)) * p.turbulencePower;
      this.torqueIdx = t + 1;
      lander.applyTorque(f32(torque), true);
    }
    const angle = lander.sweep.a;
    const tipX = sin(angle), tipY = cos(angle);
    const sideX = -tipY, sideY = tipX;
    let d0 = rng.uniform(-1, 1) / SCALE;
    let d1 = rng.uniform(-1, 1) / SCALE;
    if (!p.dispersion) d0 = d1 = 0;
    const posX = lander.xf.px, posY = lander.xf.py;

    let mPower = 0;
    if (mainThrottle > 0) {
      // Discrete action 2 is full throttle; continuous throttle maps (0, 1] to [0.5, 1].
      mPower = p.continuous ? (Math.min(Math.max(mainThrottle, 0), 1) + 1) * 0.5 : 1;
      const ox = tipX * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * d0) + sideX * d1;
      const oy = -tipY * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * d0) - sideY * d1;
      const power = p.mainEnginePower * mPower;
      lander.applyLinearImpulse(f32(-ox * power), f32(-oy * power), f32(posX + ox), f32(posY + oy), true);
    }
    let sPower = 0;
    if (p.continuous ? Math.abs(lateral) > 0.5 : lateral !== 0) {
      const direction = Math.sign(lateral);
      sPower = p.continuous ? Math.min(Math.max(Math.abs(lateral), 0.5), 1) : 1;
      const ox = tipX * d0 + sideX * (3 * d1 + (direction * SIDE_ENGINE_AWAY) / SCALE);
      const oy = -tipY * d0 - sideY * (3 * d1 + (direction * SIDE_ENGINE_AWAY) / SCALE);
      // Gymnasium's 17 (not SIDE_ENGINE_HEIGHT = 14): the nozzle is not a fixed body point, so
      // the torque depends on the orientation. Reproduced on purpose.
      const pointX = posX + ox - (tipX * 17) / SCALE;
      const pointY = posY + oy + (tipY * SIDE_ENGINE_HEIGHT) / SCALE;
      const power = p.sideEnginePower * sPower;
      lander.applyLinearImpulse(f32(-ox * power), f32(-oy * power), f32(pointX), f32(pointY), true);
    }

    scene.world.step(1 / FPS, p.velocityIterations, p.positionIterations);

    const o = this.outcome;
    o.update(
      this.obs,
      lander.xf.px,
      lander.xf.py,
      lander.linearVelocityX,
      lander.linearVelocityY,
      lander.sweep.a,
      lander.angularVelocity,
      scene.leg0Contact,
      scene.leg1Contact,
      (this.terrainV as LunarLanderTerrain).helipadY,
      mPower,
      sPower,
      scene.gameOver,
      lander.awake,
    );
    const r = this.result;
    r.reward = o.reward;
    r.terminated = o.terminated;
    r.truncated = false;
    this.info.endReason = o.endReason;
    return r;
  }
}
