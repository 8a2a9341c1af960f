/**
 * Meta-training configuration: one plain JSON object, every key validated. A partial config is
 * deep-merged over DEFAULT_CONFIG (nested objects key by key; arrays and the records `taskRanges`
 * and `directed.fixedTask` are replaced whole), and `key.path=value` overrides are applied the
 * same way. Any unknown key or bad value throws a ConfigError naming the key path and what is
 * allowed there.
 */
import { tasksOf } from '../envs/env-family.js';
import type { Env } from '../envs/env.js';
import { describeRange, inRange } from '../envs/params.js';
import { envNames, getEnv, hasEnv } from '../envs/registry.js';
import type { TaskFamily } from '../envs/task-family.js';
import { ALGORITHMS, type AlgorithmName } from './algorithms.js';
import {
  BOOLEAN,
  type Check as SchemaCheck,
  FINITE_NUMBER,
  type Fail,
  NON_NEGATIVE_NUMBER,
  OPEN_UNIT,
  POSITIVE_NUMBER,
  UNIT,
  arrayOf,
  checked,
  integerIn,
  keyPath,
  nullable,
  oneOf as choiceOf,
  recordOf,
  rule,
  unknownKey,
} from '../validation/schema.js';
import { badValue, describe, isPlainObject } from '../validation/values.js';

export { ALGORITHMS, type AlgorithmName } from './algorithms.js';

/** The task-directed approximation (the "Directed-" prefix); ignored by the three base algorithms. */
export interface DirectedConfig {
  /**
   * How the medium task is estimated: range midpoints, mean of this iteration's meta-batch, or
   * `fixedTask`; controls: 'random', a task drawn from the distribution each iteration, and
   * 'pooled', the same plain step on the whole meta-batch instead of one task.
   */
  estimator: 'center' | 'batch-mean' | 'fixed' | 'random' | 'pooled';
  /** The medium task when estimator is 'fixed' (exactly the family's parameters); else unused. */
  fixedTask: Record<string, number> | null;
  /** 'permanent': theta moves to the directed point; 'lookahead': only the inner loops start there. */
  mode: 'permanent' | 'lookahead';
  /** 'every' iteration; 'every-nth': iterations n, 2n, 3n, ... (1-based); 'first-n': iterations 1..n. */
  schedule: 'every' | 'every-nth' | 'first-n';
  /** n of 'every-nth' and 'first-n'. */
  scheduleN: number;
  /** Step size of the directed step; null = the inner rate alpha (innerLr). */
  eta: number | null;
  /** Trajectories M in the medium task; null = episodesPerTask. */
  episodes: number | null;
  /** Directed Meta-SGD only: step with the scalar eta, or with the learned per-parameter alpha_vec. */
  metaSgdRate: 'scalar' | 'learned';
  /** Log `mechanism`: the directed gradient against MAML's second-order part, on the iteration's own batches (training unchanged). */
  logMechanism: boolean;
}

/**
 * The TRPO outer step (outerOptimizer 'trpo', as Finn et al. 2017 and pytorch-maml-rl), with
 * pytorch-maml-rl's defaults; see trpo.ts.
 */
export interface TrpoConfig {
  /** Trust region: the largest mean KL(new || old) of the adapted policies on the validation batches. */
  maxKl: number;
  /** Conjugate-gradient iterations (each one KL Hessian-vector product per task) for the natural direction. */
  cgIters: number;
  /** lambda of the solve (H_KL + lambda I) x = g. */
  cgDamping: number;
  /** Line-search candidates: the fractions 1, r, r^2, ... of the full trust-region step. */
  lsMaxSteps: number;
  /** r, the line search's shrink factor. */
  lsBacktrackRatio: number;
}

/** The MLP value baseline (baseline 'mlp'): refitted from one initialisation on every batch; see MlpCritic. */
export interface CriticConfig {
  /** Hidden layer widths (tanh). */
  hidden: number[];
  /** Full-batch Adam steps per fit. */
  steps: number;
  /** Adam's learning rate. */
  lr: number;
}

/** A complete meta-training configuration; its keys are the CLI's. */
export interface MetaConfig {
  /** A registered env family (`metarl envs` lists them). */
  env: string;
  algo: AlgorithmName;
  /** Root of every training stream (init, tasks, sampling, directed step). */
  seed: number;
  /** Meta-iterations a run is meant to take (read by the CLI; the trainer steps on demand). */
  iterations: number;
  /** Tasks B per meta-iteration. */
  metaBatchSize: number;
  /** Episodes per task per batch (each inner step's batch and the validation batch). */
  episodesPerTask: number;
  /** Sub-envs of each task's vector env (episodes are split over them). */
  numEnvs: number;
  /** Inner gradient steps K (fresh data per step). */
  innerSteps: number;
  /** Inner rate alpha (Meta-SGD: the initial value of every entry of alpha_vec). */
  innerLr: number;
  /** 'trpo': the trust-region step of `trpo` over theta (and Meta-SGD's alpha_vec); outerLr is then unused. */
  outerOptimizer: 'adam' | 'sgd' | 'trpo';
  /** Outer learning rate of Adam and SGD, for theta and (Meta-SGD) alpha_vec alike. */
  outerLr: number;
  trpo: TrpoConfig;
  hidden: number[];
  activation: 'tanh' | 'relu';
  gamma: number;
  gaeLambda: number;
  normalizeAdvantages: boolean;
  /** The value baseline fitted on each batch for GAE: rllab's linear features, or an MLP critic. */
  baseline: 'linear' | 'mlp';
  critic: CriticConfig;
  /** Coefficient c of the entropy bonus: every surrogate (inner and outer) is minus c times the batch's mean policy entropy. */
  entropyCoeff: number;
  directed: DirectedConfig;
  /** Held-out tasks of `evaluate()`. */
  evalTasks: number;
  /** Episodes per held-out task per evaluation batch. */
  evalEpisodes: number;
  /** Root of the evaluation streams (held-out tasks, their env seeds and actions); separate from `seed`. */
  evalSeed: number;
  /** Held-out evaluation every N meta-iterations, logged as `heldOut` (0: never during training). */
  evalEvery: number;
  /** The logged `heldOut` also holds `adaptation` (0..max(3, K) steps, greedy, swap test: adaptation-eval.ts); eval.json always does. */
  evalAdaptation: boolean;
  /** Parameters varied per task and their [lo, hi] ranges; null = the family's defaults. */
  taskRanges: Record<string, [number, number]> | null;
}

/**
 * Defaults. From the spec: innerSteps 1, outer Adam with lr 1e-3 (theta and alpha_vec), gamma
 * 0.99, GAE lambda 1, normalised advantages, directed: center / permanent / every / eta = alpha /
 * M = episodesPerTask / scalar rate. CartPole sizes chosen here: an MLP [4, 32, 32, 2] tanh (as
 * the REINFORCE sanity run), B = 10 tasks of 10 episodes on 10 sub-envs (one episode each),
 * alpha = 0.1 (pytorch-maml-rl's fast-lr), the family's default ranges (half pole length
 * [0.25, 1], pole mass [0.05, 0.5], force [5, 15]), 10 held-out tasks of 10 episodes. TRPO:
 * pytorch-maml-rl's max-kl 1e-2, cg-iters 10, cg-damping 1e-5, ls-max-steps 15, ls-backtrack-ratio 0.8.
 */
export const DEFAULT_CONFIG: MetaConfig = deepFreeze({
  env: 'cartpole',
  algo: 'maml',
  seed: 0,
  iterations: 100,
  metaBatchSize: 10,
  episodesPerTask: 10,
  numEnvs: 10,
  innerSteps: 1,
  innerLr: 0.1,
  outerOptimizer: 'adam',
  outerLr: 1e-3,
  trpo: {
    maxKl: 1e-2,
    cgIters: 10,
    cgDamping: 1e-5,
    lsMaxSteps: 15,
    lsBacktrackRatio: 0.8,
  },
  hidden: [32, 32],
  activation: 'tanh',
  gamma: 0.99,
  gaeLambda: 1,
  normalizeAdvantages: true,
  baseline: 'linear',
  critic: {
    hidden: [32, 32],
    steps: 25,
    lr: 0.03,
  },
  entropyCoeff: 0,
  directed: {
    estimator: 'center',
    fixedTask: null,
    mode: 'permanent',
    schedule: 'every',
    scheduleN: 1,
    eta: null,
    episodes: null,
    metaSgdRate: 'scalar',
    logMechanism: false,
  },
  evalTasks: 10,
  evalEpisodes: 10,
  evalSeed: 1234,
  evalEvery: 0,
  evalAdaptation: false,
  taskRanges: null,
}) as MetaConfig;

/** Thrown by `resolveConfig` and `applyOverrides` for a bad value, naming the field and the expected value. */
export class ConfigError extends Error {
  /** The offending key path ('directed.eta'), or '' for the config as a whole. */
  readonly path: string;

  constructor(message: string, path = '') {
    super(message);
    this.name = 'ConfigError';
    this.path = path;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The config's Fail: a ConfigError naming the key path. */
const configFail: Fail = (path, value, expected) => {
  throw new ConfigError(badValue(path, value, expected), path);
};

type Check = SchemaCheck<unknown>;

// The checks the schema tables below are written in, each a rule of the validation schema.
const oneOf = (values: readonly string[]): Check => checked(choiceOf(values));
/** An integer >= min; `max` bounds what would otherwise be allocated (named before any allocation). */
const integer = (min: number, max = Number.MAX_SAFE_INTEGER): Check => checked(integerIn(min, max));
const positive = (): Check => checked(POSITIVE_NUMBER);
const nonNegative = (): Check => checked(NON_NEGATIVE_NUMBER);
const openUnit = (): Check => checked(OPEN_UNIT);
const unit = (): Check => checked(UNIT);
const bool = (): Check => checked(BOOLEAN);

/**
 * Limits on sizes that allocate: policy widths and depth, tasks, episodes, sub-envs, inner steps.
 * hiddenWeights bounds the weights between consecutive hidden layers (the sum of the products of
 * neighbouring widths), and so the policy's size: every policy within it fits a checkpoint, whose
 * JSON text must stay within one JavaScript string and the checkpoint reader's size limit.
 */
export const SIZE_LIMITS = Object.freeze({
  hiddenWidth: 4096,
  hiddenLayers: 16,
  hiddenWeights: 1_048_576,
  tasks: 10_000,
  episodes: 100_000,
  numEnvs: 10_000,
  innerSteps: 1000,
});

function hiddenSizes(): Check {
  const widths = arrayOf(checked(integerIn(1, SIZE_LIMITS.hiddenWidth)), `an array of at most ${SIZE_LIMITS.hiddenLayers} positive integers (hidden layer widths), e.g. [32, 32]`, {
    maxLength: SIZE_LIMITS.hiddenLayers,
  });
  return (v, path, fail) => {
    const sizes = widths(v, path, fail);
    const weights = sizes.slice(1).reduce((sum, width, i) => sum + width * sizes[i], 0);
    if (weights > SIZE_LIMITS.hiddenWeights) {
      fail(path, v, `hidden layer widths whose neighbouring products sum to at most ${SIZE_LIMITS.hiddenWeights} weights (this one: ${weights}), e.g. [1024, 1024]`);
    }
    return sizes;
  };
}

const isRange = (x: unknown): x is [number, number] => Array.isArray(x) && x.length === 2 && x.every((y) => FINITE_NUMBER.ok(y)) && x[0] <= x[1];
const rangeOf = checked(rule(isRange, '[lo, hi] with finite numbers lo <= hi'));

/** A copy of a [lo, hi] range, so the config holds none of its input's arrays. */
const RANGE: SchemaCheck<[number, number]> = (v, path, fail) => {
  const [lo, hi] = rangeOf(v, path, fail);
  return [lo, hi];
};

/** Shape only: which parameters exist and their valid ranges depend on `env` (checked across keys). */
function taskRanges(): Check {
  return nullable(recordOf(RANGE, 'an object { param: [lo, hi] } naming at least one parameter', { minKeys: 1 }), "the env's default ranges");
}

function registeredEnv(): Check {
  // Stated when it fails, so the list holds the envs registered by then.
  return (v, path, fail) => (typeof v === 'string' && hasEnv(v) ? v : fail(path, v, `a registered env: one of ${envNames().map((n) => JSON.stringify(n)).join(', ')}`));
}

function taskParams(): Check {
  const params = recordOf(checked(FINITE_NUMBER), 'null or an object { param: value } holding exactly the task family parameters');
  return (v, path, fail) => (v === null ? null : params(v, path, fail));
}

interface Schema {
  readonly [key: string]: Check | Schema;
}

const DIRECTED_SCHEMA: Schema = {
  estimator: oneOf(['center', 'batch-mean', 'fixed', 'random', 'pooled']),
  fixedTask: taskParams(),
  mode: oneOf(['permanent', 'lookahead']),
  schedule: oneOf(['every', 'every-nth', 'first-n']),
  scheduleN: integer(1),
  eta: nullable(positive(), 'the inner rate alpha'),
  episodes: nullable(integer(1, SIZE_LIMITS.episodes), 'episodesPerTask'),
  metaSgdRate: oneOf(['scalar', 'learned']),
  logMechanism: bool(),
};

const TRPO_SCHEMA: Schema = {
  maxKl: positive(),
  cgIters: integer(1),
  cgDamping: nonNegative(),
  lsMaxSteps: integer(1),
  lsBacktrackRatio: openUnit(),
};

const CRITIC_SCHEMA: Schema = {
  hidden: hiddenSizes(),
  steps: integer(1, 100_000),
  lr: positive(),
};

const SCHEMA: Schema = {
  env: registeredEnv(),
  algo: oneOf(ALGORITHMS),
  seed: integer(0),
  iterations: integer(0),
  metaBatchSize: integer(1, SIZE_LIMITS.tasks),
  episodesPerTask: integer(1, SIZE_LIMITS.episodes),
  numEnvs: integer(1, SIZE_LIMITS.numEnvs),
  innerSteps: integer(1, SIZE_LIMITS.innerSteps),
  innerLr: positive(),
  outerOptimizer: oneOf(['adam', 'sgd', 'trpo']),
  outerLr: positive(),
  trpo: TRPO_SCHEMA,
  hidden: hiddenSizes(),
  activation: oneOf(['tanh', 'relu']),
  gamma: unit(),
  gaeLambda: unit(),
  normalizeAdvantages: bool(),
  baseline: oneOf(['linear', 'mlp']),
  critic: CRITIC_SCHEMA,
  entropyCoeff: nonNegative(),
  directed: DIRECTED_SCHEMA,
  evalTasks: integer(1, SIZE_LIMITS.tasks),
  evalEpisodes: integer(1, SIZE_LIMITS.episodes),
  evalSeed: integer(0),
  evalEvery: integer(0),
  evalAdaptation: bool(),
  taskRanges: taskRanges(),
};

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function merge(schema: Schema, base: Record<string, unknown>, partial: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(partial)) {
    throw new ConfigError(`${path === '' ? 'the config' : path} is ${describe(partial)}, expected an object with keys ${Object.keys(schema).join(', ')}`, path);
  }
  const unknown = unknownKey(partial, Object.keys(schema));
  if (unknown !== undefined) {
    const p = keyPath(path, unknown);
    throw new ConfigError(`unknown key ${p} (expected one of ${Object.keys(schema).join(', ')}${path === '' ? '' : ` in ${path}`})`, p);
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const p = keyPath(path, key);
    if (!Object.hasOwn(partial, key) || partial[key] === undefined) {
      out[key] = clone(base[key]);
    } else if (typeof spec === 'function') {
      out[key] = spec(partial[key], p, configFail);
    } else {
      out[key] = merge(spec, base[key] as Record<string, unknown>, partial[key], p);
    }
  }
  return out;
}

/** The task family a config trains on: the env's default varied parameters and ranges, or exactly those of `taskRanges`. */
export function taskFamily(config: Pick<MetaConfig, 'env' | 'taskRanges'>): TaskFamily<Record<string, number>, Env<number, never>, unknown> {
  const family = getEnv(config.env);
  const ranges = config.taskRanges;
  return ranges === null ? tasksOf(family) : tasksOf(family, { vary: Object.keys(ranges), ranges });
}

/** Checks that hold between keys: the task ranges fit the env's parameters, and a fixed medium task fits the family. */
function crossCheck(config: MetaConfig): void {
  const { params } = getEnv(config.env);
  for (const [key, range] of Object.entries(config.taskRanges ?? {})) {
    const path = `taskRanges.${key}`;
    const spec = params[key];
    if (spec === undefined) throw new ConfigError(`unknown key ${path} (expected a ${config.env} parameter: one of ${Object.keys(params).join(', ')})`, path);
    if (!inRange(spec, range[0]) || !inRange(spec, range[1])) configFail(path, range, `[lo, hi] with both ends ${describeRange(spec)}`);
  }
  if (config.entropyCoeff > 0 && config.outerOptimizer === 'trpo') {
    configFail('entropyCoeff', config.entropyCoeff, '0 when outerOptimizer is "trpo" (its line search and KL read the surrogate without the bonus)');
  }
  const family = taskFamily(config);
  const d = config.directed;
  if (d.estimator === 'fixed' && d.fixedTask === null) {
    throw new ConfigError(
      `directed.fixedTask is null, expected an object { ${Object.keys(family.ranges).map((k) => `${k}: number`).join(', ')} } when directed.estimator is "fixed"`,
      'directed.fixedTask',
    );
  }
  if (d.fixedTask !== null) {
    try {
      family.validate(d.fixedTask);
    } catch (e) {
      throw new ConfigError(`directed.fixedTask: ${(e as Error).message}`, 'directed.fixedTask');
    }
  }
}

function resolveOver(base: MetaConfig, partial: unknown): MetaConfig {
  const config = merge(SCHEMA, base as unknown as Record<string, unknown>, partial === undefined ? {} : partial, '') as unknown as MetaConfig;
  crossCheck(config);
  return config;
}

/** A config in code: any of MetaConfig's fields, nested ones too, with their types (a misspelt key or algo fails to compile). */
export type MetaConfigInput = PartialInput<MetaConfig>;

/** Any subset of an object's fields, nested objects included, each with its own type. */
export type PartialInput<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? PartialInput<T[K]> : T[K] };

/** Deep-merges a partial JSON config over DEFAULT_CONFIG, validating every key: an unknown key or a bad value throws ConfigError naming the key path and the allowed values / expected type. */
export function resolveConfig(partial?: MetaConfigInput): MetaConfig;
/** A value of unknown type (parsed JSON): only the run-time checks apply. */
export function resolveConfig<T>(json: unknown extends T ? T : never): MetaConfig;
export function resolveConfig(partial: unknown): MetaConfig {
  return resolveOver(DEFAULT_CONFIG, partial);
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Applies `key.path=value` overrides (value parsed as JSON if it parses, else a string), validated like resolveConfig.
 * An object value for a nested key (`directed={"mode":"lookahead"}`) is deep-merged over the
 * config's current value; the records taskRanges and directed.fixedTask are replaced whole unless
 * an entry is addressed (`taskRanges.length=[0.3,0.6]`).
 */
export function applyOverrides(config: MetaConfig, overrides: readonly string[]): MetaConfig {
  const base = resolveConfig(config);
  const out: Record<string, unknown> = {};
  for (const override of overrides) {
    const eq = typeof override === 'string' ? override.indexOf('=') : -1;
    if (eq <= 0) throw new ConfigError(`override ${describe(override)} is not of the form key.path=value`, '');
    const path = override.slice(0, eq).trim();
    const value = parseValue(override.slice(eq + 1));
    const keys = path.split('.');
    let schema: Schema | Check = SCHEMA;
    let target = out;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const sofar = keys.slice(0, i + 1).join('.');
      const last = i === keys.length - 1;
      if (typeof schema === 'function') {
        // Inside a record (taskRanges, directed.fixedTask): any key, checked by the record's validator.
        if (!last) throw new ConfigError(`unknown key ${path} (${keys.slice(0, i).join('.')} holds plain values)`, path);
        target[key] = value;
        break;
      }
      if (!Object.hasOwn(schema, key)) {
        const parent = keys.slice(0, i).join('.');
        throw new ConfigError(`unknown key ${sofar} (expected one of ${Object.keys(schema).join(', ')}${parent === '' ? '' : ` in ${parent}`})`, sofar);
      }
      const sub: Schema | Check = schema[key];
      if (last) {
        target[key] = value;
        break;
      }
      const isRecord = typeof sub === 'function';
      if (isRecord && sub !== SCHEMA.taskRanges && sub !== DIRECTED_SCHEMA.fixedTask) {
        throw new ConfigError(`unknown key ${path} (${sofar} is a plain value, set it as ${sofar}=...)`, path);
      }
      if (target[key] === undefined) {
        // Start from the current value: a record keeps its other entries, a section its other keys.
        const current = keys.slice(0, i + 1).reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), base);
        target[key] = isRecord ? clone(current ?? {}) : {};
      }
      if (target[key] === null) target[key] = {};
      if (!isPlainObject(target[key])) throw new ConfigError(`unknown key ${path} (${sofar} is not an object)`, path);
      target = target[key] as Record<string, unknown>;
      schema = sub;
    }
  }
  return resolveOver(base, out);
}
