// b2EdgeShape (Collision/Shapes/b2EdgeShape.cpp): an isolated line segment (no ghost vertices).
import type { AABB, Transform } from './math.js';
import { POLYGON_RADIUS } from './settings.js';
import { computeVertexAABB, type DistanceProxy, type MassData } from './shape.js';

/** A line segment between two points in body coordinates (b2EdgeShape, without ghost vertices). */
export class EdgeShape implements DistanceProxy {
  readonly kind = 'edge';
  readonly radius = POLYGON_RADIUS;
  readonly count = 2;
  /** Vertex 1 then vertex 2, in body coordinates. */
  readonly vx: Float64Array;
  readonly vy: Float64Array;

  constructor(x1: number, y1: number, x2: number, y2: number) {
    for (const [name, v] of [['x1', x1], ['y1', y1], ['x2', x2], ['y2', y2]] as const) {
      if (!Number.isFinite(v)) throw new Error(`EdgeShape: ${name} must be a finite number, got ${v}`);
    }
    if (x1 === x2 && y1 === y2) throw new Error(`EdgeShape: the two vertices must differ, got (${x1}, ${y1}) twice`);
    this.vx = Float64Array.of(x1, x2);
    this.vy = Float64Array.of(y1, y2);
  }

  /** Writes into `out` the box bounding the shape under transform `xf`, grown by the skin radius. */
  computeAABB(xf: Transform, out: AABB): void {
    computeVertexAABB(this, xf, out);
  }

  /** Edges have no area: zero mass, centre at the midpoint. */
  computeMass(): MassData {
    return { mass: 0, centerX: 0.5 * (this.vx[0] + this.vx[1]), centerY: 0.5 * (this.vy[0] + this.vy[1]), inertia: 0 };
  }
}
