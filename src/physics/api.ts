/**
 * A small rigid-body engine: a float64 TypeScript port of the Box2D 2.3 subset Gymnasium's
 * LunarLander runs on (polygon and edge shapes, bodies, contacts with events, the sequential-impulse
 * solver, the revolute joint, sleeping and continuous collision).
 *
 * @module
 */
// The package's view of the engine; src/physics/index.ts also serves the engine's tests, with its tuning constants.
export { Body, type BodyDef, type BodyType, type JointEdge } from './body.js';
export { Contact, type ContactListener } from './contact.js';
export { EdgeShape } from './edge-shape.js';
export { Fixture, type FixtureDef } from './fixture.js';
export { Manifold, ManifoldPoint, FACE_A, FACE_B } from './manifold.js';
export { AABB, Sweep, Transform, type Vec2 } from './math.js';
export { PolygonShape } from './polygon-shape.js';
export { RevoluteJoint, type RevoluteJointDef } from './revolute-joint.js';
export type { DistanceProxy, MassData, Shape } from './shape.js';
export { World, type WorldDef } from './world.js';
