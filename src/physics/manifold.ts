// b2Manifold, b2WorldManifold and b2ClipSegmentToLine (Collision/b2Collision.h/.cpp).
import type { Transform } from './math.js';

/** Manifold types: the reference face is on shape A or on shape B. */
export const FACE_A = 1;
/** Manifold type: the reference face is on shape B. */
export const FACE_B = 2;

/** b2ContactFeature types. */
export const FEATURE_VERTEX = 0;
export const FEATURE_FACE = 1;

/** b2ContactID key: the four uint8 of b2ContactFeature packed as Box2D lays them out. */
export function featureKey(indexA: number, indexB: number, typeA: number, typeB: number): number {
  return indexA | (indexB << 8) | (typeA << 16) | (typeB << 24);
}

/** The key with the A and B features exchanged. */
export function swapFeatureKey(key: number): number {
  return featureKey((key >>> 8) & 0xff, key & 0xff, (key >>> 24) & 0xff, (key >>> 16) & 0xff);
}

/** One contact point of a manifold, with its accumulated normal and tangent impulses (b2ManifoldPoint). */
export class ManifoldPoint {
  /** faceA: the point in B's frame; faceB: in A's frame. */
  localPointX = 0;
  localPointY = 0;
  normalImpulse = 0;
  tangentImpulse = 0;
  id = 0;
}

/** The contact points of two touching shapes in local coordinates (b2Manifold). */
export class Manifold {
  type = FACE_A;
  /** Normal of the reference face and a point on it, in the reference body's frame. */
  localNormalX = 0;
  localNormalY = 0;
  localPointX = 0;
  localPointY = 0;
  pointCount = 0;
  readonly points: readonly [ManifoldPoint, ManifoldPoint] = [new ManifoldPoint(), new ManifoldPoint()];
}

export class ClipVertex {
  x = 0;
  y = 0;
  id = 0;
}

/** Keeps the part of segment vIn on the negative side of the line n·p = offset; returns the point count. */
export function clipSegmentToLine(
  vOut: readonly [ClipVertex, ClipVertex],
  vIn: readonly [ClipVertex, ClipVertex],
  nx: number,
  ny: number,
  offset: number,
  vertexIndexA: number,
): number {
  const in0 = vIn[0], in1 = vIn[1];
  let numOut = 0;
  const distance0 = nx * in0.x + ny * in0.y - offset;
  const distance1 = nx * in1.x + ny * in1.y - offset;
  if (distance0 <= 0) copyClip(vOut[numOut++], in0);
  if (distance1 <= 0) copyClip(vOut[numOut++], in1);
  if (distance0 * distance1 < 0) {
    const interp = distance0 / (distance0 - distance1);
    const out = vOut[numOut++];
    out.x = in0.x + interp * (in1.x - in0.x);
    out.y = in0.y + interp * (in1.y - in0.y);
    // Vertex A hits edge B.
    out.id = featureKey(vertexIndexA, (in0.id >>> 8) & 0xff, FEATURE_VERTEX, FEATURE_FACE);
  }
  return numOut;
}

function copyClip(dst: ClipVertex, src: ClipVertex): void {
  dst.x = src.x;
  dst.y = src.y;
  dst.id = src.id;
}

/** b2WorldManifold: world normal (A to B) and contact points midway between the two skins. */
export class WorldManifold {
  normalX = 0;
  normalY = 0;
  readonly pointsX = new Float64Array(2);
  readonly pointsY = new Float64Array(2);

  initialize(m: Manifold, xfA: Transform, radiusA: number, xfB: Transform, radiusB: number): void {
    if (m.pointCount === 0) return;
    const faceA = m.type === FACE_A;
    const ref = faceA ? xfA : xfB;
    const inc = faceA ? xfB : xfA;
    const refRadius = faceA ? radiusA : radiusB;
    const incRadius = faceA ? radiusB : radiusA;
    const nx = ref.c * m.localNormalX - ref.s * m.localNormalY;
    const ny = ref.s * m.localNormalX + ref.c * m.localNormalY;
    const planeX = ref.c * m.localPointX - ref.s * m.localPointY + ref.px;
    const planeY = ref.s * m.localPointX + ref.c * m.localPointY + ref.py;
    for (let i = 0; i < m.pointCount; i++) {
      const lp = m.points[i];
      const clipX = inc.c * lp.localPointX - inc.s * lp.localPointY + inc.px;
      const clipY = inc.s * lp.localPointX + inc.c * lp.localPointY + inc.py;
      const d = refRadius - ((clipX - planeX) * nx + (clipY - planeY) * ny);
      const onRefX = clipX + d * nx, onRefY = clipY + d * ny;
      const onIncX = clipX - incRadius * nx, onIncY = clipY - incRadius * ny;
      this.pointsX[i] = 0.5 * (onRefX + onIncX);
      this.pointsY[i] = 0.5 * (onRefY + onIncY);
    }
    this.normalX = faceA ? nx : -nx;
    this.normalY = faceA ? ny : -ny;
  }
}
