/**
 * The env families configs and the CLI can name. The built-in ones are there from the start;
 * `registerEnv` adds a user's own, checked whole before it is added. The registry is per
 * JavaScript realm: a worker thread sees the built-ins and what was registered inside it.
 */
import { CARTPOLE_GOAL_FAMILY } from './cartpole-goal.js';
import { CARTPOLE_FAMILY } from './cartpole-tasks.js';
import type { EnvFamily } from './env-family.js';
import { INTERSECTION_BIMODAL_FAMILY } from './intersection-bimodal.js';
import { INTERSECTION_FAMILY } from './intersection-tasks.js';
import { LUNAR_LANDER_PAD_FAMILY } from './lunar-lander-pad.js';
import { LUNAR_LANDER_CONTINUOUS_FAMILY, LUNAR_LANDER_FAMILY, LUNAR_LANDER_WIND_FAMILY } from './lunar-lander-tasks.js';
import { FINITE_NUMBER, type Fail, NON_EMPTY_STRING, arrayOf, checked } from '../validation/schema.js';
import { badValue } from '../validation/values.js';
import { describeRange, inRange, type ParamSpec } from './params.js';

const families = new Map<string, EnvFamily>([
  [CARTPOLE_FAMILY.name, CARTPOLE_FAMILY],
  [CARTPOLE_GOAL_FAMILY.name, CARTPOLE_GOAL_FAMILY as unknown as EnvFamily],
  [INTERSECTION_FAMILY.name, INTERSECTION_FAMILY as unknown as EnvFamily],
  [INTERSECTION_BIMODAL_FAMILY.name, INTERSECTION_BIMODAL_FAMILY as unknown as EnvFamily],
  [LUNAR_LANDER_FAMILY.name, LUNAR_LANDER_FAMILY as unknown as EnvFamily],
  [LUNAR_LANDER_WIND_FAMILY.name, LUNAR_LANDER_WIND_FAMILY as unknown as EnvFamily],
  [LUNAR_LANDER_CONTINUOUS_FAMILY.name, LUNAR_LANDER_CONTINUOUS_FAMILY as unknown as EnvFamily],
  [LUNAR_LANDER_PAD_FAMILY.name, LUNAR_LANDER_PAD_FAMILY as unknown as EnvFamily],
]);

/** Names of the registered families, built-ins first. */
export function envNames(): string[] {
  return [...families.keys()];
}

/** Whether a family of this name is registered. */
export function hasEnv(name: string): boolean {
  return families.has(name);
}

/** The registered family of this name; throws naming the registered ones if there is none. */
export function getEnv(name: string): EnvFamily {
  const family = families.get(name);
  if (family === undefined) throw new Error(`unknown env "${name}" (expected one of ${envNames().join(', ')})`);
  return family;
}

/** The registered families, built-ins first. */
export function registeredEnvs(): EnvFamily[] {
  return [...families.values()];
}

/**
 * The held-out return at which a run on `env` counts as converged, or null for a family without
 * one and for a name not registered here (a report may read runs of an env this realm lacks).
 */
export function rewardThresholdOf(env: string): number | null {
  return families.get(env)?.rewardThreshold ?? null;
}

/** The outcomes `env`'s step info reports, or null when it reports none. */
export function outcomesOf(env: string): readonly string[] | null {
  return getEnv(env).outcomes ?? null;
}

/** Adds a family; throws naming the field if its name is taken or its table or ranges are invalid. */
export function registerEnv(family: EnvFamily): void {
  const name: unknown = family?.name;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error(`registerEnv: name is ${JSON.stringify(name)}, expected lower-case letters, digits and dashes, starting with a letter`);
  }
  if (families.has(name)) throw new Error(`registerEnv: an env named "${name}" is already registered`);
  if (typeof family.make !== 'function') throw new Error(`registerEnv(${name}): make must be a function (task) => env`);
  if (family.observationSpace?.kind !== 'box') throw new Error(`registerEnv(${name}): observationSpace must be a Box space`);
  if (family.actionSpace?.kind !== 'discrete' && family.actionSpace?.kind !== 'box') {
    throw new Error(`registerEnv(${name}): actionSpace must be a Discrete or Box space`);
  }
  for (const [key, spec] of Object.entries(family.params ?? {})) checkSpec(name, key, spec);
  const ranges = Object.entries(family.defaultRanges ?? {});
  if (ranges.length === 0) throw new Error(`registerEnv(${name}): defaultRanges must name at least one parameter of params`);
  for (const [key, range] of ranges) {
    const spec = family.params[key];
    if (spec === undefined) throw new Error(`registerEnv(${name}): defaultRanges.${key} is not a parameter (expected one of ${Object.keys(family.params).join(', ')})`);
    if (!Array.isArray(range) || range.length !== 2 || !inRange(spec, range[0]) || !inRange(spec, range[1]) || range[0] > range[1]) {
      throw new Error(`registerEnv(${name}): defaultRanges.${key} is ${JSON.stringify(range)}, expected [lo, hi] with lo <= hi, each ${describeRange(spec)}`);
    }
  }
  checkKnowledge(name, family);
  families.set(name, family);
}

const OUTCOMES = arrayOf(checked(NON_EMPTY_STRING), 'a non-empty list of the outcome names its step info reports', { minLength: 1, distinct: 'an outcome not listed before' });

/** What a family states about itself beforehand, read through the schema. */
function checkKnowledge(name: string, family: EnvFamily): void {
  const fail: Fail = (path, value, expected) => {
    throw new Error(`registerEnv(${name}): ${badValue(path, value, expected)}`);
  };
  if (family.rewardThreshold !== undefined) checked(FINITE_NUMBER)(family.rewardThreshold, 'rewardThreshold', fail);
  if (family.outcomes !== undefined) OUTCOMES(family.outcomes, 'outcomes', fail);
}

function checkSpec(name: string, key: string, spec: ParamSpec): void {
  const where = `registerEnv(${name}): params.${key}`;
  if (!Number.isFinite(spec?.min) || !Number.isFinite(spec?.max) || spec.min > spec.max) {
    throw new Error(`${where} needs finite min <= max, got min ${spec?.min}, max ${spec?.max}`);
  }
  if (!inRange(spec, spec.default)) throw new Error(`${where}.default is ${spec.default}, expected ${describeRange(spec)}`);
  if (typeof spec.unit !== 'string' || typeof spec.meaning !== 'string' || spec.meaning === '') {
    throw new Error(`${where} needs a unit ('' for none) and a meaning`);
  }
}
