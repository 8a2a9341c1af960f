// b2Body (Dynamics/b2Body.h/.cpp): mass, forces and impulses, sleep state, transform and sweep.
import { cos, sin } from '../kernels/trig.js';
import type { ContactEdge } from './contact.js';
import { Fixture, type FixtureDef } from './fixture.js';
import { Sweep, Transform, type Vec2 } from './math.js';
import type { RevoluteJoint } from './revolute-joint.js';
import type { World } from './world.js';

/** A static body never moves; a dynamic one moves under forces, impulses and contacts. */
export type BodyType = 'static' | 'dynamic';

/** What `World.createBody` takes: type, position, angle, velocities, damping, sleep and other flags. */
export interface BodyDef {
  /** Default 'static'. */
  type?: BodyType;
  /** World position of the body origin. */
  position?: Vec2;
  angle?: number;
  /** Velocity of the centre of mass. */
  linearVelocity?: Vec2;
  angularVelocity?: number;
  linearDamping?: number;
  angularDamping?: number;
  gravityScale?: number;
  /** May this body fall asleep when it comes to rest? Default true. */
  allowSleep?: boolean;
  awake?: boolean;
  /** Continuous collision against other dynamic bodies too (they are otherwise only swept against static ones). */
  bullet?: boolean;
  fixedRotation?: boolean;
  userData?: unknown;
}

/** A link in a body's joint list (b2JointEdge). */
export interface JointEdge {
  joint: RevoluteJoint;
  other: Body;
}

const xf1 = new Transform();

function finiteVec(v: Vec2 | undefined, name: string): Vec2 {
  if (v === undefined) return { x: 0, y: 0 };
  if (!Number.isFinite(v?.x) || !Number.isFinite(v?.y)) throw new Error(`BodyDef: ${name} must be {x, y} with finite numbers, got ${JSON.stringify(v)}`);
  return v;
}

function finiteNumber(v: number | undefined, name: string, fallback: number, min = -Infinity): number {
  if (v === undefined) return fallback;
  if (!(Number.isFinite(v) && v >= min)) throw new Error(`BodyDef: ${name} must be a finite number${min === 0 ? ' >= 0' : ''}, got ${v}`);
  return v;
}

/**
 * A rigid body. Its state fields are public for fast reading and must be treated as read-only:
 * change them through the methods. `xf` is the origin's transform, `sweep.c`/`sweep.a` the centre
 * of mass and angle, `linearVelocityX/Y` the centre of mass's velocity.
 */
export class Body {
  readonly type: BodyType;
  readonly xf = new Transform();
  readonly sweep = new Sweep();
  // Numeric fields start as numbers: a field first holding undefined would box every double stored into it.
  linearVelocityX = 0;
  linearVelocityY = 0;
  angularVelocity = 0;
  forceX = 0;
  forceY = 0;
  torque = 0;
  mass = 0;
  invMass = 0;
  /** Rotational inertia about the centre of mass. */
  inertia = 0;
  invI = 0;
  readonly linearDamping: number;
  readonly angularDamping: number;
  readonly gravityScale: number;
  readonly allowSleep: boolean;
  readonly bullet: boolean;
  readonly fixedRotation: boolean;
  awake: boolean;
  sleepTime = 0;
  islandFlag = false;
  islandIndex = 0;
  /** Newest first, as Box2D's lists. @internal */
  contactList: ContactEdge | null = null;
  /** Oldest first: iterate from the end for Box2D's newest-first order. */
  readonly jointEdges: JointEdge[] = [];
  /** Oldest first: iterate from the end for Box2D's newest-first order. */
  readonly fixtures: Fixture[] = [];
  userData: unknown;

  constructor(readonly world: World, def: BodyDef) {
    const type = def.type ?? 'static';
    if (type !== 'static' && type !== 'dynamic') throw new Error(`BodyDef: type must be "static" or "dynamic", got ${JSON.stringify(type)}`);
    this.type = type;
    const position = finiteVec(def.position, 'position');
    const angle = finiteNumber(def.angle, 'angle', 0);
    const velocity = finiteVec(def.linearVelocity, 'linearVelocity');
    this.linearVelocityX = type === 'dynamic' ? velocity.x : 0;
    this.linearVelocityY = type === 'dynamic' ? velocity.y : 0;
    this.angularVelocity = type === 'dynamic' ? finiteNumber(def.angularVelocity, 'angularVelocity', 0) : 0;
    this.linearDamping = finiteNumber(def.linearDamping, 'linearDamping', 0, 0);
    this.angularDamping = finiteNumber(def.angularDamping, 'angularDamping', 0, 0);
    this.gravityScale = finiteNumber(def.gravityScale, 'gravityScale', 1);
    this.allowSleep = def.allowSleep ?? true;
    this.bullet = def.bullet ?? false;
    this.fixedRotation = def.fixedRotation ?? false;
    this.awake = type === 'dynamic' ? (def.awake ?? true) : false;
    this.userData = def.userData;
    this.xf.set(position.x, position.y, angle);
    const sw = this.sweep;
    sw.cx = sw.c0x = position.x;
    sw.cy = sw.c0y = position.y;
    sw.a = sw.a0 = angle;
    if (type === 'dynamic') {
      this.mass = 1;
      this.invMass = 1;
    }
  }

  /** Adds a fixture; a positive density recomputes the body's mass. */
  createFixture(def: FixtureDef): Fixture {
    this.world.assertUnlocked('Body.createFixture');
    const fixture = new Fixture(this, def);
    fixture.createProxy(this.world.broadPhase, this.xf);
    this.fixtures.push(fixture);
    if (fixture.density > 0) this.resetMassData();
    this.world.newFixture = true;
    return fixture;
  }

  get position(): Vec2 {
    return { x: this.xf.px, y: this.xf.py };
  }

  get angle(): number {
    return this.sweep.a;
  }

  get worldCenter(): Vec2 {
    return { x: this.sweep.cx, y: this.sweep.cy };
  }

  get localCenter(): Vec2 {
    return { x: this.sweep.localCenterX, y: this.sweep.localCenterY };
  }

  get linearVelocity(): Vec2 {
    return { x: this.linearVelocityX, y: this.linearVelocityY };
  }

  /** Whether the body is simulated this step; a body at rest for a while falls asleep. */
  isAwake(): boolean {
    return this.awake;
  }

  /** Waking resets the sleep timer; putting to sleep zeroes velocities and accumulated forces. */
  setAwake(flag: boolean): void {
    if (flag) {
      if (!this.awake) {
        this.awake = true;
        this.sleepTime = 0;
      }
    } else {
      this.awake = false;
      this.sleepTime = 0;
      this.linearVelocityX = 0;
      this.linearVelocityY = 0;
      this.angularVelocity = 0;
      this.forceX = 0;
      this.forceY = 0;
      this.torque = 0;
    }
  }

  /** Adds a force at the centre of mass for the next step (only to an awake dynamic body). */
  applyForceToCenter(fx: number, fy: number, wake = true): void {
    if (this.type !== 'dynamic') return;
    if (wake && !this.awake) this.setAwake(true);
    if (this.awake) {
      this.forceX += fx;
      this.forceY += fy;
    }
  }

  /** Adds a torque about the centre of mass for the next step, waking the body unless told not to. */
  applyTorque(torque: number, wake = true): void {
    if (this.type !== 'dynamic') return;
    if (wake && !this.awake) this.setAwake(true);
    if (this.awake) this.torque += torque;
  }

  /** Changes the velocity now by impulse (ix, iy) applied at world point (px, py). */
  applyLinearImpulse(ix: number, iy: number, px: number, py: number, wake = true): void {
    if (this.type !== 'dynamic') return;
    if (wake && !this.awake) this.setAwake(true);
    if (!this.awake) return;
    this.linearVelocityX += this.invMass * ix;
    this.linearVelocityY += this.invMass * iy;
    this.angularVelocity += this.invI * ((px - this.sweep.cx) * iy - (py - this.sweep.cy) * ix);
  }

  /**
   * Mass, centre of mass and inertia from the fixtures' densities (b2Body::ResetMassData); moving
   * the centre keeps the velocity of the origin's material point.
   */
  resetMassData(): void {
    this.mass = 0;
    this.invMass = 0;
    this.inertia = 0;
    this.invI = 0;
    const sw = this.sweep;
    sw.localCenterX = 0;
    sw.localCenterY = 0;
    if (this.type !== 'dynamic') {
      sw.c0x = sw.cx = this.xf.px;
      sw.c0y = sw.cy = this.xf.py;
      sw.a0 = sw.a;
      return;
    }
    let lcx = 0, lcy = 0, inertia = 0;
    for (let i = this.fixtures.length - 1; i >= 0; i--) {
      const f = this.fixtures[i];
      if (f.density === 0) continue;
      const md = f.shape.computeMass(f.density);
      this.mass += md.mass;
      lcx += md.mass * md.centerX;
      lcy += md.mass * md.centerY;
      inertia += md.inertia;
    }
    if (this.mass > 0) {
      this.invMass = 1 / this.mass;
      lcx *= this.invMass;
      lcy *= this.invMass;
    } else {
      this.mass = 1;
      this.invMass = 1;
    }
    if (inertia > 0 && !this.fixedRotation) {
      this.inertia = inertia - this.mass * (lcx * lcx + lcy * lcy);
      this.invI = 1 / this.inertia;
    }
    const oldCx = sw.cx, oldCy = sw.cy;
    sw.localCenterX = lcx;
    sw.localCenterY = lcy;
    const xf = this.xf;
    sw.c0x = sw.cx = xf.c * lcx - xf.s * lcy + xf.px;
    sw.c0y = sw.cy = xf.s * lcx + xf.c * lcy + xf.py;
    this.linearVelocityX += -this.angularVelocity * (sw.cy - oldCy);
    this.linearVelocityY += this.angularVelocity * (sw.cx - oldCx);
  }

  /** The origin's transform from the sweep's current centre and angle. */
  synchronizeTransform(): void {
    const xf = this.xf, sw = this.sweep;
    const s = sin(sw.a), c = cos(sw.a);
    xf.s = s;
    xf.c = c;
    xf.px = sw.cx - (c * sw.localCenterX - s * sw.localCenterY);
    xf.py = sw.cy - (s * sw.localCenterX + c * sw.localCenterY);
  }

  /** Updates the broad-phase proxies to cover the motion from the sweep start to now. */
  synchronizeFixtures(): void {
    const sw = this.sweep;
    const s = sin(sw.a0), c = cos(sw.a0);
    xf1.s = s;
    xf1.c = c;
    xf1.px = sw.c0x - (c * sw.localCenterX - s * sw.localCenterY);
    xf1.py = sw.c0y - (s * sw.localCenterX + c * sw.localCenterY);
    const broadPhase = this.world.broadPhase;
    for (let i = this.fixtures.length - 1; i >= 0; i--) this.fixtures[i].synchronize(broadPhase, xf1, this.xf);
  }

  /** Moves the body to fraction alpha of its sweep (b2Body::Advance); the broad phase is not updated. */
  advance(alpha: number): void {
    const sw = this.sweep;
    sw.advance(alpha);
    sw.cx = sw.c0x;
    sw.cy = sw.c0y;
    sw.a = sw.a0;
    this.synchronizeTransform();
  }

  /** At least one body dynamic and no joint between them that disables collision. */
  shouldCollide(other: Body): boolean {
    if (this.type !== 'dynamic' && other.type !== 'dynamic') return false;
    for (let i = 0; i < this.jointEdges.length; i++) {
      const edge = this.jointEdges[i];
      if (edge.other === other && !edge.joint.collideConnected) return false;
    }
    return true;
  }
}
