/**
 * N copies of a discrete-action env stepped in lockstep (Gymnasium's SyncVectorEnv), with every
 * per-step output in one preallocated typed array that is overwritten in place by each call.
 *
 * Autoreset is Gymnasium's "same-step" mode (`AutoresetMode.SAME_STEP`): when sub-env i ends
 * (terminated or truncated), it is reset within the same `step()`, `obs` row i already holds the
 * new episode's first observation, `done[i]` is 1, and the finished episode's last observation is
 * in `finalObs` row i. Every step so yields a real transition, which is what samplers want; the
 * finishing step's reward and flags are reported as usual. Autoresets pass no seed (each sub-env
 * continues its own stream) and no options, as in Gymnasium.
 */
import type { BoxSpace, DiscreteSpace, Env, ResetArgs } from './env.js';

export interface VectorEnvOptions {
  /**
   * Seed of the first `reset()` that passes none, so that it behaves as `reset({ seed })`
   * (Gymnasium would draw OS entropy). Default 0.
   */
  seed?: number | bigint;
}

export class VectorEnv<Options = Record<string, unknown>> {
  readonly numEnvs: number;
  /** Length of one observation row: the product of the observation shape. */
  readonly obsDim: number;
  readonly singleObservationSpace: BoxSpace;
  readonly singleActionSpace: DiscreteSpace;
  /** [numEnvs, obsDim] row-major: the observation each sub-env's next action is taken at. */
  readonly obs: Float64Array;
  /** [numEnvs, obsDim]: row i is the last observation of the episode that ended this step, where done[i] = 1. */
  readonly finalObs: Float64Array;
  readonly rewards: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** terminated | truncated: sub-env i ended an episode this step and was reset. */
  readonly done: Uint8Array;
  private readonly envs: readonly Env<number, Options>[];
  private pendingSeed: number | bigint | undefined;
  private needsReset = true;
  private steps = 0;

  constructor(envs: readonly Env<number, Options>[], options: VectorEnvOptions = {}) {
    if (envs.length === 0) throw new Error('VectorEnv: envs must hold at least one env, got 0');
    const first = envs[0];
    const action = first.actionSpace;
    if (action.kind !== 'discrete') throw new Error(`VectorEnv: sub-envs must have a discrete action space, got ${action.kind}`);
    const shape = first.observationSpace.shape;
    envs.forEach((env, i) => {
      const a = env.actionSpace;
      if (a.kind !== 'discrete' || a.n !== action.n) {
        throw new Error(`VectorEnv: env ${i} action space must be Discrete(${action.n}) like env 0, got ${a.kind === 'discrete' ? `Discrete(${a.n})` : a.kind}`);
      }
      const s = env.observationSpace.shape;
      if (s.length !== shape.length || s.some((d, k) => d !== shape[k])) {
        throw new Error(`VectorEnv: env ${i} observation shape must be [${shape.join(', ')}] like env 0, got [${s.join(', ')}]`);
      }
    });
    this.envs = envs.slice();
    this.numEnvs = envs.length;
    this.obsDim = shape.reduce((a, b) => a * b, 1);
    this.singleObservationSpace = first.observationSpace;
    this.singleActionSpace = action;
    this.obs = new Float64Array(this.numEnvs * this.obsDim);
    this.finalObs = new Float64Array(this.numEnvs * this.obsDim);
    this.rewards = new Float64Array(this.numEnvs);
    this.terminated = new Uint8Array(this.numEnvs);
    this.truncated = new Uint8Array(this.numEnvs);
    this.done = new Uint8Array(this.numEnvs);
    this.pendingSeed = options.seed ?? 0;
  }

  /** The sub-env at index i (e.g. to read its parameters); stepping it directly desynchronises the vector. */
  env(i: number): Env<number, Options> {
    if (!Number.isInteger(i) || i < 0 || i >= this.numEnvs) {
      throw new Error(`VectorEnv.env: index must be an integer in [0, ${this.numEnvs}), got ${i}`);
    }
    return this.envs[i];
  }

  /** Sub-env steps taken since construction (inactive sub-envs are not counted). */
  get totalSteps(): number {
    return this.steps;
  }

  /**
   * Resets every sub-env into `obs`, sub-env i with `seed + i` when a seed is given (Gymnasium's
   * vector seeding), and clears rewards and flags. Returns the `obs` buffer.
   */
  reset(args: ResetArgs<Options> = {}): Float64Array {
    const seed = args.seed ?? this.pendingSeed;
    this.pendingSeed = undefined;
    for (let i = 0; i < this.numEnvs; i++) {
      const subSeed = seed === undefined ? undefined : typeof seed === 'bigint' ? seed + BigInt(i) : seed + i;
      this.copyObs(this.obs, i, this.envs[i].reset({ seed: subSeed, options: args.options }).obs);
    }
    this.rewards.fill(0);
    this.terminated.fill(0);
    this.truncated.fill(0);
    this.done.fill(0);
    this.needsReset = false;
    return this.obs;
  }

  /**
   * Steps sub-env i with `actions[i]` for every i where `active` (if given) is nonzero. An
   * inactive sub-env is left as it is: its `obs` row keeps its value, its reward and flags read 0.
   */
  step(actions: ArrayLike<number>, active?: ArrayLike<number>): void {
    if (this.needsReset) throw new Error('VectorEnv: call reset() before step()');
    const n = this.numEnvs;
    if (actions.length !== n) throw new Error(`VectorEnv.step: actions must have length ${n} (numEnvs), got ${actions.length}`);
    if (active !== undefined && active.length !== n) {
      throw new Error(`VectorEnv.step: active must have length ${n} (numEnvs), got ${active.length}`);
    }
    const nActions = this.singleActionSpace.n;
    for (let i = 0; i < n; i++) {
      if (active !== undefined && !active[i]) {
        this.rewards[i] = 0;
        this.terminated[i] = this.truncated[i] = this.done[i] = 0;
        continue;
      }
      const a = actions[i];
      if (!Number.isInteger(a) || a < 0 || a >= nActions) {
        throw new Error(`VectorEnv.step: actions[${i}] must be an integer in [0, ${nActions}) (Discrete(${nActions})), got ${a}`);
      }
      const env = this.envs[i];
      const r = env.step(a);
      this.steps++;
      this.rewards[i] = r.reward;
      this.terminated[i] = r.terminated ? 1 : 0;
      this.truncated[i] = r.truncated ? 1 : 0;
      if (r.terminated || r.truncated) {
        this.done[i] = 1;
        this.copyObs(this.finalObs, i, r.obs);
        this.copyObs(this.obs, i, env.reset().obs);
      } else {
        this.done[i] = 0;
        this.copyObs(this.obs, i, r.obs);
      }
    }
  }

  private copyObs(dst: Float64Array, row: number, src: Float64Array): void {
    if (src.length !== this.obsDim) {
      throw new Error(`VectorEnv: env ${row} returned an observation of length ${src.length}, expected ${this.obsDim}`);
    }
    dst.set(src, row * this.obsDim);
  }
}
