import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isInsideFolder } from '../io/contained-path.js';
import { FILE_KINDS } from '../io/file-kinds.js';
import { readJson } from '../io/files.js';
import type { FileSystem } from '../io/file-system.js';
import { ALGORITHMS, type AlgorithmName, ConfigError, type MetaConfig, applyOverrides, resolveConfig } from '../meta/config.js';
import { envNames } from '../envs/registry.js';
import { SAFE_NAME } from '../validation/names.js';
import { type Check, type Fail, anything, arrayOf, checked, integerIn, oneOf, plainObject, stated, unknownKey } from '../validation/schema.js';
import { badValue, isIntegerIn } from '../validation/values.js';
import { UsageError } from './args.js';

/** One training of a grid: its coordinates, its folder (relative to the grid's out folder) and its config. */
export interface GridRun {
  readonly env: string;
  readonly variant: string;
  readonly algo: AlgorithmName;
  readonly seed: number;
  readonly dir: string;
  readonly config: MetaConfig;
}

export interface Grid {
  readonly name: string;
  /** What the file says of its design for the results page (a budget cut, say), or null. */
  readonly note: string | null;
  /** The out folder the file names (or runs/experiments/NAME), '-quick' appended for the quick profile. */
  readonly out: string;
  readonly runs: GridRun[];
}

/** Config keys laid over a run's config, and the field they are named by in errors. */
interface Layer {
  readonly keys: Record<string, unknown>;
  readonly field: string;
}

/** A variant's config keys, and the field they are named by in errors. */
interface Variant {
  readonly name: string;
  readonly set: Record<string, unknown>;
  readonly field: string;
  /** The algorithms this variant runs: all of the grid's unless it lists some. */
  readonly algorithms: readonly AlgorithmName[] | null;
  /** The seeds of every algorithm this variant runs, when it lists its own. */
  readonly seeds: readonly number[] | null;
}

const KEYS = ['name', 'note', 'base', 'envs', 'envConfigs', 'algorithms', 'seeds', 'seedsByAlgorithm', 'variants', 'quick', 'out'];
const VARIANT_KEYS = ['name', 'set', 'algorithms', 'seeds'];
/** The grid's axes: set by envs, algorithms and seeds, never by a config section. */
const AXES = ['env', 'algo', 'seed'];
const MAX_SEEDS = 1000;
const MAX_RUNS = 10_000;
export const MAX_NOTE = 2000;
const DEFAULT_VARIANT = 'default';
/** Held-out tasks of a grid's runs unless its file sets evalTasks: enough tasks for the report's per-run means and swap test. */
export const GRID_EVAL_TASKS = 40;

/** The format of a grid file, as `metarl experiment --help` lists it. */
export const GRID_FILE_HELP: readonly string[] = [
  'the grid file (JSON):',
  '  name        the grid\'s name; it and each variant\'s match [A-Za-z0-9][A-Za-z0-9._-]* (up to 64 characters)',
  `  note        optional, a line of text (up to ${MAX_NOTE} characters) on the grid's design, e.g. a budget`,
  '              cut; OUT/grid.json keeps it for the results page',
  `  base        config keys over the defaults (for grids, evalTasks ${GRID_EVAL_TASKS}); "config": "configs/x.json" reads a config file first`,
  '  envs        env families, e.g. ["cartpole"]',
  '  envConfigs  optional, per env: a config file path or config keys, over base; keys may name a',
  '              "config" file read first, e.g. { "config": "configs/x.json", "evalEvery": 10 }',
  `  algorithms  e.g. ["maml", "directed-maml"] (of ${ALGORITHMS.join(', ')})`,
  `  seeds       N (seeds 0..N-1, N up to ${MAX_SEEDS}) or a list of seeds: every algorithm's`,
  '  seedsByAlgorithm  optional, per algorithm of the grid: its own seeds (N or a list) instead,',
  '              e.g. { "maml": 10, "directed-maml": 10 }',
  '  variants    optional: [{ "name": "eta-half", "set": { "directed.eta": 0.5 } }, ...]; a variant',
  '              may list "algorithms" (some of the grid\'s) to run only those, and "seeds" (N or a',
  '              list) for all it runs, instead of seeds and seedsByAlgorithm',
  '  quick       optional, the --quick profile: config keys over every run, and "seeds": n (the first n',
  '              of each seed list, all of a shorter one)',
  '  out         optional, the grid folder, relative to the grid file and inside the current folder or',
  '              the grid file\'s (default runs/experiments/NAME, in the current folder); --out goes anywhere',
  'each run trains in OUT/ENV/VARIANT/ALGO-seedS (VARIANT "default" without variants);',
  'OUT/grid.json lists the runs and their configs, OUT/provenance.json the commit, date, machine and command',
  '(of the latest start, and under "earlier" of each start before it when the grid was resumed)',
];

/** Parses and checks a grid file's content; every mistake is one UsageError naming `file` and the field. */
class GridParser {
  constructor(
    private readonly file: string,
    private readonly fs: FileSystem,
    private readonly outGiven: boolean,
  ) {}

  private readonly fail: Fail = (field, value, expected) => {
    throw new UsageError(`${this.file}: ${badValue(field, value, expected)}`);
  };

  private read<T>(check: Check<T>, value: unknown, field: string): T {
    return check(value, field, this.fail);
  }

  parse(raw: unknown, quick: boolean): Grid {
    const grid = this.read(plainObject('a JSON object'), raw, 'the file');
    const unknown = unknownKey(grid, KEYS);
    if (unknown !== undefined) throw new UsageError(`${this.file}: unknown field ${unknown} (expected one of ${KEYS.join(', ')})`);
    const name = this.name(grid.name, 'name');
    const note = grid.note === undefined ? null : this.note(grid.note);
    const envs = this.list(grid.envs, 'envs', envNames());
    const algorithms = this.list(grid.algorithms, 'algorithms', ALGORITHMS) as AlgorithmName[];
    const seeds = this.seeds(grid.seeds, 'seeds');
    const byAlgorithm = this.seedsByAlgorithm(grid.seedsByAlgorithm, algorithms);
    const variants = this.variants(grid.variants, algorithms);
    const base = this.section(grid.base, 'base', true);
    const envConfigs = this.envConfigs(grid.envConfigs, envs);
    // The quick section is checked without --quick too, so a typo in it shows before it is needed.
    const { seeds: quickSeeds, ...quickKeys } = this.section(grid.quick, 'quick', false);
    const seedsOf = (variant: Variant, algo: AlgorithmName): readonly number[] => variant.seeds ?? byAlgorithm.get(algo) ?? seeds;
    const cells = variants.flatMap((variant) => (variant.algorithms ?? algorithms).map((algo) => ({ variant, algo, seeds: seedsOf(variant, algo) })));
    const longest = Math.max(...cells.map((cell) => cell.seeds.length));
    const firstSeeds = stated(integerIn(1, longest), `an integer in [1, ${longest}] (the first seeds of each seed list)`);
    if (quickSeeds !== undefined) this.read(checked(firstSeeds), quickSeeds, 'quick.seeds');
    this.overlay(resolveConfig({ env: envs[0] }), quickKeys, 'quick');
    if (quick && grid.quick === undefined) throw new UsageError(`--quick: ${this.file} has no "quick" section`);
    const first = quick && quickSeeds !== undefined ? (quickSeeds as number) : Infinity;
    const profile = quick ? quickKeys : {};
    const total = envs.length * cells.reduce((n, cell) => n + Math.min(first, cell.seeds.length), 0);
    if (total > MAX_RUNS) throw new UsageError(`${this.file}: the grid has ${total} runs, expected at most ${MAX_RUNS}`);
    const out = grid.out === undefined ? `runs/experiments/${name}` : this.out(grid.out);
    const runs: GridRun[] = [];
    for (const env of envs) {
      const envLayers = (envConfigs.get(env) ?? []).reduce((c, layer) => this.overlay(c, layer.keys, layer.field), this.baseConfig(env, base));
      const envBase = this.overlay(envLayers, { env }, 'envs');
      for (const { variant, algo, seeds: cellSeeds } of cells) {
        for (const seed of cellSeeds.slice(0, first)) {
          const axes = this.overlay(envBase, { algo, seed }, 'algorithms and seeds');
          const config = this.overlay(this.overlay(axes, variant.set, variant.field), profile, 'quick');
          runs.push({ env, variant: variant.name, algo, seed, dir: `${env}/${variant.name}/${algo}-seed${seed}`, config });
        }
      }
    }
    return { name, note, out: quick ? `${out}-quick` : out, runs };
  }

  private name(value: unknown, field: string): string {
    return this.read(checked(SAFE_NAME), value, field);
  }

  /** One line, so the page can print it as a paragraph (escaped there like any text read from a file). */
  private note(value: unknown): string {
    const ok = typeof value === 'string' && value.trim() !== '' && value.length <= MAX_NOTE && !/[\u0000-\u001f\u007f]/.test(value);
    if (!ok) this.fail('note', value, `a line of text of at most ${MAX_NOTE} characters`);
    return value as string;
  }

  /**
   * The file's out folder, resolved against the file's folder. Unless --out overrides it, it must
   * lie inside the current folder or the file's: a grid file from elsewhere cannot aim writes at
   * arbitrary folders.
   */
  private out(value: unknown): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail('out', value, 'a folder path');
    const out = isAbsolute(value) ? value : join(dirname(this.file), value);
    if (!this.outGiven && !isInsideFolder('.', out) && !isInsideFolder(dirname(this.file), out)) {
      this.fail('out', value, `a folder inside the current folder or the grid file's (it is ${resolve(out)}; pass --out to write there)`);
    }
    return out;
  }

  /** A non-empty list of distinct values from `allowed`. */
  private list(value: unknown, field: string, allowed: readonly string[]): string[] {
    const list = arrayOf(checked(oneOf(allowed, false)), `a non-empty list of ${allowed.join(', ')}`, { minLength: 1, distinct: 'a value not listed before' });
    return this.read(list, value, field);
  }

  private seeds(value: unknown, field: string): number[] {
    if (isIntegerIn(value, 1, MAX_SEEDS)) return Array.from({ length: value }, (_, s) => s);
    const expected = `an integer in [1, ${MAX_SEEDS}] or a list of up to ${MAX_SEEDS} seeds`;
    return this.read(arrayOf(checked(integerIn(0)), expected, { minLength: 1, maxLength: MAX_SEEDS, distinct: 'a seed not listed before' }), value, field);
  }

  /** The algorithms whose seeds differ from the grid's `seeds`, and theirs. */
  private seedsByAlgorithm(value: unknown, algorithms: readonly AlgorithmName[]): Map<AlgorithmName, number[]> {
    const byAlgorithm = new Map<AlgorithmName, number[]>();
    if (value === undefined) return byAlgorithm;
    const given = this.read(plainObject('an object of algorithm: seeds (N or a list)'), value, 'seedsByAlgorithm');
    for (const [algo, seeds] of Object.entries(given)) {
      const field = `seedsByAlgorithm.${algo}`;
      if (!(algorithms as readonly string[]).includes(algo)) throw new UsageError(`${this.file}: unknown field ${field} (expected one of the algorithms: ${algorithms.join(', ')})`);
      byAlgorithm.set(algo as AlgorithmName, this.seeds(seeds, field));
    }
    return byAlgorithm;
  }

  private variants(value: unknown, algorithms: readonly string[]): Variant[] {
    if (value === undefined) return [{ name: DEFAULT_VARIANT, set: {}, field: 'variants', algorithms: null, seeds: null }];
    const entries = this.read(arrayOf(anything, 'a non-empty list of { "name": ..., "set": { config keys } }', { minLength: 1 }), value, 'variants');
    const names: string[] = [];
    return entries.map((entry, i): Variant => {
      const v = this.read(plainObject('{ "name": ..., "set": { config keys } }'), entry, `variants[${i}]`);
      const extra = unknownKey(v, VARIANT_KEYS);
      if (extra !== undefined) throw new UsageError(`${this.file}: unknown field variants[${i}].${extra} (expected ${VARIANT_KEYS.join(', ')})`);
      const name = this.name(v.name, `variants[${i}].name`);
      if (names.includes(name)) this.fail(`variants[${i}].name`, name, 'a name not used by another variant');
      names.push(name);
      const only = v.algorithms === undefined ? null : (this.list(v.algorithms, `variants[${i}].algorithms`, algorithms) as AlgorithmName[]);
      const seeds = v.seeds === undefined ? null : this.seeds(v.seeds, `variants[${i}].seeds`);
      return { name, set: this.section(v.set, `variants[${i}].set`, false), field: `variants[${i}].set`, algorithms: only, seeds };
    });
  }

  /** Per env, its config layers in order: a config file's keys, then the keys given beside it. */
  private envConfigs(value: unknown, envs: readonly string[]): Map<string, Layer[]> {
    const configs = new Map<string, Layer[]>();
    if (value === undefined) return configs;
    const given = this.read(plainObject('an object of env: config file or config keys'), value, 'envConfigs');
    for (const [env, config] of Object.entries(given)) {
      const field = `envConfigs.${env}`;
      if (!envs.includes(env)) throw new UsageError(`${this.file}: unknown field ${field} (expected one of the envs: ${envs.join(', ')})`);
      if (typeof config === 'string') {
        configs.set(env, [{ keys: this.configFile(config, field), field }]);
        continue;
      }
      const { config: file, ...keys } = this.section(config, field, true);
      const fromFile = typeof file === 'string' ? [{ keys: this.configFile(file, `${field}.config`), field: `${field}.config (${file})` }] : [];
      configs.set(env, [...fromFile, { keys, field }]);
    }
    return configs;
  }

  /** A config file's keys (checked when laid over a run's config, against its env). */
  private configFile(path: string, field: string): Record<string, unknown> {
    return this.read(plainObject('a JSON object of config keys'), readJson(path, this.fs, FILE_KINDS.config), `${field} (${path})`);
  }

  /**
   * An object of config keys (which may not set the axes); `base` and `envConfigs` may also name a config file. Its
   * values are checked when laid over each run's config, against that run's env.
   */
  private section(value: unknown, field: string, mayReadFile: boolean): Record<string, unknown> {
    if (value === undefined) return {};
    const section = this.read(plainObject('an object of config keys'), value, field);
    for (const key of Object.keys(section)) {
      const axis = AXES.find((a) => key === a || key.startsWith(`${a}.`));
      if (axis !== undefined) throw new UsageError(`${this.file}: ${field}.${key} cannot be set there (${axis} is an axis of the grid: envs, algorithms, seeds)`);
    }
    if (section.config !== undefined) {
      if (!mayReadFile) throw new UsageError(`${this.file}: unknown field ${field}.config (only base and envConfigs read a config file)`);
      if (typeof section.config !== 'string') this.fail(`${field}.config`, section.config, 'a config file path');
    }
    return section;
  }

  /** The defaults for `env`, then base's config file, then base's keys. */
  private baseConfig(env: string, base: Record<string, unknown>): MetaConfig {
    const { config: file, ...keys } = base;
    let config = resolveConfig({ env, evalTasks: GRID_EVAL_TASKS });
    if (typeof file === 'string') config = this.overlay(this.overlay(config, this.configFile(file, 'base.config'), `base.config (${file})`), { env }, 'envs');
    return this.overlay(config, keys, 'base');
  }

  /**
   * `keys` over `config` in their order, each as a config file over the defaults (one call per key:
   * within one call, a section's object would replace an earlier `section.key`); a bad key or value names `field`.
   */
  private overlay(config: MetaConfig, keys: Record<string, unknown>, field: string): MetaConfig {
    try {
      return Object.entries(keys).reduce((c, [k, v]) => applyOverrides(c, [`${k}=${JSON.stringify(v)}`]), config);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(`${this.file}: ${field}: ${e.message}`);
      throw e;
    }
  }
}

/** Reads and checks the grid file at `file`; `outGiven` when --out replaces the file's out folder. */
export function readGrid(file: string, quick: boolean, fs: FileSystem, outGiven = false): Grid {
  return new GridParser(file, fs, outGiven).parse(readJson(file, fs, FILE_KINDS.grid), quick);
}
