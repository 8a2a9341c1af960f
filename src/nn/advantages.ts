import { type Episodes, checkEpisodes } from './episodes.js';

// Returns and advantages on the flat episode layout (see Episodes). After a terminated episode
// nothing follows (value 0); after a truncated one the value of the next observation,
// nextValues[e], stands in for the rest of the return.

function checkRate(op: string, name: string, x: number): void {
  if (!(x >= 0 && x <= 1)) throw new Error(`${op}: ${name} is ${x}, expected a number in [0, 1]`);
}

function checkRows(op: string, name: string, a: Float64Array, rows: number): void {
  if (a.length !== rows) throw new Error(`${op}: ${name} has length ${a.length}, expected ${rows} (one per reward)`);
}

/** The value after episode e's last step: 0 if it terminated, nextValues[e] if it was truncated. */
function tailValue(op: string, episodes: Episodes, e: number, nextValues: Float64Array | undefined): number {
  if (episodes.terminated[episodes.episodeStarts[e] + episodes.episodeLengths[e] - 1] === 1) return 0;
  if (nextValues === undefined) {
    throw new Error(`${op}: nextValues is missing, expected one value per episode (episode ${e} is truncated)`);
  }
  const v = nextValues[e];
  if (!Number.isFinite(v)) throw new Error(`${op}: nextValues[${e}] is ${v}, expected a finite number (episode ${e} is truncated)`);
  return v;
}

function checkNext(op: string, episodes: Episodes, nextValues: Float64Array | undefined): void {
  const n = episodes.episodeLengths.length;
  if (nextValues !== undefined && nextValues.length !== n) {
    throw new Error(`${op}: nextValues has length ${nextValues.length}, expected ${n} (one per episode)`);
  }
}

/**
 * Discounted returns R_t = r_t + gamma R_{t+1} into out, with R after the last step = the tail
 * value (0 at termination, nextValues[e] at truncation; nextValues may be omitted when every
 * episode terminated). out may be rewards itself.
 */
export function discountedReturns(
  rewards: Float64Array,
  episodes: Episodes,
  gamma: number,
  out: Float64Array,
  nextValues?: Float64Array,
): void {
  const op = 'discountedReturns';
  checkRate(op, 'gamma', gamma);
  checkRows(op, 'out', out, rewards.length);
  checkEpisodes(op, episodes, rewards.length);
  checkNext(op, episodes, nextValues);
  for (let e = 0; e < episodes.episodeStarts.length; e++) {
    const start = episodes.episodeStarts[e];
    let ret = tailValue(op, episodes, e, nextValues);
    for (let t = start + episodes.episodeLengths[e] - 1; t >= start; t--) {
      ret = rewards[t] + gamma * ret;
      out[t] = ret;
    }
  }
}

/**
 * GAE(gamma, lambda) into out: delta_t = r_t + gamma V_{t+1} - V_t (V after the last step = the
 * tail value), A_t = delta_t + gamma lambda A_{t+1}. lambda = 1 gives returns minus values,
 * lambda = 0 the one-step TD errors. out may be rewards or values itself.
 */
export function gae(
  rewards: Float64Array,
  values: Float64Array,
  episodes: Episodes,
  gamma: number,
  lambda: number,
  out: Float64Array,
  nextValues?: Float64Array,
): void {
  const op = 'gae';
  checkRate(op, 'gamma', gamma);
  checkRate(op, 'lambda', lambda);
  checkRows(op, 'values', values, rewards.length);
  checkRows(op, 'out', out, rewards.length);
  checkEpisodes(op, episodes, rewards.length);
  checkNext(op, episodes, nextValues);
  const decay = gamma * lambda;
  for (let e = 0; e < episodes.episodeStarts.length; e++) {
    const start = episodes.episodeStarts[e];
    let next = tailValue(op, episodes, e, nextValues);
    let adv = 0;
    for (let t = start + episodes.episodeLengths[e] - 1; t >= start; t--) {
      const v = values[t];
      adv = rewards[t] + gamma * next - v + decay * adv;
      next = v;
      out[t] = adv;
    }
  }
}

/**
 * pytorch-maml-rl's weighted_normalize on the flat layout, into out (which may be x itself):
 * mu = mean over episodes of each episode's mean, sigma = sqrt(mean over episodes of each
 * episode's mean of (x - mu)^2), out = (x - mu) / (sigma + eps). Each episode weighs the same;
 * with equal lengths this is the plain mean and population std over all steps.
 */
export function normalizeAdvantages(x: Float64Array, episodes: Episodes, out: Float64Array, eps = 1e-8): void {
  const op = 'normalizeAdvantages';
  checkRows(op, 'out', out, x.length);
  checkEpisodes(op, episodes, x.length);
  if (!(eps >= 0 && eps < Infinity)) throw new Error(`${op}: eps is ${eps}, expected a non-negative finite number`);
  const { episodeStarts: starts, episodeLengths: lengths } = episodes;
  const n = starts.length;
  if (n === 0) return;
  let mu = 0;
  for (let e = 0; e < n; e++) {
    let s = 0;
    for (let t = starts[e]; t < starts[e] + lengths[e]; t++) s += x[t];
    mu += s / lengths[e];
  }
  mu /= n;
  let variance = 0;
  for (let e = 0; e < n; e++) {
    let s = 0;
    for (let t = starts[e]; t < starts[e] + lengths[e]; t++) {
      const d = x[t] - mu;
      s += d * d;
    }
    variance += s / lengths[e];
  }
  const sigma = Math.sqrt(variance / n) + eps;
  for (let e = 0; e < n; e++) {
    for (let t = starts[e]; t < starts[e] + lengths[e]; t++) out[t] = (x[t] - mu) / sigma;
  }
}
