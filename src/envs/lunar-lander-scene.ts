/**
 * The physical scene of Gymnasium's LunarLander (v3 `reset`): terrain, lander, legs and their
 * joints in a fresh Box2D world, plus the contact listener that sets the game-over and
 * leg-contact flags. Values cross into the engine rounded to float32, as pybox2d rounds them.
 */
import { EdgeShape, PolygonShape, World, type Body, type Contact, type ContactListener } from '../physics/index.js';
import type { Rng } from '../rng/rng.js';

export const FPS = 50;
/** Pixels per metre: the scene is specified in pixels. */
export const SCALE = 30;
export const VIEWPORT_W = 600;
export const VIEWPORT_H = 400;
export const W = VIEWPORT_W / SCALE;
export const H = VIEWPORT_H / SCALE;
export const CHUNKS = 11;
export const LEG_AWAY = 20;
export const LEG_DOWN = 18;
export const LEG_W = 2;
export const LEG_H = 8;
export const SIDE_ENGINE_HEIGHT = 14;
export const SIDE_ENGINE_AWAY = 12;
export const MAIN_ENGINE_Y_LOCATION = 4;
const LANDER_POLY: readonly (readonly [number, number])[] = [[-14, 17], [-17, 0], [-17, -10], [17, -10], [17, 0], [14, 17]];

const f32 = Math.fround;

/** The terrain of one episode, as Gymnasium computes it (float64). */
export interface LunarLanderTerrain {
  /** The CHUNKS + 1 uniform(0, H/2) draws. */
  heightRaw: number[];
  /** After the helipad chunks are set to helipadY. */
  height: number[];
  chunkX: number[];
  /** 0.33·(h[i−1] + h[i] + h[i+1]), with Python's h[−1] = h[11]. */
  smoothY: number[];
  helipadX1: number;
  helipadX2: number;
  helipadY: number;
}

/** Half the width of the landing pad: one chunk, so the default pad spans chunks 4..6. */
export const PAD_HALF_WIDTH = W / (CHUNKS - 1);

/**
 * Draws the terrain: CHUNKS + 1 uniforms in [0, H/2), in order, then flattens the pad
 * [padX - PAD_HALF_WIDTH, padX + PAD_HALF_WIDTH]. Gymnasium's rule for its centred pad sets the
 * chunks from one below the pad's first chunk to one above its last to helipadY, so the smoothed
 * surface is flat over the pad; a pad between chunks widens to the chunks around its ends, so it
 * is flat wherever it is. The default padX (W/2) is Gymnasium's terrain.
 */
export function drawTerrain(rng: Rng, padX = W / 2): LunarLanderTerrain {
  const heightRaw = Array.from({ length: CHUNKS + 1 }, () => rng.uniform(0, H / 2));
  const spacing = W / (CHUNKS - 1);
  const chunkX = Array.from({ length: CHUNKS }, (_, i) => spacing * i);
  const helipadX1 = padX - PAD_HALF_WIDTH;
  const helipadX2 = padX + PAD_HALF_WIDTH;
  const first = Math.max(Math.floor(helipadX1 / spacing) - 1, 0);
  const last = Math.min(Math.ceil(helipadX2 / spacing) + 1, CHUNKS - 1);
  const helipadY = H / 4;
  const height = heightRaw.slice();
  for (let i = first; i <= last; i++) height[i] = helipadY;
  const at = (i: number): number => height[(i + height.length) % height.length];
  const smoothY = Array.from({ length: CHUNKS }, (_, i) => 0.33 * (at(i - 1) + at(i) + at(i + 1)));
  return { heightRaw, height, chunkX, smoothY, helipadX1, helipadX2, helipadY };
}

export interface SceneParams {
  gravity: number;
  legSpringTorque: number;
}

export class LunarLanderScene implements ContactListener {
  readonly world: World;
  readonly moon: Body;
  readonly lander: Body;
  /** legs[0] is the i = −1 leg (at x = W/2 + LEG_AWAY), legs[1] the i = +1 leg. */
  readonly legs: readonly [Body, Body];
  /** A body contact ended the game (sticky). */
  gameOver = false;
  /** Per-event leg flags, as Gymnasium's ContactDetector sets them (not a count of contacts). */
  leg0Contact = false;
  leg1Contact = false;

  /** Builds the scene; the initial force (already drawn) is applied to the lander before the legs exist. */
  constructor(terrain: LunarLanderTerrain, params: SceneParams, initialForceX: number, initialForceY: number) {
    const world = (this.world = new World({ gravity: { x: 0, y: f32(params.gravity) } }));
    world.setContactListener(this);
    const moon = (this.moon = world.createBody({ type: 'static' }));
    // pybox2d's fixture defaults are float32: friction 0.2f.
    moon.createFixture({ shape: new EdgeShape(0, 0, f32(W), 0), friction: f32(0.2) });
    const { chunkX, smoothY } = terrain;
    for (let i = 0; i < CHUNKS - 1; i++) {
      moon.createFixture({
        shape: new EdgeShape(f32(chunkX[i]), f32(smoothY[i]), f32(chunkX[i + 1]), f32(smoothY[i + 1])),
        density: 0,
        friction: f32(0.1),
      });
    }
    const initialX = f32(VIEWPORT_W / SCALE / 2);
    const initialY = f32(VIEWPORT_H / SCALE);
    const lander = (this.lander = world.createBody({ type: 'dynamic', position: { x: initialX, y: initialY }, angle: 0 }));
    lander.createFixture({
      shape: PolygonShape.fromPoints(LANDER_POLY.map(([x, y]) => ({ x: f32(x / SCALE), y: f32(y / SCALE) }))),
      density: 5,
      friction: f32(0.1),
      categoryBits: 0x0010,
      maskBits: 0x001,
      restitution: 0,
    });
    lander.applyForceToCenter(f32(initialForceX), f32(initialForceY), true);
    const legs: Body[] = [];
    for (const i of [-1, 1]) {
      const leg = world.createBody({
        type: 'dynamic',
        position: { x: f32(VIEWPORT_W / SCALE / 2 - (i * LEG_AWAY) / SCALE), y: initialY },
        angle: f32(i * 0.05),
      });
      leg.createFixture({
        shape: PolygonShape.box(f32(LEG_W / SCALE), f32(LEG_H / SCALE)),
        density: 1,
        friction: f32(0.2),
        restitution: 0,
        categoryBits: 0x0020,
        maskBits: 0x001,
      });
      world.createJoint({
        bodyA: lander,
        bodyB: leg,
        localAnchorA: { x: 0, y: 0 },
        localAnchorB: { x: f32((i * LEG_AWAY) / SCALE), y: f32(LEG_DOWN / SCALE) },
        // pybox2d's revoluteJointDef sets referenceAngle = bodyB.angle − bodyA.angle when given both bodies.
        referenceAngle: leg.angle - lander.angle,
        enableMotor: true,
        enableLimit: true,
        maxMotorTorque: f32(params.legSpringTorque),
        motorSpeed: f32(0.3 * i),
        lowerAngle: i === -1 ? f32(0.9 - 0.5) : f32(-0.9),
        upperAngle: i === -1 ? f32(0.9) : f32(-0.9 + 0.5),
      });
      legs.push(leg);
    }
    this.legs = [legs[0], legs[1]];
  }

  beginContact(contact: Contact): void {
    const a = contact.bodyA, b = contact.bodyB;
    if (a === this.lander || b === this.lander) this.gameOver = true;
    if (a === this.legs[0] || b === this.legs[0]) this.leg0Contact = true;
    if (a === this.legs[1] || b === this.legs[1]) this.leg1Contact = true;
  }

  endContact(contact: Contact): void {
    const a = contact.bodyA, b = contact.bodyB;
    if (a === this.legs[0] || b === this.legs[0]) this.leg0Contact = false;
    if (a === this.legs[1] || b === this.legs[1]) this.leg1Contact = false;
  }
}
