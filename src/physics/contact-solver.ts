// b2ContactSolver (Dynamics/Contacts/b2ContactSolver.cpp): sequential impulses with warm starting,
// friction first, a 2-point block LCP solver for the normal impulses, and the nonlinear position pass.
import { cos, sin } from '../kernels/trig.js';
import type { Contact } from './contact.js';
import { FACE_A, WorldManifold, type Manifold } from './manifold.js';
import { Transform } from './math.js';
import { BAUMGARTE, LINEAR_SLOP, MAX_LINEAR_CORRECTION, TOI_BAUMGARTE, VELOCITY_THRESHOLD } from './settings.js';
import type { TimeStep } from './solver-data.js';

class ConstraintPoint {
  rAx = 0;
  rAy = 0;
  rBx = 0;
  rBy = 0;
  normalImpulse = 0;
  tangentImpulse = 0;
  normalMass = 0;
  tangentMass = 0;
  velocityBias = 0;
  /** The manifold point (position constraint). */
  localPointX = 0;
  localPointY = 0;
}

class ContactConstraint {
  manifold!: Manifold;
  /** Offsets (3·island index) into the positions/velocities arrays. */
  indexA = 0;
  indexB = 0;
  invMassA = 0;
  invMassB = 0;
  invIA = 0;
  invIB = 0;
  localCenterAX = 0;
  localCenterAY = 0;
  localCenterBX = 0;
  localCenterBY = 0;
  friction = 0;
  restitution = 0;
  radiusA = 0;
  radiusB = 0;
  type = FACE_A;
  localNormalX = 0;
  localNormalY = 0;
  localPointX = 0;
  localPointY = 0;
  /** Points in the velocity solver: 1 when the block solver was refused for a 2-point manifold. */
  pointCount = 0;
  /** Manifold points in the position solver. */
  positionPointCount = 0;
  normalX = 0;
  normalY = 0;
  readonly p0 = new ConstraintPoint();
  readonly p1 = new ConstraintPoint();
  // Block solver: K and its inverse.
  k11 = 0;
  k12 = 0;
  k22 = 0;
  nm11 = 0;
  nm12 = 0;
  nm21 = 0;
  nm22 = 0;
}

const xfA = new Transform();
const xfB = new Transform();
const worldManifold = new WorldManifold();
// Condition number above which a 2-point manifold is solved with its first point only.
const MAX_CONDITION_NUMBER = 1000;

export class ContactSolver {
  private readonly constraints: ContactConstraint[] = [];
  private count = 0;

  /** Copies the contacts' manifolds in; warm-start impulses are the stored ones times dtRatio. */
  setup(contacts: readonly Contact[], count: number, step: TimeStep): void {
    while (this.constraints.length < count) this.constraints.push(new ContactConstraint());
    this.count = count;
    for (let i = 0; i < count; i++) {
      const contact = contacts[i];
      const bodyA = contact.bodyA, bodyB = contact.bodyB;
      const m = contact.manifold;
      const vc = this.constraints[i];
      vc.manifold = m;
      vc.friction = contact.friction;
      vc.restitution = contact.restitution;
      vc.indexA = 3 * bodyA.islandIndex;
      vc.indexB = 3 * bodyB.islandIndex;
      vc.invMassA = bodyA.invMass;
      vc.invMassB = bodyB.invMass;
      vc.invIA = bodyA.invI;
      vc.invIB = bodyB.invI;
      vc.localCenterAX = bodyA.sweep.localCenterX;
      vc.localCenterAY = bodyA.sweep.localCenterY;
      vc.localCenterBX = bodyB.sweep.localCenterX;
      vc.localCenterBY = bodyB.sweep.localCenterY;
      vc.radiusA = contact.fixtureA.shape.radius;
      vc.radiusB = contact.fixtureB.shape.radius;
      vc.type = m.type;
      vc.localNormalX = m.localNormalX;
      vc.localNormalY = m.localNormalY;
      vc.localPointX = m.localPointX;
      vc.localPointY = m.localPointY;
      vc.pointCount = m.pointCount;
      vc.positionPointCount = m.pointCount;
      for (let j = 0; j < m.pointCount; j++) {
        const mp = m.points[j];
        const cp = j === 0 ? vc.p0 : vc.p1;
        cp.normalImpulse = step.warmStarting ? step.dtRatio * mp.normalImpulse : 0;
        cp.tangentImpulse = step.warmStarting ? step.dtRatio * mp.tangentImpulse : 0;
        cp.localPointX = mp.localPointX;
        cp.localPointY = mp.localPointY;
      }
    }
  }

  /** Lever arms, effective masses, restitution bias and the block solver's K from current poses. */
  initializeVelocityConstraints(positions: Float64Array, velocities: Float64Array): void {
    for (let i = 0; i < this.count; i++) {
      const vc = this.constraints[i];
      const iA = vc.indexA, iB = vc.indexB;
      const mA = vc.invMassA, mB = vc.invMassB, invIA = vc.invIA, invIB = vc.invIB;
      const cAx = positions[iA], cAy = positions[iA + 1], aA = positions[iA + 2];
      const cBx = positions[iB], cBy = positions[iB + 1], aB = positions[iB + 2];
      const vAx = velocities[iA], vAy = velocities[iA + 1], wA = velocities[iA + 2];
      const vBx = velocities[iB], vBy = velocities[iB + 1], wB = velocities[iB + 2];
      setTransform(xfA, cAx, cAy, aA, vc.localCenterAX, vc.localCenterAY);
      setTransform(xfB, cBx, cBy, aB, vc.localCenterBX, vc.localCenterBY);
      worldManifold.initialize(vc.manifold, xfA, vc.radiusA, xfB, vc.radiusB);
      const nx = (vc.normalX = worldManifold.normalX);
      const ny = (vc.normalY = worldManifold.normalY);
      const tx = ny, ty = -nx;
      for (let j = 0; j < vc.pointCount; j++) {
        const cp = j === 0 ? vc.p0 : vc.p1;
        const rAx = (cp.rAx = worldManifold.pointsX[j] - cAx);
        const rAy = (cp.rAy = worldManifold.pointsY[j] - cAy);
        const rBx = (cp.rBx = worldManifold.pointsX[j] - cBx);
        const rBy = (cp.rBy = worldManifold.pointsY[j] - cBy);
        const rnA = rAx * ny - rAy * nx;
        const rnB = rBx * ny - rBy * nx;
        const kNormal = mA + mB + invIA * rnA * rnA + invIB * rnB * rnB;
        cp.normalMass = kNormal > 0 ? 1 / kNormal : 0;
        const rtA = rAx * ty - rAy * tx;
        const rtB = rBx * ty - rBy * tx;
        const kTangent = mA + mB + invIA * rtA * rtA + invIB * rtB * rtB;
        cp.tangentMass = kTangent > 0 ? 1 / kTangent : 0;
        cp.velocityBias = 0;
        const dvx = vBx - wB * rBy - vAx + wA * rAy;
        const dvy = vBy + wB * rBx - vAy - wA * rAx;
        const vRel = nx * dvx + ny * dvy;
        if (vRel < -VELOCITY_THRESHOLD) cp.velocityBias = -vc.restitution * vRel;
      }
      if (vc.pointCount === 2) {
        const p0 = vc.p0, p1 = vc.p1;
        const rn1A = p0.rAx * ny - p0.rAy * nx;
        const rn1B = p0.rBx * ny - p0.rBy * nx;
        const rn2A = p1.rAx * ny - p1.rAy * nx;
        const rn2B = p1.rBx * ny - p1.rBy * nx;
        const k11 = mA + mB + invIA * rn1A * rn1A + invIB * rn1B * rn1B;
        const k22 = mA + mB + invIA * rn2A * rn2A + invIB * rn2B * rn2B;
        const k12 = mA + mB + invIA * rn1A * rn2A + invIB * rn1B * rn2B;
        if (k11 * k11 < MAX_CONDITION_NUMBER * (k11 * k22 - k12 * k12)) {
          vc.k11 = k11;
          vc.k12 = k12;
          vc.k22 = k22;
          let det = k11 * k22 - k12 * k12;
          if (det !== 0) det = 1 / det;
          vc.nm11 = det * k22;
          vc.nm12 = -det * k12;
          vc.nm21 = -det * k12;
          vc.nm22 = det * k11;
        } else {
          // Redundant constraints: keep the first point only.
          vc.pointCount = 1;
        }
      }
    }
  }

  warmStart(velocities: Float64Array): void {
    for (let i = 0; i < this.count; i++) {
      const vc = this.constraints[i];
      const iA = vc.indexA, iB = vc.indexB;
      const mA = vc.invMassA, mB = vc.invMassB, invIA = vc.invIA, invIB = vc.invIB;
      let vAx = velocities[iA], vAy = velocities[iA + 1], wA = velocities[iA + 2];
      let vBx = velocities[iB], vBy = velocities[iB + 1], wB = velocities[iB + 2];
      const nx = vc.normalX, ny = vc.normalY, tx = ny, ty = -nx;
      for (let j = 0; j < vc.pointCount; j++) {
        const cp = j === 0 ? vc.p0 : vc.p1;
        const px = cp.normalImpulse * nx + cp.tangentImpulse * tx;
        const py = cp.normalImpulse * ny + cp.tangentImpulse * ty;
        wA -= invIA * (cp.rAx * py - cp.rAy * px);
        vAx -= mA * px;
        vAy -= mA * py;
        wB += invIB * (cp.rBx * py - cp.rBy * px);
        vBx += mB * px;
        vBy += mB * py;
      }
      velocities[iA] = vAx;
      velocities[iA + 1] = vAy;
      velocities[iA + 2] = wA;
      velocities[iB] = vBx;
      velocities[iB + 1] = vBy;
      velocities[iB + 2] = wB;
    }
  }

  solveVelocityConstraints(velocities: Float64Array): void {
    for (let i = 0; i < this.count; i++) {
      const vc = this.constraints[i];
      const iA = vc.indexA, iB = vc.indexB;
      const mA = vc.invMassA, mB = vc.invMassB, invIA = vc.invIA, invIB = vc.invIB;
      let vAx = velocities[iA], vAy = velocities[iA + 1], wA = velocities[iA + 2];
      let vBx = velocities[iB], vBy = velocities[iB + 1], wB = velocities[iB + 2];
      const nx = vc.normalX, ny = vc.normalY, tx = ny, ty = -nx;
      const friction = vc.friction;
      const pointCount = vc.pointCount;

      // Friction first: non-penetration matters more.
      for (let j = 0; j < pointCount; j++) {
        const cp = j === 0 ? vc.p0 : vc.p1;
        const dvx = vBx - wB * cp.rBy - vAx + wA * cp.rAy;
        const dvy = vBy + wB * cp.rBx - vAy - wA * cp.rAx;
        const vt = dvx * tx + dvy * ty;
        let lambda = cp.tangentMass * -vt;
        const maxFriction = friction * cp.normalImpulse;
        const newImpulse = Math.max(-maxFriction, Math.min(cp.tangentImpulse + lambda, maxFriction));
        lambda = newImpulse - cp.tangentImpulse;
        cp.tangentImpulse = newImpulse;
        const px = lambda * tx, py = lambda * ty;
        vAx -= mA * px;
        vAy -= mA * py;
        wA -= invIA * (cp.rAx * py - cp.rAy * px);
        vBx += mB * px;
        vBy += mB * py;
        wB += invIB * (cp.rBx * py - cp.rBy * px);
      }

      if (pointCount === 1) {
        const cp = vc.p0;
        const dvx = vBx - wB * cp.rBy - vAx + wA * cp.rAy;
        const dvy = vBy + wB * cp.rBx - vAy - wA * cp.rAx;
        const vn = dvx * nx + dvy * ny;
        let lambda = -cp.normalMass * (vn - cp.velocityBias);
        const newImpulse = Math.max(cp.normalImpulse + lambda, 0);
        lambda = newImpulse - cp.normalImpulse;
        cp.normalImpulse = newImpulse;
        const px = lambda * nx, py = lambda * ny;
        vAx -= mA * px;
        vAy -= mA * py;
        wA -= invIA * (cp.rAx * py - cp.rAy * px);
        vBx += mB * px;
        vBy += mB * py;
        wB += invIB * (cp.rBx * py - cp.rBy * px);
      } else {
        // Block LCP on the accumulated impulses a: vn = K·x + b', with b' = vn0 − bias − K·a;
        // the first of the four complementarity cases that holds is taken.
        const cp1 = vc.p0, cp2 = vc.p1;
        const ax = cp1.normalImpulse, ay = cp2.normalImpulse;
        const dv1x = vBx - wB * cp1.rBy - vAx + wA * cp1.rAy;
        const dv1y = vBy + wB * cp1.rBx - vAy - wA * cp1.rAx;
        const dv2x = vBx - wB * cp2.rBy - vAx + wA * cp2.rAy;
        const dv2y = vBy + wB * cp2.rBx - vAy - wA * cp2.rAx;
        const vn1 = dv1x * nx + dv1y * ny;
        const vn2 = dv2x * nx + dv2y * ny;
        const bx = vn1 - cp1.velocityBias - (vc.k11 * ax + vc.k12 * ay);
        const by = vn2 - cp2.velocityBias - (vc.k12 * ax + vc.k22 * ay);
        let xx = -(vc.nm11 * bx + vc.nm12 * by);
        let xy = -(vc.nm21 * bx + vc.nm22 * by);
        let solved = xx >= 0 && xy >= 0;
        if (!solved) {
          xx = -cp1.normalMass * bx;
          xy = 0;
          solved = xx >= 0 && vc.k12 * xx + by >= 0;
        }
        if (!solved) {
          xx = 0;
          xy = -cp2.normalMass * by;
          solved = xy >= 0 && vc.k12 * xy + bx >= 0;
        }
        if (!solved) {
          xx = 0;
          xy = 0;
          solved = bx >= 0 && by >= 0;
        }
        if (solved) {
          const dx = xx - ax, dy = xy - ay;
          const p1x = dx * nx, p1y = dx * ny;
          const p2x = dy * nx, p2y = dy * ny;
          vAx -= mA * (p1x + p2x);
          vAy -= mA * (p1y + p2y);
          wA -= invIA * (cp1.rAx * p1y - cp1.rAy * p1x + (cp2.rAx * p2y - cp2.rAy * p2x));
          vBx += mB * (p1x + p2x);
          vBy += mB * (p1y + p2y);
          wB += invIB * (cp1.rBx * p1y - cp1.rBy * p1x + (cp2.rBx * p2y - cp2.rBy * p2x));
          cp1.normalImpulse = xx;
          cp2.normalImpulse = xy;
        }
      }
      velocities[iA] = vAx;
      velocities[iA + 1] = vAy;
      velocities[iA + 2] = wA;
      velocities[iB] = vBx;
      velocities[iB + 1] = vBy;
      velocities[iB + 2] = wB;
    }
  }

  /** Impulses back into the manifolds for the next step's warm start (velocity-solver points only). */
  storeImpulses(): void {
    for (let i = 0; i < this.count; i++) {
      const vc = this.constraints[i];
      const points = vc.manifold.points;
      for (let j = 0; j < vc.pointCount; j++) {
        const cp = j === 0 ? vc.p0 : vc.p1;
        points[j].normalImpulse = cp.normalImpulse;
        points[j].tangentImpulse = cp.tangentImpulse;
      }
    }
  }

  /** One pass of the regular position solver; true when no separation is below −3·linearSlop. */
  solvePositionConstraints(positions: Float64Array): boolean {
    return this.solvePositions(positions, BAUMGARTE, -1, -1) >= -3 * LINEAR_SLOP;
  }

  /**
   * The TOI position solver: only the two TOI bodies (array offsets toiIndexA/B) move; true when
   * no separation is below −1.5·linearSlop.
   */
  solveTOIPositionConstraints(positions: Float64Array, toiIndexA: number, toiIndexB: number): boolean {
    return this.solvePositions(positions, TOI_BAUMGARTE, toiIndexA, toiIndexB) >= -1.5 * LINEAR_SLOP;
  }

  /** Returns the minimum separation seen (starting from 0). toiIndexA < 0 lets every body move. */
  private solvePositions(positions: Float64Array, baumgarte: number, toiIndexA: number, toiIndexB: number): number {
    let minSeparation = 0;
    for (let i = 0; i < this.count; i++) {
      const pc = this.constraints[i];
      const iA = pc.indexA, iB = pc.indexB;
      const movesA = toiIndexA < 0 || iA === toiIndexA || iA === toiIndexB;
      const movesB = toiIndexA < 0 || iB === toiIndexA || iB === toiIndexB;
      const mA = movesA ? pc.invMassA : 0, invIA = movesA ? pc.invIA : 0;
      const mB = movesB ? pc.invMassB : 0, invIB = movesB ? pc.invIB : 0;
      let cAx = positions[iA], cAy = positions[iA + 1], aA = positions[iA + 2];
      let cBx = positions[iB], cBy = positions[iB + 1], aB = positions[iB + 2];
      const faceA = pc.type === FACE_A;
      for (let j = 0; j < pc.positionPointCount; j++) {
        const sA = sin(aA), cosA = cos(aA), sB = sin(aB), cosB = cos(aB);
        const pAx = cAx - (cosA * pc.localCenterAX - sA * pc.localCenterAY);
        const pAy = cAy - (sA * pc.localCenterAX + cosA * pc.localCenterAY);
        const pBx = cBx - (cosB * pc.localCenterBX - sB * pc.localCenterBY);
        const pBy = cBy - (sB * pc.localCenterBX + cosB * pc.localCenterBY);
        const cp = j === 0 ? pc.p0 : pc.p1;
        // Reference (plane) side and incident (clip point) side of the manifold.
        const rs = faceA ? sA : sB, rc = faceA ? cosA : cosB, rpx = faceA ? pAx : pBx, rpy = faceA ? pAy : pBy;
        const is = faceA ? sB : sA, ic = faceA ? cosB : cosA, ipx = faceA ? pBx : pAx, ipy = faceA ? pBy : pAy;
        let nx = rc * pc.localNormalX - rs * pc.localNormalY;
        let ny = rs * pc.localNormalX + rc * pc.localNormalY;
        const planeX = rc * pc.localPointX - rs * pc.localPointY + rpx;
        const planeY = rs * pc.localPointX + rc * pc.localPointY + rpy;
        const pointX = ic * cp.localPointX - is * cp.localPointY + ipx;
        const pointY = is * cp.localPointX + ic * cp.localPointY + ipy;
        const separation = (pointX - planeX) * nx + (pointY - planeY) * ny - pc.radiusA - pc.radiusB;
        if (!faceA) {
          nx = -nx;
          ny = -ny;
        }
        const rAx = pointX - cAx, rAy = pointY - cAy;
        const rBx = pointX - cBx, rBy = pointY - cBy;
        minSeparation = Math.min(minSeparation, separation);
        const C = Math.max(-MAX_LINEAR_CORRECTION, Math.min(baumgarte * (separation + LINEAR_SLOP), 0));
        const rnA = rAx * ny - rAy * nx;
        const rnB = rBx * ny - rBy * nx;
        const K = mA + mB + invIA * rnA * rnA + invIB * rnB * rnB;
        const impulse = K > 0 ? -C / K : 0;
        const px = impulse * nx, py = impulse * ny;
        cAx -= mA * px;
        cAy -= mA * py;
        aA -= invIA * (rAx * py - rAy * px);
        cBx += mB * px;
        cBy += mB * py;
        aB += invIB * (rBx * py - rBy * px);
      }
      positions[iA] = cAx;
      positions[iA + 1] = cAy;
      positions[iA + 2] = aA;
      positions[iB] = cBx;
      positions[iB + 1] = cBy;
      positions[iB + 2] = aB;
    }
    return minSeparation;
  }
}

function setTransform(xf: Transform, cx: number, cy: number, a: number, lcx: number, lcy: number): void {
  const s = sin(a), c = cos(a);
  xf.s = s;
  xf.c = c;
  xf.px = cx - (c * lcx - s * lcy);
  xf.py = cy - (s * lcx + c * lcy);
}
