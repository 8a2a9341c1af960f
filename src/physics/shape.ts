// What every collision shape offers the engine (Collision/Shapes/b2Shape.h).
import type { AABB, Transform } from './math.js';
import type { EdgeShape } from './edge-shape.js';
import type { PolygonShape } from './polygon-shape.js';

/** A collision shape: a convex polygon or an edge. */
export type Shape = PolygonShape | EdgeShape;

/** b2MassData: mass, centre of mass in body coordinates, rotational inertia about the body origin. */
export interface MassData {
  mass: number;
  centerX: number;
  centerY: number;
  inertia: number;
}

/** The vertex list view that GJK and the time of impact use (b2DistanceProxy). */
export interface DistanceProxy {
  readonly count: number;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly radius: number;
}

/** AABB of the transformed vertices grown by the skin radius (ComputeAABB of polygons and edges). */
export function computeVertexAABB(proxy: DistanceProxy, xf: Transform, out: AABB): void {
  const { vx, vy, count } = proxy;
  const s = xf.s, c = xf.c;
  let lowerX = c * vx[0] - s * vy[0] + xf.px;
  let lowerY = s * vx[0] + c * vy[0] + xf.py;
  let upperX = lowerX, upperY = lowerY;
  for (let i = 1; i < count; i++) {
    const x = c * vx[i] - s * vy[i] + xf.px;
    const y = s * vx[i] + c * vy[i] + xf.py;
    if (x < lowerX) lowerX = x;
    if (y < lowerY) lowerY = y;
    if (x > upperX) upperX = x;
    if (y > upperY) upperY = y;
  }
  const r = proxy.radius;
  out.lowerX = lowerX - r;
  out.lowerY = lowerY - r;
  out.upperX = upperX + r;
  out.upperY = upperY + r;
}
