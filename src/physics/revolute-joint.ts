// b2RevoluteJoint, Box2D 2.3 formulation (Dynamics/Joints/b2RevoluteJoint.cpp): a point constraint
// with an optional angular motor and a limit solved as a 3×3 block with the point constraint.
import { cos, sin } from '../kernels/trig.js';
import type { Body } from './body.js';
import type { Vec2 } from './math.js';
import { ANGULAR_SLOP, LINEAR_SLOP, MAX_ANGULAR_CORRECTION } from './settings.js';
import type { SolverData } from './solver-data.js';

/** What `World.createJoint` takes: the two bodies, their anchors, the motor and the limit. */
export interface RevoluteJointDef {
  bodyA: Body;
  bodyB: Body;
  /** Anchor in each body's frame (relative to the body origin). Default (0, 0). */
  localAnchorA?: Vec2;
  localAnchorB?: Vec2;
  /** bodyB angle − bodyA angle at joint angle 0. Default 0 (Box2D's C++ default). */
  referenceAngle?: number;
  collideConnected?: boolean;
  enableLimit?: boolean;
  lowerAngle?: number;
  upperAngle?: number;
  enableMotor?: boolean;
  motorSpeed?: number;
  maxMotorTorque?: number;
}

const INACTIVE = 0;
const AT_LOWER = 1;
const AT_UPPER = 2;
const EQUAL = 3;

/** A pin joining two bodies at a point, with an optional motor and angle limit (b2RevoluteJoint). */
export class RevoluteJoint {
  readonly bodyA: Body;
  readonly bodyB: Body;
  readonly localAnchorAX: number;
  readonly localAnchorAY: number;
  readonly localAnchorBX: number;
  readonly localAnchorBY: number;
  readonly referenceAngle: number;
  readonly collideConnected: boolean;
  readonly enableLimit: boolean;
  readonly lowerAngle: number;
  readonly upperAngle: number;
  readonly enableMotor: boolean;
  readonly motorSpeed: number;
  readonly maxMotorTorque: number;
  islandFlag = false;
  // Accumulated impulses: point (x, y), limit z, motor.
  private impulseX = 0;
  private impulseY = 0;
  private impulseZ = 0;
  private motorImpulse = 0;
  private limitState = INACTIVE;
  // Per-step solver temporaries.
  private indexA = 0;
  private indexB = 0;
  private rAx = 0;
  private rAy = 0;
  private rBx = 0;
  private rBy = 0;
  private localCenterAX = 0;
  private localCenterAY = 0;
  private localCenterBX = 0;
  private localCenterBY = 0;
  private invMassA = 0;
  private invMassB = 0;
  private invIA = 0;
  private invIB = 0;
  // Symmetric 3×3 effective-mass matrix K (columns ex, ey, ez) and the motor's 1×1.
  private k11 = 0;
  private k12 = 0;
  private k13 = 0;
  private k22 = 0;
  private k23 = 0;
  private k33 = 0;
  // K is constant over the velocity iterations: its cofactors and inverse determinants are
  // computed once per step (the values Box2D's Solve33/Solve22 recompute at every call).
  private cof1 = 0;
  private cof2 = 0;
  private cof3 = 0;
  private invDet33 = 0;
  private invDet22 = 0;
  private motorMass = 0;
  private maxMotorImpulse = 0;
  private solveMotor = false;
  private solveLimit = false;

  constructor(def: RevoluteJointDef) {
    const num = (v: number | undefined, name: string, fallback: number): number => {
      if (v === undefined) return fallback;
      if (!Number.isFinite(v)) throw new Error(`RevoluteJointDef: ${name} must be a finite number, got ${v}`);
      return v;
    };
    const vec = (v: Vec2 | undefined, name: string): Vec2 => {
      if (v === undefined) return { x: 0, y: 0 };
      if (!Number.isFinite(v?.x) || !Number.isFinite(v?.y)) throw new Error(`RevoluteJointDef: ${name} must be {x, y} with finite numbers, got ${JSON.stringify(v)}`);
      return v;
    };
    if (def.bodyA === def.bodyB) throw new Error('RevoluteJointDef: bodyA and bodyB must be different bodies');
    this.bodyA = def.bodyA;
    this.bodyB = def.bodyB;
    const a = vec(def.localAnchorA, 'localAnchorA');
    const b = vec(def.localAnchorB, 'localAnchorB');
    this.localAnchorAX = a.x;
    this.localAnchorAY = a.y;
    this.localAnchorBX = b.x;
    this.localAnchorBY = b.y;
    this.referenceAngle = num(def.referenceAngle, 'referenceAngle', 0);
    this.collideConnected = def.collideConnected ?? false;
    this.enableLimit = def.enableLimit ?? false;
    this.lowerAngle = num(def.lowerAngle, 'lowerAngle', 0);
    this.upperAngle = num(def.upperAngle, 'upperAngle', 0);
    if (this.lowerAngle > this.upperAngle) throw new Error(`RevoluteJointDef: lowerAngle (${this.lowerAngle}) must be <= upperAngle (${this.upperAngle})`);
    this.enableMotor = def.enableMotor ?? false;
    this.motorSpeed = num(def.motorSpeed, 'motorSpeed', 0);
    this.maxMotorTorque = num(def.maxMotorTorque, 'maxMotorTorque', 0);
    if (this.maxMotorTorque < 0) throw new Error(`RevoluteJointDef: maxMotorTorque must be >= 0, got ${this.maxMotorTorque}`);
  }

  /** bodyB angle − bodyA angle − referenceAngle. */
  get jointAngle(): number {
    return this.bodyB.sweep.a - this.bodyA.sweep.a - this.referenceAngle;
  }

  get jointSpeed(): number {
    return this.bodyB.angularVelocity - this.bodyA.angularVelocity;
  }

  /** Motor impulse of the last step divided by dt. */
  motorTorque(invDt: number): number {
    return invDt * this.motorImpulse;
  }

  /** @internal */
  initVelocityConstraints(data: SolverData): void {
    const bA = this.bodyA, bB = this.bodyB;
    const iA0 = bA.islandIndex * 3, iB0 = bB.islandIndex * 3;
    this.indexA = iA0;
    this.indexB = iB0;
    this.localCenterAX = bA.sweep.localCenterX;
    this.localCenterAY = bA.sweep.localCenterY;
    this.localCenterBX = bB.sweep.localCenterX;
    this.localCenterBY = bB.sweep.localCenterY;
    const mA = (this.invMassA = bA.invMass), mB = (this.invMassB = bB.invMass);
    const iA = (this.invIA = bA.invI), iB = (this.invIB = bB.invI);
    const pos = data.positions, vel = data.velocities;
    const aA = pos[iA0 + 2], aB = pos[iB0 + 2];
    let vAx = vel[iA0], vAy = vel[iA0 + 1], wA = vel[iA0 + 2];
    let vBx = vel[iB0], vBy = vel[iB0 + 1], wB = vel[iB0 + 2];
    const sA = sin(aA), cA = cos(aA), sB = sin(aB), cB = cos(aB);
    const lAx = this.localAnchorAX - this.localCenterAX, lAy = this.localAnchorAY - this.localCenterAY;
    const lBx = this.localAnchorBX - this.localCenterBX, lBy = this.localAnchorBY - this.localCenterBY;
    const rAx = (this.rAx = cA * lAx - sA * lAy), rAy = (this.rAy = sA * lAx + cA * lAy);
    const rBx = (this.rBx = cB * lBx - sB * lBy), rBy = (this.rBy = sB * lBx + cB * lBy);
    const fixedRotation = iA + iB === 0;
    this.k11 = mA + mB + rAy * rAy * iA + rBy * rBy * iB;
    this.k12 = -rAy * rAx * iA - rBy * rBx * iB;
    this.k13 = -rAy * iA - rBy * iB;
    this.k22 = mA + mB + rAx * rAx * iA + rBx * rBx * iB;
    this.k23 = rAx * iA + rBx * iB;
    this.k33 = iA + iB;
    this.cof1 = this.k22 * this.k33 - this.k23 * this.k23;
    this.cof2 = this.k13 * this.k23 - this.k12 * this.k33;
    this.cof3 = this.k12 * this.k23 - this.k13 * this.k22;
    const det33 = this.k11 * this.cof1 + this.k12 * this.cof2 + this.k13 * this.cof3;
    this.invDet33 = det33 !== 0 ? 1 / det33 : 0;
    const det22 = this.k11 * this.k22 - this.k12 * this.k12;
    this.invDet22 = det22 !== 0 ? 1 / det22 : 0;
    this.motorMass = iA + iB > 0 ? 1 / (iA + iB) : 0;
    if (!this.enableMotor || fixedRotation) this.motorImpulse = 0;
    if (this.enableLimit && !fixedRotation) {
      const angle = aB - aA - this.referenceAngle;
      if (Math.abs(this.upperAngle - this.lowerAngle) < 2 * ANGULAR_SLOP) {
        this.limitState = EQUAL;
      } else if (angle <= this.lowerAngle) {
        if (this.limitState !== AT_LOWER) this.impulseZ = 0;
        this.limitState = AT_LOWER;
      } else if (angle >= this.upperAngle) {
        if (this.limitState !== AT_UPPER) this.impulseZ = 0;
        this.limitState = AT_UPPER;
      } else {
        this.limitState = INACTIVE;
        this.impulseZ = 0;
      }
    } else {
      this.limitState = INACTIVE;
    }
    this.maxMotorImpulse = data.step.dt * this.maxMotorTorque;
    this.solveMotor = this.enableMotor && this.limitState !== EQUAL && !fixedRotation;
    this.solveLimit = this.enableLimit && this.limitState !== INACTIVE && !fixedRotation;
    if (data.step.warmStarting) {
      const ratio = data.step.dtRatio;
      this.impulseX *= ratio;
      this.impulseY *= ratio;
      this.impulseZ *= ratio;
      this.motorImpulse *= ratio;
      const px = this.impulseX, py = this.impulseY;
      vAx -= mA * px;
      vAy -= mA * py;
      wA -= iA * (rAx * py - rAy * px + this.motorImpulse + this.impulseZ);
      vBx += mB * px;
      vBy += mB * py;
      wB += iB * (rBx * py - rBy * px + this.motorImpulse + this.impulseZ);
    } else {
      this.impulseX = this.impulseY = this.impulseZ = 0;
      this.motorImpulse = 0;
    }
    vel[iA0] = vAx;
    vel[iA0 + 1] = vAy;
    vel[iA0 + 2] = wA;
    vel[iB0] = vBx;
    vel[iB0 + 1] = vBy;
    vel[iB0 + 2] = wB;
  }

  /** @internal */
  solveVelocityConstraints(data: SolverData): void {
    const vel = data.velocities;
    const iA0 = this.indexA, iB0 = this.indexB;
    let vAx = vel[iA0], vAy = vel[iA0 + 1], wA = vel[iA0 + 2];
    let vBx = vel[iB0], vBy = vel[iB0 + 1], wB = vel[iB0 + 2];
    const mA = this.invMassA, mB = this.invMassB, iA = this.invIA, iB = this.invIB;
    const rAx = this.rAx, rAy = this.rAy, rBx = this.rBx, rBy = this.rBy;
    const state = this.limitState;

    if (this.solveMotor) {
      const cdot = wB - wA - this.motorSpeed;
      let impulse = -this.motorMass * cdot;
      const oldImpulse = this.motorImpulse;
      const maxImpulse = this.maxMotorImpulse;
      this.motorImpulse = Math.min(Math.max(oldImpulse + impulse, -maxImpulse), maxImpulse);
      impulse = this.motorImpulse - oldImpulse;
      wA -= iA * impulse;
      wB += iB * impulse;
    }

    // Cdot1 = vB + ω_B × rB − vA − ω_A × rA.
    const cdot1x = vBx - wB * rBy - vAx + wA * rAy;
    const cdot1y = vBy + wB * rBx - vAy - wA * rAx;
    if (this.solveLimit) {
      const cdot2 = wB - wA;
      // impulse = −K⁻¹·Cdot (b2Mat33::Solve33, Cramer's rule).
      const k11 = this.k11, k12 = this.k12, k13 = this.k13, k22 = this.k22, k23 = this.k23, k33 = this.k33;
      const det = this.invDet33;
      const bx = cdot1x, by = cdot1y, bz = cdot2;
      let ix = -(det * (bx * this.cof1 + by * this.cof2 + bz * this.cof3));
      let iy = -(det * (k11 * (by * k33 - bz * k23) + k12 * (bz * k13 - bx * k33) + k13 * (bx * k23 - by * k13)));
      let iz = -(det * (k11 * (k22 * bz - k23 * by) + k12 * (k23 * bx - k12 * bz) + k13 * (k12 * by - k22 * bx)));
      if (state === EQUAL) {
        this.impulseX += ix;
        this.impulseY += iy;
        this.impulseZ += iz;
      } else {
        const newImpulse = this.impulseZ + iz;
        if (state === AT_LOWER ? newImpulse < 0 : newImpulse > 0) {
          // The limit would pull: drop it and solve the point constraint alone.
          const rhsx = -cdot1x + this.impulseZ * k13;
          const rhsy = -cdot1y + this.impulseZ * k23;
          const d2 = this.invDet22;
          ix = d2 * (k22 * rhsx - k12 * rhsy);
          iy = d2 * (k11 * rhsy - k12 * rhsx);
          iz = -this.impulseZ;
          this.impulseX += ix;
          this.impulseY += iy;
          this.impulseZ = 0;
        } else {
          this.impulseX += ix;
          this.impulseY += iy;
          this.impulseZ += iz;
        }
      }
      vAx -= mA * ix;
      vAy -= mA * iy;
      wA -= iA * (rAx * iy - rAy * ix + iz);
      vBx += mB * ix;
      vBy += mB * iy;
      wB += iB * (rBx * iy - rBy * ix + iz);
    } else {
      // impulse = K2×2⁻¹·(−Cdot1) (b2Mat33::Solve22).
      const det = this.invDet22;
      const bx = -cdot1x, by = -cdot1y;
      const ix = det * (this.k22 * bx - this.k12 * by);
      const iy = det * (this.k11 * by - this.k12 * bx);
      this.impulseX += ix;
      this.impulseY += iy;
      vAx -= mA * ix;
      vAy -= mA * iy;
      wA -= iA * (rAx * iy - rAy * ix);
      vBx += mB * ix;
      vBy += mB * iy;
      wB += iB * (rBx * iy - rBy * ix);
    }
    vel[iA0] = vAx;
    vel[iA0 + 1] = vAy;
    vel[iA0 + 2] = wA;
    vel[iB0] = vBx;
    vel[iB0 + 1] = vBy;
    vel[iB0 + 2] = wB;
  }

  /** One nonlinear Gauss-Seidel pass: the angle limit, then the point; true when both are within slop. @internal */
  solvePositionConstraints(data: SolverData): boolean {
    const pos = data.positions;
    const iA0 = this.indexA, iB0 = this.indexB;
    let cAx = pos[iA0], cAy = pos[iA0 + 1], aA = pos[iA0 + 2];
    let cBx = pos[iB0], cBy = pos[iB0 + 1], aB = pos[iB0 + 2];
    const mA = this.invMassA, mB = this.invMassB, iA = this.invIA, iB = this.invIB;
    let angularError = 0;
    const state = this.limitState;
    if (this.enableLimit && state !== INACTIVE && iA + iB !== 0) {
      const angle = aB - aA - this.referenceAngle;
      let limitImpulse = 0;
      if (state === EQUAL) {
        const c = Math.min(Math.max(angle - this.lowerAngle, -MAX_ANGULAR_CORRECTION), MAX_ANGULAR_CORRECTION);
        limitImpulse = -this.motorMass * c;
        angularError = Math.abs(c);
      } else if (state === AT_LOWER) {
        let c = angle - this.lowerAngle;
        angularError = -c;
        c = Math.min(Math.max(c + ANGULAR_SLOP, -MAX_ANGULAR_CORRECTION), 0);
        limitImpulse = -this.motorMass * c;
      } else {
        let c = angle - this.upperAngle;
        angularError = c;
        c = Math.min(Math.max(c - ANGULAR_SLOP, 0), MAX_ANGULAR_CORRECTION);
        limitImpulse = -this.motorMass * c;
      }
      aA -= iA * limitImpulse;
      aB += iB * limitImpulse;
    }

    const sA = sin(aA), cosA = cos(aA), sB = sin(aB), cosB = cos(aB);
    const lAx = this.localAnchorAX - this.localCenterAX, lAy = this.localAnchorAY - this.localCenterAY;
    const lBx = this.localAnchorBX - this.localCenterBX, lBy = this.localAnchorBY - this.localCenterBY;
    const rAx = cosA * lAx - sA * lAy, rAy = sA * lAx + cosA * lAy;
    const rBx = cosB * lBx - sB * lBy, rBy = sB * lBx + cosB * lBy;
    const cx = cBx + rBx - cAx - rAx;
    const cy = cBy + rBy - cAy - rAy;
    const positionError = Math.sqrt(cx * cx + cy * cy);
    const k11 = mA + mB + iA * rAy * rAy + iB * rBy * rBy;
    const k12 = -iA * rAx * rAy - iB * rBx * rBy;
    const k22 = mA + mB + iA * rAx * rAx + iB * rBx * rBx;
    // impulse = −K⁻¹·C (b2Mat22::Solve).
    let det = k11 * k22 - k12 * k12;
    if (det !== 0) det = 1 / det;
    const ix = -(det * (k22 * cx - k12 * cy));
    const iy = -(det * (k11 * cy - k12 * cx));
    cAx -= mA * ix;
    cAy -= mA * iy;
    aA -= iA * (rAx * iy - rAy * ix);
    cBx += mB * ix;
    cBy += mB * iy;
    aB += iB * (rBx * iy - rBy * ix);
    pos[iA0] = cAx;
    pos[iA0 + 1] = cAy;
    pos[iA0 + 2] = aA;
    pos[iB0] = cBx;
    pos[iB0 + 1] = cBy;
    pos[iB0 + 2] = aB;
    return positionError <= LINEAR_SLOP && angularError <= ANGULAR_SLOP;
  }
}
