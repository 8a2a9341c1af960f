// b2ContactManager (Dynamics/b2ContactManager.cpp): creates contacts for new broad-phase pairs,
// updates them every step and destroys those whose fat AABBs separated.
import type { BroadPhase, PairHandler } from './broad-phase.js';
import { Contact, type ContactEdge, type ContactListener } from './contact.js';
import type { Fixture } from './fixture.js';

export class ContactManager implements PairHandler {
  /** World contact list, newest first. */
  contactList: Contact | null = null;
  contactCount = 0;
  listener: ContactListener | null = null;

  constructor(private readonly broadPhase: BroadPhase) {}

  findNewContacts(): void {
    this.broadPhase.updatePairs(this);
  }

  /**
   * A new contact unless one exists, the bodies may not collide (same body, no dynamic body, a
   * joint forbids it) or the filter rejects it. Edge–polygon pairs put the edge first, as
   * b2Contact's registry does; edge–edge pairs get no contact (Box2D has no edge–edge collider).
   */
  addPair(fixtureA: Fixture, fixtureB: Fixture): void {
    const bodyA = fixtureA.body, bodyB = fixtureB.body;
    if (bodyA === bodyB) return;
    for (let edge: ContactEdge | null = bodyB.contactList; edge !== null; edge = edge.next) {
      if (edge.other !== bodyA) continue;
      const c = edge.contact;
      if ((c.fixtureA === fixtureA && c.fixtureB === fixtureB) || (c.fixtureA === fixtureB && c.fixtureB === fixtureA)) return;
    }
    if (!bodyB.shouldCollide(bodyA) || !fixtureA.shouldCollide(fixtureB)) return;
    if (fixtureA.shape.kind === 'edge' && fixtureB.shape.kind === 'edge') return;
    const c = fixtureB.shape.kind === 'edge' ? new Contact(fixtureB, fixtureA) : new Contact(fixtureA, fixtureB);
    const a = c.bodyA, b = c.bodyB;
    c.next = this.contactList;
    if (this.contactList !== null) this.contactList.prev = c;
    this.contactList = c;
    c.nodeA.other = b;
    c.nodeA.next = a.contactList;
    if (a.contactList !== null) a.contactList.prev = c.nodeA;
    a.contactList = c.nodeA;
    c.nodeB.other = a;
    c.nodeB.next = b.contactList;
    if (b.contactList !== null) b.contactList.prev = c.nodeB;
    b.contactList = c.nodeB;
    a.setAwake(true);
    b.setAwake(true);
    this.contactCount++;
  }

  /** Narrow phase of every contact with an awake dynamic body; destroys those no longer overlapping. */
  collide(): void {
    let c = this.contactList;
    while (c !== null) {
      const bodyA = c.bodyA, bodyB = c.bodyB;
      const activeA = bodyA.awake && bodyA.type !== 'static';
      const activeB = bodyB.awake && bodyB.type !== 'static';
      if (!activeA && !activeB) {
        c = c.next;
        continue;
      }
      if (c.filterFlag) {
        if (!bodyB.shouldCollide(bodyA)) {
          const nuke = c;
          c = c.next;
          this.destroy(nuke);
          continue;
        }
        c.filterFlag = false;
      }
      if (!this.broadPhase.testOverlap(c.fixtureA.proxyId, c.fixtureB.proxyId)) {
        const nuke = c;
        c = c.next;
        this.destroy(nuke);
        continue;
      }
      c.update(this.listener);
      c = c.next;
    }
  }

  /** Unlinks a contact (EndContact first if it was touching). */
  destroy(c: Contact): void {
    if (c.touching && this.listener !== null) this.listener.endContact?.(c);
    if (c.prev !== null) c.prev.next = c.next;
    if (c.next !== null) c.next.prev = c.prev;
    if (c === this.contactList) this.contactList = c.next;
    unlink(c.nodeA, c.bodyA);
    unlink(c.nodeB, c.bodyB);
    this.contactCount--;
  }
}

function unlink(node: ContactEdge, body: { contactList: ContactEdge | null }): void {
  if (node.prev !== null) node.prev.next = node.next;
  if (node.next !== null) node.next.prev = node.prev;
  if (node === body.contactList) body.contactList = node.next;
}
