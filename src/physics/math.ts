// The pieces of Box2D 2.3's Common/b2Math.h the engine needs: vectors, rigid transforms, sweeps.

import { cos, sin } from '../kernels/trig.js';

/** A 2D vector in metres. */
export interface Vec2 {
  x: number;
  y: number;
}

/** b2Transform: rotation (s, c) = (sin θ, cos θ) then translation (px, py). */
export class Transform {
  px = 0;
  py = 0;
  s = 0;
  c = 1;

  /** Sets the translation and the rotation by angle (radians). */
  set(px: number, py: number, angle: number): void {
    this.px = px;
    this.py = py;
    this.s = sin(angle);
    this.c = cos(angle);
  }

  /** Copies another value of this type into this one. */
  copyFrom(o: Transform): void {
    this.px = o.px;
    this.py = o.py;
    this.s = o.s;
    this.c = o.c;
  }
}

/**
 * b2Sweep: the motion of a body's centre of mass over a step, from (c0, a0) at fraction alpha0
 * to (c, a) at 1, for continuous collision. localCenter is the centre of mass in body coordinates.
 */
export class Sweep {
  localCenterX = 0;
  localCenterY = 0;
  c0x = 0;
  c0y = 0;
  cx = 0;
  cy = 0;
  a0 = 0;
  a = 0;
  alpha0 = 0;

  /** Copies another value of this type into this one. */
  copyFrom(o: Sweep): void {
    this.localCenterX = o.localCenterX;
    this.localCenterY = o.localCenterY;
    this.c0x = o.c0x;
    this.c0y = o.c0y;
    this.cx = o.cx;
    this.cy = o.cy;
    this.a0 = o.a0;
    this.a = o.a;
    this.alpha0 = o.alpha0;
  }

  /** The body transform at fraction beta of the step (b2Sweep::GetTransform). */
  getTransform(xf: Transform, beta: number): void {
    const cx = (1 - beta) * this.c0x + beta * this.cx;
    const cy = (1 - beta) * this.c0y + beta * this.cy;
    const angle = (1 - beta) * this.a0 + beta * this.a;
    const s = sin(angle);
    const c = cos(angle);
    xf.s = s;
    xf.c = c;
    xf.px = cx - (c * this.localCenterX - s * this.localCenterY);
    xf.py = cy - (s * this.localCenterX + c * this.localCenterY);
  }

  /** Moves the sweep start forward to fraction alpha (pybox2d's b2Sweep::Advance form). */
  advance(alpha: number): void {
    const beta = (alpha - this.alpha0) / (1 - this.alpha0);
    this.c0x = (1 - beta) * this.c0x + beta * this.cx;
    this.c0y = (1 - beta) * this.c0y + beta * this.cy;
    this.a0 = (1 - beta) * this.a0 + beta * this.a;
    this.alpha0 = alpha;
  }

  /** Brings a0 into [0, 2π) and shifts a with it, so large rotations do not upset the TOI root finder. */
  normalize(): void {
    const twoPi = 2 * Math.PI;
    const d = twoPi * Math.floor(this.a0 / twoPi);
    this.a0 -= d;
    this.a -= d;
  }
}

/** Axis-aligned bounding box. */
export class AABB {
  lowerX = 0;
  lowerY = 0;
  upperX = 0;
  upperY = 0;
}
