/**
 * The adaptation theta -> theta_K of K inner steps on fixed batches D_k,
 *   theta_0 = theta,  g_k = grad L(theta_k; D_k),  theta_{k+1} = theta_k - alpha (*) g_k
 * (alpha a scalar, or Meta-SGD's alpha_vec), and its Jacobian J = d theta_K / d [theta, alpha_vec]
 * as the product of the steps' Jacobians, H_k the Hessian of L(.; D_k) at theta_k (symmetric):
 *   J [u; u_alpha]   u_{k+1} = u_k - alpha (*) H_k u_k  [- g_k (*) u_alpha]
 *   J^T w            w_k = w_{k+1} - H_k (alpha (*) w_{k+1}),  w_alpha -= g_k (*) w_{k+1}
 * The data are fixed: the dependence of the sampling distribution on theta is not differentiated.
 * MAML's and Meta-SGD's meta-gradient is J^T grad L(theta_K; D_val); MAML-TRPO's KL curvature is
 * J^T F J. Each product takes K Hessian-vector products.
 */
import { sgdStepInto, subtractScaledInto } from '../nn/optimizers.js';

/** v -> H v at one inner iterate (a fresh buffer). */
export type HessianProduct = (v: Float64Array) => Float64Array;

/** theta_{k+1} = theta_k - alpha (*) g_k, a fresh vector. */
export function innerStep(theta: Float64Array, rate: number | Float64Array, grad: Float64Array): Float64Array {
  return sgdStepInto(new Float64Array(theta.length), theta, rate, grad);
}

export class Adaptation {
  /** theta_0..theta_{k-1} of the steps recorded so far. */
  readonly iterates: Float64Array[] = [];
  /** g_k of the steps recorded so far, with a learned alpha_vec (J's alpha columns need them), else empty. */
  readonly grads: Float64Array[] = [];
  private readonly hessians: HessianProduct[] = [];

  constructor(readonly rate: number | Float64Array) {}

  /** K, the steps recorded. */
  get steps(): number {
    return this.iterates.length;
  }

  /** Records step k at theta_k with its gradient and v -> H_k v; returns theta_{k+1}. */
  step(iterate: Float64Array, grad: Float64Array, hessian: HessianProduct): Float64Array {
    this.iterates.push(iterate);
    if (typeof this.rate !== 'number') this.grads.push(grad);
    this.hessians.push(hessian);
    return innerStep(iterate, this.rate, grad);
  }

  /** J [u; uAlpha] (uAlpha: alpha_vec's part, null with a fixed alpha), a fresh vector. */
  jvp(u: Float64Array, uAlpha: Float64Array | null): Float64Array {
    const n = u.length;
    let out: Float64Array = Float64Array.from(u);
    for (let k = 0; k < this.steps; k++) {
      out = subtractScaledInto(new Float64Array(n), out, this.rate, this.hessians[k](out));
      if (uAlpha !== null) {
        const g = this.grads[k];
        for (let i = 0; i < n; i++) out[i] -= g[i] * uAlpha[i];
      }
    }
    return out;
  }

  /**
   * J^T w: theta's part (w itself when K = 0); with a learned alpha_vec its part subtracted, times
   * `weight`, into `alpha` (default fresh zeros), so that a sum over tasks needs one accumulator.
   */
  vjp(w: Float64Array, alpha: Float64Array | null = typeof this.rate === 'number' ? null : new Float64Array(w.length), weight = 1): { theta: Float64Array; alpha: Float64Array | null } {
    const theta = this.backward(w, alpha === null ? null : (g, out) => {
      for (let i = 0; i < g.length; i++) alpha[i] -= weight * g[i] * out[i];
    });
    return { theta, alpha };
  }

  /**
   * J^T w as {@link vjp} gives it, with alpha_vec's part as the terms weight g_k (*) w_{k+1} that
   * vjp subtracts, in the order it subtracts them (none with a fixed alpha): a sum over tasks
   * computed elsewhere subtracts them in task order and gets vjp's bits.
   */
  vjpTerms(w: Float64Array, weight: number): { theta: Float64Array; alphaTerms: Float64Array[] } {
    const alphaTerms: Float64Array[] = [];
    const theta = this.backward(w, typeof this.rate === 'number' ? null : (g, out) => {
      const term = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) term[i] = weight * g[i] * out[i];
      alphaTerms.push(term);
    });
    return { theta, alphaTerms };
  }

  /** The recursion w_k = w_{k+1} - H_k (alpha (*) w_{k+1}); `alphaTerm(g_k, w_{k+1})` sees each step with a learned alpha_vec. */
  private backward(w: Float64Array, alphaTerm: ((g: Float64Array, out: Float64Array) => void) | null): Float64Array {
    const n = w.length;
    const rate = this.rate;
    let out = w;
    for (let k = this.steps - 1; k >= 0; k--) {
      if (typeof rate === 'number') {
        out = subtractScaledInto(new Float64Array(n), out, rate, this.hessians[k](out));
        continue;
      }
      alphaTerm?.(this.grads[k], out);
      const scaled = new Float64Array(n);
      for (let i = 0; i < n; i++) scaled[i] = rate[i] * out[i];
      // The rates are already inside the direction.
      out = subtractScaledInto(new Float64Array(n), out, 1, this.hessians[k](scaled));
    }
    return out;
  }
}
