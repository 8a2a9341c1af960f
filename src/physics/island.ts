// b2Island (Dynamics/b2Island.cpp): integrates and solves one island of bodies, contacts and joints,
// puts it to sleep when it has rested long enough, and solves TOI sub-steps.
import type { Body } from './body.js';
import type { Contact } from './contact.js';
import { ContactSolver } from './contact-solver.js';
import type { RevoluteJoint } from './revolute-joint.js';
import { ANGULAR_SLEEP_TOLERANCE, LINEAR_SLEEP_TOLERANCE, MAX_ROTATION, MAX_TRANSLATION, TIME_TO_SLEEP } from './settings.js';
import { TimeStep, type SolverData } from './solver-data.js';

export class Island {
  readonly bodies: Body[] = [];
  readonly contacts: Contact[] = [];
  readonly joints: RevoluteJoint[] = [];
  bodyCount = 0;
  contactCount = 0;
  jointCount = 0;
  private readonly solver = new ContactSolver();
  private readonly data: SolverData = { step: new TimeStep(), positions: new Float64Array(0), velocities: new Float64Array(0) };

  clear(): void {
    this.bodyCount = 0;
    this.contactCount = 0;
    this.jointCount = 0;
  }

  addBody(body: Body): void {
    body.islandIndex = this.bodyCount;
    this.bodies[this.bodyCount++] = body;
  }

  addContact(contact: Contact): void {
    this.contacts[this.contactCount++] = contact;
  }

  addJoint(joint: RevoluteJoint): void {
    this.joints[this.jointCount++] = joint;
  }

  solve(step: TimeStep, gravityX: number, gravityY: number, allowSleep: boolean): void {
    const h = step.dt;
    const data = this.prepare(step);
    const pos = data.positions, vel = data.velocities;
    for (let i = 0; i < this.bodyCount; i++) {
      const b = this.bodies[i];
      const sw = b.sweep;
      let vx = b.linearVelocityX, vy = b.linearVelocityY, w = b.angularVelocity;
      // Start of the sweep for continuous collision.
      sw.c0x = sw.cx;
      sw.c0y = sw.cy;
      sw.a0 = sw.a;
      if (b.type === 'dynamic') {
        vx += h * (b.gravityScale * gravityX + b.invMass * b.forceX);
        vy += h * (b.gravityScale * gravityY + b.invMass * b.forceY);
        w += h * b.invI * b.torque;
        // pybox2d's damping: v *= clamp(1 − h·c, 0, 1).
        vx *= Math.min(Math.max(1 - h * b.linearDamping, 0), 1);
        vy *= Math.min(Math.max(1 - h * b.linearDamping, 0), 1);
        w *= Math.min(Math.max(1 - h * b.angularDamping, 0), 1);
      }
      pos[3 * i] = sw.cx;
      pos[3 * i + 1] = sw.cy;
      pos[3 * i + 2] = sw.a;
      vel[3 * i] = vx;
      vel[3 * i + 1] = vy;
      vel[3 * i + 2] = w;
    }

    const solver = this.solver;
    solver.setup(this.contacts, this.contactCount, step);
    solver.initializeVelocityConstraints(pos, vel);
    if (step.warmStarting) solver.warmStart(vel);
    for (let i = 0; i < this.jointCount; i++) this.joints[i].initVelocityConstraints(data);
    for (let it = 0; it < step.velocityIterations; it++) {
      for (let j = 0; j < this.jointCount; j++) this.joints[j].solveVelocityConstraints(data);
      solver.solveVelocityConstraints(vel);
    }
    solver.storeImpulses();

    this.integratePositions(h);

    let positionSolved = false;
    for (let it = 0; it < step.positionIterations; it++) {
      const contactsOkay = solver.solvePositionConstraints(pos);
      let jointsOkay = true;
      for (let j = 0; j < this.jointCount; j++) {
        const jointOkay = this.joints[j].solvePositionConstraints(data);
        jointsOkay = jointsOkay && jointOkay;
      }
      if (contactsOkay && jointsOkay) {
        positionSolved = true;
        break;
      }
    }

    for (let i = 0; i < this.bodyCount; i++) {
      const b = this.bodies[i];
      const sw = b.sweep;
      sw.cx = pos[3 * i];
      sw.cy = pos[3 * i + 1];
      sw.a = pos[3 * i + 2];
      b.linearVelocityX = vel[3 * i];
      b.linearVelocityY = vel[3 * i + 1];
      b.angularVelocity = vel[3 * i + 2];
      b.synchronizeTransform();
    }

    if (!allowSleep) return;
    let minSleepTime = Infinity;
    const linTolSqr = LINEAR_SLEEP_TOLERANCE * LINEAR_SLEEP_TOLERANCE;
    const angTolSqr = ANGULAR_SLEEP_TOLERANCE * ANGULAR_SLEEP_TOLERANCE;
    for (let i = 0; i < this.bodyCount; i++) {
      const b = this.bodies[i];
      if (b.type === 'static') continue;
      const vx = b.linearVelocityX, vy = b.linearVelocityY, w = b.angularVelocity;
      if (!b.allowSleep || w * w > angTolSqr || vx * vx + vy * vy > linTolSqr) {
        b.sleepTime = 0;
        minSleepTime = 0;
      } else {
        b.sleepTime += h;
        minSleepTime = Math.min(minSleepTime, b.sleepTime);
      }
    }
    if (minSleepTime >= TIME_TO_SLEEP && positionSolved) {
      for (let i = 0; i < this.bodyCount; i++) this.bodies[i].setAwake(false);
    }
  }

  /**
   * A TOI sub-step: push the two TOI bodies (island indices toiIndexA/B) out of penetration, take
   * that pose as their new sweep start, then solve velocities (no warm start) and integrate.
   */
  solveTOI(subStep: TimeStep, toiIndexA: number, toiIndexB: number): void {
    const data = this.prepare(subStep);
    const pos = data.positions, vel = data.velocities;
    for (let i = 0; i < this.bodyCount; i++) {
      const b = this.bodies[i];
      pos[3 * i] = b.sweep.cx;
      pos[3 * i + 1] = b.sweep.cy;
      pos[3 * i + 2] = b.sweep.a;
      vel[3 * i] = b.linearVelocityX;
      vel[3 * i + 1] = b.linearVelocityY;
      vel[3 * i + 2] = b.angularVelocity;
    }
    const solver = this.solver;
    solver.setup(this.contacts, this.contactCount, subStep);
    for (let it = 0; it < subStep.positionIterations; it++) {
      if (solver.solveTOIPositionConstraints(pos, 3 * toiIndexA, 3 * toiIndexB)) break;
    }
    // Leap of faith to the new safe pose.
    const swA = this.bodies[toiIndexA].sweep;
    swA.c0x = pos[3 * toiIndexA];
    swA.c0y = pos[3 * toiIndexA + 1];
    swA.a0 = pos[3 * toiIndexA + 2];
    const swB = this.bodies[toiIndexB].sweep;
    swB.c0x = pos[3 * toiIndexB];
    swB.c0y = pos[3 * toiIndexB + 1];
    swB.a0 = pos[3 * toiIndexB + 2];
    solver.initializeVelocityConstraints(pos, vel);
    for (let it = 0; it < subStep.velocityIterations; it++) solver.solveVelocityConstraints(vel);
    // TOI impulses are not stored for warm starting: they can be large.
    this.integratePositions(subStep.dt);
    for (let i = 0; i < this.bodyCount; i++) {
      const b = this.bodies[i];
      const sw = b.sweep;
      sw.cx = pos[3 * i];
      sw.cy = pos[3 * i + 1];
      sw.a = pos[3 * i + 2];
      b.linearVelocityX = vel[3 * i];
      b.linearVelocityY = vel[3 * i + 1];
      b.angularVelocity = vel[3 * i + 2];
      b.synchronizeTransform();
    }
  }

  private prepare(step: TimeStep): SolverData {
    const data = this.data;
    data.step = step;
    if (data.positions.length < 3 * this.bodyCount) {
      data.positions = new Float64Array(6 * this.bodyCount);
      data.velocities = new Float64Array(6 * this.bodyCount);
    }
    return data;
  }

  /** Explicit Euler on positions, with velocities clamped to MAX_TRANSLATION / MAX_ROTATION per step. */
  private integratePositions(h: number): void {
    const pos = this.data.positions, vel = this.data.velocities;
    for (let i = 0; i < this.bodyCount; i++) {
      let vx = vel[3 * i], vy = vel[3 * i + 1], w = vel[3 * i + 2];
      const tx = h * vx, ty = h * vy;
      if (tx * tx + ty * ty > MAX_TRANSLATION * MAX_TRANSLATION) {
        const ratio = MAX_TRANSLATION / Math.sqrt(tx * tx + ty * ty);
        vx *= ratio;
        vy *= ratio;
      }
      const rotation = h * w;
      if (rotation * rotation > MAX_ROTATION * MAX_ROTATION) w *= MAX_ROTATION / Math.abs(rotation);
      pos[3 * i] += h * vx;
      pos[3 * i + 1] += h * vy;
      pos[3 * i + 2] += h * w;
      vel[3 * i] = vx;
      vel[3 * i + 1] = vy;
      vel[3 * i + 2] = w;
    }
  }
}
