import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_EVAL_TASKS, readGrid } from '../../src/cli/grid.js';
import { GridProgress, formatDuration, gridProgressLine } from '../../src/cli/grid-progress.js';
import { buildCli } from '../helpers/cli-bundle.js';
import { checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';
import { failingDisk } from '../helpers/failing-fs.js';
import { nodeFileSystem } from '../../src/io/file-system.js';
import { resolveConfig } from '../../src/meta/config.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-experiment-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TINY_GRID = 'experiments/tiny.json';
const runs = ['cartpole/default/maml-seed0', 'cartpole/default/directed-maml-seed0'];
const first = join(root, 'first');
let firstOut: string[] = [];
let cliUrl: URL;

/** Every file of a folder, recursively, with its last-modified time and content. */
function snapshot(dir: string): Map<string, [number, string]> {
  const files = new Map<string, [number, string]>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(entry, [statSync(path).mtimeMs, readFileSync(path, 'utf8')]);
  }
  return files;
}

function expectSameRuns(dir: string): void {
  for (const run of runs) {
    const [a, b] = [join(dir, run), join(first, run)];
    expect(readdirSync(a).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
    expect(logWithoutTimes(a)).toEqual(logWithoutTimes(b));
    expect(checkpointWithoutTimes(a)).toEqual(checkpointWithoutTimes(b));
    expect(readJsonFile(a, 'eval.json')).toEqual(readJsonFile(b, 'eval.json'));
  }
}

/** A grid file in the temp folder; returns its path. */
function gridFile(name: string, grid: unknown): string {
  const path = join(root, `${name}.json`);
  writeFileSync(path, JSON.stringify(grid));
  return path;
}

beforeAll(async () => {
  cliUrl = (await buildCli(root)).url;
  const r = await runCli(['experiment', TINY_GRID, '--workers', '2', '--out', first], { script: cliUrl });
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  firstOut = r.out;
});

describe('experiment', () => {
  it('trains every run of the tiny grid on worker threads into OUT/ENV/VARIANT/ALGO-seedS', () => {
    expect(firstOut).toEqual([
      `grid tiny: 2 runs, 0 finished before, 2 to train, in ${first}`,
      `grid tiny: 2/2 runs done; metarl report ${first} writes the results page`,
    ]);
    expect(readdirSync(first).sort()).toEqual(['cartpole', 'grid.json', 'provenance.json']);
    for (const run of runs) {
      const log = logWithoutTimes(join(first, run)) as { iteration: number; heldOut: { returns: number[] } }[];
      expect(log.map((l) => l.iteration)).toEqual([1, 2]);
      // evalEvery 1: every line holds the held-out returns before and after the one inner step
      expect(log.map((l) => l.heldOut.returns.length)).toEqual([2, 2]);
    }
    const grid = readJsonFile(first, 'grid.json') as { name: string; runs: { env: string; variant: string; algo: string; seed: number; dir: string; config: Record<string, unknown> }[] };
    expect(grid.name).toBe('tiny');
    expect(grid.runs.map(({ env, variant, algo, seed, dir }) => [env, variant, algo, seed, dir])).toEqual([
      ['cartpole', 'default', 'maml', 0, runs[0]],
      ['cartpole', 'default', 'directed-maml', 0, runs[1]],
    ]);
    for (const run of grid.runs) {
      expect(run.config).toEqual((readJsonFile(join(first, run.dir), 'checkpoint.json') as { config: unknown }).config);
      expect([run.config.iterations, run.config.metaBatchSize, run.config.hidden, run.config.evalEvery, run.config.outerLr]).toEqual([2, 2, [8], 1, 1e-3]);
    }
    const provenance = readJsonFile(first, 'provenance.json') as Record<string, unknown>;
    expect(Object.keys(provenance)).toEqual(['commit', 'date', 'host', 'machine', 'cores', 'node', 'command']);
    expect(provenance.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(Date.parse(provenance.date as string)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect([provenance.host, provenance.machine, provenance.cores, provenance.node]).toEqual([hostname(), cpus()[0].model.trim(), cpus().length, process.version]);
    expect(provenance.command).toBe(`metarl experiment ${TINY_GRID} --workers 2 --out ${first}`);
  });

  it('trains each run exactly as `train` does with the same config', async () => {
    const dir = join(root, 'train');
    const set = ['iterations=2', 'metaBatchSize=2', 'episodesPerTask=2', 'numEnvs=2', 'evalTasks=2', 'evalEpisodes=2', 'evalEvery=1', 'hidden=[8]'].flatMap((s) => ['--set', s]);
    expect((await runCli(['train', '--algo', 'directed-maml', ...set, '--workers', '1', '--out', dir])).code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(join(first, runs[1])));
    expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(join(first, runs[1])));
  });

  it('feeds `metarl report`: its table of every run holds each run\'s held-out returns', async () => {
    const docs = join(root, 'docs');
    const r = await runCli(['report', first, '--out', docs]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const page = readFileSync(join(docs, 'results.md'), 'utf8');
    expect(page).toContain(`\`metarl experiment ${TINY_GRID} --workers 2 --out ${first}\``);
    for (const [i, algo] of ['maml', 'directed-maml'].entries()) {
      const { returns } = readJsonFile(join(first, runs[i]), 'eval.json') as { returns: [number, number] };
      const row = `| cartpole | default | ${algo} | 0 | 2 | ${returns[0].toFixed(2)} | ${returns[1].toFixed(2)} | ${(returns[1] - returns[0]).toFixed(2)} | never (2) |`;
      expect(page.split('\n').filter((l) => l.startsWith(row))).toHaveLength(1);
    }
  });

  it('skips every finished run when run again, writing nothing', async () => {
    const before = snapshot(first);
    const r = await runCli(['experiment', TINY_GRID, '--workers', '2', '--out', first], { script: cliUrl });
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`grid tiny: 2 runs, 2 finished before, 0 to train, in ${first}`);
    expect(snapshot(first)).toEqual(before);
  });

  it('continues an interrupted grid to the same bits as an uninterrupted one', async () => {
    const dir = join(root, 'interrupted');
    // Writes: grid.json, provenance.json, then the first run's log and checkpoint per iteration:
    // write 5 is its second log line, so it holds one iteration and the second run none.
    const disk = failingDisk(5);
    const failed = await runCli(['experiment', TINY_GRID, '--workers', '1', '--out', dir], { fs: disk.fs });
    expect(failed.err).toEqual([`metarl: cannot write ${join(dir, runs[0], 'log.jsonl')}: ENOSPC`]);
    expect(failed.code).toBe(2);
    expect(logWithoutTimes(join(dir, runs[0]))).toHaveLength(1);
    const r = await runCli(['experiment', TINY_GRID, '--workers', '1', '--out', dir]);
    expect(r.out[0]).toBe(`grid tiny: 2 runs, 0 finished before, 2 to train, in ${dir}`);
    expect(r.code).toBe(0);
    expectSameRuns(dir);
    // provenance.json keeps the interrupted start, oldest first, under the latest one.
    const { earlier, ...latest } = readJsonFile(dir, 'provenance.json') as Record<string, unknown> & { earlier: Record<string, unknown>[] };
    expect(earlier.map((e) => e.command)).toEqual([`metarl experiment ${TINY_GRID} --workers 1 --out ${dir}`]);
    expect(latest.command).toBe(`metarl experiment ${TINY_GRID} --workers 1 --out ${dir}`);
    expect(Date.parse(latest.date as string)).toBeGreaterThanOrEqual(Date.parse(earlier[0].date as string));
  });

  it('--quick trains the file\'s quick profile into OUT-quick', async () => {
    const out = join(root, 'quick');
    const tiny = JSON.parse(readFileSync(TINY_GRID, 'utf8'));
    const file = gridFile('quick', { ...tiny, seeds: [3, 5], algorithms: ['fomaml'], out, quick: { iterations: 1, seeds: 1 } });
    const r = await runCli(['experiment', file, '--quick']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(`${out}-quick`, 'cartpole', 'default'))).toEqual(['fomaml-seed3']);
    expect(logWithoutTimes(join(`${out}-quick`, 'cartpole', 'default', 'fomaml-seed3'))).toHaveLength(1);
    expect((await runCli(['experiment', gridFile('no-quick', { ...tiny, quick: undefined }), '--quick'])).err).toEqual([`metarl: --quick: ${join(root, 'no-quick.json')} has no "quick" section`]);
  });

  it('refuses a saved run of another config before any work', async () => {
    const tiny = JSON.parse(readFileSync(TINY_GRID, 'utf8'));
    const file = gridFile('longer', { ...tiny, base: { ...tiny.base, iterations: 3 } });
    const before = snapshot(first);
    const r = await runCli(['experiment', file, '--out', first]);
    expect(r.err).toEqual([`metarl: ${join(first, runs[0])} holds a run of another config (iterations is 2 in the saved run, 3 here); resume with the same options, or use another --out`]);
    expect(r.code).toBe(2);
    expect(snapshot(first)).toEqual(before);
  });

  it('trains only the algorithms a variant lists, lists just those in grid.json, and report pairs them by config', async () => {
    const dir = join(root, 'ablation');
    cpSync(first, dir, { recursive: true });
    const tiny = JSON.parse(readFileSync(TINY_GRID, 'utf8'));
    // The default variant's two runs are the tiny grid's, finished in the copy: only eta-half trains.
    const file = gridFile('ablation', { ...tiny, variants: [{ name: 'default', set: {} }, { name: 'eta-half', set: { 'directed.eta': 0.5 }, algorithms: ['directed-maml'] }] });
    const r = await runCli(['experiment', file, '--workers', '1', '--out', dir]);
    expect(r.out[0]).toBe(`grid tiny: 3 runs, 2 finished before, 1 to train, in ${dir}`);
    expect(r.code).toBe(0);
    const grid = readJsonFile(dir, 'grid.json') as { runs: { variant: string; algo: string; dir: string; config: { directed: { eta: number | null } } }[] };
    expect(grid.runs.map((run) => [run.variant, run.algo, run.dir, run.config.directed.eta])).toEqual([
      ['default', 'maml', runs[0], null],
      ['default', 'directed-maml', runs[1], null],
      ['eta-half', 'directed-maml', 'cartpole/eta-half/directed-maml-seed0', 0.5],
    ]);
    expect(readdirSync(join(dir, 'cartpole', 'eta-half'))).toEqual(['directed-maml-seed0']);
    const docs = join(root, 'ablation-docs');
    // Two pairs (default, eta-half) of 16 measures each; 3 learning-curve figures, 2 Kaplan-Meier (threshold and relative level), 1 bar chart, 1 of adaptation (eval.json's).
    expect((await runCli(['report', dir, '--out', docs])).out).toEqual([`${join(docs, 'results.md')}: 1 experiment, 3 runs, 32 claim verdicts, 7 figures`]);
    // One seed a side: no t-test, so not testable; the base of eta-half is the default variant's maml.
    const maml = readJsonFile(join(dir, runs[0]), 'eval.json') as { returns: [number, number] };
    const etaHalf = readJsonFile(join(dir, 'cartpole/eta-half/directed-maml-seed0'), 'eval.json') as { returns: [number, number] };
    const row = `| tiny | C2 | final return |  | cartpole | eta-half (base: default) | maml | ${maml.returns[1].toFixed(2)} (n 1) | ${etaHalf.returns[1].toFixed(2)} (n 1) | n/a | n/a | n/a | not testable: fewer than two values a side |`;
    expect(readFileSync(join(docs, 'results.md'), 'utf8').split('\n')).toContain(row);
  });

  it('refuses bad grid files with one line naming the field, before writing anything', async () => {
    const tiny = JSON.parse(readFileSync(TINY_GRID, 'utf8'));
    const cases: [unknown, string][] = [
      [{ ...tiny, algorithms: ['maml', 'directed-maml', 'foo'] }, 'algorithms[2] is "foo", expected one of maml, fomaml, metasgd, directed-maml, directed-fomaml, directed-metasgd, multitask'],
      [{ ...tiny, seeds: 0 }, 'seeds is 0, expected an integer in [1, 1000] or a list of up to 1000 seeds'],
      [{ ...tiny, envs: ['cartpole', 'cartpole'] }, 'envs[1] is "cartpole", expected a value not listed before'],
      [{ ...tiny, variants: [{ name: 'eta', set: { 'directed.eta': 'x' } }] }, 'variants[0].set: directed.eta is "x", expected null (the inner rate alpha) or a positive finite number'],
      [{ ...tiny, base: { ...tiny.base, algo: 'maml' } }, 'base.algo cannot be set there (algo is an axis of the grid: envs, algorithms, seeds)'],
      [{ ...tiny, envConfigs: { lunarlander: {} } }, 'unknown field envConfigs.lunarlander (expected one of the envs: cartpole)'],
      [{ ...tiny, envConfigs: { cartpole: { config: 5 } } }, 'envConfigs.cartpole.config is 5, expected a config file path'],
      [{ ...tiny, note: 'cut:\nLunarLander' }, 'note is "cut:\\nLunarLander", expected a line of text of at most 2000 characters'],
      [{ ...tiny, note: 'x'.repeat(2001) }, `note is "${'x'.repeat(76)}..., expected a line of text of at most 2000 characters`],
      [{ ...tiny, envConfigs: { cartpole: { config: 'configs/cartpole-start.json', evalEvery: -1 } } }, 'envConfigs.cartpole: evalEvery is -1, expected a non-negative integer'],
      [{ ...tiny, variants: [{ name: 'eta', set: { config: 'configs/cartpole-start.json' } }] }, 'unknown field variants[0].set.config (only base and envConfigs read a config file)'],
      [{ ...tiny, iterations: 2 }, 'unknown field iterations (expected one of name, note, base, envs, envConfigs, algorithms, seeds, seedsByAlgorithm, variants, quick, out)'],
      [{ ...tiny, name: 'a/b' }, 'name is "a/b", expected a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters'],
      [{ ...tiny, name: '../../../escape/pwned' }, 'name is "../../../escape/pwned", expected a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters'],
      [{ ...tiny, variants: [{ name: '..', set: {} }] }, 'variants[0].name is "..", expected a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters'],
      [{ ...tiny, quick: { seeds: 2 } }, 'quick.seeds is 2, expected an integer in [1, 1] (the first seeds of each seed list)'],
      [{ ...tiny, seedsByAlgorithm: { maml: 3 }, quick: { seeds: 4 } }, 'quick.seeds is 4, expected an integer in [1, 3] (the first seeds of each seed list)'],
      [{ ...tiny, seedsByAlgorithm: { maml: 0 } }, 'seedsByAlgorithm.maml is 0, expected an integer in [1, 1000] or a list of up to 1000 seeds'],
      [{ ...tiny, seedsByAlgorithm: { 'directed-maml': [1, 1] } }, 'seedsByAlgorithm.directed-maml[1] is 1, expected a seed not listed before'],
      [{ ...tiny, seedsByAlgorithm: { fomaml: 3 } }, 'unknown field seedsByAlgorithm.fomaml (expected one of the algorithms: maml, directed-maml)'],
      [{ ...tiny, seedsByAlgorithm: [3] }, 'seedsByAlgorithm is [3], expected an object of algorithm: seeds (N or a list)'],
      [{ ...tiny, variants: [{ name: 'eta', set: {}, seeds: 'all' }] }, 'variants[0].seeds is "all", expected an integer in [1, 1000] or a list of up to 1000 seeds'],
      [{ ...tiny, variants: [{ name: 'eta', set: {}, runs: 2 }] }, 'unknown field variants[0].runs (expected name, set, algorithms, seeds)'],
      [{ ...tiny, quick: { iterations: -1 } }, 'quick: iterations is -1, expected a non-negative integer'],
      [{ ...tiny, variants: [{ name: 'eta', set: {}, algorithms: ['directed-maml', 'fomaml'] }] }, 'variants[0].algorithms[1] is "fomaml", expected one of maml, directed-maml'],
    ];
    for (const [i, [grid, message]] of cases.entries()) {
      const file = gridFile(`bad${i}`, grid);
      const out = join(root, `bad-out${i}`);
      const r = await runCli(['experiment', file, '--out', out]);
      expect(r.err).toEqual([`metarl: ${file}: ${message}`]);
      expect(r.code).toBe(2);
      expect(() => statSync(out)).toThrow(/ENOENT/);
    }
    expect((await runCli(['experiment'])).err).toEqual(['metarl: missing the grid file (usage: metarl experiment FILE.json [options]; metarl experiment --help for more)']);
    expect((await runCli(['experiment', join(root, 'none.json')])).err).toEqual([`metarl: cannot read ${join(root, 'none.json')}: ENOENT`]);
  });
});

describe('a grid file', () => {
  it('builds each config as defaults < base.config < base < envConfigs < the axes < the variant < quick', () => {
    const file = gridFile('layers', {
      name: 'layers',
      base: { config: 'configs/cartpole-start.json', iterations: 7, hidden: [4] },
      envs: ['cartpole', 'lunarlander'],
      envConfigs: { lunarlander: 'configs/lunarlander.json', cartpole: { outerLr: 0.01 } },
      algorithms: ['directed-maml'],
      seeds: [2, 9],
      variants: [{ name: 'plain', set: {} }, { name: 'eta-half', set: { 'directed.eta': 0.5, directed: { mode: 'lookahead' } } }],
      quick: { iterations: 1, seeds: 1 },
    });
    const grid = readGrid(file, false, nodeFileSystem);
    expect(grid.out).toBe('runs/experiments/layers');
    expect(grid.runs.map((r) => r.dir)).toEqual([
      'cartpole/plain/directed-maml-seed2', 'cartpole/plain/directed-maml-seed9', 'cartpole/eta-half/directed-maml-seed2', 'cartpole/eta-half/directed-maml-seed9',
      'lunarlander/plain/directed-maml-seed2', 'lunarlander/plain/directed-maml-seed9', 'lunarlander/eta-half/directed-maml-seed2', 'lunarlander/eta-half/directed-maml-seed9',
    ]);
    const directed = resolveConfig({}).directed;
    // cartpole-start.json: innerLr 1, outerLr 0.003, iterations 100; base: iterations 7, hidden [4]; envConfigs: outerLr 0.01
    // Grids' own default: GRID_EVAL_TASKS held-out tasks.
    expect(grid.runs[2].config).toEqual(resolveConfig({ env: 'cartpole', algo: 'directed-maml', seed: 2, iterations: 7, hidden: [4], innerLr: 1, outerLr: 0.01, evalTasks: GRID_EVAL_TASKS, directed: { ...directed, eta: 0.5, mode: 'lookahead' } }));
    // lunarlander.json: iterations 80, hidden [64, 64], outerLr 0.003, over base
    expect(grid.runs[5].config).toEqual(resolveConfig({ env: 'lunarlander', algo: 'directed-maml', seed: 9, iterations: 80, hidden: [64, 64], innerLr: 1, outerLr: 0.003, evalTasks: GRID_EVAL_TASKS }));
    const quick = readGrid(file, true, nodeFileSystem);
    expect(quick.out).toBe('runs/experiments/layers-quick');
    expect(quick.runs.map((r) => [r.dir, r.config.iterations])).toEqual([
      ['cartpole/plain/directed-maml-seed2', 1], ['cartpole/eta-half/directed-maml-seed2', 1], ['lunarlander/plain/directed-maml-seed2', 1], ['lunarlander/eta-half/directed-maml-seed2', 1],
    ]);
  });
});

describe('a grid file\'s envConfigs', () => {
  it('may read a config file for an env and lay keys over it', () => {
    const file = gridFile('env-file', {
      name: 'env-file',
      base: { evalEvery: 5, iterations: 9 },
      envs: ['cartpole', 'lunarlander'],
      envConfigs: { lunarlander: { config: 'configs/lunarlander.json', evalEvery: 10, 'directed.eta': 0.5 } },
      algorithms: ['directed-maml'],
      seeds: 1,
    });
    const [cartpole, lunarlander] = readGrid(file, false, nodeFileSystem).runs.map((r) => r.config);
    expect([cartpole.iterations, cartpole.evalEvery, cartpole.hidden, cartpole.directed.eta]).toEqual([9, 5, [32, 32], null]);
    // lunarlander.json (iterations 80, hidden [64, 64], outerLr 0.003) over base, then the keys beside it.
    expect(lunarlander).toEqual(resolveConfig({ env: 'lunarlander', algo: 'directed-maml', seed: 0, iterations: 80, hidden: [64, 64], outerLr: 0.003, evalEvery: 10, evalTasks: GRID_EVAL_TASKS, directed: { eta: 0.5 } }));
  });
});

describe('a grid file\'s seed counts', () => {
  const grid = {
    name: 'seeds',
    base: { iterations: 3 },
    envs: ['cartpole'],
    algorithms: ['maml', 'directed-maml', 'fomaml', 'multitask'],
    seeds: 2,
    seedsByAlgorithm: { maml: 4, 'directed-maml': [0, 1, 7] },
    variants: [{ name: 'default', set: {} }, { name: 'random-task', set: { 'directed.estimator': 'random' }, algorithms: ['directed-maml'], seeds: 1 }],
    quick: { iterations: 1, seeds: 3 },
  };
  const list = (quick: boolean): string[] => readGrid(gridFile('seeds', grid), quick, nodeFileSystem).runs.map((r) => `${r.dir} ${r.seed} ${r.config.seed} ${r.config.iterations}`);

  it('are per algorithm where seedsByAlgorithm names one, per variant where it lists seeds, else the grid\'s', () => {
    expect(list(false)).toEqual([
      'cartpole/default/maml-seed0 0 0 3', 'cartpole/default/maml-seed1 1 1 3', 'cartpole/default/maml-seed2 2 2 3', 'cartpole/default/maml-seed3 3 3 3',
      'cartpole/default/directed-maml-seed0 0 0 3', 'cartpole/default/directed-maml-seed1 1 1 3', 'cartpole/default/directed-maml-seed7 7 7 3',
      'cartpole/default/fomaml-seed0 0 0 3', 'cartpole/default/fomaml-seed1 1 1 3',
      'cartpole/default/multitask-seed0 0 0 3', 'cartpole/default/multitask-seed1 1 1 3',
      'cartpole/random-task/directed-maml-seed0 0 0 3',
    ]);
  });

  it('are cut by --quick to the first quick.seeds of each list, a shorter list kept whole', () => {
    expect(list(true)).toEqual([
      'cartpole/default/maml-seed0 0 0 1', 'cartpole/default/maml-seed1 1 1 1', 'cartpole/default/maml-seed2 2 2 1',
      'cartpole/default/directed-maml-seed0 0 0 1', 'cartpole/default/directed-maml-seed1 1 1 1', 'cartpole/default/directed-maml-seed7 7 7 1',
      'cartpole/default/fomaml-seed0 0 0 1', 'cartpole/default/fomaml-seed1 1 1 1',
      'cartpole/default/multitask-seed0 0 0 1', 'cartpole/default/multitask-seed1 1 1 1',
      'cartpole/random-task/directed-maml-seed0 0 0 1',
    ]);
  });

  it('and a note on them reach grid.json for the results page', async () => {
    const note = 'controls at 3 seeds: the budget';
    const out = join(root, 'noted');
    const file = gridFile('noted', { ...grid, note, base: { iterations: 1, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, evalTasks: 2, evalEpisodes: 2, hidden: [8] }, algorithms: ['maml'], seedsByAlgorithm: { maml: [4] }, variants: undefined, quick: undefined });
    expect((await runCli(['experiment', file, '--out', out])).code).toBe(0);
    const written = readJsonFile(out, 'grid.json') as { name: string; note: string; runs: { dir: string; seed: number }[] };
    expect([written.name, written.note, written.runs.map((r) => `${r.dir} ${r.seed}`)]).toEqual(['seeds', note, ['cartpole/default/maml-seed4 4']]);
  });

  it('set what --list numbers and --shard divides', async () => {
    const file = gridFile('seeds-list', grid);
    const listed = (await runCli(['experiment', file, '--list'])).out.map((line) => line.split('\t').slice(0, 2).join(' '));
    expect(listed).toEqual(list(false).map((run, i) => `${i} ${run.split(' ')[0]}`));
    const shard = (await runCli(['experiment', file, '--list', '--shard', '1/5'])).out.map((line) => line.split('\t')[0]);
    expect(shard).toEqual(['1', '6', '11']);
  });
});

describe('the project\'s experiment files', () => {
  it('declare the grids the README reports: their runs, and the quick profiles', () => {
    const counts = (name: string, quick: boolean): [number, number] => {
      const grid = readGrid(`experiments/${name}.json`, quick, nodeFileSystem);
      return [grid.runs.length, new Set(grid.runs.map((r) => r.config.iterations)).size];
    };
    // runs, and how many distinct iteration budgets (one per env, or one for --quick)
    expect(['paper-trpo', 'ablation-cartpole', 'ablation-intersection', 'tiny'].map((n) => [counts(n, false), counts(n, true)])).toEqual([
      [[90, 3], [18, 1]], [[60, 1], [12, 1]], [[42, 1], [14, 1]], [[2, 1], [2, 1]],
    ]);
    // paper-trpo is the first paper grid with the TRPO outer loop: 3 envs x 6 algorithms x 5 seeds
    const trpo = readGrid('experiments/paper-trpo.json', false, nodeFileSystem).runs;
    expect(trpo.every((r) => r.config.outerOptimizer === 'trpo' && r.seed < 5 && r.variant === 'default')).toBe(true);
    expect(new Set(trpo.map((r) => `${r.env} ${r.algo}`)).size).toBe(18);
  });

  it('declare the paper grid: every family, the controls beside each Directed-X, 10 seeds for the headline pair, its budget cuts noted', () => {
    const paper = readGrid('experiments/paper.json', false, nodeFileSystem).runs;
    const cells = new Map<string, number[]>();
    for (const r of paper) cells.set(`${r.variant} ${r.algo}`, [...(cells.get(`${r.variant} ${r.algo}`) ?? []), r.seed]);
    const perEnv = [...cells].map(([cell, seeds]) => `${cell} ${seeds.length / 6}`);
    expect(perEnv).toEqual([
      'default maml 10', 'default directed-maml 10', 'default fomaml 3', 'default directed-fomaml 3', 'default metasgd 3', 'default directed-metasgd 3', 'default multitask 3',
      'random-task directed-maml 3', 'random-task directed-fomaml 3', 'random-task directed-metasgd 3',
      'pooled-step directed-maml 3', 'pooled-step directed-fomaml 3', 'pooled-step directed-metasgd 3',
    ]);
    const envs = [...new Set(paper.map((r) => r.env))];
    expect(envs).toEqual(['cartpole', 'cartpole-goal', 'lunarlander', 'intersection', 'lunarlander-pad', 'intersection-bimodal']);
    // Held-out evaluation every 10 iterations on 40 tasks everywhere; the directed runs log the mechanism.
    expect(new Set(paper.map((r) => `${r.config.evalEvery} ${r.config.evalTasks} ${r.config.directed.logMechanism}`))).toEqual(new Set(['10 40 true']));
    expect(new Set(paper.map((r) => `${r.variant} ${r.config.directed.estimator}`))).toEqual(new Set(['default center', 'random-task random', 'pooled-step pooled']));
    const iterations = (env: string): number[] => [...new Set(paper.filter((r) => r.env === env).map((r) => r.config.iterations))];
    // intersection and intersection-bimodal keep their config files' budgets.
    expect(['cartpole', 'lunarlander', 'cartpole-goal', 'lunarlander-pad', 'intersection'].map(iterations)).toEqual([[200], [50], [200], [50], [600]]);
    expect(paper).toHaveLength(318);
    expect(readGrid('experiments/paper.json', false, nodeFileSystem).note).toMatch(/^Cut toward a compute budget .* the controls \(multitask, random-task, pooled-step\) to 3 seeds, the non-headline algorithms to 3 seeds .* then LunarLander's and LunarLander-pad's iterations from 300 to 50\./);
    expect(readGrid('experiments/paper.json', true, nodeFileSystem).runs.map((r) => `${r.config.iterations} ${r.seed}`)).toEqual(new Array(78).fill('10 0'));
  });
});

describe('the grid progress line', () => {
  it('states runs done and the ETA from this invocation\'s throughput', () => {
    expect([formatDuration(40.4), formatDuration(89.6), formatDuration(240), formatDuration(5399), formatDuration(12_600)]).toEqual(['40 s', '90 s', '4 min', '90 min', '3.5 h']);
    expect(gridProgressLine('tiny', 3, 12, 240)).toBe('grid tiny: 3/12 runs done, ETA 4 min');
    expect(gridProgressLine('tiny', 12, 12, 0)).toBe('grid tiny: 12/12 runs done');
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    let now = 100;
    // 2 of 6 runs were finished before; this invocation then ends one run at 20 s, another at 60 s.
    const progress = new GridProgress('g', 6, 2, stream, () => now);
    now = 120;
    progress.runDone();
    now = 160;
    progress.runDone();
    progress.end();
    // ETA: 20 s per run x 3 left = 60 s; then 30 s per run x 2 left = 60 s
    expect(lines).toEqual(['grid g: 2/6 runs done, ETA unknown\n', 'grid g: 3/6 runs done, ETA 60 s\n', 'grid g: 4/6 runs done, ETA 60 s\n']);
  });
});

describe('a grid file\'s out folder', () => {
  const tiny = JSON.parse(readFileSync(TINY_GRID, 'utf8'));

  it('is resolved against the grid file\'s folder', () => {
    expect(readGrid(gridFile('rel-out', { ...tiny, out: 'sub/x' }), false, nodeFileSystem).out).toBe(join(root, 'sub/x'));
    expect(readGrid(gridFile('rel-out-quick', { ...tiny, out: 'sub/x' }), true, nodeFileSystem).out).toBe(join(root, 'sub/x-quick'));
    expect(readGrid(gridFile('no-out', tiny), false, nodeFileSystem).out).toBe('runs/experiments/tiny');
  });

  it('is refused when it leaves both the current folder and the grid file\'s, unless --out replaces it', async () => {
    const file = gridFile('escape-out', { ...tiny, out: '../../rel/sec-escape/x' });
    const target = resolve(root, '../../rel/sec-escape/x');
    const message = `${file}: out is "../../rel/sec-escape/x", expected a folder inside the current folder or the grid file's (it is ${target}; pass --out to write there)`;
    expect(() => readGrid(file, false, nodeFileSystem)).toThrow(message);
    expect(readGrid(file, false, nodeFileSystem, true).out).toBe(join(root, '../../rel/sec-escape/x'));
    const r = await runCli(['experiment', file]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${message}`]]);
    expect(existsSync(target)).toBe(false);
  });

  it('never trains through a link out of the grid folder', async () => {
    const out = join(root, 'linked-grid');
    const elsewhere = join(root, 'linked-elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'cartpole'));
    const r = await runCli(['experiment', TINY_GRID, '--workers', '1', '--out', out]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(out, 'cartpole')} is a symbolic link out of ${out}, expected a file or folder inside it (writes never follow a link out of their folder)`]]);
    expect([readdirSync(elsewhere), readdirSync(out)]).toEqual([[], ['cartpole']]);
  });
});
