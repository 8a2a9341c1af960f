// b2CollideEdgeAndPolygon / b2EPCollider (Collision/b2CollideEdge.cpp, Box2D 2.3) for an isolated
// edge: both adjacency limits are -normal, so no polygon axis is ever skipped.
import type { EdgeShape } from './edge-shape.js';
import { ClipVertex, FACE_A, FACE_B, FEATURE_FACE, FEATURE_VERTEX, clipSegmentToLine, featureKey, swapFeatureKey, type Manifold } from './manifold.js';
import type { Transform } from './math.js';
import type { PolygonShape } from './polygon-shape.js';
import { EPSILON, MAX_POLYGON_VERTICES, POLYGON_RADIUS } from './settings.js';

// Polygon B in A's frame, and the clipping buffers: reused by every call.
const tvx = new Float64Array(MAX_POLYGON_VERTICES);
const tvy = new Float64Array(MAX_POLYGON_VERTICES);
const tnx = new Float64Array(MAX_POLYGON_VERTICES);
const tny = new Float64Array(MAX_POLYGON_VERTICES);
const incident: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];
const clip1: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];
const clip2: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];

// Hysteresis: prefer the edge axis unless the polygon axis is clearly better.
const RELATIVE_TOL = 0.98;
const ABSOLUTE_TOL = 0.001;

export function collideEdgePolygon(m: Manifold, edge: EdgeShape, xfA: Transform, poly: PolygonShape, xfB: Transform): void {
  // xf = xfA⁻¹·xfB: B's frame expressed in A's.
  const s = xfA.c * xfB.s - xfA.s * xfB.c;
  const c = xfA.c * xfB.c + xfA.s * xfB.s;
  const dx = xfB.px - xfA.px, dy = xfB.py - xfA.py;
  const px = xfA.c * dx + xfA.s * dy;
  const py = -xfA.s * dx + xfA.c * dy;

  const centroidX = c * poly.centroidX - s * poly.centroidY + px;
  const centroidY = s * poly.centroidX + c * poly.centroidY + py;
  const v1x = edge.vx[0], v1y = edge.vy[0], v2x = edge.vx[1], v2y = edge.vy[1];
  let ex = v2x - v1x, ey = v2y - v1y;
  const len = Math.sqrt(ex * ex + ey * ey);
  if (len >= EPSILON) {
    const inv = 1 / len;
    ex *= inv;
    ey *= inv;
  }
  const normal1X = ey, normal1Y = -ex;
  const front = normal1X * (centroidX - v1x) + normal1Y * (centroidY - v1y) >= 0;
  const normalX = front ? normal1X : -normal1X;
  const normalY = front ? normal1Y : -normal1Y;

  const count = poly.count;
  for (let i = 0; i < count; i++) {
    const x = poly.vx[i], y = poly.vy[i];
    tvx[i] = c * x - s * y + px;
    tvy[i] = s * x + c * y + py;
    const nx = poly.nx[i], ny = poly.ny[i];
    tnx[i] = c * nx - s * ny;
    tny[i] = s * nx + c * ny;
  }
  const radius = 2 * POLYGON_RADIUS;
  m.pointCount = 0;

  // Edge axis.
  let edgeSeparation = Infinity;
  for (let i = 0; i < count; i++) {
    const sep = normalX * (tvx[i] - v1x) + normalY * (tvy[i] - v1y);
    if (sep < edgeSeparation) edgeSeparation = sep;
  }
  if (edgeSeparation > radius) return;

  // Polygon axes: any separating one ends the test.
  let polygonIndex = -1;
  let polygonSeparation = -Infinity;
  for (let i = 0; i < count; i++) {
    const nx = -tnx[i], ny = -tny[i];
    const s1 = nx * (tvx[i] - v1x) + ny * (tvy[i] - v1y);
    const s2 = nx * (tvx[i] - v2x) + ny * (tvy[i] - v2y);
    const sep = Math.min(s1, s2);
    if (sep > radius) return;
    if (sep > polygonSeparation) {
      polygonIndex = i;
      polygonSeparation = sep;
    }
  }

  const edgePrimary = polygonIndex < 0 || !(polygonSeparation > RELATIVE_TOL * edgeSeparation + ABSOLUTE_TOL);
  let rfI1: number, rfI2: number, rfV1x: number, rfV1y: number, rfV2x: number, rfV2y: number, rfNx: number, rfNy: number;
  const ie0 = incident[0], ie1 = incident[1];
  if (edgePrimary) {
    m.type = FACE_A;
    // The incident edge is the polygon edge most anti-parallel to the edge normal.
    let best = 0;
    let bestValue = normalX * tnx[0] + normalY * tny[0];
    for (let i = 1; i < count; i++) {
      const value = normalX * tnx[i] + normalY * tny[i];
      if (value < bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const i1 = best;
    const i2 = i1 + 1 < count ? i1 + 1 : 0;
    ie0.x = tvx[i1];
    ie0.y = tvy[i1];
    ie0.id = featureKey(0, i1, FEATURE_FACE, FEATURE_VERTEX);
    ie1.x = tvx[i2];
    ie1.y = tvy[i2];
    ie1.id = featureKey(0, i2, FEATURE_FACE, FEATURE_VERTEX);
    if (front) {
      rfI1 = 0; rfI2 = 1;
      rfV1x = v1x; rfV1y = v1y; rfV2x = v2x; rfV2y = v2y;
      rfNx = normal1X; rfNy = normal1Y;
    } else {
      rfI1 = 1; rfI2 = 0;
      rfV1x = v2x; rfV1y = v2y; rfV2x = v1x; rfV2y = v1y;
      rfNx = -normal1X; rfNy = -normal1Y;
    }
  } else {
    m.type = FACE_B;
    ie0.x = v1x;
    ie0.y = v1y;
    ie0.id = featureKey(0, polygonIndex, FEATURE_VERTEX, FEATURE_FACE);
    ie1.x = v2x;
    ie1.y = v2y;
    ie1.id = featureKey(0, polygonIndex, FEATURE_VERTEX, FEATURE_FACE);
    rfI1 = polygonIndex;
    rfI2 = rfI1 + 1 < count ? rfI1 + 1 : 0;
    rfV1x = tvx[rfI1]; rfV1y = tvy[rfI1];
    rfV2x = tvx[rfI2]; rfV2y = tvy[rfI2];
    rfNx = tnx[rfI1]; rfNy = tny[rfI1];
  }

  // Clip the incident segment to the reference face's side planes.
  const side1X = rfNy, side1Y = -rfNx;
  const sideOffset1 = side1X * rfV1x + side1Y * rfV1y;
  const sideOffset2 = -side1X * rfV2x - side1Y * rfV2y;
  if (clipSegmentToLine(clip1, incident, side1X, side1Y, sideOffset1, rfI1) < 2) return;
  if (clipSegmentToLine(clip2, clip1, -side1X, -side1Y, sideOffset2, rfI2) < 2) return;

  if (edgePrimary) {
    m.localNormalX = rfNx;
    m.localNormalY = rfNy;
    m.localPointX = rfV1x;
    m.localPointY = rfV1y;
  } else {
    m.localNormalX = poly.nx[rfI1];
    m.localNormalY = poly.ny[rfI1];
    m.localPointX = poly.vx[rfI1];
    m.localPointY = poly.vy[rfI1];
  }
  let pointCount = 0;
  for (let i = 0; i < 2; i++) {
    const cv = clip2[i];
    const separation = rfNx * (cv.x - rfV1x) + rfNy * (cv.y - rfV1y);
    if (separation > radius) continue;
    const mp = m.points[pointCount++];
    if (edgePrimary) {
      // Back into B's frame.
      const qx = cv.x - px, qy = cv.y - py;
      mp.localPointX = c * qx + s * qy;
      mp.localPointY = -s * qx + c * qy;
      mp.id = cv.id;
    } else {
      mp.localPointX = cv.x;
      mp.localPointY = cv.y;
      mp.id = swapFeatureKey(cv.id);
    }
  }
  m.pointCount = pointCount;
}
