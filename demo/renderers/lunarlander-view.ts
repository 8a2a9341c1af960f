import { H, W } from '../../src/envs/lunar-lander-scene.js';

/**
 * Where LunarLander's world lands on a canvas: Gymnasium's W x H metres fitted to it, centred
 * across, the ground at the bottom and any spare height as sky above.
 */
export interface LanderView {
  /** Canvas pixels per metre. */
  readonly scale: number;
  /** The canvas point of the world origin; the world's y points up. */
  readonly originX: number;
  readonly originY: number;
}

export function landerView(width: number, height: number): LanderView {
  const scale = Math.min(width / W, height / H);
  return { scale, originX: (width - W * scale) / 2, originY: height };
}
