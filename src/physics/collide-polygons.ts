// b2CollidePolygons (Collision/b2CollidePolygon.cpp): separating-axis test on both polygons' face
// normals, then the incident edge clipped to the reference face, with pybox2d's hysteresis.
import { ClipVertex, FACE_A, FACE_B, FEATURE_FACE, FEATURE_VERTEX, clipSegmentToLine, featureKey, swapFeatureKey, type Manifold } from './manifold.js';
import type { Transform } from './math.js';
import type { PolygonShape } from './polygon-shape.js';
import { EPSILON } from './settings.js';

const incident: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];
const clip1: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];
const clip2: [ClipVertex, ClipVertex] = [new ClipVertex(), new ClipVertex()];
let bestEdge = 0;

// pybox2d prefers polygon A's face unless B's is clearly better.
const RELATIVE_TOL = 0.98;
const ABSOLUTE_TOL = 0.001;

/** Largest separation of poly2 along poly1's face normals; the face index goes to bestEdge. */
function findMaxSeparation(poly1: PolygonShape, xf1: Transform, poly2: PolygonShape, xf2: Transform): number {
  // xf = xf2⁻¹·xf1: poly1 in poly2's frame.
  const s = xf2.c * xf1.s - xf2.s * xf1.c;
  const c = xf2.c * xf1.c + xf2.s * xf1.s;
  const dx = xf1.px - xf2.px, dy = xf1.py - xf2.py;
  const px = xf2.c * dx + xf2.s * dy;
  const py = -xf2.s * dx + xf2.c * dy;
  let maxSeparation = -Infinity;
  bestEdge = 0;
  for (let i = 0; i < poly1.count; i++) {
    const nx = c * poly1.nx[i] - s * poly1.ny[i];
    const ny = s * poly1.nx[i] + c * poly1.ny[i];
    const vx = c * poly1.vx[i] - s * poly1.vy[i] + px;
    const vy = s * poly1.vx[i] + c * poly1.vy[i] + py;
    let si = Infinity;
    for (let j = 0; j < poly2.count; j++) {
      const sij = nx * (poly2.vx[j] - vx) + ny * (poly2.vy[j] - vy);
      if (sij < si) si = sij;
    }
    if (si > maxSeparation) {
      maxSeparation = si;
      bestEdge = i;
    }
  }
  return maxSeparation;
}

/** The edge of poly2 most anti-parallel to poly1's face edge1, in world coordinates. */
function findIncidentEdge(poly1: PolygonShape, xf1: Transform, edge1: number, poly2: PolygonShape, xf2: Transform): void {
  // Reference normal in poly2's frame.
  const wx = xf1.c * poly1.nx[edge1] - xf1.s * poly1.ny[edge1];
  const wy = xf1.s * poly1.nx[edge1] + xf1.c * poly1.ny[edge1];
  const nx = xf2.c * wx + xf2.s * wy;
  const ny = -xf2.s * wx + xf2.c * wy;
  let index = 0;
  let minDot = Infinity;
  for (let i = 0; i < poly2.count; i++) {
    const dot = nx * poly2.nx[i] + ny * poly2.ny[i];
    if (dot < minDot) {
      minDot = dot;
      index = i;
    }
  }
  const i1 = index;
  const i2 = i1 + 1 < poly2.count ? i1 + 1 : 0;
  for (let k = 0; k < 2; k++) {
    const i = k === 0 ? i1 : i2;
    const cv = incident[k];
    cv.x = xf2.c * poly2.vx[i] - xf2.s * poly2.vy[i] + xf2.px;
    cv.y = xf2.s * poly2.vx[i] + xf2.c * poly2.vy[i] + xf2.py;
    cv.id = featureKey(edge1, i, FEATURE_FACE, FEATURE_VERTEX);
  }
}

export function collidePolygons(m: Manifold, polyA: PolygonShape, xfA: Transform, polyB: PolygonShape, xfB: Transform): void {
  m.pointCount = 0;
  const totalRadius = polyA.radius + polyB.radius;
  const separationA = findMaxSeparation(polyA, xfA, polyB, xfB);
  const edgeA = bestEdge;
  if (separationA > totalRadius) return;
  const separationB = findMaxSeparation(polyB, xfB, polyA, xfA);
  const edgeB = bestEdge;
  if (separationB > totalRadius) return;

  const flip = separationB > RELATIVE_TOL * separationA + ABSOLUTE_TOL;
  const poly1 = flip ? polyB : polyA, poly2 = flip ? polyA : polyB;
  const xf1 = flip ? xfB : xfA, xf2 = flip ? xfA : xfB;
  const edge1 = flip ? edgeB : edgeA;
  m.type = flip ? FACE_B : FACE_A;
  findIncidentEdge(poly1, xf1, edge1, poly2, xf2);

  const iv1 = edge1;
  const iv2 = edge1 + 1 < poly1.count ? edge1 + 1 : 0;
  const v11x = poly1.vx[iv1], v11y = poly1.vy[iv1], v12x = poly1.vx[iv2], v12y = poly1.vy[iv2];
  let ltx = v12x - v11x, lty = v12y - v11y;
  const len = Math.sqrt(ltx * ltx + lty * lty);
  if (len >= EPSILON) {
    const inv = 1 / len;
    ltx *= inv;
    lty *= inv;
  }
  const tx = xf1.c * ltx - xf1.s * lty, ty = xf1.s * ltx + xf1.c * lty;
  const nx = ty, ny = -tx;
  const w11x = xf1.c * v11x - xf1.s * v11y + xf1.px, w11y = xf1.s * v11x + xf1.c * v11y + xf1.py;
  const w12x = xf1.c * v12x - xf1.s * v12y + xf1.px, w12y = xf1.s * v12x + xf1.c * v12y + xf1.py;
  const frontOffset = nx * w11x + ny * w11y;
  // Side planes of the reference face, pushed out by the skins.
  const sideOffset1 = -(tx * w11x + ty * w11y) + totalRadius;
  const sideOffset2 = tx * w12x + ty * w12y + totalRadius;
  if (clipSegmentToLine(clip1, incident, -tx, -ty, sideOffset1, iv1) < 2) return;
  if (clipSegmentToLine(clip2, clip1, tx, ty, sideOffset2, iv2) < 2) return;

  m.localNormalX = lty;
  m.localNormalY = -ltx;
  m.localPointX = 0.5 * (v11x + v12x);
  m.localPointY = 0.5 * (v11y + v12y);
  let pointCount = 0;
  for (let i = 0; i < 2; i++) {
    const cv = clip2[i];
    if (nx * cv.x + ny * cv.y - frontOffset > totalRadius) continue;
    const mp = m.points[pointCount++];
    // Into the incident polygon's frame.
    const qx = cv.x - xf2.px, qy = cv.y - xf2.py;
    mp.localPointX = xf2.c * qx + xf2.s * qy;
    mp.localPointY = -xf2.s * qx + xf2.c * qy;
    mp.id = flip ? swapFeatureKey(cv.id) : cv.id;
  }
  m.pointCount = pointCount;
}
