import { expectFinite, expectTensor } from './checks.js';
import { grad } from './transforms.js';
import { Tensor } from './tensor.js';

/** Step and tolerance of the central differences `gradcheck` compares the tape against. */
export interface GradcheckOptions {
  /** Finite-difference step. Default 1e-6. */
  readonly eps?: number;
  /** Tolerance on max |tape - fd| / max(1, max |fd|). Default 1e-6. */
  readonly tol?: number;
}

/** Whether the tape's gradient agrees with central differences, and by how much they differ. */
export interface GradcheckResult {
  readonly ok: boolean;
  /** max |tape - fd| / max(1, max |fd|) */
  readonly error: number;
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
}

/** Compares the tape's gradient of scalar f at x with central finite differences. */
export function gradcheck(f: (x: Tensor) => Tensor, x: Tensor, options: GradcheckOptions = {}): GradcheckResult {
  const eps = options.eps ?? 1e-6;
  const tol = options.tol ?? 1e-6;
  if (!(eps > 0)) throw new Error(`gradcheck: eps is ${eps}, expected a positive number`);
  if (!(tol >= 0)) throw new Error(`gradcheck: tol is ${tol}, expected a non-negative number`);
  expectTensor('gradcheck', 'x', x);
  expectFinite('gradcheck', 'x', x, 'finite differences need a finite point');
  const analytic = grad(f)(x).data;
  const numeric = new Float64Array(x.size);
  const probe = Float64Array.from(x.data);
  // Evaluated with recording on, so an f that uses transforms inside (a gradient norm, an HVP) works.
  const at = (): number => f(new Tensor(probe, x.shape)).data[0];
  for (let i = 0; i < x.size; i++) {
    const x0 = probe[i];
    probe[i] = x0 + eps;
    const up = at();
    probe[i] = x0 - eps;
    const down = at();
    probe[i] = x0;
    numeric[i] = (up - down) / (2 * eps);
  }
  const error = relativeError(analytic, numeric);
  return { ok: error <= tol, error, analytic, numeric };
}

/** max |a - ref| / max(1, max |ref|): the fixtures' measure. */
export function relativeError(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (a.length !== ref.length) throw new Error(`relativeError: lengths differ (${a.length} vs ${ref.length})`);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - ref[i]);
    diff = d > diff || Number.isNaN(d) ? d : diff;
    scale = Math.max(scale, Math.abs(ref[i]));
  }
  return diff / scale;
}
