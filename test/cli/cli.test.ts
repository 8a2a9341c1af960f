import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TINY as tiny, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli as cli } from '../helpers/cli-run.js';
import { dataPath, listData, readDataJson } from '../helpers/reference-data.js';
import type { AdaptationEvaluation } from '../../src/meta/adaptation-eval.js';
import { outcomesOf, registeredEnvs, rewardThresholdOf } from '../../src/envs/registry.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (...argv: string[]) => cli(argv);

/** The quantities a fixture holds, as the audit names them: `loss`, `maml_1.meta_grad`, ... */
function quantities(fixture: { expected: Record<string, unknown> }): string[] {
  return Object.entries(fixture.expected).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).map((sub) => `${key}.${sub}`) : [key],
  );
}

describe('metarl CLI', () => {
  it('audit passes every fixture of test/data/fixtures (exit 0) and fails a tolerance no engine meets (exit 1)', async () => {
    const names = listData('fixtures').filter((f) => f.endsWith('.json')).sort();
    expect(names.length).toBeGreaterThanOrEqual(5);
    const files = names.map((f) => dataPath('fixtures', f));
    const ok = await run('audit', ...files);
    expect(ok.code).toBe(0);
    // One block per file: its path, one row per quantity within 1e-10, and the summary.
    let line = 0;
    for (const [i, file] of files.entries()) {
      const expected = quantities(readDataJson('fixtures', names[i]) as { expected: Record<string, unknown> });
      expect(expected.length).toBeGreaterThan(0);
      expect(ok.out[line++]).toBe(file);
      for (const q of expected) {
        const [name, error, verdict] = ok.out[line++].trim().split(/\s+/);
        expect([name, verdict]).toEqual([q, 'ok']);
        expect(Number(error)).toBeLessThanOrEqual(1e-10);
      }
      expect(ok.out[line++]).toBe(`  all ${expected.length} quantities within 1e-10`);
    }
    expect(line).toBe(ok.out.length);
    expect((await run('audit', files[0], '--tol', '1e-30')).code).toBe(1);
  });

  it('audit --example audits the fixture bundled in the CLI: tiny-tanh.json, row for row; with neither a file nor --example it exits 2', async () => {
    const example = await run('audit', '--example');
    const file = await run('audit', dataPath('fixtures', 'tiny-tanh.json'));
    expect(example.code).toBe(0);
    expect(example.out).toEqual(['example: tiny-tanh.json (PyTorch 1.13, float64)', ...file.out.slice(1)]);
    expect(example.out.slice(1, -1).map((l) => l.trim().split(/\s+/)[0])).toEqual(quantities(readDataJson('fixtures', 'tiny-tanh.json') as { expected: Record<string, unknown> }));
    const both = await run('audit', '--example', dataPath('fixtures', 'tiny-tanh.json'));
    expect(both.out).toEqual([...example.out, ...file.out]);
    expect((await run('audit', '--example', '--tol', '1e-30')).code).toBe(1);
    expect(await run('audit')).toEqual({
      code: 2,
      out: [],
      err: ['metarl: no file to audit (or --example for the shipped one) (usage: metarl audit [FILE.json...] [options]; metarl audit --help for more)'],
    });
  });

  it('audit exits 2 with one line for a malformed or inconsistent file', async () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ dims: [3, 5, 2], activation: 'tanh', params: [], train: {}, expected: {} }));
    const r = await run('audit', bad);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`metarl: ${bad}: params: expected a list of 2 layers`]);
    writeFileSync(bad, '{"dims": [3, 5');
    expect((await run('audit', bad)).err[0]).toMatch(/is not valid JSON/);
  });

  it('envs lists every registered family with its spaces and the parameter table the config checks against', async () => {
    const r = await run('envs');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('cartpole: CartPole-v1 (Gymnasium), pole length, pole mass and push force varied per task');
    expect(r.out[1]).toBe('  observations Box(4, float32), actions Discrete(2)');
    // What the report judges by, read from the registered family: one number, one place.
    expect(r.out[2]).toBe('  rewardThreshold 475, outcomes none'); // Gymnasium's CartPole-v1 threshold
    expect(r.out).toContain(`  rewardThreshold ${rewardThresholdOf('intersection')}, outcomes ${outcomesOf('intersection')?.join(', ')}`);
    expect(r.out).toContain('  rewardThreshold none, outcomes none');
    expect(r.out).toContain('  tau       default 0.02, a number in [0.0001, 0.1] s: seconds per step');
    expect(r.out).toContain('  length    default 0.5, a number in [0.01, 10] m: half the pole length  varied over [0.25, 1]');
    expect(r.out).toContain('  observations Box(6, float64), actions Discrete(5)');
    expect(r.out.filter((l) => !l.startsWith(' ')).map((l) => l.split(':')[0])).toEqual(['cartpole', 'cartpole-goal', 'intersection', 'intersection-bimodal', 'lunarlander', 'lunarlander-wind', 'lunarlander-continuous', 'lunarlander-pad']);
    expect((await run('envs', 'extra')).code).toBe(2);
  });

  it('report --help points to the registered thresholds instead of repeating them', async () => {
    const help = (await run('report', '--help')).out.join('\n');
    expect(help).toContain('the env\'s rewardThreshold (listed by `metarl envs`)');
    for (const f of registeredEnvs()) if (f.rewardThreshold !== undefined) expect(help).not.toContain(String(f.rewardThreshold));
  });

  it('names a wrong command, flag, config key or value, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['trian'], /unknown command 'trian' \(allowed: audit, bench, compare, envs, eval, experiment, report, train; metarl --help for usage\)/],
      [['train', '--sed', '1'], /unknown option --sed \(allowed: .*--seed/],
      [['train', '--set', 'itrations=5', '--out', join(root, 'x')], /unknown key itrations \(expected one of env, algo, seed, iterations/],
      [['train', '--algo', 'mamla', '--out', join(root, 'x')], /algo is "mamla", expected one of "maml", "fomaml", "metasgd", "directed-maml"/],
      [['train', '--set', 'innerLr=-1', '--out', join(root, 'x')], /innerLr is -1, expected a positive finite number/],
      [['compare', '--algos', 'maml,reptile'], /--algos: unknown algorithm 'reptile'/],
      [['compare', '--workers', '0'], /--workers is '0', expected an integer from 1 to 64/],
      [['eval', join(root, 'nothing')], /holds no checkpoint.json/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
    }
    expect(existsSync(join(root, 'x'))).toBe(false); // a bad config creates no folder
  });

  it('train writes log, checkpoint and evaluation; --resume continues exactly as one uninterrupted run', async () => {
    const whole = join(root, 'whole');
    const split = join(root, 'split');
    expect((await run('train', ...tiny, '--seed', '4', '--out', whole)).code).toBe(0);
    expect(readdirSync(whole).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
    expect((await run('train', ...tiny, '--seed', '4', '--iterations', '1', '--out', split)).code).toBe(0);
    expect((await run('train', '--resume', '--out', split)).code).toBe(0);
    expect(logWithoutTimes(split)).toEqual(logWithoutTimes(whole));
    expect(checkpointWithoutTimes(split)).toEqual(checkpointWithoutTimes(whole));
    expect(readJsonFile(split, 'eval.json')).toEqual(readJsonFile(whole, 'eval.json'));
    expect((await run('train', ...tiny, '--out', whole)).err[0]).toMatch(/already holds a run/);
    for (const option of ['--config', '--set', '--env', '--algo', '--seed']) {
      const r = await run('train', '--resume', option, option === '--set' ? 'seed=1' : 'x', '--out', whole);
      expect([r.code, r.err]).toEqual([2, ['metarl: --resume continues the saved config; it takes no --config, --set, --env, --algo or --seed']]);
    }
  });

  it('eval evaluates a checkpoint, without needing its log, exactly as train did', async () => {
    const dir = join(root, 'evaluated');
    expect((await run('train', ...tiny, '--seed', '2', '--out', dir)).code).toBe(0);
    const trained = readJsonFile(dir, 'eval.json') as { returns: number[]; adaptation: AdaptationEvaluation };
    rmSync(join(dir, 'eval.json'));
    rmSync(join(dir, 'log.jsonl'));
    const r = await run('eval', dir);
    expect(r.code).toBe(0);
    expect(readJsonFile(dir, 'eval.json')).toEqual(trained);
    const { sampled, greedy, swap } = trained.adaptation;
    const gaps = swap === null ? [] : [swap.sampled, swap.greedy].map((g) => `${g.own.toFixed(1)} - ${g.other.toFixed(1)} = ${g.gap.toFixed(1)}`);
    expect(r.out).toEqual([
      'maml at iteration 3, 2 held-out tasks',
      ...trained.returns.map((x, k) => `  after ${k} inner step${k === 1 ? '' : 's'}: mean return ${x.toFixed(1)}`),
      '  after 0..3 inner steps, mean return on evaluation episodes (sampled / greedy actions):',
      ...[0, 1, 2, 3].map((k) => `    ${k} step${k === 1 ? ' ' : 's'}: ${sampled.returns[k].toFixed(1)} / ${greedy.returns[k].toFixed(1)}`),
      `  swap test after 1 step (adapted on own task minus on another): sampled ${gaps[0]}, greedy ${gaps[1]}`,
    ]);
    expect(trained.returns).toHaveLength(2); // K = 1: before and after one step
  });

  it('eval and --resume refuse a checkpoint edited by hand (checksum) or corrupt (by its field), exit 2', async () => {
    const dir = join(root, 'edited');
    expect((await run('train', ...tiny, '--iterations', '1', '--out', dir)).code).toBe(0);
    const path = join(dir, 'checkpoint.json');
    const original = readFileSync(path, 'utf8');
    const cp = JSON.parse(original);
    expect(cp.config.activation).toBe('tanh');
    cp.config.activation = 'relu';
    writeFileSync(path, JSON.stringify(cp, null, 1));
    const mismatch = new RegExp(`^metarl: ${path}: snapshot\\.checksum: mismatch \\(the checkpoint was edited or corrupted\\): expected ${cp.checksum}, got fnv1a64:[0-9a-f]{16}$`);
    for (const argv of [['eval', dir], ['train', '--resume', '--out', dir]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(mismatch);
    }
    cp.config.activation = 'tanh';
    writeFileSync(path, JSON.stringify(cp, null, 1)); // the same content, reformatted: accepted
    expect((await run('eval', dir)).code).toBe(0);
    cp.params = cp.params.slice(1);
    writeFileSync(path, JSON.stringify(cp));
    const r = await run('eval', dir);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/checkpoint\.json: snapshot\.params is .*expected an array of \d+ finite numbers/);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(original), checksum: undefined }));
    expect((await run('eval', dir)).err[0]).toMatch(/checkpoint\.json: snapshot\.checksum is undefined, expected "fnv1a64:" and 16 hex digits/);
  });
});
