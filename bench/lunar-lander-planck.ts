/**
 * LunarLander's scene on planck.js (a JavaScript Box2D port), for lunar-lander.bench.ts only (its
 * throughput beside ours, and its episodes against ours): the same terrain, bodies, shapes,
 * densities, frictions, filters, joints (limits, motors, reference angles), initial force,
 * dispersion draws, engine impulses, 50 FPS and 180/60 iterations as
 * src/envs/lunar-lander(-scene).ts, with values rounded to float32 where ours rounds them.
 * Discrete actions, default parameters, no wind.
 */
import { Box, Edge, Polygon, RevoluteJoint, World, type Body, type Contact } from 'planck';
import { TimeLimit, type Env, type ResetArgs } from '../src/envs/env.js';
import { LUNAR_LANDER_DEFAULTS, LunarLander, type LunarLanderEndReason } from '../src/envs/lunar-lander.js';
import { LanderOutcome } from '../src/envs/lunar-lander-outcome.js';
import {
  CHUNKS,
  FPS,
  LEG_AWAY,
  LEG_DOWN,
  LEG_H,
  LEG_W,
  MAIN_ENGINE_Y_LOCATION,
  SCALE,
  SIDE_ENGINE_AWAY,
  SIDE_ENGINE_HEIGHT,
  VIEWPORT_H,
  VIEWPORT_W,
  W,
  drawTerrain,
} from '../src/envs/lunar-lander-scene.js';
import { PCG64 } from '../src/rng/pcg64.js';

const f32 = Math.fround;
const LANDER_POLY: readonly (readonly [number, number])[] = [[-14, 17], [-17, 0], [-17, -10], [17, -10], [17, 0], [14, 17]];
const P = LUNAR_LANDER_DEFAULTS;
const ours = new LunarLander();

export interface PlanckStepResult {
  obs: Float64Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: { endReason: LunarLanderEndReason };
}

export interface PlanckResetResult {
  obs: Float64Array;
  info: { endReason: LunarLanderEndReason };
}

export class PlanckLunarLander implements Env<number> {
  readonly observationSpace = ours.observationSpace;
  readonly actionSpace = ours.actionSpace;
  private rng: PCG64;
  private readonly limit: TimeLimit;
  private world: World | null = null;
  private lander: Body | null = null;
  private leg0: Body | null = null;
  private leg1: Body | null = null;
  private helipadY = 0;
  private gameOver = false;
  private leg0Contact = false;
  private leg1Contact = false;
  private readonly outcome = new LanderOutcome();
  // Reused impulse arguments: planck reads them and keeps no reference.
  private readonly impulse = { x: 0, y: 0 };
  private readonly point = { x: 0, y: 0 };
  private readonly obs = new Float64Array(8);
  private readonly info = { endReason: null as LunarLanderEndReason };
  private readonly result: PlanckStepResult = { obs: this.obs, reward: 0, terminated: false, truncated: false, info: this.info };
  private readonly resetResult: PlanckResetResult = { obs: this.obs, info: this.info };
  private readonly onBegin = (c: Contact): void => {
    const a = c.getFixtureA().getBody(), b = c.getFixtureB().getBody();
    if (a === this.lander || b === this.lander) this.gameOver = true;
    if (a === this.leg0 || b === this.leg0) this.leg0Contact = true;
    if (a === this.leg1 || b === this.leg1) this.leg1Contact = true;
  };
  private readonly onEnd = (c: Contact): void => {
    const a = c.getFixtureA().getBody(), b = c.getFixtureB().getBody();
    if (a === this.leg0 || b === this.leg0) this.leg0Contact = false;
    if (a === this.leg1 || b === this.leg1) this.leg1Contact = false;
  };

  constructor(seed: number | bigint = 0, readonly maxEpisodeSteps = 1000) {
    this.rng = new PCG64(seed);
    this.limit = new TimeLimit(maxEpisodeSteps);
  }

  /** Gymnasium v3's reset, drawing from the PCG64 in our env's order: a fresh world, then step(noop). */
  reset(args?: ResetArgs): PlanckResetResult {
    if (args?.seed !== undefined) this.rng = new PCG64(args.seed);
    const rng = this.rng;
    const terrain = drawTerrain(rng);
    const forceX = rng.uniform(-P.initialRandom, P.initialRandom);
    const forceY = rng.uniform(-P.initialRandom, P.initialRandom);
    const world = (this.world = new World({ gravity: { x: 0, y: f32(P.gravity) } }));
    world.on('begin-contact', this.onBegin);
    world.on('end-contact', this.onEnd);
    const moon = world.createBody({ type: 'static' });
    moon.createFixture({ shape: new Edge({ x: 0, y: 0 }, { x: f32(W), y: 0 }), friction: f32(0.2) });
    const { chunkX, smoothY } = terrain;
    for (let i = 0; i < CHUNKS - 1; i++) {
      const edge = new Edge({ x: f32(chunkX[i]), y: f32(smoothY[i]) }, { x: f32(chunkX[i + 1]), y: f32(smoothY[i + 1]) });
      moon.createFixture({ shape: edge, density: 0, friction: f32(0.1) });
    }
    this.helipadY = terrain.helipadY;
    const initialY = f32(VIEWPORT_H / SCALE);
    const lander = (this.lander = world.createBody({ type: 'dynamic', position: { x: f32(VIEWPORT_W / SCALE / 2), y: initialY }, angle: 0 }));
    lander.createFixture({
      shape: new Polygon(LANDER_POLY.map(([x, y]) => ({ x: f32(x / SCALE), y: f32(y / SCALE) }))),
      density: 5,
      friction: f32(0.1),
      restitution: 0,
      filterCategoryBits: 0x0010,
      filterMaskBits: 0x001,
    });
    lander.applyForceToCenter({ x: f32(forceX), y: f32(forceY) }, true);
    const legs: Body[] = [];
    for (const i of [-1, 1]) {
      const leg = world.createBody({
        type: 'dynamic',
        position: { x: f32(VIEWPORT_W / SCALE / 2 - (i * LEG_AWAY) / SCALE), y: initialY },
        angle: f32(i * 0.05),
      });
      leg.createFixture({
        shape: new Box(f32(LEG_W / SCALE), f32(LEG_H / SCALE)),
        density: 1,
        friction: f32(0.2),
        restitution: 0,
        filterCategoryBits: 0x0020,
        filterMaskBits: 0x001,
      });
      world.createJoint(new RevoluteJoint({
        bodyA: lander,
        bodyB: leg,
        localAnchorA: { x: 0, y: 0 },
        localAnchorB: { x: f32((i * LEG_AWAY) / SCALE), y: f32(LEG_DOWN / SCALE) },
        referenceAngle: leg.getAngle() - lander.getAngle(),
        enableMotor: true,
        enableLimit: true,
        maxMotorTorque: f32(P.legSpringTorque),
        motorSpeed: f32(0.3 * i),
        lowerAngle: i === -1 ? f32(0.9 - 0.5) : f32(-0.9),
        upperAngle: i === -1 ? f32(0.9) : f32(-0.9 + 0.5),
      }));
      legs.push(leg);
    }
    this.leg0 = legs[0];
    this.leg1 = legs[1];
    this.gameOver = this.leg0Contact = this.leg1Contact = false;
    this.outcome.reset();
    this.simulate(0);
    this.limit.reset();
    this.info.endReason = null;
    return this.resetResult;
  }

  step(action: number): PlanckStepResult {
    if (this.world === null) throw new Error('PlanckLunarLander: call reset() before step()');
    const r = this.simulate(action);
    r.truncated = this.limit.tick();
    return r;
  }

  private simulate(action: number): PlanckStepResult {
    const lander = this.lander as Body;
    const angle = lander.getAngle();
    const tipX = Math.sin(angle), tipY = Math.cos(angle);
    const sideX = -tipY, sideY = tipX;
    const d0 = this.rng.uniform(-1, 1) / SCALE;
    const d1 = this.rng.uniform(-1, 1) / SCALE;
    const pos = lander.getPosition();
    const posX = pos.x, posY = pos.y;
    const impulse = this.impulse, point = this.point;
    let mPower = 0, sPower = 0;
    if (action === 2) {
      mPower = 1;
      const ox = tipX * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * d0) + sideX * d1;
      const oy = -tipY * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * d0) - sideY * d1;
      impulse.x = f32(-ox * P.mainEnginePower);
      impulse.y = f32(-oy * P.mainEnginePower);
      point.x = f32(posX + ox);
      point.y = f32(posY + oy);
      lander.applyLinearImpulse(impulse, point, true);
    } else if (action === 1 || action === 3) {
      sPower = 1;
      const direction = action === 1 ? -1 : 1;
      const ox = tipX * d0 + sideX * (3 * d1 + (direction * SIDE_ENGINE_AWAY) / SCALE);
      const oy = -tipY * d0 - sideY * (3 * d1 + (direction * SIDE_ENGINE_AWAY) / SCALE);
      impulse.x = f32(-ox * P.sideEnginePower);
      impulse.y = f32(-oy * P.sideEnginePower);
      point.x = f32(posX + ox - (tipX * 17) / SCALE);
      point.y = f32(posY + oy + (tipY * SIDE_ENGINE_HEIGHT) / SCALE);
      lander.applyLinearImpulse(impulse, point, true);
    }

    (this.world as World).step(1 / FPS, P.velocityIterations, P.positionIterations);

    const p = lander.getPosition(), v = lander.getLinearVelocity();
    const o = this.outcome;
    o.update(this.obs, p.x, p.y, v.x, v.y, lander.getAngle(), lander.getAngularVelocity(), this.leg0Contact, this.leg1Contact, this.helipadY, mPower, sPower, this.gameOver, lander.isAwake());
    const r = this.result;
    r.reward = o.reward;
    r.terminated = o.terminated;
    r.truncated = false;
    this.info.endReason = o.endReason;
    return r;
  }
}
