import { ConfigError, type MetaConfig, applyOverrides, resolveConfig } from '../meta/config.js';
import { readJson } from '../io/files.js';
import { type ParsedArgs, UsageError } from './args.js';

/** Flags every command that builds a MetaConfig accepts. */
export const CONFIG_FLAGS = ['config', 'set', 'env', 'algo', 'seed'] as const;

/**
 * The run's config: defaults, then --config FILE, then --env/--algo/--seed, then each
 * --set key=value in order. Any bad key or value is a UsageError naming it.
 */
export function configFromArgs(args: ParsedArgs): MetaConfig {
  try {
    const file = args.flags.get('config')?.at(-1);
    let config = resolveConfig(file === undefined ? {} : readJson(file));
    const shortcuts: string[] = [];
    for (const key of ['env', 'algo', 'seed'] as const) {
      const value = args.flags.get(key)?.at(-1);
      if (value !== undefined) shortcuts.push(`${key}=${value}`);
    }
    for (const set of args.flags.get('set') ?? []) {
      if (!set.includes('=')) throw new UsageError(`--set '${set}' is not key=value`);
    }
    config = applyOverrides(config, [...shortcuts, ...(args.flags.get('set') ?? [])]);
    return config;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}
