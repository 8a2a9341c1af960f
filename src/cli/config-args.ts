import { ALGORITHMS, ConfigError, DEFAULT_CONFIG, type MetaConfig, applyOverrides, resolveConfig } from '../meta/config.js';
import { FILE_KINDS } from '../io/file-kinds.js';
import { readJson } from '../io/files.js';
import { type ParsedArgs, UsageError } from './args.js';
import type { OptionHelp } from './help.js';

/** The options every command that builds a MetaConfig accepts; defaults are DEFAULT_CONFIG's. */
export const CONFIG_OPTIONS: readonly OptionHelp[] = [
  { name: 'config', value: 'FILE', meaning: 'a JSON object of config keys, over the defaults' },
  { name: 'set', value: 'KEY=VALUE', meaning: 'one config key, over --config; repeatable: --set hidden=[64,64] --set directed.mode=lookahead' },
  { name: 'env', value: 'NAME', meaning: 'the env family, one of metarl envs', fallback: DEFAULT_CONFIG.env },
  { name: 'algo', value: 'NAME', meaning: `the algorithm: ${ALGORITHMS.join(', ')}`, fallback: DEFAULT_CONFIG.algo },
  { name: 'seed', value: 'N', meaning: 'the root of every training stream', fallback: String(DEFAULT_CONFIG.seed) },
];

function leaves(value: unknown, path: string): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[path, value]];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path === '' ? key : `${path}.${key}`));
}

/** Every config key with its default, as --set takes it: the help of the commands that train. */
export const CONFIG_KEYS_HELP: readonly string[] = (() => {
  const keys = leaves(DEFAULT_CONFIG, '');
  const width = Math.max(...keys.map(([k]) => k.length));
  return ['config keys and their defaults (--set KEY=VALUE, or in the --config file):', ...keys.map(([k, v]) => `  ${k.padEnd(width)}  ${JSON.stringify(v)}`)];
})();

/**
 * The run's config: defaults, then --config FILE, then --env/--algo/--seed, then each
 * --set key=value in order. Any bad key or value is a UsageError naming it.
 */
export function configFromArgs(args: ParsedArgs): MetaConfig {
  try {
    const file = args.flags.get('config')?.at(-1);
    let config = resolveConfig(file === undefined ? {} : readJson(file, undefined, FILE_KINDS.config));
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
