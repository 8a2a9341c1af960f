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
import { checkFamily, familyName } from './family-check.js';

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

/** Adds a family; throws naming the field if its name is taken or any of its fields is invalid (family-check.ts). */
export function registerEnv(family: EnvFamily): void {
  const name = familyName(family);
  if (families.has(name)) throw new Error(`registerEnv: an env named "${name}" is already registered`);
  checkFamily(name, family);
  families.set(name, family);
}
