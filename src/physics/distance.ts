// b2Distance (Collision/b2Distance.cpp): GJK closest points between two convex vertex sets
// (skins ignored), warm-started from a simplex cache.
import type { Transform } from './math.js';
import { EPSILON, MAX_DISTANCE_ITERATIONS } from './settings.js';
import type { DistanceProxy } from './shape.js';

/** The simplex of the last call, to warm start the next one (b2SimplexCache). */
export class SimplexCache {
  metric = 0;
  count = 0;
  readonly indexA = new Int32Array(3);
  readonly indexB = new Int32Array(3);
}

export class DistanceOutput {
  pointAX = 0;
  pointAY = 0;
  pointBX = 0;
  pointBY = 0;
  distance = 0;
  iterations = 0;
}

class SimplexVertex {
  wAx = 0;
  wAy = 0;
  wBx = 0;
  wBy = 0;
  /** wB − wA */
  wx = 0;
  wy = 0;
  /** Barycentric coordinate of the closest point. */
  a = 0;
  indexA = 0;
  indexB = 0;

  copyFrom(o: SimplexVertex): void {
    this.wAx = o.wAx;
    this.wAy = o.wAy;
    this.wBx = o.wBx;
    this.wBy = o.wBy;
    this.wx = o.wx;
    this.wy = o.wy;
    this.a = o.a;
    this.indexA = o.indexA;
    this.indexB = o.indexB;
  }
}

const v1 = new SimplexVertex();
const v2 = new SimplexVertex();
const v3 = new SimplexVertex();
const vertices = [v1, v2, v3];
let simplexCount = 0;
const saveA = new Int32Array(3);
const saveB = new Int32Array(3);

/** Index of the vertex furthest along (dx, dy) (b2DistanceProxy::GetSupport). */
export function support(proxy: DistanceProxy, dx: number, dy: number): number {
  const { vx, vy, count } = proxy;
  let best = 0;
  let bestValue = vx[0] * dx + vy[0] * dy;
  for (let i = 1; i < count; i++) {
    const value = vx[i] * dx + vy[i] * dy;
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}

function setVertex(v: SimplexVertex, proxyA: DistanceProxy, xfA: Transform, ia: number, proxyB: DistanceProxy, xfB: Transform, ib: number): void {
  v.indexA = ia;
  v.indexB = ib;
  const ax = proxyA.vx[ia], ay = proxyA.vy[ia];
  const bx = proxyB.vx[ib], by = proxyB.vy[ib];
  v.wAx = xfA.c * ax - xfA.s * ay + xfA.px;
  v.wAy = xfA.s * ax + xfA.c * ay + xfA.py;
  v.wBx = xfB.c * bx - xfB.s * by + xfB.px;
  v.wBy = xfB.s * bx + xfB.c * by + xfB.py;
  v.wx = v.wBx - v.wAx;
  v.wy = v.wBy - v.wAy;
}

function metric(): number {
  if (simplexCount === 2) {
    const dx = v1.wx - v2.wx, dy = v1.wy - v2.wy;
    return Math.sqrt(dx * dx + dy * dy);
  }
  if (simplexCount === 3) return (v2.wx - v1.wx) * (v3.wy - v1.wy) - (v2.wy - v1.wy) * (v3.wx - v1.wx);
  return 0;
}

function readCache(cache: SimplexCache, proxyA: DistanceProxy, xfA: Transform, proxyB: DistanceProxy, xfB: Transform): void {
  simplexCount = cache.count;
  for (let i = 0; i < simplexCount; i++) {
    const v = vertices[i];
    setVertex(v, proxyA, xfA, cache.indexA[i], proxyB, xfB, cache.indexB[i]);
    v.a = 0;
  }
  // Flush a simplex whose size changed a lot since it was cached.
  if (simplexCount > 1) {
    const metric1 = cache.metric;
    const metric2 = metric();
    if (metric2 < 0.5 * metric1 || 2 * metric1 < metric2 || metric2 < EPSILON) simplexCount = 0;
  }
  if (simplexCount === 0) {
    setVertex(v1, proxyA, xfA, 0, proxyB, xfB, 0);
    v1.a = 1;
    simplexCount = 1;
  }
}

function writeCache(cache: SimplexCache): void {
  cache.metric = metric();
  cache.count = simplexCount;
  for (let i = 0; i < simplexCount; i++) {
    cache.indexA[i] = vertices[i].indexA;
    cache.indexB[i] = vertices[i].indexB;
  }
}

// Closest point of segment w1–w2 to the origin, by barycentric coordinates.
function solve2(): void {
  const e12x = v2.wx - v1.wx, e12y = v2.wy - v1.wy;
  const d12_2 = -(v1.wx * e12x + v1.wy * e12y);
  if (d12_2 <= 0) {
    v1.a = 1;
    simplexCount = 1;
    return;
  }
  const d12_1 = v2.wx * e12x + v2.wy * e12y;
  if (d12_1 <= 0) {
    v2.a = 1;
    simplexCount = 1;
    v1.copyFrom(v2);
    return;
  }
  const inv = 1 / (d12_1 + d12_2);
  v1.a = d12_1 * inv;
  v2.a = d12_2 * inv;
  simplexCount = 2;
}

// Closest feature of triangle w1 w2 w3 to the origin: a vertex, an edge or the inside.
function solve3(): void {
  const w1x = v1.wx, w1y = v1.wy, w2x = v2.wx, w2y = v2.wy, w3x = v3.wx, w3y = v3.wy;
  const e12x = w2x - w1x, e12y = w2y - w1y;
  const d12_1 = w2x * e12x + w2y * e12y;
  const d12_2 = -(w1x * e12x + w1y * e12y);
  const e13x = w3x - w1x, e13y = w3y - w1y;
  const d13_1 = w3x * e13x + w3y * e13y;
  const d13_2 = -(w1x * e13x + w1y * e13y);
  const e23x = w3x - w2x, e23y = w3y - w2y;
  const d23_1 = w3x * e23x + w3y * e23y;
  const d23_2 = -(w2x * e23x + w2y * e23y);
  const n123 = e12x * e13y - e12y * e13x;
  const d123_1 = n123 * (w2x * w3y - w2y * w3x);
  const d123_2 = n123 * (w3x * w1y - w3y * w1x);
  const d123_3 = n123 * (w1x * w2y - w1y * w2x);
  if (d12_2 <= 0 && d13_2 <= 0) {
    v1.a = 1;
    simplexCount = 1;
    return;
  }
  if (d12_1 > 0 && d12_2 > 0 && d123_3 <= 0) {
    const inv = 1 / (d12_1 + d12_2);
    v1.a = d12_1 * inv;
    v2.a = d12_2 * inv;
    simplexCount = 2;
    return;
  }
  if (d13_1 > 0 && d13_2 > 0 && d123_2 <= 0) {
    const inv = 1 / (d13_1 + d13_2);
    v1.a = d13_1 * inv;
    v3.a = d13_2 * inv;
    simplexCount = 2;
    v2.copyFrom(v3);
    return;
  }
  if (d12_1 <= 0 && d23_2 <= 0) {
    v2.a = 1;
    simplexCount = 1;
    v1.copyFrom(v2);
    return;
  }
  if (d13_1 <= 0 && d23_1 <= 0) {
    v3.a = 1;
    simplexCount = 1;
    v1.copyFrom(v3);
    return;
  }
  if (d23_1 > 0 && d23_2 > 0 && d123_1 <= 0) {
    const inv = 1 / (d23_1 + d23_2);
    v2.a = d23_1 * inv;
    v3.a = d23_2 * inv;
    simplexCount = 2;
    v1.copyFrom(v3);
    return;
  }
  const inv = 1 / (d123_1 + d123_2 + d123_3);
  v1.a = d123_1 * inv;
  v2.a = d123_2 * inv;
  v3.a = d123_3 * inv;
  simplexCount = 3;
}

/** Closest points of the two proxies' cores (radii not applied); `cache` is read and updated. */
export function distance(output: DistanceOutput, cache: SimplexCache, proxyA: DistanceProxy, xfA: Transform, proxyB: DistanceProxy, xfB: Transform): void {
  readCache(cache, proxyA, xfA, proxyB, xfB);
  let iter = 0;
  while (iter < MAX_DISTANCE_ITERATIONS) {
    const saveCount = simplexCount;
    for (let i = 0; i < saveCount; i++) {
      saveA[i] = vertices[i].indexA;
      saveB[i] = vertices[i].indexB;
    }
    if (simplexCount === 2) solve2();
    else if (simplexCount === 3) solve3();
    // The origin is inside the triangle: the cores overlap.
    if (simplexCount === 3) break;
    // Search direction towards the origin.
    let dx: number, dy: number;
    if (simplexCount === 1) {
      dx = -v1.wx;
      dy = -v1.wy;
    } else {
      const e12x = v2.wx - v1.wx, e12y = v2.wy - v1.wy;
      const sgn = e12x * -v1.wy - e12y * -v1.wx;
      if (sgn > 0) {
        dx = -e12y;
        dy = e12x;
      } else {
        dx = e12y;
        dy = -e12x;
      }
    }
    // The origin is (nearly) on the simplex: no reliable direction.
    if (dx * dx + dy * dy < EPSILON * EPSILON) break;
    const v = vertices[simplexCount];
    const ia = support(proxyA, xfA.c * -dx + xfA.s * -dy, -xfA.s * -dx + xfA.c * -dy);
    const ib = support(proxyB, xfB.c * dx + xfB.s * dy, -xfB.s * dx + xfB.c * dy);
    setVertex(v, proxyA, xfA, ia, proxyB, xfB, ib);
    iter++;
    // A repeated support pair means no progress: stop to avoid cycling.
    let duplicate = false;
    for (let i = 0; i < saveCount; i++) {
      if (ia === saveA[i] && ib === saveB[i]) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) break;
    simplexCount++;
  }
  // Witness points.
  if (simplexCount === 1) {
    output.pointAX = v1.wAx;
    output.pointAY = v1.wAy;
    output.pointBX = v1.wBx;
    output.pointBY = v1.wBy;
  } else if (simplexCount === 2) {
    output.pointAX = v1.a * v1.wAx + v2.a * v2.wAx;
    output.pointAY = v1.a * v1.wAy + v2.a * v2.wAy;
    output.pointBX = v1.a * v1.wBx + v2.a * v2.wBx;
    output.pointBY = v1.a * v1.wBy + v2.a * v2.wBy;
  } else {
    output.pointAX = output.pointBX = v1.a * v1.wAx + v2.a * v2.wAx + v3.a * v3.wAx;
    output.pointAY = output.pointBY = v1.a * v1.wAy + v2.a * v2.wAy + v3.a * v3.wAy;
  }
  const ddx = output.pointAX - output.pointBX, ddy = output.pointAY - output.pointBY;
  output.distance = Math.sqrt(ddx * ddx + ddy * ddy);
  output.iterations = iter;
  writeCache(cache);
}
