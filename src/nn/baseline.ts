import { type Episodes, checkEpisodes } from './episodes.js';

/** The ridge coefficient the linear value baseline's fit starts from. */
export interface LinearFeatureBaselineOptions {
  /** The first ridge coefficient tried; multiplied by 10 after each failed solve. Default 1e-5. */
  readonly regCoeff?: number;
}

/** Solves tried before fit gives up (rllab and pytorch-maml-rl both try 5). */
const TRIES = 5;
const OBS_CLIP = 10;

/**
 * rllab's LinearFeatureBaseline (as in MAML-RL and pytorch-maml-rl): V(s_t) = w . phi(s_t, t) with
 * phi = [o, o^2, t/100, (t/100)^2, (t/100)^3, 1], o = obs clipped to [-10, 10] (rllab clips,
 * pytorch-maml-rl does not), t the step within the episode. Weights start at zero.
 */
export class LinearFeatureBaseline {
  readonly obsDim: number;
  readonly featureSize: number;
  readonly weights: Float64Array;
  private readonly regCoeff: number;
  // Preallocated so fit and predict allocate nothing.
  private readonly phi: Float64Array;
  private readonly gram: Float64Array;
  private readonly rhs: Float64Array;
  private readonly chol: Float64Array;
  private readonly solution: Float64Array;

  constructor(obsDim: number, options: LinearFeatureBaselineOptions = {}) {
    if (!Number.isInteger(obsDim) || obsDim < 1) throw new Error(`LinearFeatureBaseline: obsDim is ${obsDim}, expected a positive integer`);
    const regCoeff = options.regCoeff ?? 1e-5;
    if (!(regCoeff > 0 && regCoeff < Infinity)) {
      throw new Error(`LinearFeatureBaseline: regCoeff is ${regCoeff}, expected a positive finite number`);
    }
    const f = 2 * obsDim + 4;
    this.obsDim = obsDim;
    this.featureSize = f;
    this.regCoeff = regCoeff;
    this.weights = new Float64Array(f);
    this.phi = new Float64Array(f);
    this.gram = new Float64Array(f * f);
    this.rhs = new Float64Array(f);
    this.chol = new Float64Array(f * f);
    this.solution = new Float64Array(f);
  }

  /** phi(obs[row], t) into this.phi. */
  private features(obs: Float64Array, row: number, t: number): Float64Array {
    const { obsDim: d, phi } = this;
    const o = row * d;
    for (let j = 0; j < d; j++) {
      const x = Math.min(OBS_CLIP, Math.max(-OBS_CLIP, obs[o + j]));
      phi[j] = x;
      phi[d + j] = x * x;
    }
    const s = t / 100;
    phi[2 * d] = s;
    phi[2 * d + 1] = s * s;
    phi[2 * d + 2] = s * s * s;
    phi[2 * d + 3] = 1;
    return phi;
  }

  private checkObs(op: string, obs: Float64Array): number {
    if (obs.length % this.obsDim !== 0) {
      throw new Error(`${op}: obs has length ${obs.length}, expected a multiple of obsDim = ${this.obsDim}`);
    }
    return obs.length / this.obsDim;
  }

  /**
   * Ridge regression of the returns on the features over every step of every episode:
   * w = (X'X + r I)^-1 X'y, with r = regCoeff, then 10 r, ... until the solve succeeds (at most 5
   * tries; then it throws). Returns the r that was used.
   */
  fit(obs: Float64Array, returns: Float64Array, episodes: Episodes): number {
    const rows = this.checkObs('LinearFeatureBaseline.fit', obs);
    if (returns.length !== rows) throw new Error(`LinearFeatureBaseline.fit: returns have length ${returns.length}, expected ${rows} (one per obs row)`);
    checkEpisodes('LinearFeatureBaseline.fit', episodes, rows);
    const { featureSize: f, gram, rhs } = this;
    gram.fill(0);
    rhs.fill(0);
    for (let e = 0; e < episodes.episodeStarts.length; e++) {
      const start = episodes.episodeStarts[e];
      for (let t = 0; t < episodes.episodeLengths[e]; t++) {
        const phi = this.features(obs, start + t, t);
        const y = returns[start + t];
        // Upper triangle only; the solve reads nothing else.
        for (let i = 0; i < f; i++) {
          const p = phi[i];
          rhs[i] += p * y;
          for (let j = i; j < f; j++) gram[i * f + j] += p * phi[j];
        }
      }
    }
    let reg = this.regCoeff;
    for (let k = 0; k < TRIES; k++, reg *= 10) {
      if (this.solve(reg)) {
        this.weights.set(this.solution);
        return reg;
      }
    }
    throw new Error(
      `LinearFeatureBaseline.fit: the normal equations stayed singular or non-finite for ridge coefficients ${this.regCoeff} to ${reg / 10}, expected finite features and returns`,
    );
  }

  /**
   * Solves (gram + reg I) x = rhs by Cholesky into this.solution. Fails (false) when a pivot is not
   * above f * 2^-52 * max diagonal, the usual numerical-rank tolerance, or the result is not finite.
   */
  private solve(reg: number): boolean {
    const { featureSize: f, gram, rhs, chol: L, solution: x } = this;
    let maxDiag = 0;
    for (let i = 0; i < f; i++) maxDiag = Math.max(maxDiag, gram[i * f + i] + reg);
    const tol = f * Number.EPSILON * maxDiag;
    // Lower factor L (row-major) with L L' = gram + reg I, from the upper triangle of gram.
    for (let j = 0; j < f; j++) {
      let d = gram[j * f + j] + reg;
      for (let k = 0; k < j; k++) d -= L[j * f + k] * L[j * f + k];
      if (!(d > tol)) return false;
      const ljj = Math.sqrt(d);
      L[j * f + j] = ljj;
      for (let i = j + 1; i < f; i++) {
        let s = gram[j * f + i];
        for (let k = 0; k < j; k++) s -= L[i * f + k] * L[j * f + k];
        L[i * f + j] = s / ljj;
      }
    }
    // L z = rhs, then L' x = z (z kept in x).
    for (let i = 0; i < f; i++) {
      let s = rhs[i];
      for (let k = 0; k < i; k++) s -= L[i * f + k] * x[k];
      x[i] = s / L[i * f + i];
    }
    for (let i = f - 1; i >= 0; i--) {
      let s = x[i];
      for (let k = i + 1; k < f; k++) s -= L[k * f + i] * x[k];
      x[i] = s / L[i * f + i];
    }
    for (let i = 0; i < f; i++) if (!Number.isFinite(x[i])) return false;
    return true;
  }

  /** The value of one observation (row `row` of obs) at step t of its episode. */
  private valueAt(obs: Float64Array, row: number, t: number): number {
    const phi = this.features(obs, row, t);
    let v = 0;
    for (let i = 0; i < this.featureSize; i++) v += this.weights[i] * phi[i];
    return v;
  }

  /** Values of every step of every episode into out [rows] (other rows are left as they are). */
  predict(obs: Float64Array, episodes: Episodes, out: Float64Array): void {
    const rows = this.checkObs('LinearFeatureBaseline.predict', obs);
    if (out.length !== rows) throw new Error(`LinearFeatureBaseline.predict: out has length ${out.length}, expected ${rows} (one per obs row)`);
    checkEpisodes('LinearFeatureBaseline.predict', episodes, rows);
    for (let e = 0; e < episodes.episodeStarts.length; e++) {
      const start = episodes.episodeStarts[e];
      for (let t = 0; t < episodes.episodeLengths[e]; t++) out[start + t] = this.valueAt(obs, start + t, t);
    }
  }

  /**
   * Values of the observations that followed each episode's last step, nextObs [episodes, obsDim]
   * (a rollout's finalObs), at t = the episode's length, into out [episodes]: the nextValues that
   * returns and GAE bootstrap truncated episodes from.
   */
  predictNext(nextObs: Float64Array, episodes: Episodes, out: Float64Array): void {
    const n = episodes.episodeLengths.length;
    if (nextObs.length !== n * this.obsDim) {
      throw new Error(`LinearFeatureBaseline.predictNext: nextObs has length ${nextObs.length}, expected episodes * obsDim = ${n * this.obsDim}`);
    }
    if (out.length !== n) throw new Error(`LinearFeatureBaseline.predictNext: out has length ${out.length}, expected ${n} (one per episode)`);
    for (let e = 0; e < n; e++) out[e] = this.valueAt(nextObs, e, episodes.episodeLengths[e]);
  }
}
