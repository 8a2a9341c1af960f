import type { LunarLander, LunarLanderEndReason } from '../src/index.js';

/**
 * What a preview records of LunarLander for its renderer. Per frame (after reset and after every
 * step), from `env.scene`: the position (m) and angle (rad) of the hull and of both legs, the leg
 * contact flags and the step's end reason. Per episode (the scenery): the helipad, the terrain
 * points and each body's polygon in its own coordinates, read from the physics fixtures so that
 * the drawing is the shape that collides.
 */

/** The bodies a frame holds, in order: hull, legs[0], legs[1]. */
export const BODY_COUNT = 3;
/** Frame layout: [x, y, angle] per body, then the two leg contact flags, then END_REASONS' index. */
export const LEG_CONTACTS = [9, 10] as const;
export const END_REASON = 11;
const FRAME_SIZE = 12;

export const END_REASONS: readonly LunarLanderEndReason[] = [null, 'crash', 'out-of-bounds', 'at-rest'];

export interface LanderScenery {
  readonly helipadX1: number;
  readonly helipadX2: number;
  readonly helipadY: number;
  /** Terrain points (x, y), left to right. */
  readonly terrain: Float64Array;
  /** Per body (hull, legs[0], legs[1]): its polygon's vertices (x, y) in body coordinates. */
  readonly polygons: readonly Float64Array[];
}

function sceneOf(env: LunarLander): NonNullable<LunarLander['scene']> {
  const scene = env.scene;
  if (scene === null) throw new Error('LunarLander trace: the env has no scene (call reset() first)');
  return scene;
}

export function landerFrame(env: LunarLander, endReason: LunarLanderEndReason): Float64Array {
  const scene = sceneOf(env);
  const frame = new Float64Array(FRAME_SIZE);
  [scene.lander, ...scene.legs].forEach((body, i) => {
    const { x, y } = body.position;
    frame.set([x, y, body.angle], 3 * i);
  });
  frame[LEG_CONTACTS[0]] = scene.leg0Contact ? 1 : 0;
  frame[LEG_CONTACTS[1]] = scene.leg1Contact ? 1 : 0;
  frame[END_REASON] = END_REASONS.indexOf(endReason);
  return frame;
}

/** Layout: helipadX1, helipadX2, helipadY, then the terrain and each body's polygon, each as a count n and n (x, y) pairs. */
export function landerScenery(env: LunarLander): Float64Array {
  const scene = sceneOf(env);
  const terrain = env.terrain as NonNullable<LunarLander['terrain']>;
  const numbers = [terrain.helipadX1, terrain.helipadX2, terrain.helipadY];
  numbers.push(terrain.chunkX.length, ...terrain.chunkX.flatMap((x, i) => [x, terrain.smoothY[i]]));
  for (const body of [scene.lander, ...scene.legs]) {
    const shape = body.fixtures[0].shape;
    if (shape.kind !== 'polygon') throw new Error(`LunarLander trace: expected a polygon body, got a ${shape.kind}`);
    numbers.push(shape.count, ...Array.from(shape.vx).flatMap((x, i) => [x, shape.vy[i]]));
  }
  return Float64Array.from(numbers);
}

export function readLanderScenery(scenery: Float64Array): LanderScenery {
  let at = 3;
  const points = (): Float64Array => {
    const n = scenery[at];
    const out = scenery.subarray(at + 1, at + 1 + 2 * n);
    at += 1 + 2 * n;
    return out;
  };
  const terrain = points();
  const polygons = Array.from({ length: BODY_COUNT }, points);
  if (at !== scenery.length) throw new Error(`LunarLander trace: scenery holds ${scenery.length} numbers, its counts describe ${at}`);
  return { helipadX1: scenery[0], helipadX2: scenery[1], helipadY: scenery[2], terrain, polygons };
}
