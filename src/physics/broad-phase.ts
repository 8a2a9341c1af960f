// b2BroadPhase (Collision/b2BroadPhase.h/.cpp) over a flat proxy list instead of b2DynamicTree:
// the same fat AABBs, move buffer and sorted pair order, with linear-time queries (small worlds).
import type { Fixture } from './fixture.js';
import type { AABB, Transform } from './math.js';
import { AABB_EXTENSION, AABB_MULTIPLIER } from './settings.js';

export interface PairHandler {
  /** Called once per new overlapping pair, fixtureA holding the smaller proxy id. */
  addPair(fixtureA: Fixture, fixtureB: Fixture): void;
}

class Proxy {
  lowerX = 0;
  lowerY = 0;
  upperX = 0;
  upperY = 0;
  constructor(readonly id: number, readonly fixture: Fixture) {}
}

function overlaps(a: Proxy, b: Proxy): boolean {
  // b2TestOverlap: touching boundaries count as overlap.
  return !(b.lowerX - a.upperX > 0 || b.lowerY - a.upperY > 0 || a.lowerX - b.upperX > 0 || a.lowerY - b.upperY > 0);
}

export class BroadPhase {
  private readonly proxies: Proxy[] = [];
  private readonly byId: Proxy[] = [];
  private moveBuffer = new Int32Array(16);
  private moveCount = 0;
  private pairA = new Int32Array(16);
  private pairB = new Int32Array(16);
  private pairCount = 0;

  get proxyCount(): number {
    return this.proxies.length;
  }

  /**
   * A proxy with the shape's AABB grown by AABB_EXTENSION. Ids follow b2DynamicTree's node pool in a
   * world without destruction (leaf k also allocates one internal node): 0, 1, 3, 5, ...
   */
  createProxy(aabb: AABB, fixture: Fixture): number {
    const k = this.proxies.length;
    const proxy = new Proxy(k === 0 ? 0 : 2 * k - 1, fixture);
    proxy.lowerX = aabb.lowerX - AABB_EXTENSION;
    proxy.lowerY = aabb.lowerY - AABB_EXTENSION;
    proxy.upperX = aabb.upperX + AABB_EXTENSION;
    proxy.upperY = aabb.upperY + AABB_EXTENSION;
    this.proxies.push(proxy);
    this.byId[proxy.id] = proxy;
    this.bufferMove(proxy.id);
    return proxy.id;
  }

  /**
   * b2DynamicTree::MoveProxy: nothing if the fat AABB still contains `aabb`; otherwise a new fat
   * AABB, extended along the displacement from `from` to `to` (x and y separately) to predict the
   * next move.
   */
  moveProxy(id: number, aabb: AABB, from: Transform, to: Transform): void {
    const p = this.byId[id];
    if (p.lowerX <= aabb.lowerX && p.lowerY <= aabb.lowerY && aabb.upperX <= p.upperX && aabb.upperY <= p.upperY) return;
    let lowerX = aabb.lowerX - AABB_EXTENSION;
    let lowerY = aabb.lowerY - AABB_EXTENSION;
    let upperX = aabb.upperX + AABB_EXTENSION;
    let upperY = aabb.upperY + AABB_EXTENSION;
    const ddx = AABB_MULTIPLIER * (to.px - from.px);
    const ddy = AABB_MULTIPLIER * (to.py - from.py);
    if (ddx < 0) lowerX += ddx;
    else upperX += ddx;
    if (ddy < 0) lowerY += ddy;
    else upperY += ddy;
    p.lowerX = lowerX;
    p.lowerY = lowerY;
    p.upperX = upperX;
    p.upperY = upperY;
    this.bufferMove(id);
  }

  /** Do the fat AABBs of two proxies overlap? */
  testOverlap(idA: number, idB: number): boolean {
    return overlaps(this.byId[idA], this.byId[idB]);
  }

  /**
   * Pairs of every moved proxy with every proxy its fat AABB overlaps, sorted by (smaller id,
   * larger id) with duplicates dropped, handed over in that order; clears the move buffer.
   */
  updatePairs(handler: PairHandler): void {
    this.pairCount = 0;
    const proxies = this.proxies;
    for (let i = 0; i < this.moveCount; i++) {
      const query = this.byId[this.moveBuffer[i]];
      for (let j = 0; j < proxies.length; j++) {
        const other = proxies[j];
        if (other === query || !overlaps(query, other)) continue;
        this.pushPair(Math.min(other.id, query.id), Math.max(other.id, query.id));
      }
    }
    this.moveCount = 0;
    this.sortPairs();
    const pa = this.pairA, pb = this.pairB, n = this.pairCount;
    let i = 0;
    while (i < n) {
      const a = pa[i], b = pb[i];
      handler.addPair(this.byId[a].fixture, this.byId[b].fixture);
      i++;
      while (i < n && pa[i] === a && pb[i] === b) i++;
    }
  }

  private bufferMove(id: number): void {
    if (this.moveCount === this.moveBuffer.length) {
      const grown = new Int32Array(2 * this.moveBuffer.length);
      grown.set(this.moveBuffer);
      this.moveBuffer = grown;
    }
    this.moveBuffer[this.moveCount++] = id;
  }

  private pushPair(a: number, b: number): void {
    if (this.pairCount === this.pairA.length) {
      const ga = new Int32Array(2 * this.pairA.length);
      const gb = new Int32Array(2 * this.pairB.length);
      ga.set(this.pairA);
      gb.set(this.pairB);
      this.pairA = ga;
      this.pairB = gb;
    }
    this.pairA[this.pairCount] = a;
    this.pairB[this.pairCount] = b;
    this.pairCount++;
  }

  /** Insertion sort by (a, b): the pair lists of a step are short and often nearly sorted. */
  private sortPairs(): void {
    const pa = this.pairA, pb = this.pairB;
    for (let i = 1; i < this.pairCount; i++) {
      const a = pa[i], b = pb[i];
      let j = i - 1;
      while (j >= 0 && (pa[j] > a || (pa[j] === a && pb[j] > b))) {
        pa[j + 1] = pa[j];
        pb[j + 1] = pb[j];
        j--;
      }
      pa[j + 1] = a;
      pb[j + 1] = b;
    }
  }
}
