import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tQuantile975, welchInterval } from '../src/cli/report/statistics.js';
import { runCli } from './helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A fake grid: maml and directed-maml on cartpole, seeds 0 and 1, 10 iterations, a held-out
 * evaluation on every iteration (post-adaptation returns below; pre-adaptation 50 throughout),
 * and eval.json's [before, after] at the end (replacing iteration 10's held-out point).
 * maml seed 1 never reaches CartPole's 475.
 */
const RUNS = [
  { algo: 'maml', seed: 0, after: [100, 150, 200, 250, 300, 350, 400, 450, 480, 490], final: [60, 490] },
  { algo: 'maml', seed: 1, after: [100, 150, 200, 250, 300, 350, 400, 420, 440, 450], final: [40, 460] },
  { algo: 'directed-maml', seed: 0, after: [300, 476, 480, 485, 490, 490, 495, 495, 500, 500], final: [70, 500] },
  { algo: 'directed-maml', seed: 1, after: [300, 400, 477, 480, 485, 490, 495, 500, 500, 500], final: [80, 498] },
];

const PROVENANCE = { commit: 'abc1234', date: '2026-11-29T20:00:00Z', machine: 'Test CPU @ 2.0GHz', cores: 2, node: 'v20.20.2', command: 'metarl experiment experiments/tiny.json' };

/** Per iteration: 0.1 s sampling, 0.15 s gradients, 0.05 s HVPs, 0.1 s directed (directed only), 0.4 s in all; 1000 env steps, 10 gradients, 5 HVPs. */
function logLines(algo: string, after: readonly number[]): string {
  const directed = algo.startsWith('directed-');
  return after.map((a, i) => {
    const it = i + 1;
    const seconds = { sampling: 0.1, gradients: 0.15, hvp: 0.05, directed: directed ? 0.1 : 0, ...(directed ? { trpo: 0 } : {}), total: 0.4 };
    return JSON.stringify({
      iteration: it, returnBefore: 0, returnAfter: 0, lossBefore: 0, lossAfter: 0, seconds,
      counts: { envSteps: 1000, gradientEvaluations: 10, hvps: 5 },
      totals: { envSteps: 1000 * it, gradientEvaluations: 10 * it, hvps: 5 * it, seconds: 0.4 * it },
      memory: { retainedFloats: 0 },
      heldOut: { tasks: [{ length: 0.5 }], returns: [50, a] },
    });
  }).join('\n') + '\n';
}

function writeGrid(dir: string, runs = RUNS): void {
  mkdirSync(dir, { recursive: true });
  const entries = runs.map((r) => ({ env: 'cartpole', variant: 'default', algo: r.algo, seed: r.seed, dir: `cartpole/default/${r.algo}-seed${r.seed}`, config: { evalEvery: 1 } }));
  // Listed out of order: the page sorts.
  writeFileSync(join(dir, 'grid.json'), JSON.stringify({ name: 'fake', runs: [...entries].reverse() }));
  writeFileSync(join(dir, 'provenance.json'), JSON.stringify(PROVENANCE));
  for (const [i, r] of runs.entries()) {
    const runDir = join(dir, entries[i].dir);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'log.jsonl'), logLines(r.algo, r.after));
    writeFileSync(join(runDir, 'eval.json'), JSON.stringify({ tasks: [{ length: 0.5 }], returns: r.final }));
  }
}

const grid = join(root, 'grid');
const out = join(root, 'out');
let page = '';

beforeAll(async () => {
  writeGrid(grid);
  const r = await runCli(['report', grid, '--out', out]);
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.out).toEqual([`${join(out, 'results.md')}: 4 runs, 3 claim verdicts, 4 figures`]);
  page = readFileSync(join(out, 'results.md'), 'utf8');
});

const lines = (): string[] => page.split('\n');

describe('statistics', () => {
  it('uses the t quantiles of the table, rounding a fractional df down, then 1.96', () => {
    expect([tQuantile975(1), tQuantile975(2.9), tQuantile975(30), tQuantile975(31)]).toEqual([12.706, 4.303, 2.042, 1.96]);
  });

  it('gives Welch\'s interval: [2, 3] - [9, 10] has df 2 and half-width 4.303 sqrt(0.5)', () => {
    const d = welchInterval([2, 3], [9, 10]);
    expect(d?.df).toBe(2);
    expect(d?.difference).toBe(-7);
    expect(d?.high).toBeCloseTo(-7 + 4.303 * Math.sqrt(0.5), 12);
  });
});

describe('report', () => {
  it('states the provenance and the thresholds', () => {
    expect(lines()[0]).toBe('# Results: fake');
    expect(page).toContain('Runs produced by `metarl experiment experiments/tiny.json` at commit `abc1234` on 2026-11-29T20:00:00Z, on Test CPU @ 2.0GHz (2 cores, Node v20.20.2).');
    expect(lines()).toContain('- cartpole: 475.000');
  });

  it('lists every run, one that never reaches the threshold included', () => {
    // maml seed 0 first reaches 475 at iteration 9 (480): 3.6 s, 9000 steps, 90 + 45 derivatives;
    // fluctuation = sd(450, 480, 490) over iterations 8-10 (> 7.5) = 20.82.
    expect(lines()).toContain('| cartpole | default | maml | 0 | 10 | 60.00 | 490.00 | 430.00 | 9 | 3.600 | 9000 | 135 | 20.82 | 0.1000 | 0.1500 | 0.0500 | 0.0000 | 0.0000 | 0.4000 |');
    expect(lines()).toContain('| cartpole | default | maml | 1 | 10 | 40.00 | 460.00 | 420.00 | never (10) | never | never | never | 20.00 | 0.1000 | 0.1500 | 0.0500 | 0.0000 | 0.0000 | 0.4000 |');
    // eval.json's 498 replaces iteration 10's 500: sd(500, 500, 498) = 1.15.
    expect(lines()).toContain('| cartpole | default | directed-maml | 1 | 10 | 80.00 | 498.00 | 418.00 | 3 | 1.200 | 3000 | 45 | 1.15 | 0.1000 | 0.1500 | 0.0500 | 0.1000 | 0.0000 | 0.4000 |');
  });

  it('summarises across seeds: mean ± t(1) sd / sqrt(2), the runs that reached counted', () => {
    // Two seeds: half-width = 12.706 |a - b| / 2.
    expect(lines()).toContain('| cartpole | default | maml | 2 | 50.00 ± 127.06 | 475.00 ± 190.59 | 425.00 ± 63.53 | 1/2 | 9.0 | 3.600 | 9000 | 135 | 20.41 ± 5.19 | 0.1000 ± 0.0000 | 0.1500 ± 0.0000 | 0.0500 ± 0.0000 | 0.0000 ± 0.0000 | 0.0000 ± 0.0000 | 0.4000 ± 0.0000 |');
    // iterations 2 and 3: 2.5 ± 6.353; seconds 0.8 and 1.2: 1.000 ± 2.541; derivatives 30 and 45: 37.5 ± 95.3.
    expect(lines()).toContain('| cartpole | default | directed-maml | 2 | 75.00 ± 63.53 | 499.00 ± 12.71 | 424.00 ± 76.24 | 2/2 | 2.5 ± 6.4 | 1.000 ± 2.541 | 2500 ± 6353 | 38 ± 95 | 2.02 ± 11.00 | 0.1000 ± 0.0000 | 0.1500 ± 0.0000 | 0.0500 ± 0.0000 | 0.1000 ± 0.0000 | 0.0000 ± 0.0000 | 0.4000 ± 0.0000 |');
  });

  it('puts the claims table first, with each rule and its Welch verdict', () => {
    const claims = page.indexOf('## Claims');
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThan(page.indexOf('## Across seeds'));
    expect(page).toContain('- **C1** Directed-X reaches the threshold in fewer meta-iterations than X: supported if the Welch 95% interval of mean(directed) - mean(base) over seeds of iterations-to-threshold lies below zero');
    // C1: [2, 3] against [9, never = 10]: df 2, -7 ± 4.303 sqrt(0.5).
    expect(lines()).toContain('| C1 | cartpole | default | maml | 9.50 | 2.50 | -7.00 [-10.04, -3.96] | supported |');
    // C2: [500, 498] against [490, 460]: df 1.009 -> 1, 24 ± 12.706 sqrt(1 + 225).
    expect(lines()).toContain('| C2 | cartpole | default | maml | 475.00 | 499.00 | 24.00 [-167.01, 215.01] | inconclusive |');
    // C3: [2.887, 1.155] against [20.817, 20]: df 1.42 -> 1.
    expect(lines()).toContain('| C3 | cartpole | default | maml | 20.41 | 2.02 | -18.39 [-30.55, -6.22] | supported |');
  });

  it('writes the figures the page links: valid SVG line charts of the seed means and a bar chart', () => {
    const files = readdirSync(join(out, 'figures')).sort();
    expect(files).toEqual(['cartpole-env-steps.svg', 'cartpole-iterations.svg', 'cartpole-seconds.svg', 'time-to-threshold.svg']);
    for (const f of files) {
      const svg = readFileSync(join(out, 'figures', f), 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.endsWith('</svg>\n')).toBe(true);
      expect(svg.match(/<[a-z]/g)?.length).toBe(svg.match(/\/>|<\/[a-z]+>/g)?.length);
      expect(page).toContain(`](figures/${f})`);
    }
    const iterations = readFileSync(join(out, 'figures', 'cartpole-iterations.svg'), 'utf8');
    // Two series (directed-maml, maml), each a 10-point mean line and a band.
    expect([...iterations.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1].split(' ').length)).toEqual([10, 10]);
    expect(iterations.match(/<polygon /g)).toHaveLength(2);
    const bars = readFileSync(join(out, 'figures', 'time-to-threshold.svg'), 'utf8');
    // Seconds to threshold: directed-maml 1.0 (0.8, 1.2), maml 3.6 (its one run that reached it) = the
    // axis end, on a 300-pixel bar area: 83.33 and 300 pixels.
    expect([...bars.matchAll(/<rect x="284" y="\d+" width="([\d.]+)"/g)].map((m) => m[1])).toEqual(['83.33', '300']);
    expect(bars).toContain('>2/2 reached<');
    expect(bars).toContain('>1/2 reached<');
  });

  it('gives the same bytes for the same logs', async () => {
    const again = join(root, 'again');
    expect((await runCli(['report', grid, '--out', again])).code).toBe(0);
    for (const f of ['results.md', ...readdirSync(join(out, 'figures')).map((n) => join('figures', n))]) {
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    }
  });
});

describe('report on bad input', () => {
  it('a missing grid.json: one line, exit 2', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const r = await runCli(['report', empty, '--out', join(root, 'o1')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: cannot read ${join(empty, 'grid.json')}: ENOENT`]]);
  });

  it('a run folder without its log: one line naming it, exit 2', async () => {
    const broken = join(root, 'broken');
    writeGrid(broken);
    const log = join(broken, 'cartpole/default/maml-seed1/log.jsonl');
    rmSync(log);
    const r = await runCli(['report', broken, '--out', join(root, 'o2')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: cannot read ${log}: ENOENT`]]);
  });

  it('a malformed field: one line naming the field and the expected value, exit 2', async () => {
    const bad = join(root, 'bad');
    writeGrid(bad);
    writeFileSync(join(bad, 'provenance.json'), JSON.stringify({ ...PROVENANCE, cores: 'two' }));
    const r = await runCli(['report', bad, '--out', join(root, 'o3')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(bad, 'provenance.json')}.cores is "two", expected a finite number`]]);
  });

  it('no folder: a usage error, exit 2', async () => {
    const r = await runCli(['report']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^metarl: no experiment folder \(usage: metarl report DIR \[options\]/);
  });
});
