/**
 * Conjugate gradient for A x = b with A symmetric positive definite, given only the product
 * v -> A v: the natural-gradient solve of TRPO, where A is the (damped) KL Hessian and each
 * product costs Hessian-vector products. The iteration is pytorch-maml-rl's (x_0 = 0, the
 * recursively updated residual, stop after an iteration that brings r.r below the tolerance), so a
 * step taken here is the step taken there; b = 0 alone stops before any product (pytorch would
 * divide 0 by 0).
 */

/** out = A v; must not keep `v` or `out` (the solver reuses them). */
export type MatVec = (v: Float64Array, out: Float64Array) => void;

/** pytorch-maml-rl's residual_tol: the solve stops once r.r falls below it. */
export const CG_RESIDUAL_TOLERANCE = 1e-10;

export interface ConjugateGradientResult {
  /** The approximate solution (the workspace's buffer: copy it to keep it past the next solve). */
  readonly x: Float64Array;
  /** ||r|| at the end: the recursive residual b - A x of the last iterate. */
  readonly residualNorm: number;
  /** Products A v taken. */
  readonly iterations: number;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Preallocated vectors of one problem size; `solve` allocates nothing. */
export class ConjugateGradient {
  private readonly x: Float64Array;
  private readonly r: Float64Array;
  private readonly p: Float64Array;
  private readonly ap: Float64Array;

  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`ConjugateGradient: size is ${size}, expected a positive integer`);
    this.x = new Float64Array(size);
    this.r = new Float64Array(size);
    this.p = new Float64Array(size);
    this.ap = new Float64Array(size);
  }

  /**
   * At most `maxIterations` products; stops early once r.r < tolerance (after one product when b
   * is an eigenvector of A), or at once when b = 0.
   */
  solve(matVec: MatVec, b: Float64Array, maxIterations: number, tolerance = CG_RESIDUAL_TOLERANCE): ConjugateGradientResult {
    const run = this.iterate(b, maxIterations, tolerance);
    for (let next = run.next(); ; next = run.next()) {
      if (next.done === true) return next.value;
      matVec(next.value.v, next.value.out);
    }
  }

  /**
   * {@link solve} as a generator, for products computed elsewhere (other threads): each yield asks
   * for A v written into out before the next `next()`.
   */
  *iterate(b: Float64Array, maxIterations: number, tolerance = CG_RESIDUAL_TOLERANCE): Generator<{ v: Float64Array; out: Float64Array }, ConjugateGradientResult, void> {
    const n = this.size;
    if (b.length !== n) throw new Error(`ConjugateGradient.solve: b has length ${b.length}, expected ${n}`);
    if (!Number.isSafeInteger(maxIterations) || maxIterations < 0) throw new Error(`ConjugateGradient.solve: maxIterations is ${maxIterations}, expected a non-negative integer`);
    const { x, r, p, ap } = this;
    x.fill(0);
    r.set(b);
    p.set(b);
    let rr = dot(r, r, n);
    let iterations = 0;
    while (iterations < maxIterations && rr !== 0) {
      yield { v: p, out: ap };
      iterations++;
      const pAp = dot(p, ap, n);
      // A curvature that is not positive (A not SPD along p, or NaN): no further progress is possible.
      if (!(pAp > 0)) break;
      const step = rr / pAp;
      for (let i = 0; i < n; i++) {
        x[i] += step * p[i];
        r[i] -= step * ap[i];
      }
      const next = dot(r, r, n);
      const mu = next / rr;
      for (let i = 0; i < n; i++) p[i] = r[i] + mu * p[i];
      rr = next;
      if (rr < tolerance) break;
    }
    return { x, residualNorm: Math.sqrt(rr), iterations };
  }
}
