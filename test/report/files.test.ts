import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';

// A real grid of the smallest size, so the report reads what `metarl experiment` writes: the log's
// mechanism lines (directed.logMechanism) and eval.json's adaptation block.
const root = mkdtempSync(join(tmpdir(), 'metarl-report-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const grid = join(root, 'grid');
const spec = join(root, 'mech.json');
let page = '';
let runDir = '';

beforeAll(async () => {
  writeFileSync(spec, JSON.stringify({
    name: 'mech',
    base: { iterations: 2, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, evalTasks: 2, evalEpisodes: 2, evalEvery: 1, hidden: [8], 'directed.logMechanism': true },
    envs: ['cartpole'],
    algorithms: ['maml', 'directed-maml'],
    seeds: 2,
  }));
  const r = await runCli(['experiment', spec, '--workers', '1', '--out', grid]);
  expect([r.code, r.err]).toEqual([0, []]);
  const report = await runCli(['report', grid, '--out', join(root, 'out')]);
  expect([report.code, report.err]).toEqual([0, []]);
  page = readFileSync(join(root, 'out', 'results.md'), 'utf8');
  runDir = join(grid, 'cartpole/default/directed-maml-seed0');
}, 120_000);

/** The page's row of a table, by its first cells. */
const rowOf = (start: string): string[] => page.split('\n').filter((l) => l.startsWith(start));

describe('report over a grid that logged the mechanism and evaluated adaptation', () => {
  it('has a mechanism row per cosine for the directed runs, each iteration of both seeds counted', () => {
    const rows = rowOf('| cartpole | default | directed-maml | cos(');
    expect(rows.map((r) => r.split(' | ').slice(3, 6))).toEqual([
      ['cos(directed, MAML - FOMAML)', '2', '4'], ['cos(FOMAML + directed, MAML)', '2', '4'], ['cos(FOMAML, MAML)', '2', '4'],
    ]);
    // The median of the four logged values, recomputed from the logs.
    const logged = [0, 1].flatMap((seed) => readFileSync(join(grid, `cartpole/default/directed-maml-seed${seed}/log.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l).mechanism.cosHessianTerm as number)).sort((a, b) => a - b);
    expect(rows[0].split(' | ')[8]).toBe(((logged[1] + logged[2]) / 2).toFixed(3));
  });

  it('has the adaptation and swap rows from eval.json', () => {
    const evaluation = JSON.parse(readFileSync(join(runDir, 'eval.json'), 'utf8'));
    const other = JSON.parse(readFileSync(join(grid, 'cartpole/default/directed-maml-seed1/eval.json'), 'utf8'));
    const adaptation = page.slice(page.indexOf('### Adaptation'), page.indexOf('### Swap test')).split('\n');
    const row = adaptation.find((l) => l.startsWith('| cartpole | default | directed-maml | 2 |')) as string;
    // Sampled after 0 steps: the mean of the two seeds' first values (the interval's half-width after it).
    expect(row.split(' | ')[4].split(' ± ')[0]).toBe(((evaluation.adaptation.sampled.returns[0] + other.adaptation.sampled.returns[0]) / 2).toFixed(2));
    expect(page).toContain('### Swap test');
  });

  it('draws the adaptation and the mechanism figures', () => {
    expect(readdirSync(join(root, 'out', 'figures')).filter((f) => f.endsWith('-adaptation.svg') || f.endsWith('-mechanism.svg')).sort()).toEqual(['mech-cartpole-adaptation.svg', 'mech-cartpole-mechanism.svg']);
  });
});

describe('report on a bad mechanism or adaptation block: one line naming the field, exit 2, nothing written', () => {
  function corrupt(name: string, edit: (dir: string) => string): Promise<{ code: number; err: string[]; out: string }> {
    const copy = join(root, name);
    return (async () => {
      const r = await runCli(['experiment', spec, '--workers', '1', '--out', copy]);
      expect(r.code).toBe(0);
      const file = edit(join(copy, 'cartpole/default/directed-maml-seed0'));
      const out = join(root, `o-${name}`);
      const report = await runCli(['report', copy, '--out', out]);
      expect(() => readdirSync(out)).toThrow(/ENOENT/);
      return { code: report.code, err: report.err, out: file };
    })();
  }

  it('a cosine that is not a number', async () => {
    const r = await corrupt('bad-cosine', (dir) => {
      const file = join(dir, 'log.jsonl');
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      lines[1].mechanism.cosCombined = 'high';
      writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
      return file;
    });
    expect([r.code, r.err]).toEqual([2, [`metarl: ${r.out} line 2.mechanism.cosCombined is "high", expected a finite number or null`]]);
  });

  it('adaptation returns of the wrong length', async () => {
    const r = await corrupt('bad-adaptation', (dir) => {
      const file = join(dir, 'eval.json');
      const e = JSON.parse(readFileSync(file, 'utf8'));
      e.adaptation.greedy.returns = [1, 2];
      writeFileSync(file, JSON.stringify(e));
      return file;
    });
    expect([r.code, r.err]).toEqual([2, [`metarl: ${r.out}.adaptation.greedy.returns is [1,2], expected an array of 4 finite numbers (after 0..3 inner steps)`]]);
  });
});
