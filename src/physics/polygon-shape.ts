// b2PolygonShape (Collision/Shapes/b2PolygonShape.cpp): convex hull, box, centroid, mass.
import type { AABB, Transform, Vec2 } from './math.js';
import { EPSILON, MAX_POLYGON_VERTICES, POLYGON_RADIUS } from './settings.js';
import { computeVertexAABB, type DistanceProxy, type MassData } from './shape.js';

/** A convex polygon in body coordinates, or a box (b2PolygonShape). */
export class PolygonShape implements DistanceProxy {
  readonly kind = 'polygon';
  readonly radius = POLYGON_RADIUS;
  /** Counter-clockwise vertices and outward unit edge normals (normal i is of edge i → i+1). */
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly nx: Float64Array;
  readonly ny: Float64Array;
  readonly centroidX: number;
  readonly centroidY: number;

  private constructor(vx: Float64Array, vy: Float64Array, nx: Float64Array, ny: Float64Array, centroidX: number, centroidY: number) {
    this.vx = vx;
    this.vy = vy;
    this.nx = nx;
    this.ny = ny;
    this.centroidX = centroidX;
    this.centroidY = centroidY;
  }

  get count(): number {
    return this.vx.length;
  }

  /**
   * b2PolygonShape::Set as pybox2d runs it (no vertex welding): gift-wrapping hull from the
   * right-most (then lowest) point, counter-clockwise.
   */
  static fromPoints(points: readonly Vec2[]): PolygonShape {
    const n = points.length;
    if (!(n >= 3 && n <= MAX_POLYGON_VERTICES)) {
      throw new Error(`PolygonShape.fromPoints: points must hold 3 to ${MAX_POLYGON_VERTICES} vertices, got ${n}`);
    }
    const px = new Float64Array(n), py = new Float64Array(n);
    points.forEach((p, i) => {
      if (!Number.isFinite(p?.x) || !Number.isFinite(p?.y)) {
        throw new Error(`PolygonShape.fromPoints: points[${i}] must be {x, y} with finite numbers, got ${JSON.stringify(p)}`);
      }
      px[i] = p.x;
      py[i] = p.y;
    });
    let i0 = 0;
    let x0 = px[0];
    for (let i = 1; i < n; i++) {
      const x = px[i];
      if (x > x0 || (x === x0 && py[i] < py[i0])) {
        i0 = i;
        x0 = x;
      }
    }
    const hull: number[] = [];
    let ih = i0;
    for (;;) {
      if (hull.length === n) throw new Error('PolygonShape.fromPoints: the points do not form a convex hull (degenerate input)');
      hull.push(ih);
      let ie = 0;
      for (let j = 1; j < n; j++) {
        if (ie === ih) {
          ie = j;
          continue;
        }
        const rx = px[ie] - px[ih], ry = py[ie] - py[ih];
        const vx = px[j] - px[ih], vy = py[j] - py[ih];
        const c = rx * vy - ry * vx;
        if (c < 0) ie = j;
        if (c === 0 && vx * vx + vy * vy > rx * rx + ry * ry) ie = j;
      }
      ih = ie;
      if (ie === i0) break;
    }
    const m = hull.length;
    if (m < 3) throw new Error(`PolygonShape.fromPoints: the points are collinear (hull of ${m} vertices, expected at least 3)`);
    const vx = Float64Array.from(hull, (k) => px[k]);
    const vy = Float64Array.from(hull, (k) => py[k]);
    const nx = new Float64Array(m), ny = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const i2 = i + 1 < m ? i + 1 : 0;
      const ex = vx[i2] - vx[i], ey = vy[i2] - vy[i];
      const len = Math.sqrt(ex * ex + ey * ey);
      if (!(len > EPSILON)) throw new Error(`PolygonShape.fromPoints: hull edge ${i} has (near) zero length`);
      nx[i] = ey / len;
      ny[i] = -ex / len;
    }
    const [cx, cy] = centroid(vx, vy);
    return new PolygonShape(vx, vy, nx, ny, cx, cy);
  }

  /** b2PolygonShape::SetAsBox: a box of half-extents (hx, hy) centred on the body origin. */
  static box(hx: number, hy: number): PolygonShape {
    if (!(Number.isFinite(hx) && hx > 0)) throw new Error(`PolygonShape.box: hx must be a finite number > 0, got ${hx}`);
    if (!(Number.isFinite(hy) && hy > 0)) throw new Error(`PolygonShape.box: hy must be a finite number > 0, got ${hy}`);
    return new PolygonShape(
      Float64Array.of(-hx, hx, hx, -hx),
      Float64Array.of(-hy, -hy, hy, hy),
      Float64Array.of(0, 1, 0, -1),
      Float64Array.of(-1, 0, 1, 0),
      0,
      0,
    );
  }

  /** Writes into `out` the box bounding the shape under transform `xf`, grown by the skin radius. */
  computeAABB(xf: Transform, out: AABB): void {
    computeVertexAABB(this, xf, out);
  }

  /** Triangle fan about the vertex average (b2PolygonShape::ComputeMass); inertia about the body origin. */
  computeMass(density: number): MassData {
    const { vx, vy } = this;
    const n = vx.length;
    let sx = 0, sy = 0;
    for (let i = 0; i < n; i++) {
      sx += vx[i];
      sy += vy[i];
    }
    sx *= 1 / n;
    sy *= 1 / n;
    const inv3 = 1 / 3;
    let area = 0, cx = 0, cy = 0, inertia = 0;
    for (let i = 0; i < n; i++) {
      const i2 = i + 1 < n ? i + 1 : 0;
      const e1x = vx[i] - sx, e1y = vy[i] - sy;
      const e2x = vx[i2] - sx, e2y = vy[i2] - sy;
      const d = e1x * e2y - e1y * e2x;
      const triangleArea = 0.5 * d;
      area += triangleArea;
      cx += triangleArea * inv3 * (e1x + e2x);
      cy += triangleArea * inv3 * (e1y + e2y);
      const intx2 = e1x * e1x + e2x * e1x + e2x * e2x;
      const inty2 = e1y * e1y + e2y * e1y + e2y * e2y;
      inertia += 0.25 * inv3 * d * (intx2 + inty2);
    }
    const mass = density * area;
    cx *= 1 / area;
    cy *= 1 / area;
    const centerX = cx + sx, centerY = cy + sy;
    const inertiaAboutOrigin = density * inertia + mass * (centerX * centerX + centerY * centerY - (cx * cx + cy * cy));
    return { mass, centerX, centerY, inertia: inertiaAboutOrigin };
  }
}

/** Area centroid by a triangle fan from the origin (ComputeCentroid). */
function centroid(vx: Float64Array, vy: Float64Array): [number, number] {
  const n = vx.length;
  const inv3 = 1 / 3;
  let cx = 0, cy = 0, area = 0;
  for (let i = 0; i < n; i++) {
    const i2 = i + 1 < n ? i + 1 : 0;
    const d = vx[i] * vy[i2] - vy[i] * vx[i2];
    const triangleArea = 0.5 * d;
    area += triangleArea;
    cx += triangleArea * inv3 * (vx[i] + vx[i2]);
    cy += triangleArea * inv3 * (vy[i] + vy[i2]);
  }
  const inv = 1 / area;
  return [cx * inv, cy * inv];
}
