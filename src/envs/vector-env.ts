/**
 * N copies of an env stepped in lockstep (Gymnasium's SyncVectorEnv), with every per-step output
 * in one preallocated typed array that is overwritten in place by each call. Actions are rows of
 * `actionDim` numbers: one integer per sub-env for a Discrete space, a Box's flattened vector
 * (passed to the env as a Float64Array row, unclipped: a Box env clips or rejects as its own
 * step does, as Gymnasium's vector env leaves it to the env).
 *
 * Autoreset is Gymnasium's "same-step" mode (`AutoresetMode.SAME_STEP`): when sub-env i ends
 * (terminated or truncated), it is reset within the same `step()`, `obs` row i already holds the
 * new episode's first observation, `done[i]` is 1, and the finished episode's last observation is
 * in `finalObs` row i. Every step so yields a real transition, which is what samplers want; the
 * finishing step's reward and flags are reported as usual. Autoresets pass no seed (each sub-env
 * continues its own stream) and no options, as in Gymnasium.
 */
import type { BoxSpace, Env, ResetArgs, Space } from './env.js';

/** What a sub-env's step is given: an integer of a Discrete space, or a row of a Box space. */
export type VectorAction = number | Float64Array;

/** The seed of a VectorEnv's first reset. */
export interface VectorEnvOptions {
  /**
   * Seed of the first `reset()` that passes none, so that it behaves as `reset({ seed })`
   * (Gymnasium would draw OS entropy). Default 0.
   */
  seed?: number | bigint;
}

/** Steps several environments in lockstep, resetting each one whose episode ends. */
export class VectorEnv<Options = Record<string, unknown>> {
  readonly numEnvs: number;
  /** Length of one observation row: the product of the observation shape. */
  readonly obsDim: number;
  readonly singleObservationSpace: BoxSpace;
  readonly singleActionSpace: Space;
  /** Numbers per action: 1 for a Discrete space, the product of a Box's shape. */
  readonly actionDim: number;
  /** [numEnvs, obsDim] row-major: the observation each sub-env's next action is taken at. */
  readonly obs: Float64Array;
  /** `[numEnvs, obsDim]`: row i is the last observation of the episode that ended this step, where done[i] = 1. */
  readonly finalObs: Float64Array;
  readonly rewards: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** terminated | truncated: sub-env i ended an episode this step and was reset. */
  readonly done: Uint8Array;
  private readonly envs: readonly Env<VectorAction, Options>[];
  /** Box spaces: sub-env i's action row, copied from step's actions (an env may keep it until its next step). */
  private readonly actionRows: readonly Float64Array[];
  private pendingSeed: number | bigint | undefined;
  private needsReset = true;
  private steps = 0;

  constructor(envs: readonly Env<VectorAction, Options>[], options: VectorEnvOptions = {}) {
    if (envs.length === 0) throw new Error('VectorEnv: envs must hold at least one env, got 0');
    const first = envs[0];
    const action = first.actionSpace;
    if (action.kind !== 'discrete' && action.kind !== 'box') {
      throw new Error(`VectorEnv: sub-envs must have a Discrete or Box action space, got ${String((action as { kind: unknown }).kind)}`);
    }
    const shape = first.observationSpace.shape;
    envs.forEach((env, i) => {
      const a = env.actionSpace;
      if (!sameActionSpace(a, action)) {
        throw new Error(`VectorEnv: env ${i} action space must be ${spaceText(action)} like env 0, got ${spaceText(a)}`);
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
    this.actionDim = action.kind === 'discrete' ? 1 : action.shape.reduce((a, b) => a * b, 1);
    this.actionRows = action.kind === 'box' ? this.envs.map(() => new Float64Array(this.actionDim)) : [];
    this.obs = new Float64Array(this.numEnvs * this.obsDim);
    this.finalObs = new Float64Array(this.numEnvs * this.obsDim);
    this.rewards = new Float64Array(this.numEnvs);
    this.terminated = new Uint8Array(this.numEnvs);
    this.truncated = new Uint8Array(this.numEnvs);
    this.done = new Uint8Array(this.numEnvs);
    this.pendingSeed = options.seed ?? 0;
  }

  /** The sub-env at index i (e.g. to read its parameters); stepping it directly desynchronises the vector. */
  env(i: number): Env<VectorAction, Options> {
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
   * Steps sub-env i with its action (row i of `actions`, [numEnvs, actionDim] row-major) for every
   * i where `active` (if given) is nonzero. An inactive sub-env is left as it is: its `obs` row
   * keeps its value, its reward and flags read 0.
   */
  step(actions: ArrayLike<number>, active?: ArrayLike<number>): void {
    if (this.needsReset) throw new Error('VectorEnv: call reset() before step()');
    const n = this.numEnvs;
    const dim = this.actionDim;
    if (actions.length !== n * dim) {
      throw new Error(`VectorEnv.step: actions must have length ${n * dim} (numEnvs${dim === 1 ? '' : ` * actionDim ${dim}`}), got ${actions.length}`);
    }
    if (active !== undefined && active.length !== n) {
      throw new Error(`VectorEnv.step: active must have length ${n} (numEnvs), got ${active.length}`);
    }
    const space = this.singleActionSpace;
    for (let i = 0; i < n; i++) {
      if (active !== undefined && !active[i]) {
        this.rewards[i] = 0;
        this.terminated[i] = this.truncated[i] = this.done[i] = 0;
        continue;
      }
      let a: VectorAction;
      if (space.kind === 'discrete') {
        a = actions[i];
        if (!Number.isInteger(a) || a < 0 || a >= space.n) {
          throw new Error(`VectorEnv.step: actions[${i}] must be an integer in [0, ${space.n}) (Discrete(${space.n})), got ${a}`);
        }
      } else {
        a = this.actionRows[i];
        for (let j = 0, o = i * dim; j < dim; j++) {
          const x = actions[o + j];
          if (!Number.isFinite(x)) throw new Error(`VectorEnv.step: actions[${o + j}] (env ${i}, component ${j}) must be a finite number, got ${x}`);
          a[j] = x;
        }
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

function sameActionSpace(a: Space, b: Space): boolean {
  if (a.kind === 'discrete') return b.kind === 'discrete' && a.n === b.n;
  return a.kind === 'box' && b.kind === 'box' && a.shape.length === b.shape.length && a.shape.every((d, k) => d === b.shape[k]);
}

function spaceText(s: Space): string {
  if (s.kind === 'discrete') return `Discrete(${s.n})`;
  return s.kind === 'box' ? `Box([${s.shape.join(', ')}])` : String((s as { kind: unknown }).kind);
}
