// b2Fixture (Dynamics/b2Fixture.cpp): a shape on a body with its material and collision filter.
import type { Body } from './body.js';
import type { BroadPhase } from './broad-phase.js';
import { AABB, type Transform } from './math.js';
import type { Shape } from './shape.js';

/** What `Body.createFixture` takes: the shape, its material and collision filter. */
export interface FixtureDef {
  shape: Shape;
  /** kg/m²; 0 (default) adds no mass. */
  density?: number;
  /** Default 0.2; mixed between two fixtures as sqrt(fA·fB). */
  friction?: number;
  /** Default 0; mixed as max(rA, rB). */
  restitution?: number;
  /** Collision filter (b2Filter): default category 0x0001, mask 0xFFFF, group 0. */
  categoryBits?: number;
  maskBits?: number;
  groupIndex?: number;
  userData?: unknown;
}

const aabb1 = new AABB();
const aabb2 = new AABB();

/** A shape attached to a body, with its density, friction, restitution and collision filter (b2Fixture). */
export class Fixture {
  readonly shape: Shape;
  readonly density: number;
  readonly friction: number;
  readonly restitution: number;
  readonly categoryBits: number;
  readonly maskBits: number;
  readonly groupIndex: number;
  userData: unknown;
  /** Broad-phase proxy id (Box2D's numbering: 0, then 2k - 1 for the k-th proxy of a world). */
  proxyId = -1;

  constructor(readonly body: Body, def: FixtureDef) {
    const { shape, density = 0, friction = 0.2, restitution = 0, categoryBits = 0x0001, maskBits = 0xffff, groupIndex = 0 } = def;
    if (shape?.kind !== 'polygon' && shape?.kind !== 'edge') throw new Error('FixtureDef: shape must be a PolygonShape or an EdgeShape');
    const nonNegative = { density, friction, restitution };
    for (const [name, v] of Object.entries(nonNegative)) {
      if (!(Number.isFinite(v) && v >= 0)) throw new Error(`FixtureDef: ${name} must be a finite number >= 0, got ${v}`);
    }
    for (const [name, v] of Object.entries({ categoryBits, maskBits })) {
      if (!(Number.isInteger(v) && v >= 0 && v <= 0xffff)) throw new Error(`FixtureDef: ${name} must be an integer in [0, 0xFFFF], got ${v}`);
    }
    if (!(Number.isInteger(groupIndex) && groupIndex >= -32768 && groupIndex <= 32767)) {
      throw new Error(`FixtureDef: groupIndex must be an integer in [-32768, 32767], got ${groupIndex}`);
    }
    this.shape = shape;
    this.density = density;
    this.friction = friction;
    this.restitution = restitution;
    this.categoryBits = categoryBits;
    this.maskBits = maskBits;
    this.groupIndex = groupIndex;
    this.userData = def.userData;
  }

  /** b2ContactFilter::ShouldCollide: same non-zero group decides, else category/mask both ways. */
  shouldCollide(other: Fixture): boolean {
    if (this.groupIndex === other.groupIndex && this.groupIndex !== 0) return this.groupIndex > 0;
    return (this.maskBits & other.categoryBits) !== 0 && (this.categoryBits & other.maskBits) !== 0;
  }

  /** @internal */
  createProxy(broadPhase: BroadPhase, xf: Transform): void {
    this.shape.computeAABB(xf, aabb1);
    this.proxyId = broadPhase.createProxy(aabb1, this);
  }

  /** Moves the proxy to cover the swept shape from xf1 to xf2 (b2Fixture::Synchronize). @internal */
  synchronize(broadPhase: BroadPhase, xf1: Transform, xf2: Transform): void {
    this.shape.computeAABB(xf1, aabb1);
    this.shape.computeAABB(xf2, aabb2);
    aabb1.lowerX = Math.min(aabb1.lowerX, aabb2.lowerX);
    aabb1.lowerY = Math.min(aabb1.lowerY, aabb2.lowerY);
    aabb1.upperX = Math.max(aabb1.upperX, aabb2.upperX);
    aabb1.upperY = Math.max(aabb1.upperY, aabb2.upperY);
    broadPhase.moveProxy(this.proxyId, aabb1, xf1, xf2);
  }
}
