// b2Contact (Dynamics/Contacts/b2Contact.cpp) for edge–polygon (the edge is fixture A) and
// polygon–polygon pairs: narrow phase, warm-start impulse matching by feature id, begin/end events.
import type { Body } from './body.js';
import { collideEdgePolygon } from './collide-edge-polygon.js';
import { collidePolygons } from './collide-polygons.js';
import type { EdgeShape } from './edge-shape.js';
import type { Fixture } from './fixture.js';
import { Manifold } from './manifold.js';
import type { PolygonShape } from './polygon-shape.js';

/** Receives contact events during `World.step` (b2ContactListener's BeginContact / EndContact). */
export interface ContactListener {
  /** The two fixtures' skins started touching (the manifold gained points). */
  beginContact?(contact: Contact): void;
  /** They stopped touching, or the contact was destroyed while touching. */
  endContact?(contact: Contact): void;
}

/** A link in a body's contact list (b2ContactEdge), newest first. */
export class ContactEdge {
  other!: Body;
  prev: ContactEdge | null = null;
  next: ContactEdge | null = null;
  constructor(readonly contact: Contact) {}
}

/** A touching or nearly touching pair of fixtures, with its manifold and warm-start impulses (b2Contact). */
export class Contact {
  readonly bodyA: Body;
  readonly bodyB: Body;
  readonly manifold = new Manifold();
  /** sqrt(fA·fB) and max(rA, rB) (b2MixFriction, b2MixRestitution). */
  readonly friction: number;
  readonly restitution: number;
  touching = false;
  enabled = true;
  islandFlag = false;
  /** Re-check shouldCollide at the next collide (a joint was created between the bodies). */
  filterFlag = false;
  /** A valid TOI is cached in `toi`. */
  toiFlag = false;
  toiCount = 0;
  toi = 1;
  /** World contact list, newest first. */
  prev: Contact | null = null;
  next: Contact | null = null;
  /** @internal */
  readonly nodeA = new ContactEdge(this);
  /** @internal */
  readonly nodeB = new ContactEdge(this);

  constructor(readonly fixtureA: Fixture, readonly fixtureB: Fixture) {
    this.bodyA = fixtureA.body;
    this.bodyB = fixtureB.body;
    this.friction = Math.sqrt(fixtureA.friction * fixtureB.friction);
    this.restitution = Math.max(fixtureA.restitution, fixtureB.restitution);
  }

  /**
   * Recomputes the manifold from the current body transforms; each new point inherits the
   * impulses of the old point with the same feature key. Wakes both bodies and fires the
   * listener when touching changes.
   */
  update(listener: ContactListener | null): void {
    const m = this.manifold;
    const oldCount = m.pointCount;
    const p0 = m.points[0], p1 = m.points[1];
    const oldId0 = p0.id, oldNormal0 = p0.normalImpulse, oldTangent0 = p0.tangentImpulse;
    const oldId1 = p1.id, oldNormal1 = p1.normalImpulse, oldTangent1 = p1.tangentImpulse;
    this.enabled = true;
    const wasTouching = this.touching;
    const bodyA = this.bodyA, bodyB = this.bodyB;
    const shapeA = this.fixtureA.shape, shapeB = this.fixtureB.shape as PolygonShape;
    if (shapeA.kind === 'edge') collideEdgePolygon(m, shapeA as EdgeShape, bodyA.xf, shapeB, bodyB.xf);
    else collidePolygons(m, shapeA, bodyA.xf, shapeB, bodyB.xf);
    const touching = m.pointCount > 0;
    for (let i = 0; i < m.pointCount; i++) {
      const mp = m.points[i];
      mp.normalImpulse = 0;
      mp.tangentImpulse = 0;
      if (oldCount > 0 && mp.id === oldId0) {
        mp.normalImpulse = oldNormal0;
        mp.tangentImpulse = oldTangent0;
      } else if (oldCount > 1 && mp.id === oldId1) {
        mp.normalImpulse = oldNormal1;
        mp.tangentImpulse = oldTangent1;
      }
    }
    if (touching !== wasTouching) {
      bodyA.setAwake(true);
      bodyB.setAwake(true);
    }
    this.touching = touching;
    if (listener !== null) {
      if (!wasTouching && touching) listener.beginContact?.(this);
      if (wasTouching && !touching) listener.endContact?.(this);
    }
  }
}
