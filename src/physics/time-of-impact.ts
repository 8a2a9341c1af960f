// b2TimeOfImpact (Collision/b2TimeOfImpact.cpp, Box2D 2.3): conservative advancement along
// separating axes built from the GJK simplex, with a bisection/secant root finder.
import { DistanceOutput, SimplexCache, distance, support } from './distance.js';
import { Sweep, Transform } from './math.js';
import { EPSILON, LINEAR_SLOP, MAX_POLYGON_VERTICES, MAX_TOI_ITERATIONS } from './settings.js';
import type { DistanceProxy } from './shape.js';

export const TOI_UNKNOWN = 0;
export const TOI_FAILED = 1;
export const TOI_OVERLAPPED = 2;
export const TOI_TOUCHING = 3;
export const TOI_SEPARATED = 4;

export class TOIOutput {
  state = TOI_UNKNOWN;
  /** Fraction of the sweep interval. */
  t = 0;
}

const POINTS = 0;
const FACE_A = 1;
const FACE_B = 2;

/** b2SeparationFunction: signed distance of the two shapes along one axis as a function of time. */
class SeparationFunction {
  proxyA!: DistanceProxy;
  proxyB!: DistanceProxy;
  readonly sweepA = new Sweep();
  readonly sweepB = new Sweep();
  type = POINTS;
  localPointX = 0;
  localPointY = 0;
  axisX = 0;
  axisY = 0;
  /** Witness vertices of the last findMinSeparation. */
  indexA = 0;
  indexB = 0;
  private readonly xfA = new Transform();
  private readonly xfB = new Transform();

  initialize(cache: SimplexCache, proxyA: DistanceProxy, sweepA: Sweep, proxyB: DistanceProxy, sweepB: Sweep, t1: number): void {
    this.proxyA = proxyA;
    this.proxyB = proxyB;
    this.sweepA.copyFrom(sweepA);
    this.sweepB.copyFrom(sweepB);
    const xfA = this.xfA, xfB = this.xfB;
    sweepA.getTransform(xfA, t1);
    sweepB.getTransform(xfB, t1);
    if (cache.count === 1) {
      this.type = POINTS;
      const pAx = tx(xfA, proxyA, cache.indexA[0]), pAy = ty(xfA, proxyA, cache.indexA[0]);
      const pBx = tx(xfB, proxyB, cache.indexB[0]), pBy = ty(xfB, proxyB, cache.indexB[0]);
      this.setAxis(pBx - pAx, pBy - pAy);
    } else if (cache.indexA[0] === cache.indexA[1]) {
      // Two points on B, one on A.
      this.type = FACE_B;
      this.faceAxis(proxyB, cache.indexB[0], cache.indexB[1], xfB, proxyA, cache.indexA[0], xfA);
    } else {
      // Two points on A, one or two on B.
      this.type = FACE_A;
      this.faceAxis(proxyA, cache.indexA[0], cache.indexA[1], xfA, proxyB, cache.indexB[0], xfB);
    }
  }

  /** Separation at time t along the axis, at the deepest vertices (stored in indexA/indexB). */
  findMinSeparation(t: number): number {
    const xfA = this.xfA, xfB = this.xfB;
    this.sweepA.getTransform(xfA, t);
    this.sweepB.getTransform(xfB, t);
    const ax = this.axisX, ay = this.axisY;
    if (this.type === POINTS) {
      this.indexA = support(this.proxyA, xfA.c * ax + xfA.s * ay, -xfA.s * ax + xfA.c * ay);
      this.indexB = support(this.proxyB, -(xfB.c * ax + xfB.s * ay), -(-xfB.s * ax + xfB.c * ay));
    } else if (this.type === FACE_A) {
      const nx = xfA.c * ax - xfA.s * ay, ny = xfA.s * ax + xfA.c * ay;
      this.indexA = -1;
      this.indexB = support(this.proxyB, xfB.c * -nx + xfB.s * -ny, -xfB.s * -nx + xfB.c * -ny);
    } else {
      const nx = xfB.c * ax - xfB.s * ay, ny = xfB.s * ax + xfB.c * ay;
      this.indexB = -1;
      this.indexA = support(this.proxyA, xfA.c * -nx + xfA.s * -ny, -xfA.s * -nx + xfA.c * -ny);
    }
    return this.separation(xfA, xfB);
  }

  /** Separation at time t of the witness vertices found by the last findMinSeparation. */
  evaluate(t: number): number {
    this.sweepA.getTransform(this.xfA, t);
    this.sweepB.getTransform(this.xfB, t);
    return this.separation(this.xfA, this.xfB);
  }

  private separation(xfA: Transform, xfB: Transform): number {
    const ax = this.axisX, ay = this.axisY;
    if (this.type === POINTS) {
      const pAx = tx(xfA, this.proxyA, this.indexA), pAy = ty(xfA, this.proxyA, this.indexA);
      const pBx = tx(xfB, this.proxyB, this.indexB), pBy = ty(xfB, this.proxyB, this.indexB);
      return (pBx - pAx) * ax + (pBy - pAy) * ay;
    }
    const faceA = this.type === FACE_A;
    const ref = faceA ? xfA : xfB, inc = faceA ? xfB : xfA;
    const nx = ref.c * ax - ref.s * ay, ny = ref.s * ax + ref.c * ay;
    const rpx = ref.c * this.localPointX - ref.s * this.localPointY + ref.px;
    const rpy = ref.s * this.localPointX + ref.c * this.localPointY + ref.py;
    const ipx = faceA ? tx(inc, this.proxyB, this.indexB) : tx(inc, this.proxyA, this.indexA);
    const ipy = faceA ? ty(inc, this.proxyB, this.indexB) : ty(inc, this.proxyA, this.indexA);
    return (ipx - rpx) * nx + (ipy - rpy) * ny;
  }

  private setAxis(x: number, y: number): void {
    const len = Math.sqrt(x * x + y * y);
    if (len < EPSILON) {
      this.axisX = x;
      this.axisY = y;
      return;
    }
    const inv = 1 / len;
    this.axisX = x * inv;
    this.axisY = y * inv;
  }

  /** Axis = normal of the reference proxy's edge i1–i2, oriented towards the other proxy's vertex. */
  private faceAxis(ref: DistanceProxy, i1: number, i2: number, xfRef: Transform, other: DistanceProxy, io: number, xfOther: Transform): void {
    const x1 = ref.vx[i1], y1 = ref.vy[i1], x2 = ref.vx[i2], y2 = ref.vy[i2];
    this.setAxis(y2 - y1, -(x2 - x1));
    const nx = xfRef.c * this.axisX - xfRef.s * this.axisY, ny = xfRef.s * this.axisX + xfRef.c * this.axisY;
    this.localPointX = 0.5 * (x1 + x2);
    this.localPointY = 0.5 * (y1 + y2);
    const rpx = xfRef.c * this.localPointX - xfRef.s * this.localPointY + xfRef.px;
    const rpy = xfRef.s * this.localPointX + xfRef.c * this.localPointY + xfRef.py;
    const opx = tx(xfOther, other, io), opy = ty(xfOther, other, io);
    if ((opx - rpx) * nx + (opy - rpy) * ny < 0) {
      this.axisX = -this.axisX;
      this.axisY = -this.axisY;
    }
  }
}

function tx(xf: Transform, proxy: DistanceProxy, i: number): number {
  return xf.c * proxy.vx[i] - xf.s * proxy.vy[i] + xf.px;
}

function ty(xf: Transform, proxy: DistanceProxy, i: number): number {
  return xf.s * proxy.vx[i] + xf.c * proxy.vy[i] + xf.py;
}

const fcn = new SeparationFunction();
const sweepA = new Sweep();
const sweepB = new Sweep();
const cache = new SimplexCache();
const distanceOutput = new DistanceOutput();
const xfA = new Transform();
const xfB = new Transform();

/**
 * Upper bound in [0, tMax] on the time before the two swept proxies come within
 * max(linearSlop, rA + rB − 3·linearSlop) of each other; output.state says how it ended.
 */
export function timeOfImpact(output: TOIOutput, proxyA: DistanceProxy, inSweepA: Sweep, proxyB: DistanceProxy, inSweepB: Sweep, tMax: number): void {
  output.state = TOI_UNKNOWN;
  output.t = tMax;
  sweepA.copyFrom(inSweepA);
  sweepB.copyFrom(inSweepB);
  sweepA.normalize();
  sweepB.normalize();
  const totalRadius = proxyA.radius + proxyB.radius;
  const target = Math.max(LINEAR_SLOP, totalRadius - 3 * LINEAR_SLOP);
  const tolerance = 0.25 * LINEAR_SLOP;
  let t1 = 0;
  let iter = 0;
  cache.count = 0;
  // Outer loop: a new separating axis each time; ends when an axis makes no progress.
  for (;;) {
    sweepA.getTransform(xfA, t1);
    sweepB.getTransform(xfB, t1);
    distance(distanceOutput, cache, proxyA, xfA, proxyB, xfB);
    if (distanceOutput.distance <= 0) {
      output.state = TOI_OVERLAPPED;
      output.t = 0;
      break;
    }
    if (distanceOutput.distance < target + tolerance) {
      output.state = TOI_TOUCHING;
      output.t = t1;
      break;
    }
    fcn.initialize(cache, proxyA, sweepA, proxyB, sweepB, t1);
    // Resolve the deepest point along this axis, repeatedly (bounded by the vertex count).
    let done = false;
    let t2 = tMax;
    let pushBackIter = 0;
    for (;;) {
      let s2 = fcn.findMinSeparation(t2);
      if (s2 > target + tolerance) {
        output.state = TOI_SEPARATED;
        output.t = tMax;
        done = true;
        break;
      }
      if (s2 > target - tolerance) {
        t1 = t2;
        break;
      }
      let s1 = fcn.evaluate(t1);
      if (s1 < target - tolerance) {
        output.state = TOI_FAILED;
        output.t = t1;
        done = true;
        break;
      }
      if (s1 <= target + tolerance) {
        output.state = TOI_TOUCHING;
        output.t = t1;
        done = true;
        break;
      }
      // Root of s(t) = target on [t1, t2]: alternate bisection and secant steps.
      let rootIterCount = 0;
      let a1 = t1, a2 = t2;
      for (;;) {
        const t = rootIterCount & 1 ? a1 + ((target - s1) * (a2 - a1)) / (s2 - s1) : 0.5 * (a1 + a2);
        rootIterCount++;
        const s = fcn.evaluate(t);
        if (Math.abs(s - target) < tolerance) {
          t2 = t;
          break;
        }
        if (s > target) {
          a1 = t;
          s1 = s;
        } else {
          a2 = t;
          s2 = s;
        }
        if (rootIterCount === 50) break;
      }
      pushBackIter++;
      if (pushBackIter === MAX_POLYGON_VERTICES) break;
    }
    iter++;
    if (done) break;
    if (iter === MAX_TOI_ITERATIONS) {
      // Root finder stuck: semi-victory.
      output.state = TOI_FAILED;
      output.t = t1;
      break;
    }
  }
}
