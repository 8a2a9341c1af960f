// b2World (Dynamics/b2World.cpp): bodies, joints and the step pipeline — narrow phase, island
// solve with sleeping, broad-phase update, then continuous collision (TOI) against static bodies.
import { Body, type BodyDef } from './body.js';
import { BroadPhase } from './broad-phase.js';
import type { Contact, ContactEdge, ContactListener } from './contact.js';
import { ContactManager } from './contact-manager.js';
import { Island } from './island.js';
import type { Vec2 } from './math.js';
import { Sweep } from './math.js';
import { RevoluteJoint, type RevoluteJointDef } from './revolute-joint.js';
import { EPSILON, MAX_SUB_STEPS, MAX_TOI_CONTACTS } from './settings.js';
import { TimeStep } from './solver-data.js';
import { TOIOutput, TOI_TOUCHING, timeOfImpact } from './time-of-impact.js';

/** What `new World` takes: gravity, sleeping, warm starting and continuous collision. */
export interface WorldDef {
  /** Default (0, -10). */
  gravity?: Vec2;
  /** Let resting islands fall asleep (b2World's doSleep). Default true. */
  allowSleep?: boolean;
  /** Default true. */
  warmStarting?: boolean;
  /** Continuous collision of dynamic bodies against static ones. Default true. */
  continuousPhysics?: boolean;
}

const toiOutput = new TOIOutput();
const backupA = new Sweep();
const backupB = new Sweep();
const backupOther = new Sweep();

/** Holds bodies and joints and steps them: contacts, the island solver with sleeping, and continuous collision. */
export class World {
  readonly gravityX: number;
  readonly gravityY: number;
  readonly allowSleep: boolean;
  readonly warmStarting: boolean;
  readonly continuousPhysics: boolean;
  /** @internal */
  readonly broadPhase = new BroadPhase();
  /** Oldest first: iterate from the end for Box2D's newest-first body list. */
  readonly bodies: Body[] = [];
  /** Oldest first. */
  readonly joints: RevoluteJoint[] = [];
  /** A fixture was added since the last step: look for new pairs first. */
  newFixture = false;
  private readonly contactManager: ContactManager;
  private readonly island = new Island();
  private readonly step_ = new TimeStep();
  private readonly subStep = new TimeStep();
  private readonly stack: Body[] = [];
  private invDt0 = 0;
  private locked = false;

  constructor(def: WorldDef = {}) {
    const gravity = def.gravity ?? { x: 0, y: -10 };
    if (!Number.isFinite(gravity?.x) || !Number.isFinite(gravity?.y)) {
      throw new Error(`WorldDef: gravity must be {x, y} with finite numbers, got ${JSON.stringify(gravity)}`);
    }
    this.gravityX = gravity.x;
    this.gravityY = gravity.y;
    this.allowSleep = def.allowSleep ?? true;
    this.warmStarting = def.warmStarting ?? true;
    this.continuousPhysics = def.continuousPhysics ?? true;
    this.contactManager = new ContactManager(this.broadPhase);
  }

  /** Receives BeginContact/EndContact events during step(). */
  setContactListener(listener: ContactListener | null): void {
    this.contactManager.listener = listener;
  }

  /** The contacts, newest first (a contact exists while the fixtures' fat AABBs overlap). */
  get contacts(): Contact[] {
    const out: Contact[] = [];
    for (let c = this.contactManager.contactList; c !== null; c = c.next) out.push(c);
    return out;
  }

  /** Adds a body to the world; a body without fixtures has no mass or contacts. */
  createBody(def: BodyDef = {}): Body {
    this.assertUnlocked('World.createBody');
    const body = new Body(this, def);
    this.bodies.push(body);
    return body;
  }

  /** Adds a revolute joint between two bodies of this world. */
  createJoint(def: RevoluteJointDef): RevoluteJoint {
    this.assertUnlocked('World.createJoint');
    if (def.bodyA?.world !== this || def.bodyB?.world !== this) throw new Error('RevoluteJointDef: bodyA and bodyB must be bodies of this world');
    const joint = new RevoluteJoint(def);
    this.joints.push(joint);
    joint.bodyA.jointEdges.push({ joint, other: joint.bodyB });
    joint.bodyB.jointEdges.push({ joint, other: joint.bodyA });
    if (!joint.collideConnected) {
      for (let edge: ContactEdge | null = joint.bodyB.contactList; edge !== null; edge = edge.next) {
        if (edge.other === joint.bodyA) edge.contact.filterFlag = true;
      }
    }
    return joint;
  }

  /** @internal Bodies and joints cannot be created from inside a contact callback. */
  assertUnlocked(what: string): void {
    if (this.locked) throw new Error(`${what}: the world is locked during step() (called from a contact listener?)`);
  }

  /**
   * Advances the world by dt seconds (b2World::Step) with the given solver iteration counts
   * (Gymnasium's LunarLander uses 180 and 60). Forces and torques are cleared afterwards.
   */
  step(dt: number, velocityIterations = 180, positionIterations = 60): void {
    if (!(Number.isFinite(dt) && dt >= 0)) throw new Error(`World.step: dt must be a finite number >= 0, got ${dt}`);
    if (!(Number.isInteger(velocityIterations) && velocityIterations >= 0)) {
      throw new Error(`World.step: velocityIterations must be an integer >= 0, got ${velocityIterations}`);
    }
    if (!(Number.isInteger(positionIterations) && positionIterations >= 0)) {
      throw new Error(`World.step: positionIterations must be an integer >= 0, got ${positionIterations}`);
    }
    this.assertUnlocked('World.step');
    if (this.newFixture) {
      this.contactManager.findNewContacts();
      this.newFixture = false;
    }
    this.locked = true;
    try {
      const step = this.step_;
      step.dt = dt;
      step.velocityIterations = velocityIterations;
      step.positionIterations = positionIterations;
      step.invDt = dt > 0 ? 1 / dt : 0;
      step.dtRatio = this.invDt0 * dt;
      step.warmStarting = this.warmStarting;
      this.contactManager.collide();
      if (dt > 0) {
        this.solve(step);
        if (this.continuousPhysics) this.solveTOI(step);
        this.invDt0 = step.invDt;
      }
      const bodies = this.bodies;
      for (let i = 0; i < bodies.length; i++) {
        const b = bodies[i];
        b.forceX = 0;
        b.forceY = 0;
        b.torque = 0;
      }
    } finally {
      this.locked = false;
    }
  }

  /** Builds islands by depth-first search from each awake dynamic body and solves them. */
  private solve(step: TimeStep): void {
    const bodies = this.bodies;
    for (let i = 0; i < bodies.length; i++) bodies[i].islandFlag = false;
    for (let c = this.contactManager.contactList; c !== null; c = c.next) c.islandFlag = false;
    for (let i = 0; i < this.joints.length; i++) this.joints[i].islandFlag = false;
    const island = this.island;
    const stack = this.stack;
    for (let s = bodies.length - 1; s >= 0; s--) {
      const seed = bodies[s];
      if (seed.islandFlag || !seed.awake || seed.type === 'static') continue;
      island.clear();
      let stackCount = 0;
      stack[stackCount++] = seed;
      seed.islandFlag = true;
      while (stackCount > 0) {
        const b = stack[--stackCount];
        island.addBody(b);
        b.setAwake(true);
        // Islands do not propagate across static bodies.
        if (b.type === 'static') continue;
        for (let ce = b.contactList; ce !== null; ce = ce.next) {
          const contact = ce.contact;
          if (contact.islandFlag || !contact.enabled || !contact.touching) continue;
          island.addContact(contact);
          contact.islandFlag = true;
          const other = ce.other;
          if (other.islandFlag) continue;
          stack[stackCount++] = other;
          other.islandFlag = true;
        }
        for (let k = b.jointEdges.length - 1; k >= 0; k--) {
          const je = b.jointEdges[k];
          if (je.joint.islandFlag) continue;
          island.addJoint(je.joint);
          je.joint.islandFlag = true;
          const other = je.other;
          if (other.islandFlag) continue;
          stack[stackCount++] = other;
          other.islandFlag = true;
        }
      }
      island.solve(step, this.gravityX, this.gravityY, this.allowSleep);
      // Static bodies may join other islands.
      for (let i = 0; i < island.bodyCount; i++) {
        const b = island.bodies[i];
        if (b.type === 'static') b.islandFlag = false;
      }
    }
    for (let i = bodies.length - 1; i >= 0; i--) {
      const b = bodies[i];
      if (b.islandFlag && b.type !== 'static') b.synchronizeFixtures();
    }
    this.contactManager.findNewContacts();
  }

  /**
   * Continuous collision (b2World::SolveTOI): repeatedly takes the earliest time of impact among
   * contacts of an awake body with a static (or bullet) body, moves both bodies to it and resolves
   * that event in a sub-step over the rest of the step.
   */
  private solveTOI(step: TimeStep): void {
    const cm = this.contactManager;
    const island = this.island;
    for (let i = 0; i < this.bodies.length; i++) {
      const b = this.bodies[i];
      b.islandFlag = false;
      b.sweep.alpha0 = 0;
    }
    for (let c = cm.contactList; c !== null; c = c.next) {
      c.toiFlag = false;
      c.islandFlag = false;
      c.toiCount = 0;
      c.toi = 1;
    }
    for (;;) {
      let minContact: Contact | null = null;
      let minAlpha = 1;
      for (let c = cm.contactList; c !== null; c = c.next) {
        if (!c.enabled || c.toiCount > MAX_SUB_STEPS) continue;
        let alpha = 1;
        if (c.toiFlag) {
          alpha = c.toi;
        } else {
          const bA = c.bodyA, bB = c.bodyB;
          const activeA = bA.awake && bA.type !== 'static';
          const activeB = bB.awake && bB.type !== 'static';
          if (!activeA && !activeB) continue;
          const collideA = bA.bullet || bA.type !== 'dynamic';
          const collideB = bB.bullet || bB.type !== 'dynamic';
          if (!collideA && !collideB) continue;
          // Put both sweeps on the same time interval.
          let alpha0 = bA.sweep.alpha0;
          if (bA.sweep.alpha0 < bB.sweep.alpha0) {
            alpha0 = bB.sweep.alpha0;
            bA.sweep.advance(alpha0);
          } else if (bB.sweep.alpha0 < bA.sweep.alpha0) {
            alpha0 = bA.sweep.alpha0;
            bB.sweep.advance(alpha0);
          }
          timeOfImpact(toiOutput, c.fixtureA.shape, bA.sweep, c.fixtureB.shape, bB.sweep, 1);
          alpha = toiOutput.state === TOI_TOUCHING ? Math.min(alpha0 + (1 - alpha0) * toiOutput.t, 1) : 1;
          c.toi = alpha;
          c.toiFlag = true;
        }
        if (alpha < minAlpha) {
          minContact = c;
          minAlpha = alpha;
        }
      }
      if (minContact === null || 1 - 10 * EPSILON < minAlpha) break;

      const bA = minContact.bodyA, bB = minContact.bodyB;
      backupA.copyFrom(bA.sweep);
      backupB.copyFrom(bB.sweep);
      bA.advance(minAlpha);
      bB.advance(minAlpha);
      // The TOI contact likely has new contact points.
      minContact.update(cm.listener);
      minContact.toiFlag = false;
      minContact.toiCount++;
      if (!minContact.enabled || !minContact.touching) {
        minContact.enabled = false;
        bA.sweep.copyFrom(backupA);
        bB.sweep.copyFrom(backupB);
        bA.synchronizeTransform();
        bB.synchronizeTransform();
        continue;
      }
      bA.setAwake(true);
      bB.setAwake(true);

      island.clear();
      island.addBody(bA);
      island.addBody(bB);
      island.addContact(minContact);
      bA.islandFlag = true;
      bB.islandFlag = true;
      minContact.islandFlag = true;
      // Contacts of the two bodies with static (or bullet) bodies join the mini island.
      for (let k = 0; k < 2; k++) {
        const body = k === 0 ? bA : bB;
        if (body.type !== 'dynamic') continue;
        for (let ce = body.contactList; ce !== null; ce = ce.next) {
          if (island.bodyCount === 2 * MAX_TOI_CONTACTS || island.contactCount === MAX_TOI_CONTACTS) break;
          const contact = ce.contact;
          if (contact.islandFlag) continue;
          const other = ce.other;
          if (other.type === 'dynamic' && !body.bullet && !other.bullet) continue;
          // Tentatively advance the other body to the TOI.
          backupOther.copyFrom(other.sweep);
          if (!other.islandFlag) other.advance(minAlpha);
          contact.update(cm.listener);
          if (!contact.enabled || !contact.touching) {
            other.sweep.copyFrom(backupOther);
            other.synchronizeTransform();
            continue;
          }
          contact.islandFlag = true;
          island.addContact(contact);
          if (other.islandFlag) continue;
          other.islandFlag = true;
          if (other.type !== 'static') other.setAwake(true);
          island.addBody(other);
        }
      }

      const subStep = this.subStep;
      subStep.dt = (1 - minAlpha) * step.dt;
      subStep.invDt = 1 / subStep.dt;
      subStep.dtRatio = 1;
      subStep.positionIterations = 20;
      subStep.velocityIterations = step.velocityIterations;
      subStep.warmStarting = false;
      island.solveTOI(subStep, bA.islandIndex, bB.islandIndex);

      // Reset island flags and move the proxies of the displaced bodies.
      for (let i = 0; i < island.bodyCount; i++) {
        const body = island.bodies[i];
        body.islandFlag = false;
        if (body.type !== 'dynamic') continue;
        body.synchronizeFixtures();
        // Their cached TOIs are stale.
        for (let ce = body.contactList; ce !== null; ce = ce.next) {
          ce.contact.toiFlag = false;
          ce.contact.islandFlag = false;
        }
      }
      // New contacts from the moved proxies (some may also be destroyed).
      cm.findNewContacts();
    }
  }
}
