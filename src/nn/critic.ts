import { sub } from '../autodiff/ops/arith.js';
import { mean } from '../autodiff/ops/reduce.js';
import { scaleBy } from '../autodiff/ops/scalar.js';
import { square } from '../autodiff/ops/unary.js';
import { type Tensor, fromBuffer } from '../autodiff/tensor.js';
import { valueAndGrad } from '../autodiff/transforms.js';
import type { Rng } from '../rng/rng.js';
import { type Episodes, checkEpisodes } from './episodes.js';
import { initMlp } from './init.js';
import { type HiddenActivation, type MlpLayout, mlpForward, mlpLayout } from './mlp.js';
import { Adam } from './optimizers.js';

export interface MlpCriticOptions {
  /** Hidden layer widths of the value network. */
  readonly hidden: readonly number[];
  readonly activation?: HiddenActivation;
  /** Full-batch Adam steps per fit. */
  readonly steps: number;
  /** Adam's learning rate. */
  readonly lr: number;
}

const OBS_CLIP = 10;

/** The critic network's layout: inputs are the observation and the step's time feature t/100. */
export function criticLayout(obsDim: number, options: MlpCriticOptions): MlpLayout {
  return mlpLayout([obsDim + 1, ...options.hidden, 1], options.activation ?? 'tanh');
}

/**
 * Initial critic parameters: hidden layers as initMlp draws them, the output layer zero, so that
 * an unfitted critic values every state at 0 as a fresh LinearFeatureBaseline does (and the
 * returns that its first fit targets are bootstrapped from 0, as theirs are).
 */
export function initCritic(layout: MlpLayout, rng: Rng): Float64Array {
  const params = initMlp(layout, rng);
  const out = layout.layers[layout.layers.length - 1];
  params.fill(0, out.weightOffset, out.biasOffset + out.outputs);
  return params;
}

/**
 * A value baseline V(s_t) = mu + sigma * f(o_t, t/100), f an MLP, o the observation clipped to
 * [-10, 10] and t the step within the episode (the linear baseline's inputs, without its
 * polynomial features). Each fit starts from the parameters given at construction and takes
 * `steps` full-batch Adam steps on the mean squared error of f against the standardised returns
 * (mu and sigma: their mean and standard deviation over every step), so a fit depends on its
 * batch alone and the learning rate does not depend on the scale of the rewards. Deterministic:
 * no draws after construction.
 */
export class MlpCritic {
  readonly obsDim: number;
  readonly layout: MlpLayout;
  readonly params: Float64Array;
  private readonly initial: Float64Array;
  private readonly options: MlpCriticOptions;
  private mu = 0;
  private sigma = 1;

  constructor(obsDim: number, initial: Float64Array, options: MlpCriticOptions) {
    if (!Number.isInteger(obsDim) || obsDim < 1) throw new Error(`MlpCritic: obsDim is ${obsDim}, expected a positive integer`);
    if (!Number.isInteger(options.steps) || options.steps < 0) throw new Error(`MlpCritic: steps is ${options.steps}, expected a non-negative integer`);
    if (!(options.lr > 0 && options.lr < Infinity)) throw new Error(`MlpCritic: lr is ${options.lr}, expected a positive finite number`);
    this.obsDim = obsDim;
    this.options = options;
    this.layout = criticLayout(obsDim, options);
    if (initial.length !== this.layout.size) throw new Error(`MlpCritic: initial parameters have length ${initial.length}, expected ${this.layout.size} (the critic's layout)`);
    this.initial = Float64Array.from(initial);
    this.params = Float64Array.from(initial);
  }

  private checkObs(op: string, obs: Float64Array): number {
    if (obs.length % this.obsDim !== 0) throw new Error(`${op}: obs has length ${obs.length}, expected a multiple of obsDim = ${this.obsDim}`);
    return obs.length / this.obsDim;
  }

  private row(obs: Float64Array, row: number, t: number, x: Float64Array, at: number): void {
    const d = this.obsDim;
    for (let j = 0; j < d; j++) x[at * (d + 1) + j] = Math.min(OBS_CLIP, Math.max(-OBS_CLIP, obs[row * d + j]));
    x[at * (d + 1) + d] = t / 100;
  }

  /** Fits V to the returns over every step of every episode (rows outside episodes do not count). */
  fit(obs: Float64Array, returns: Float64Array, episodes: Episodes): void {
    const rows = this.checkObs('MlpCritic.fit', obs);
    if (returns.length !== rows) throw new Error(`MlpCritic.fit: returns have length ${returns.length}, expected ${rows} (one per obs row)`);
    checkEpisodes('MlpCritic.fit', episodes, rows);
    const used = packedRows(episodes);
    const n = used.length;
    if (n === 0) throw new Error('MlpCritic.fit: the batch is empty, expected at least one step');
    const d = this.obsDim;
    const x = new Float64Array(n * (d + 1));
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = returns[used[i].row];
      this.row(obs, used[i].row, used[i].t, x, i);
    }
    let mu = 0;
    for (let i = 0; i < n; i++) mu += y[i];
    mu /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (y[i] - mu) ** 2;
    const sd = Math.sqrt(variance / n);
    const sigma = sd > 0 && Number.isFinite(sd) ? sd : 1;
    if (!Number.isFinite(mu)) throw new Error(`MlpCritic.fit: the returns' mean is ${mu}, expected finite returns`);
    for (let i = 0; i < n; i++) y[i] = (y[i] - mu) / sigma;
    const input = fromBuffer(x, [n, d + 1]);
    const target = fromBuffer(y, [n, 1]);
    const loss = valueAndGrad((theta: Tensor) => scaleBy(mean(square(sub(mlpForward(this.layout, theta, input), target))), 0.5));
    this.params.set(this.initial);
    const adam = new Adam(this.layout.size, { lr: this.options.lr });
    for (let s = 0; s < this.options.steps; s++) adam.step(this.params, loss(fromBuffer(this.params, [this.layout.size])).grad.data);
    this.mu = mu;
    this.sigma = sigma;
  }

  private values(x: Tensor, out: Float64Array, at: (i: number) => number): void {
    const f = mlpForward(this.layout, fromBuffer(this.params, [this.layout.size]), x).data;
    for (let i = 0; i < f.length; i++) out[at(i)] = this.mu + this.sigma * f[i];
  }

  /** Values of every step of every episode into out [rows] (other rows are left as they are). */
  predict(obs: Float64Array, episodes: Episodes, out: Float64Array): void {
    const rows = this.checkObs('MlpCritic.predict', obs);
    if (out.length !== rows) throw new Error(`MlpCritic.predict: out has length ${out.length}, expected ${rows} (one per obs row)`);
    checkEpisodes('MlpCritic.predict', episodes, rows);
    const used = packedRows(episodes);
    if (used.length === 0) return;
    const d = this.obsDim;
    const x = new Float64Array(used.length * (d + 1));
    for (let i = 0; i < used.length; i++) this.row(obs, used[i].row, used[i].t, x, i);
    this.values(fromBuffer(x, [used.length, d + 1]), out, (i) => used[i].row);
  }

  /** Values of the observations after each episode's last step, nextObs [episodes, obsDim], at t = its length, into out [episodes]. */
  predictNext(nextObs: Float64Array, episodes: Episodes, out: Float64Array): void {
    const n = episodes.episodeLengths.length;
    const d = this.obsDim;
    if (nextObs.length !== n * d) throw new Error(`MlpCritic.predictNext: nextObs has length ${nextObs.length}, expected episodes * obsDim = ${n * d}`);
    if (out.length !== n) throw new Error(`MlpCritic.predictNext: out has length ${out.length}, expected ${n} (one per episode)`);
    if (n === 0) return;
    const x = new Float64Array(n * (d + 1));
    for (let e = 0; e < n; e++) this.row(nextObs, e, episodes.episodeLengths[e], x, e);
    this.values(fromBuffer(x, [n, d + 1]), out, (i) => i);
  }
}

/** Each episode's rows with their step index, episode by episode. */
function packedRows(episodes: Episodes): { row: number; t: number }[] {
  const out: { row: number; t: number }[] = [];
  for (let e = 0; e < episodes.episodeStarts.length; e++) {
    for (let t = 0; t < episodes.episodeLengths[e]; t++) out.push({ row: episodes.episodeStarts[e] + t, t });
  }
  return out;
}
