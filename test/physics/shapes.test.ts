import { describe, expect, it } from 'vitest';
import { AABB, EdgeShape, PolygonShape, Transform } from '../../src/physics/index.js';

describe('PolygonShape.fromPoints (b2PolygonShape::Set)', () => {
  it('builds the counter-clockwise hull from the right-most lowest point, dropping interior points', () => {
    // LunarLander's hull (px): Box2D reorders it to start at (17, -10).
    const poly = PolygonShape.fromPoints([[-14, 17], [-17, 0], [-17, -10], [17, -10], [17, 0], [14, 17], [0, 5]].map(([x, y]) => ({ x, y })));
    expect(Array.from(poly.vx)).toEqual([17, 17, 14, -14, -17, -17]);
    expect(Array.from(poly.vy)).toEqual([-10, 0, 17, 17, 0, -10]);
  });

  it('has unit outward normals, one per edge', () => {
    const poly = PolygonShape.fromPoints([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 3 }]);
    // Vertices (4,0), (0,3), (0,0): edges right→top (hypotenuse), top→origin, origin→right.
    expect(Array.from(poly.vx)).toEqual([4, 0, 0]);
    expect(Array.from(poly.vy)).toEqual([0, 3, 0]);
    expect(poly.nx[0]).toBeCloseTo(3 / 5, 15);
    expect(poly.ny[0]).toBeCloseTo(4 / 5, 15);
    expect([poly.nx[1], poly.ny[1]]).toEqual([-1, -0]);
    expect([poly.nx[2], poly.ny[2]]).toEqual([0, -1]);
  });

  it('computes the area centroid of a triangle, (Σv)/3', () => {
    const poly = PolygonShape.fromPoints([{ x: 1, y: 1 }, { x: 7, y: 1 }, { x: 1, y: 4 }]);
    expect(poly.centroidX).toBeCloseTo(3, 14);
    expect(poly.centroidY).toBeCloseTo(2, 14);
  });

  it('refuses bad input with one message naming the field', () => {
    expect(() => PolygonShape.fromPoints([{ x: 0, y: 0 }, { x: 1, y: 0 }])).toThrow('points must hold 3 to 16 vertices, got 2');
    expect(() => PolygonShape.fromPoints([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }])).toThrow('collinear');
    expect(() => PolygonShape.fromPoints([{ x: 0, y: 0 }, { x: 1, y: NaN }, { x: 2, y: 1 }])).toThrow('points[1] must be {x, y} with finite numbers');
    expect(() => PolygonShape.box(0, 1)).toThrow('hx must be a finite number > 0, got 0');
    expect(() => new EdgeShape(0, 0, 0, 0)).toThrow('the two vertices must differ');
    expect(() => new EdgeShape(0, 0, Infinity, 0)).toThrow('x2 must be a finite number, got Infinity');
  });
});

describe('mass data (b2PolygonShape::ComputeMass)', () => {
  it('box: m = 4ρ·hx·hy, centre at the origin, I = m(hx² + hy²)/3', () => {
    const md = PolygonShape.box(0.3, 0.7).computeMass(2.5);
    const m = 4 * 2.5 * 0.3 * 0.7;
    expect(md.mass).toBeCloseTo(m, 14);
    expect(md.centerX).toBeCloseTo(0, 15);
    expect(md.centerY).toBeCloseTo(0, 15);
    expect(md.inertia).toBeCloseTo((m * (0.3 * 0.3 + 0.7 * 0.7)) / 3, 14);
  });

  it('offset rectangle: inertia about the origin by the parallel-axis theorem', () => {
    // [1, 3] x [2, 3]: w = 2, h = 1, centre (2, 2.5).
    const md = PolygonShape.fromPoints([{ x: 1, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 3 }, { x: 1, y: 3 }]).computeMass(3);
    const m = 3 * 2 * 1;
    expect(md.mass).toBeCloseTo(m, 13);
    expect(md.centerX).toBeCloseTo(2, 13);
    expect(md.centerY).toBeCloseTo(2.5, 13);
    expect(md.inertia).toBeCloseTo((m * (4 + 1)) / 12 + m * (4 + 6.25), 12);
  });

  it('edges have no mass', () => {
    expect(new EdgeShape(0, 0, 2, 2).computeMass()).toEqual({ mass: 0, centerX: 1, centerY: 1, inertia: 0 });
  });
});

describe('AABBs', () => {
  it('bound the transformed vertices grown by the 0.01 m skin', () => {
    const xf = new Transform();
    xf.set(1, 2, Math.PI / 2);
    const out = new AABB();
    PolygonShape.box(0.5, 0.25).computeAABB(xf, out);
    // Rotated by 90°: half-extents swap.
    expect(out.lowerX).toBeCloseTo(1 - 0.25 - 0.01, 14);
    expect(out.upperX).toBeCloseTo(1 + 0.25 + 0.01, 14);
    expect(out.lowerY).toBeCloseTo(2 - 0.5 - 0.01, 14);
    expect(out.upperY).toBeCloseTo(2 + 0.5 + 0.01, 14);
    new EdgeShape(0, 0, 2, -1).computeAABB(new Transform(), out);
    expect([out.lowerX, out.lowerY, out.upperX, out.upperY]).toEqual([-0.01, -1.01, 2.01, 0.01]);
  });
});
