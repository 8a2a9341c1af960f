import { describe, expect, it } from 'vitest';
import { collideEdgePolygon } from '../../src/physics/collide-edge-polygon.js';
import { collidePolygons } from '../../src/physics/collide-polygons.js';
import { DistanceOutput, SimplexCache, distance } from '../../src/physics/distance.js';
import { EdgeShape, FACE_A, FACE_B, Manifold, PolygonShape, Sweep, Transform } from '../../src/physics/index.js';
import { FEATURE_FACE, FEATURE_VERTEX, WorldManifold, featureKey } from '../../src/physics/manifold.js';
import { TOIOutput, TOI_SEPARATED, TOI_TOUCHING, timeOfImpact } from '../../src/physics/time-of-impact.js';

const ground = new EdgeShape(-5, 0, 5, 0);
const box = PolygonShape.box(0.5, 0.5);
const at = (x: number, y: number, angle = 0): Transform => {
  const xf = new Transform();
  xf.set(x, y, angle);
  return xf;
};

describe('edge–polygon manifold (b2EPCollider)', () => {
  it('a box resting on an edge: the edge face is the reference, two points at the bottom corners', () => {
    const m = new Manifold();
    collideEdgePolygon(m, ground, at(0, 0), box, at(0, 0.51));
    expect(m.type).toBe(FACE_A);
    expect(m.pointCount).toBe(2);
    // The polygon is behind the edge's (downward) normal: the reference face is reversed.
    expect(m.localNormalX).toBeCloseTo(0, 15);
    expect(m.localNormalY).toBe(1);
    expect([m.localPointX, m.localPointY]).toEqual([5, 0]);
    expect([m.points[0].localPointX, m.points[0].localPointY]).toEqual([-0.5, -0.5]);
    expect([m.points[1].localPointX, m.points[1].localPointY]).toEqual([0.5, -0.5]);
    expect(m.points[0].id).toBe(featureKey(0, 0, FEATURE_FACE, FEATURE_VERTEX));
    expect(m.points[1].id).toBe(featureKey(0, 1, FEATURE_FACE, FEATURE_VERTEX));
    // World points lie midway between the two skins: y = (0.01 + 0) / 2.
    const wm = new WorldManifold();
    wm.initialize(m, at(0, 0), ground.radius, at(0, 0.51), box.radius);
    expect(wm.normalX).toBeCloseTo(0, 15);
    expect(wm.normalY).toBe(1);
    expect(wm.pointsX[0]).toBeCloseTo(-0.5, 15);
    expect(wm.pointsY[0]).toBeCloseTo(0.005, 15);
    expect(wm.pointsX[1]).toBeCloseTo(0.5, 15);
    expect(wm.pointsY[1]).toBeCloseTo(0.005, 15);
  });

  it('no points once the cores are more than two skins (0.02 m) apart', () => {
    const m = new Manifold();
    collideEdgePolygon(m, ground, at(0, 0), box, at(0, 0.519));
    expect(m.pointCount).toBe(2);
    collideEdgePolygon(m, ground, at(0, 0), box, at(0, 0.521));
    expect(m.pointCount).toBe(0);
  });

  it('an edge end poking into a box side: the box face is the reference (faceB), one point', () => {
    const m = new Manifold();
    collideEdgePolygon(m, ground, at(0, 0), box, at(5.4, 0.3));
    expect(m.type).toBe(FACE_B);
    expect(m.pointCount).toBe(1);
    expect([m.localNormalX, m.localNormalY]).toEqual([-1, 0]);
    expect([m.localPointX, m.localPointY]).toEqual([-0.5, 0.5]);
    // The point is the edge's end, in the edge's frame; the feature ids are swapped to A/B order.
    expect([m.points[0].localPointX, m.points[0].localPointY]).toEqual([5, 0]);
    expect(m.points[0].id).toBe(featureKey(3, 0, FEATURE_FACE, FEATURE_VERTEX));
    const wm = new WorldManifold();
    wm.initialize(m, at(0, 0), ground.radius, at(5.4, 0.3), box.radius);
    // The normal always points from A (edge) to B (box).
    expect(wm.normalX).toBeCloseTo(1, 15);
    expect(wm.normalY).toBeCloseTo(0, 15);
  });

  it('a tilted box touches with one corner', () => {
    const m = new Manifold();
    const c = 0.5 * Math.SQRT2;
    collideEdgePolygon(m, ground, at(0, 0), box, at(1, c + 0.005, Math.PI / 4));
    expect(m.type).toBe(FACE_A);
    expect(m.pointCount).toBe(1);
    const wm = new WorldManifold();
    wm.initialize(m, at(0, 0), ground.radius, at(1, c + 0.005, Math.PI / 4), box.radius);
    expect(wm.pointsX[0]).toBeCloseTo(1, 12);
    // Corner core at y = 0.005: skins at 0.01 (edge) and −0.005 (box), midway 0.0025.
    expect(wm.pointsY[0]).toBeCloseTo(0.0025, 12);
  });
});

describe('polygon–polygon manifold (b2CollidePolygons)', () => {
  it("a box on a wider box: A's top face is the reference, B's bottom corners the points", () => {
    const m = new Manifold();
    collidePolygons(m, PolygonShape.box(1, 0.5), at(0, 0), box, at(0.2, 1.01));
    expect(m.type).toBe(FACE_A);
    expect(m.pointCount).toBe(2);
    expect(m.localNormalX).toBeCloseTo(0, 15);
    expect(m.localNormalY).toBe(1);
    expect([m.localPointX, m.localPointY]).toEqual([0, 0.5]);
    expect(m.points[0].localPointX).toBeCloseTo(-0.5, 15);
    expect(m.points[0].localPointY).toBeCloseTo(-0.5, 15);
    expect(m.points[1].localPointX).toBeCloseTo(0.5, 15);
    // Reference face 2 of A against vertices 0 and 1 of B.
    expect(m.points[0].id).toBe(featureKey(2, 0, FEATURE_FACE, FEATURE_VERTEX));
    expect(m.points[1].id).toBe(featureKey(2, 1, FEATURE_FACE, FEATURE_VERTEX));
  });

  it("B's face wins when clearly deeper (faceB, features swapped), nothing beyond two skins", () => {
    const m = new Manifold();
    // A small box pressed corner-first into B's flat top: B's face is the better axis.
    collidePolygons(m, box, at(0.3, 1.2, Math.PI / 4), PolygonShape.box(1, 0.5), at(0, 0));
    expect(m.type).toBe(FACE_B);
    expect(m.pointCount).toBe(1);
    expect(m.localNormalY).toBe(1);
    collidePolygons(m, box, at(0, 1.021), PolygonShape.box(1, 0.5), at(0, 0));
    expect(m.pointCount).toBe(0);
  });
});

describe('GJK distance and time of impact', () => {
  it('distance between the cores of a box and an edge', () => {
    const out = new DistanceOutput();
    distance(out, new SimplexCache(), ground, at(0, 0), box, at(0.2, 2));
    expect(out.distance).toBeCloseTo(1.5, 14);
    expect(out.pointAY).toBeCloseTo(0, 14);
    expect(out.pointBY).toBeCloseTo(1.5, 14);
    distance(out, new SimplexCache(), ground, at(0, 0), box, at(0.2, 2, Math.PI / 4));
    expect(out.distance).toBeCloseTo(2 - 0.5 * Math.SQRT2, 14);
    expect(out.pointBX).toBeCloseTo(0.2, 14);
  });

  it('a box falling through an edge in one sweep stops at target separation 0.005 m', () => {
    const still = new Sweep();
    const fall = new Sweep();
    fall.c0x = fall.cx = 0;
    fall.c0y = 2;
    fall.cy = -2;
    const out = new TOIOutput();
    timeOfImpact(out, ground, still, box, fall, 1);
    expect(out.state).toBe(TOI_TOUCHING);
    // Bottom at 0.005: centre at 0.505, reached at t = (2 − 0.505) / 4, within the 0.00125 m tolerance.
    expect(Math.abs(out.t - (2 - 0.505) / 4)).toBeLessThan(0.00125 / 4);
  });

  it('a box sliding parallel above the edge never reaches it', () => {
    const still = new Sweep();
    const slide = new Sweep();
    slide.c0x = -3;
    slide.cx = 3;
    slide.c0y = slide.cy = 1;
    slide.a = 0.3;
    const out = new TOIOutput();
    timeOfImpact(out, ground, still, box, slide, 1);
    expect(out.state).toBe(TOI_SEPARATED);
    expect(out.t).toBe(1);
  });
});
