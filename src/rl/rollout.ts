/**
 * Episode sampling on a VectorEnv with a batched policy: one policy call per vector step, the
 * transitions regrouped so that every episode is contiguous in flat typed arrays.
 */
import type { VectorEnv } from '../envs/vector-env.js';
import { type ColumnSpec, RowBuffer } from './row-buffer.js';

/**
 * Writes one action per row of `obs` (row-major [n, obsDim]; only the first n rows are valid)
 * into `actionsOut[0..n * actionDim)` (row-major [n, actionDim]; actionDim is the vector env's,
 * 1 for a Discrete space). Row k belongs to the k-th stepping sub-env in index order. `obs` is
 * read-only and only valid during the call.
 */
export type BatchedPolicy = (obs: Float64Array, n: number, actionsOut: Float64Array) => void;

export interface RolloutOptions {
  /**
   * Complete episodes to collect. Sub-env i runs a fixed quota, ⌊E/N⌋ plus one for i < E mod N,
   * and is then left idle; a fixed quota per sub-env, rather than the first E episodes to end,
   * keeps short episodes from being over-represented.
   */
  episodes?: number;
  /** Budget of env steps (rows of the result); the episodes still running when it is spent are cut. */
  maxSteps?: number;
  /** Seed of the `reset` that starts the rollout (sub-env i gets seed + i); omitted, streams continue. */
  seed?: number | bigint;
}

/**
 * Episodes in the order they ended (vector step, then sub-env index); the episodes cut by the step
 * budget come last, in sub-env order. Arrays are views of buffers owned by this result.
 */
export interface Rollout {
  obsDim: number;
  /** Shape of one action: [] for a Discrete space (one integer), a Box's shape. */
  actionShape: readonly number[];
  /** Numbers per action: the product of actionShape (1 for Discrete). */
  actionDim: number;
  /** T: transitions collected, and env steps taken (idle sub-envs are not stepped). */
  steps: number;
  /** Vector steps, i.e. policy calls. */
  policyCalls: number;
  /** [T, obsDim]: observation each action was taken at. */
  obs: Float64Array;
  /** [T, actionDim]. */
  actions: Float64Array;
  /** [T]. */
  rewards: Float64Array;
  /** [T]: 1 on an episode's last step when it reached a terminal state. */
  terminated: Uint8Array;
  /**
   * [T]: 1 on an episode's last step when it was cut (time limit or step budget) and its value
   * should be bootstrapped from finalObs; both flags can be 1, then terminated wins.
   */
  truncated: Uint8Array;
  numEpisodes: number;
  /** Episodes [0, completeEpisodes) ended in the env; the rest were cut by the step budget. */
  completeEpisodes: number;
  episodeStarts: Int32Array;
  episodeLengths: Int32Array;
  /** Sum of each episode's rewards, in step order. */
  episodeReturns: Float64Array;
  /** [numEpisodes, obsDim]: the observation after each episode's last step. */
  finalObs: Float64Array;
}

type StepColumns = { obs: Float64Array; actions: Float64Array; rewards: Float64Array };

/** An in-progress episode of one sub-env: its steps so far, and how many episodes it has ended. */
interface Track {
  steps: RowBuffer<StepColumns>;
  episodes: number;
  quota: number;
}

/** Row copy without the view object `subarray` would allocate. */
function copyRow(src: Float64Array, srcRow: number, dst: Float64Array, dstRow: number, dim: number): void {
  for (let j = 0, a = srcRow * dim, b = dstRow * dim; j < dim; j++) dst[b + j] = src[a + j];
}

/** Steps preallocated at most (per rollout, split over the sub-envs for their episode buffers). */
const MAX_PREALLOC = 1 << 16;

const checkCount = (name: string, v: number | undefined): void => {
  if (v !== undefined && (!Number.isSafeInteger(v) || v <= 0)) throw new Error(`rollout: ${name} must be a positive integer, got ${v}`);
};

/** Mean undiscounted return of a rollout's episodes (the cut ones included, as they were played). */
export function meanEpisodeReturn(r: Rollout): number {
  let total = 0;
  for (let e = 0; e < r.numEpisodes; e++) total += r.episodeReturns[e];
  return total / r.numEpisodes;
}

/**
 * Resets `venv` (with `options.seed` if given) and steps it until every sub-env has run its
 * episode quota or the step budget is spent, calling `act` once per vector step on the
 * observations of the sub-envs still stepping (idle ones are not stepped). When the budget
 * allows fewer steps than sub-envs, the lowest-indexed ones step. Deterministic given the env
 * seeds and a deterministic (or seeded) policy.
 */
export function rollout<O>(venv: VectorEnv<O>, act: BatchedPolicy, options: RolloutOptions): Rollout {
  const { episodes, maxSteps, seed } = options;
  checkCount('episodes', episodes);
  checkCount('maxSteps', maxSteps);
  if (episodes === undefined && maxSteps === undefined) throw new Error('rollout: give episodes, maxSteps or both (expected a positive integer)');
  const n = venv.numEnvs;
  const dim = venv.obsDim;
  const aDim = venv.actionDim;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, venv.env(i).maxEpisodeSteps);
  if (maxSteps === undefined && longest === Infinity) {
    throw new Error('rollout: a sub-env has no time limit (maxEpisodeSteps = Infinity), so maxSteps is required (expected a positive integer)');
  }

  // Sized to the most steps the rollout can take when that is known and moderate, so that the
  // buffers are usually allocated once; beyond MAX_PREALLOC they grow by doubling.
  const bound = Math.min(maxSteps ?? Infinity, episodes === undefined ? Infinity : episodes * longest);
  const trackCap = Math.max(1, Math.min(longest, bound, Math.floor(MAX_PREALLOC / n)));
  const stepSpec: ColumnSpec<StepColumns> = { obs: [Float64Array, dim], actions: [Float64Array, aDim], rewards: [Float64Array, 1] };
  const tracks: Track[] = [];
  for (let i = 0; i < n; i++) {
    const quota = episodes === undefined ? Infinity : Math.floor(episodes / n) + (i < episodes % n ? 1 : 0);
    tracks.push({ steps: new RowBuffer(stepSpec, trackCap), episodes: 0, quota });
  }
  const out = new RowBuffer<StepColumns & { terminated: Uint8Array; truncated: Uint8Array }>({ ...stepSpec, terminated: [Uint8Array, 1], truncated: [Uint8Array, 1] }, Math.min(bound, MAX_PREALLOC));
  const ended = new RowBuffer<{ starts: Int32Array; lengths: Int32Array; returns: Float64Array; finalObs: Float64Array }>({ starts: [Int32Array, 1], lengths: [Int32Array, 1], returns: [Float64Array, 1], finalObs: [Float64Array, dim] }, Math.min(episodes ?? n, MAX_PREALLOC) + n);

  /** Appends sub-env i's in-progress episode, ended with the given flags after observing final[row]. */
  const emit = (track: Track, term: number, trunc: number, final: Float64Array, row: number): void => {
    const len = track.steps.rows;
    const { obs, actions, rewards } = track.steps.columns;
    const start = out.rows;
    const end = start + len;
    out.reserve(end);
    const o = out.columns;
    o.obs.set(obs.subarray(0, len * dim), start * dim);
    o.actions.set(actions.subarray(0, len * aDim), start * aDim);
    o.rewards.set(rewards.subarray(0, len), start);
    // Flags are zero-initialised and every slot is written once, so only the last step's are set.
    o.terminated[end - 1] = term;
    o.truncated[end - 1] = trunc;
    out.rows = end;
    let ret = 0;
    for (let t = 0; t < len; t++) ret += rewards[t];
    const e = ended.rows;
    ended.reserve(e + 1);
    const ep = ended.columns;
    ep.starts[e] = start;
    ep.lengths[e] = len;
    ep.returns[e] = ret;
    ep.finalObs.set(final.subarray(row * dim, (row + 1) * dim), e * dim);
    ended.rows = e + 1;
    track.steps.rows = 0;
  };

  venv.reset({ seed });
  const stepping = new Uint8Array(n);
  const actions = new Float64Array(n * aDim);
  const policyObs = new Float64Array(n * dim);
  const policyActions = new Float64Array(n * aDim);
  let taken = 0; // env steps, emitted or still in tracks
  let policyCalls = 0;
  for (;;) {
    let k = 0;
    const budget = maxSteps === undefined ? Infinity : maxSteps - taken;
    for (let i = 0; i < n; i++) {
      const t = tracks[i];
      stepping[i] = t.episodes < t.quota && k < budget ? 1 : 0;
      if (stepping[i]) k++;
    }
    if (k === 0) break;

    const all = k === n;
    const obs = venv.obs;
    if (!all) {
      for (let i = 0, r = 0; i < n; i++) if (stepping[i]) copyRow(obs, i, policyObs, r++, dim);
    }
    act(all ? obs : policyObs, k, all ? actions : policyActions);
    policyCalls++;
    for (let i = 0, r = 0; i < n; i++) {
      if (!stepping[i]) continue;
      if (!all) copyRow(policyActions, r++, actions, i, aDim);
      const t = tracks[i].steps;
      t.reserve(t.rows + 1);
      copyRow(obs, i, t.columns.obs, t.rows, dim);
      copyRow(actions, i, t.columns.actions, t.rows, aDim);
    }

    venv.step(actions, all ? undefined : stepping);
    taken += k;
    for (let i = 0; i < n; i++) {
      if (!stepping[i]) continue;
      const t = tracks[i];
      t.steps.columns.rewards[t.steps.rows++] = venv.rewards[i];
      if (venv.done[i]) {
        emit(t, venv.terminated[i], venv.truncated[i], venv.finalObs, i);
        t.episodes++;
      }
    }
  }
  const completeEpisodes = ended.rows;
  for (let i = 0; i < n; i++) if (tracks[i].steps.rows > 0) emit(tracks[i], 0, 1, venv.obs, i);

  return {
    obsDim: dim,
    actionShape: venv.singleActionSpace.kind === 'discrete' ? [] : venv.singleActionSpace.shape,
    actionDim: aDim,
    steps: out.rows,
    policyCalls,
    obs: out.written('obs'),
    actions: out.written('actions'),
    rewards: out.written('rewards'),
    terminated: out.written('terminated'),
    truncated: out.written('truncated'),
    numEpisodes: ended.rows,
    completeEpisodes,
    episodeStarts: ended.written('starts'),
    episodeLengths: ended.written('lengths'),
    episodeReturns: ended.written('returns'),
    finalObs: ended.written('finalObs'),
  };
}
