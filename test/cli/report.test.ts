import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tQuantile975, welchInterval } from '../../src/report/statistics.js';
import { summaryBlock } from '../../src/report/summary.js';
import { runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One run of a fake grid: held-out post-adaptation returns per iteration, eval.json's [before, after], and config keys over the common ones. */
interface FakeRun {
  readonly variant?: string;
  readonly algo: string;
  readonly seed: number;
  readonly after: readonly number[];
  readonly final: readonly number[];
  readonly set?: Record<string, unknown>;
  /** An unfinished run: no eval.json and only this many of its log lines; 0, not even its folder. */
  readonly logged?: number;
}

/**
 * A fake grid: maml and directed-maml on cartpole, seeds 0 and 1, 10 iterations, a held-out
 * evaluation on every iteration (post-adaptation returns below; pre-adaptation 50 throughout),
 * and eval.json's [before, after] at the end (replacing iteration 10's held-out point).
 * maml seed 1 never reaches CartPole's 475.
 */
const RUNS: readonly FakeRun[] = [
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

/** A run's resolved config as grid.json lists it (the keys the report compares, not all of a real one). */
function runConfig(r: FakeRun): Record<string, unknown> {
  return { env: 'cartpole', algo: r.algo, seed: r.seed, iterations: 10, evalEvery: 1, innerLr: 0.1, hidden: [8], directed: { eta: null, mode: 'permanent' }, ...r.set };
}

function writeGrid(dir: string, runs: readonly FakeRun[] = RUNS, name = 'fake', provenance: object = PROVENANCE): void {
  mkdirSync(dir, { recursive: true });
  const entries = runs.map((r) => {
    const variant = r.variant ?? 'default';
    return { env: 'cartpole', variant, algo: r.algo, seed: r.seed, dir: `cartpole/${variant}/${r.algo}-seed${r.seed}`, config: runConfig(r) };
  });
  // Listed out of order: the page sorts.
  writeFileSync(join(dir, 'grid.json'), JSON.stringify({ name, runs: [...entries].reverse() }));
  writeFileSync(join(dir, 'provenance.json'), JSON.stringify(provenance));
  for (const [i, r] of runs.entries()) {
    const runDir = join(dir, entries[i].dir);
    if (r.logged === 0) continue;
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'log.jsonl'), logLines(r.algo, r.after.slice(0, r.logged)));
    if (r.logged === undefined) writeFileSync(join(runDir, 'eval.json'), JSON.stringify({ tasks: [{ length: 0.5 }], returns: r.final }));
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
  expect(r.out).toEqual([`${join(out, 'results.md')}: 1 experiment, 4 runs, 16 claim verdicts, 6 figures`]);
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
  it('states the provenance and the thresholds, then the claims and the experiment\'s section', () => {
    expect(lines()[0]).toBe('# Results');
    expect(lines()).toContain('Runs of experiment fake produced by `metarl experiment experiments/tiny.json` at commit `abc1234` on 2026-11-29T20:00:00Z, on Test CPU @ 2.0GHz (2 cores, Node v20.20.2).');
    expect(lines()).toContain('- cartpole: 475.000');
    expect(lines().filter((l) => l.startsWith('#'))).toEqual(['# Results', '## Summary', '## Claims', '## fake', '### Across seeds', '### Every run', '### Cost', '### Controls', '### Figures']);
  });

  it('lists every run, one that never reaches the threshold included', () => {
    // maml seed 0 first reaches 475 at iteration 9 (480): 3.6 s, 9000 steps, 90 + 45 derivatives;
    // fluctuation from there on = sd(480, 490) = 7.07; seed 1 never reaches it: no fluctuation.
    expect(lines()).toContain('| cartpole | default | maml | 0 | 10 | 60.00 | 490.00 | 430.00 | 9 | 3.600 | 9000 | 135 | 7.07 | 0.1000 | 0.1500 | 0.0500 | 0.0000 | 0.0000 | 0.4000 |');
    expect(lines()).toContain('| cartpole | default | maml | 1 | 10 | 40.00 | 460.00 | 420.00 | never (10) | never | never | never | n/a | 0.1000 | 0.1500 | 0.0500 | 0.0000 | 0.0000 | 0.4000 |');
    // From iteration 3 on, eval.json's 498 replacing iteration 10's 500: sd(477, 480, 485, 490, 495, 500, 500, 498) = sqrt(579.875 / 7) = 9.10.
    expect(lines()).toContain('| cartpole | default | directed-maml | 1 | 10 | 80.00 | 498.00 | 418.00 | 3 | 1.200 | 3000 | 45 | 9.10 | 0.1000 | 0.1500 | 0.0500 | 0.1000 | 0.0000 | 0.4000 |');
  });

  it('summarises across seeds: mean ± t(1) sd / sqrt(2), the runs that reached counted', () => {
    // Two seeds: half-width = 12.706 |a - b| / 2.
    expect(lines()).toContain('| cartpole | default | maml | 2 | 50.00 ± 127.06 | 475.00 ± 190.59 | 425.00 ± 63.53 | 1/2 | 9.0 | 3.600 | 9000 | 135 | 7.07 | 0.1000 ± 0.0000 | 0.1500 ± 0.0000 | 0.0500 ± 0.0000 | 0.0000 ± 0.0000 | 0.0000 ± 0.0000 | 0.4000 ± 0.0000 |');
    // iterations 2 and 3: 2.5 ± 6.353; seconds 0.8 and 1.2: 1.000 ± 2.541; derivatives 30 and 45: 37.5 ± 95.3.
    expect(lines()).toContain('| cartpole | default | directed-maml | 2 | 75.00 ± 63.53 | 499.00 ± 12.71 | 424.00 ± 76.24 | 2/2 | 2.5 ± 6.4 | 1.000 ± 2.541 | 2500 ± 6353 | 38 ± 95 | 8.77 ± 4.16 | 0.1000 ± 0.0000 | 0.1500 ± 0.0000 | 0.0500 ± 0.0000 | 0.1000 ± 0.0000 | 0.0000 ± 0.0000 | 0.4000 ± 0.0000 |');
  });

  it('states every rule before the claims table, then tests each measure and adjusts the p-values by Holm', () => {
    const claims = page.indexOf('## Claims');
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThan(page.indexOf('### Across seeds'));
    const rules = ['- **Levels.**', '- **C1** Directed-X converges faster than X: the meta-iterations to reach each level, by the two-sided log-rank test', '- **C2**', '- **C3**', '- **C4** Directed-X needs less compute', '- **Verdicts.** Every measure\'s p-value is adjusted by Holm-Bonferroni', '- **Partial grids.**'];
    // The summary above names the claims too: the rules are looked for from the claims section on.
    for (const rule of rules) expect(page.indexOf(rule, claims)).toBeGreaterThan(claims);
    const firstRow = page.indexOf('| fake | C1 |');
    for (const rule of rules) expect(page.indexOf(rule, claims)).toBeLessThan(firstRow);
    // Log-rank, directed [2, 3] against maml [9, censored at 10]: at 2, 4 at risk, E 1/2, V 1/4; at 3, 3 at risk, E 1/3,
    // V 2/9; at 9 no directed run at risk. O 2, E 5/6, chi-square (7/6)^2 / (17/36) = 2.882, p 0.0896. Holm over the
    // 10 measures with a p: the three area p-values first (10 * 0.00135), the six of 0.0896 from the 4th (7 * 0.0896),
    // C2's 0.3547 last (1 * 0.3547, under the running maximum).
    expect(lines()).toContain('| fake | C1 | iterations to level | threshold 475.00 | cartpole | default | maml | 1/2 reached, median 9.0 | 2/2 reached, median 2.0 | O 2 / E 0.83, χ² 2.88 | 0.0896 | 0.6269 | inconclusive |');
    // Mean return over 10 iterations (first point held back to 0, trapezoids): directed 461.1 and 452.6, maml 296.0 and 290.5.
    expect(lines()).toContain('| fake | C1 | mean return over meta-iterations |  | cartpole | default | maml | 293.25 (n 2) | 456.85 (n 2) | 163.60 \\[137.74, 189.46\\] | 0.0013 | 0.0135 | supported |');
    // C2: [500, 498] against [490, 460]: df 1.009 -> 1, 24 ± 12.706 sqrt(1 + 225).
    expect(lines()).toContain('| fake | C2 | final return |  | cartpole | default | maml | 475.00 (n 2) | 499.00 (n 2) | 24.00 \\[-167.01, 215.01\\] | 0.3547 | 0.6269 | inconclusive |');
    // C3: maml seed 1 never reaches 475, so one maml value: not testable, the left-out run counted.
    expect(lines()).toContain('| fake | C3 | fluctuation from the level on | threshold 475.00 | cartpole | default | maml | 7.07 (n 1, 1 left out) | 8.77 (n 2) | n/a | n/a | n/a | not testable: fewer than two values a side |');
    // These logs carry no CPU time.
    expect(lines()).toContain('| fake | C4 | CPU seconds to level | threshold 475.00 | cartpole | default | maml | n/a | n/a | n/a | n/a | n/a | not testable: the logs carry no CPU time |');
    // The relative level: 500 - 0.1 * 500.
    expect(lines()).toContain('| fake | C4 | env steps to level | relative 450.00 | cartpole | default | maml | 2/2 reached, median 8000 | 2/2 reached, median 2000 | O 2 / E 0.83, χ² 2.88 | 0.0896 | 0.6269 | inconclusive |');
  });

  it('writes the figures the page links: valid SVG line charts of the seed means and a bar chart', () => {
    const files = readdirSync(join(out, 'figures')).sort();
    expect(files).toEqual(['fake-cartpole-env-steps.svg', 'fake-cartpole-iterations.svg', 'fake-cartpole-relative-kaplan-meier.svg', 'fake-cartpole-seconds.svg', 'fake-cartpole-threshold-kaplan-meier.svg', 'fake-time-to-threshold.svg']);
    for (const f of files) {
      const svg = readFileSync(join(out, 'figures', f), 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.endsWith('</svg>\n')).toBe(true);
      expect(svg.match(/<[a-z]/g)?.length).toBe(svg.match(/\/>|<\/[a-z]+>/g)?.length);
      expect(page).toContain(`](figures/${f})`);
    }
    const iterations = readFileSync(join(out, 'figures', 'fake-cartpole-iterations.svg'), 'utf8');
    // Two series (directed-maml, maml), each a 10-point mean line and a band.
    expect([...iterations.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1].split(' ').length)).toEqual([10, 10]);
    expect(iterations.match(/<polygon /g)).toHaveLength(2);
    const bars = readFileSync(join(out, 'figures', 'fake-time-to-threshold.svg'), 'utf8');
    // Seconds to threshold: directed-maml 1.0 (0.8, 1.2), maml 3.6 (its one run that reached it) = the
    // axis end, on a 300-pixel bar area: 83.33 and 300 pixels.
    expect([...bars.matchAll(/<rect x="284" y="\d+" width="([\d.]+)"/g)].map((m) => m[1])).toEqual(['83.33', '300']);
    // MAML's colour for both; the base algorithm's bar light
    expect([...bars.matchAll(/<rect x="284" [^>]*fill="([^"]+)"( fill-opacity="0.45")?\/>/g)].map((m) => [m[1], m[2] !== undefined])).toEqual([['#1f77b4', false], ['#1f77b4', true]]);
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

const maml = RUNS.filter((r) => r.algo === 'maml');
const directed = RUNS.filter((r) => r.algo === 'directed-maml');

/**
 * An ablation grid: the default variant is the fake grid; eta-half runs only directed-maml with
 * directed.eta 0.5 (its base is the default maml); alpha-0.5 runs both algorithms with innerLr 0.5,
 * maml on directed-maml's returns of the fake grid and the other way round; wide runs only
 * directed-maml with another hidden layer, which no maml run has.
 */
const ABLATION: readonly FakeRun[] = [
  ...RUNS,
  // first reach 475 at iterations 5 and 6; final 495 and 485; last quarter 490, 495, 495 and 485, 490, 485
  { variant: 'eta-half', algo: 'directed-maml', seed: 0, after: [100, 200, 300, 400, 476, 480, 490, 490, 495, 495], final: [50, 495], set: { directed: { eta: 0.5, mode: 'permanent' } } },
  { variant: 'eta-half', algo: 'directed-maml', seed: 1, after: [100, 200, 300, 400, 450, 476, 480, 485, 490, 490], final: [55, 485], set: { directed: { eta: 0.5, mode: 'permanent' } } },
  ...directed.map((r) => ({ ...r, variant: 'alpha-0.5', algo: 'maml', set: { innerLr: 0.5 } })),
  ...maml.map((r) => ({ ...r, variant: 'alpha-0.5', algo: 'directed-maml', set: { innerLr: 0.5 } })),
  ...directed.map((r) => ({ ...r, variant: 'wide', set: { hidden: [64] } })),
];

describe('report over several experiments', () => {
  const ablation = join(root, 'ablation');
  const both = join(root, 'both');
  let combined = '';
  let printed: string[] = [];

  beforeAll(async () => {
    const command = 'metarl experiment experiments/ablation.json';
    // Started twice before: once as now, once by another command on another machine.
    const earlier = [
      { ...PROVENANCE, commit: 'fed4321', date: '2026-11-28T10:00:00Z', command },
      { ...PROVENANCE, commit: 'fed4321', date: '2026-11-28T12:00:00Z', machine: 'Other CPU', cores: 4 },
    ];
    writeGrid(ablation, ABLATION, 'ablation', { ...PROVENANCE, commit: 'def5678', command, earlier });
    const r = await runCli(['report', grid, ablation, '--out', both]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    printed = r.out;
    combined = readFileSync(join(both, 'results.md'), 'utf8');
  });

  it('writes one page: both provenances, one claims table, then a section per experiment in the order given', () => {
    // fake: 4 runs, 16 measures; ablation: 12 runs, 3 pairs of 16 (wide has no base); 6 figures each
    expect(printed).toEqual([`${join(both, 'results.md')}: 2 experiments, 16 runs, 64 claim verdicts, 12 figures`]);
    const all = combined.split('\n');
    expect(all.filter((l) => l.startsWith('#'))).toEqual([
      '# Results', '## Summary', '## Claims',
      '## fake', '### Across seeds', '### Every run', '### Cost', '### Controls', '### Figures',
      '## ablation', '### Across seeds', '### Every run', '### Cost', '### Controls', '### Figures',
    ]);
    expect(all.filter((l) => l.startsWith('Runs of experiment'))).toEqual([
      'Runs of experiment fake produced by `metarl experiment experiments/tiny.json` at commit `abc1234` on 2026-11-29T20:00:00Z, on Test CPU @ 2.0GHz (2 cores, Node v20.20.2).',
      'Runs of experiment ablation produced by `metarl experiment experiments/ablation.json` at commit `def5678` on 2026-11-29T20:00:00Z, on Test CPU @ 2.0GHz (2 cores, Node v20.20.2).'
        + ' It was started before: on 2026-11-28T10:00:00Z at commit `fed4321`; on 2026-11-28T12:00:00Z at commit `fed4321` by `metarl experiment experiments/tiny.json` on Other CPU (4 cores, Node v20.20.2).',
    ]);
    expect(all.filter((l) => l.startsWith('- cartpole:'))).toEqual(['- cartpole: 475.000']);
    // The ablation's own tables hold its runs: its default maml seed 0 is the fake grid's.
    const ablationSection = combined.slice(combined.indexOf('## ablation'));
    expect(ablationSection.split('\n')).toContain('| cartpole | default | maml | 0 | 10 | 60.00 | 490.00 | 430.00 | 9 | 3.600 | 9000 | 135 | 7.07 | 0.1000 | 0.1500 | 0.0500 | 0.0000 | 0.0000 | 0.4000 |');
    // six groups of two seeds, in the across-seeds table and in the cost table
    expect(ablationSection.split('\n').filter((l) => l.startsWith('| cartpole |') && l.split(' | ')[3] === '2')).toHaveLength(12);
  });

  it('pairs each directed group with the base of the same config: its own variant, else the one it names', () => {
    const rows = combined.split('\n').filter((l) => /^\| (fake|ablation) \| C\d/.test(l));
    // 16 measures per pair: fake's one pair, the ablation's alpha-0.5, default and eta-half (wide has no maml of its config).
    expect(rows.map((l) => l.split(' | ').slice(0, 6).join(' | ')).filter((_, i) => i % 16 === 0)).toEqual([
      '| fake | C1 | iterations to level | threshold 475.00 | cartpole | default',
      '| ablation | C1 | iterations to level | threshold 475.00 | cartpole | alpha-0.5',
      '| ablation | C1 | iterations to level | threshold 475.00 | cartpole | default',
      '| ablation | C1 | iterations to level | threshold 475.00 | cartpole | eta-half (base: default)',
    ]);
    const finals = rows.filter((l) => l.includes('| C2 | final return |'));
    expect(finals).toEqual([
      '| fake | C2 | final return |  | cartpole | default | maml | 475.00 (n 2) | 499.00 (n 2) | 24.00 \\[-167.01, 215.01\\] | 0.3547 | 0.6269 | inconclusive |',
      // alpha-0.5: the fake grid's returns with the algorithms swapped, so the difference flips sign
      '| ablation | C2 | final return |  | cartpole | alpha-0.5 | maml | 499.00 (n 2) | 475.00 (n 2) | -24.00 \\[-215.01, 167.01\\] | 0.3547 | 1.0000 | inconclusive |',
      '| ablation | C2 | final return |  | cartpole | default | maml | 475.00 (n 2) | 499.00 (n 2) | 24.00 \\[-167.01, 215.01\\] | 0.3547 | 1.0000 | inconclusive |',
      // [495, 485] against [490, 460]: df 1.22 -> 1, 15 ± 12.706 sqrt(25 + 225) = 15 ± 200.90.
      '| ablation | C2 | final return |  | cartpole | eta-half (base: default) | maml | 475.00 (n 2) | 490.00 (n 2) | 15.00 \\[-185.90, 215.90\\] | 0.4927 | 1.0000 | inconclusive |',
    ]);
    // eta-half at the relative level 450: directed [5, 5] against maml [8, 10]: at 5, 4 at risk, 2 events, E 1, V 1/3; chi-square 3.
    expect(rows).toContain('| ablation | C1 | iterations to level | relative 450.00 | cartpole | eta-half (base: default) | maml | 2/2 reached, median 8.0 | 2/2 reached, median 5.0 | O 2 / E 1.00, χ² 3.00 | 0.0833 | 1.0000 | inconclusive |');
    expect(combined.split('\n')).toContain('| experiment | claim | measure | level | env | variant | base X | X | directed-X | difference [95% CI] or events | p | Holm p | verdict |');
  });

  it('writes each experiment\'s figures under its name, linked from its section', () => {
    const files = readdirSync(join(both, 'figures')).sort();
    expect(files).toEqual([
      'ablation-cartpole-env-steps.svg', 'ablation-cartpole-iterations.svg', 'ablation-cartpole-relative-kaplan-meier.svg', 'ablation-cartpole-seconds.svg', 'ablation-cartpole-threshold-kaplan-meier.svg', 'ablation-time-to-threshold.svg',
      'fake-cartpole-env-steps.svg', 'fake-cartpole-iterations.svg', 'fake-cartpole-relative-kaplan-meier.svg', 'fake-cartpole-seconds.svg', 'fake-cartpole-threshold-kaplan-meier.svg', 'fake-time-to-threshold.svg',
    ]);
    const [fakeSection, ablationSection] = combined.slice(combined.indexOf('## fake')).split('## ablation');
    for (const f of files) expect((f.startsWith('fake-') ? fakeSection : ablationSection)).toContain(`](figures/${f})`);
    // Figures of one experiment do not depend on the others on the page.
    for (const f of files.filter((n) => n.startsWith('fake-'))) expect(readFileSync(join(both, 'figures', f), 'utf8')).toBe(readFileSync(join(out, 'figures', f), 'utf8'));
    // ablation: a panel per variant, default first, on shared axes: directed-maml and maml of default
    // and of alpha-0.5, eta-half's directed-maml with the default maml it is compared with, wide's
    // directed-maml alone (no maml of its config); maml dashed, one legend of the two labels.
    const iterations = readFileSync(join(both, 'figures', 'ablation-cartpole-iterations.svg'), 'utf8');
    const titles = ['default', 'alpha-0.5', 'eta-half (base: default)', 'wide'].map((t) => iterations.indexOf(`>${t}</text>`));
    expect(titles.every((at, i) => at > 0 && (i === 0 || at > titles[i - 1]))).toBe(true);
    expect(iterations.match(/<polyline /g)).toHaveLength(7);
    expect(iterations.match(/<polyline [^>]*stroke-dasharray/g)).toHaveLength(3);
    expect([...iterations.matchAll(/<text x="[\d.]+" y="[\d.]+">([a-z-]+)<\/text>/g)].map((m) => m[1])).toEqual(['directed-maml', 'maml']);
    // every panel's y axis is the same: the ticks of the first panel repeat in each
    const yTicks = [...iterations.matchAll(/text-anchor="end">(-?[\d.]+)</g)].map((m) => m[1]);
    expect(yTicks).toEqual(Array.from({ length: 4 }, () => yTicks.slice(0, yTicks.length / 4)).flat());
  });

  it('never pairs runs of different experiments', async () => {
    const bases = join(root, 'bases');
    const directedOnly = join(root, 'directed-only');
    writeGrid(bases, maml, 'bases');
    writeGrid(directedOnly, directed, 'directed-only');
    const r = await runCli(['report', bases, directedOnly, '--out', join(root, 'o-split')]);
    expect(r.out).toEqual([`${join(root, 'o-split', 'results.md')}: 2 experiments, 4 runs, 0 claim verdicts, 12 figures`]);
    expect(readFileSync(join(root, 'o-split', 'results.md'), 'utf8')).toContain('\nNo directed algorithm ran beside its base algorithm with the same config, so no claim is tested.\n');
  });
});

/**
 * The fake grid planned with a third seed that has not finished: maml seed 2 logged 3 of its 10
 * iterations (interrupted), directed-maml seed 2 has no folder yet (not started). Were they counted,
 * every group would have 3 seeds; left out, every table, claim and figure is the fake grid's.
 */
const INTERRUPTED: readonly FakeRun[] = [
  ...RUNS,
  { algo: 'maml', seed: 2, after: [500, 500, 500, 500, 500, 500, 500, 500, 500, 500], final: [0, 500], logged: 3 },
  { algo: 'directed-maml', seed: 2, after: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], final: [0, 0], logged: 0 },
];

describe('report on a grid that has not finished', () => {
  const interrupted = join(root, 'interrupted');
  const docs = join(root, 'o-interrupted');
  let partial = '';
  let printed: string[] = [];

  beforeAll(async () => {
    writeGrid(interrupted, INTERRUPTED);
    const r = await runCli(['report', interrupted, '--out', docs]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    printed = r.out;
    partial = readFileSync(join(docs, 'results.md'), 'utf8');
  });

  it('counts the unfinished runs in the printed line and the provenance line', () => {
    expect(printed).toEqual([`${join(docs, 'results.md')}: 1 experiment, 4 runs, 2 unfinished, 16 claim verdicts, 6 figures`]);
    expect(partial.split('\n')).toContain('Runs of experiment fake produced by `metarl experiment experiments/tiny.json` at commit `abc1234` on 2026-11-29T20:00:00Z, on Test CPU @ 2.0GHz (2 cores, Node v20.20.2). 4 of 6 runs finished.');
  });

  it('lists the unfinished runs after every run, with the iterations logged and planned', () => {
    const all = partial.split('\n');
    expect(all.filter((l) => l.startsWith('#'))).toEqual(['# Results', '## Summary', '## Claims', '### Claims on partial grids', '## fake (partial: 4 of 6 runs finished)', '### Across seeds', '### Every run', '### Cost', '### Controls', '### Unfinished runs', '### Figures']);
    const at = all.indexOf('### Unfinished runs');
    expect(all.slice(at, at + 8)).toEqual([
      '### Unfinished runs', '',
      'These runs have no eval.json yet, so they are not in any table, claim or figure of this page; re-running the same `metarl experiment` command (`metarl experiment experiments/tiny.json`) continues them.', '',
      '| env | variant | algo | seed | iterations logged | iterations planned |',
      '| --- | --- | --- | ---: | ---: | ---: |',
      '| cartpole | default | directed-maml | 2 | 0 | 10 |',
      '| cartpole | default | maml | 2 | 3 | 10 |',
    ]);
  });

  it('computes every table, claim and figure from the finished runs alone', () => {
    const all = partial.split('\n');
    // The fake grid's two seeds, not three: maml seed 2's 500s are nowhere.
    expect(all).toContain('| cartpole | default | maml | 2 | 50.00 ± 127.06 | 475.00 ± 190.59 | 425.00 ± 63.53 | 1/2 | 9.0 | 3.600 | 9000 | 135 | 7.07 | 0.1000 ± 0.0000 | 0.1500 ± 0.0000 | 0.0500 ± 0.0000 | 0.0000 ± 0.0000 | 0.0000 ± 0.0000 | 0.4000 ± 0.0000 |');
    // Its claims in a table of their own, after the rules and apart from any complete grid's.
    const own = all.indexOf('### Claims on partial grids');
    expect(own).toBeGreaterThan(all.findIndex((l) => l.startsWith('- **Partial grids.**')));
    expect(all.slice(own).find((l) => l.startsWith('| fake | C2 |'))).toBe('| fake | C2 | final return |  | cartpole | default | maml | 475.00 (n 2) | 499.00 (n 2) | 24.00 \\[-167.01, 215.01\\] | 0.3547 | 0.6269 | inconclusive |');
    expect(all.slice(0, own).filter((l) => l.startsWith('| fake |'))).toEqual([]);
    const seeds = all.slice(all.indexOf('### Across seeds'), all.indexOf('### Every run')).filter((l) => l.startsWith('| cartpole |')).map((l) => l.split(' | ').slice(2, 4));
    expect(seeds).toEqual([['directed-maml', '2'], ['maml', '2']]);
    // The summary leaves the partial grid out, and names it.
    expect(summaryBlock(partial)).toBe([
      '- No complete grid, partial grids left out: fake (4 of 6 runs).',
      ...['C1 Directed-X converges faster than X', 'C2 Directed-X ends with a higher post-adaptation held-out return than X', 'C3 Directed-X fluctuates less after convergence than X', 'C4 Directed-X needs less compute than X to reach the same level']
        .map((c) => `- **${c.slice(0, 2)}**${c.slice(2)}: not testable yet, no complete grid.`),
    ].join('\n'));
    // Apart from the provenance sentence, the summary, the heading, the unfinished section and the partial claims' heading, the page is the finished grid's.
    const withoutSummary = (text: string): string => text.replace(summaryBlock(text) as string, '');
    const withoutUnfinished = withoutSummary(partial).replace(' 4 of 6 runs finished.', '').replace('## fake (partial: 4 of 6 runs finished)', '## fake').replace(/### Unfinished runs\n[^#]*/, '').replace(/### Claims on partial grids\n\n[^\n]*\n\n/, '');
    expect(withoutUnfinished).toBe(withoutSummary(page));
    for (const f of readdirSync(join(out, 'figures'))) expect(readFileSync(join(docs, 'figures', f), 'utf8')).toBe(readFileSync(join(out, 'figures', f), 'utf8'));
  });
});

describe('report on bad input', () => {
  it('a folder none of whose runs has finished: one line, exit 2, nothing written', async () => {
    const started = join(root, 'started');
    writeGrid(started, RUNS.map((r, i) => ({ ...r, logged: i })));
    const r = await runCli(['report', started, '--out', join(root, 'o-started')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${started}: none of the 4 runs has finished (no eval.json), nothing to report`]]);
    expect(() => readdirSync(join(root, 'o-started'))).toThrow(/ENOENT/);
  });

  it('an unfinished run without its planned iterations in grid.json: one line naming the field, exit 2', async () => {
    const noPlan = join(root, 'no-plan');
    writeGrid(noPlan, INTERRUPTED);
    const file = join(noPlan, 'grid.json');
    const gridJson = JSON.parse(readFileSync(file, 'utf8'));
    // Listed in reverse: runs[0] is directed-maml seed 2, which has no folder.
    gridJson.runs[0].config.iterations = 2.5;
    writeFileSync(file, JSON.stringify(gridJson));
    const r = await runCli(['report', noPlan, '--out', join(root, 'o-no-plan')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${file}: runs[0].config.iterations is 2.5, expected a positive integer`]]);
  });

  it('a corrupt eval.json is an error, not an unfinished run: one line naming it, exit 2', async () => {
    const corrupt = join(root, 'corrupt');
    writeGrid(corrupt);
    const evalFile = join(corrupt, 'cartpole/default/maml-seed1/eval.json');
    writeFileSync(evalFile, '{"returns": [40,');
    const r = await runCli(['report', corrupt, '--out', join(root, 'o-corrupt')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^metarl: ${evalFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(a JSON file\\)$`));
    expect(() => readdirSync(join(root, 'o-corrupt'))).toThrow(/ENOENT/);
  });

  it('a folder that is not an experiment\'s: one line saying what it is, exit 2', async () => {
    const expected = 'expected an experiment folder: the out folder of `metarl experiment`, with grid.json and provenance.json';
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const train = join(root, 'a-train');
    mkdirSync(train);
    writeFileSync(join(train, 'checkpoint.json'), '{}');
    const compare = join(root, 'a-compare');
    mkdirSync(join(compare, 'maml-seed0'), { recursive: true });
    const cases: [string, string][] = [
      [empty, 'holds no grid.json'],
      [train, 'is the folder of one run (it holds checkpoint.json: `metarl train` wrote it)'],
      [compare, 'holds run folders but no grid.json (`metarl compare` wrote it)'],
      [join(root, 'nowhere'), 'does not exist'],
      [join(train, 'checkpoint.json'), 'is not a folder'],
    ];
    for (const [dir, what] of cases) {
      const r = await runCli(['report', dir, '--out', join(root, 'o1')]);
      expect([r.code, r.err]).toEqual([2, [`metarl: ${dir} ${what}, ${expected}`]]);
    }
    expect(() => readdirSync(join(root, 'o1'))).toThrow(/ENOENT/);
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

  it('a malformed earlier start: one line naming it, exit 2', async () => {
    const bad = join(root, 'bad-earlier');
    writeGrid(bad);
    writeFileSync(join(bad, 'provenance.json'), JSON.stringify({ ...PROVENANCE, earlier: [PROVENANCE, { ...PROVENANCE, date: 7 }] }));
    const r = await runCli(['report', bad, '--out', join(root, 'o-earlier')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(bad, 'provenance.json')}.earlier[1].date is 7, expected a non-empty string`]]);
  });

  it('a run without its config in grid.json: one line naming the field, exit 2', async () => {
    const noConfig = join(root, 'no-config');
    writeGrid(noConfig);
    const file = join(noConfig, 'grid.json');
    const gridJson = JSON.parse(readFileSync(file, 'utf8'));
    delete gridJson.runs[2].config;
    writeFileSync(file, JSON.stringify(gridJson));
    const r = await runCli(['report', noConfig, '--out', join(root, 'o4')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${file}: runs[2].config is missing, expected an object`]]);
  });

  it('two folders of the same experiment: one line, exit 2, nothing written', async () => {
    const copy = join(root, 'copy');
    writeGrid(copy);
    const r = await runCli(['report', grid, copy, '--out', join(root, 'o5')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${grid} and ${copy} both hold experiment fake; give each experiment once (its name names its section and figures)`]]);
    expect(() => readdirSync(join(root, 'o5'))).toThrow(/ENOENT/);
  });

  it('no folder: a usage error, exit 2', async () => {
    const r = await runCli(['report']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^metarl: no experiment folder \(usage: metarl report DIR\.\.\. \[options\]/);
  });
});

const NAME_EXPECTED = 'expected a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters';

/** Rewrites DIR/grid.json through `edit`. */
function editGrid(dir: string, edit: (g: { name: unknown; runs: Record<string, unknown>[] }) => void): string {
  const file = join(dir, 'grid.json');
  const g = JSON.parse(readFileSync(file, 'utf8'));
  edit(g);
  writeFileSync(file, JSON.stringify(g));
  return file;
}

describe('report on hostile names', () => {
  it('refuses a note of several lines in grid.json: one line naming the field, exit 2', async () => {
    const dir = join(root, 'bad-note');
    writeGrid(dir);
    const file = editGrid(dir, (g) => Object.assign(g, { note: 'one\n# two' }));
    const r = await runCli(['report', dir, '--out', join(root, 'o-bad-note')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${file}: note is "one\\n# two", expected a line of text of at most 2000 characters`]]);
  });

  it('refuses a grid name that climbs out of --out, writing nothing anywhere', async () => {
    const dir = join(root, 'h', 'a', 'b', 'pwned-grid');
    writeGrid(dir, RUNS, '../../../escape/pwned');
    const o = join(root, 'h', 'a', 'b', 'o');
    const r = await runCli(['report', dir, '--out', o]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(dir, 'grid.json')}.name is "../../../escape/pwned", ${NAME_EXPECTED}`]]);
    expect([existsSync(o), existsSync(join(root, 'escape'))]).toEqual([false, false]);
  });

  it('refuses env, variant and algo names outside the pattern, and a run folder other than ENV/VARIANT/ALGO-seedS', async () => {
    const dir = join(root, 'h-fields');
    writeGrid(dir);
    const cases: [(run: Record<string, unknown>) => void, string][] = [
      [(run) => { run.env = '../x'; }, `runs[0].env is "../x", ${NAME_EXPECTED}`],
      [(run) => { run.variant = 'a|b'; }, `runs[0].variant is "a|b", ${NAME_EXPECTED}`],
      [(run) => { run.algo = '<script>'; }, `runs[0].algo is "<script>", ${NAME_EXPECTED}`],
      [(run) => { delete run.variant; }, `runs[0].variant is missing, ${NAME_EXPECTED}`],
      [(run) => { run.seed = -1; }, 'runs[0].seed is -1, expected a non-negative integer'],
      [(run) => { run.dir = '../../../etc'; }, 'runs[0].dir is "../../../etc", expected "cartpole/default/directed-maml-seed1" (ENV/VARIANT/ALGO-seedS of its fields)'],
    ];
    for (const [edit, message] of cases) {
      writeGrid(dir);
      const file = editGrid(dir, (g) => edit(g.runs[0]));
      const r = await runCli(['report', dir, '--out', join(root, 'o-h-fields')]);
      expect([r.code, r.err]).toEqual([2, [`metarl: ${file}: ${message}`]]);
    }
    expect(existsSync(join(root, 'o-h-fields'))).toBe(false);
  });

  it('refuses a run listed twice, which would count twice', async () => {
    const dir = join(root, 'h-twice');
    writeGrid(dir);
    const file = editGrid(dir, (g) => { g.runs.push(g.runs[1]); });
    const r = await runCli(['report', dir, '--out', join(root, 'o-twice')]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${file}: runs[4] is cartpole/default/directed-maml-seed0, expected a run not listed before (runs[1] is the same run)`]]);
    expect(existsSync(join(root, 'o-twice'))).toBe(false);
  });

  it('never writes through a link out of --out: figures/ linked elsewhere is refused and left untouched', async () => {
    const o = join(root, 'o-linked');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(o);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(o, 'figures'));
    const r = await runCli(['report', grid, '--out', o]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(o, 'figures')} is a symbolic link out of ${o}, expected a file or folder inside it (writes never follow a link out of their folder)`]]);
    expect([readdirSync(elsewhere), readdirSync(o)]).toEqual([[], ['figures']]);
  });
});

describe('report on hostile provenance text', () => {
  const HOSTILE = {
    commit: '`abc`|x',
    date: '[click](javascript:alert(1))',
    host: 'n`1 <b>',
    machine: '<img src=x onerror=alert(1)> | *b*',
    cores: 2,
    node: 'v20\n# pwned',
    command: 'metarl experiment `x`.json <script>alert(1)</script> | y\n# heading',
  };
  let hostilePage = '';

  beforeAll(async () => {
    const dir = join(root, 'hostile');
    writeGrid(dir, RUNS.slice(0, 1), 'fake', { ...HOSTILE, earlier: [{ ...HOSTILE, command: 'old\n| a | b |', machine: 'm\n## x' }] });
    const r = await runCli(['report', dir, '--out', join(root, 'o-hostile')]);
    expect([r.code, r.err]).toEqual([0, []]);
    hostilePage = readFileSync(join(root, 'o-hostile', 'results.md'), 'utf8');
  });

  it('escapes every field in the provenance line: code spans fenced, HTML as entities, Markdown escaped, line breaks as spaces', () => {
    expect(hostilePage.split('\n')[2]).toBe(
      'Runs of experiment fake produced by ``metarl experiment `x`.json <script>alert(1)</script> | y # heading`` at commit `` `abc`|x `` on \\[click\\](javascript:alert(1)), '
      + 'on host ``n`1 <b>``, &lt;img src=x onerror=alert(1)&gt; \\| \\*b\\* (2 cores, Node v20 # pwned). '
      + 'It was started before: on \\[click\\](javascript:alert(1)) at commit `` `abc`|x `` by `old | a | b |` on host ``n`1 <b>``, m ## x (2 cores, Node v20 # pwned).',
    );
  });

  it('adds no heading, table row or raw HTML of its own', () => {
    const lines = hostilePage.split('\n');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual(['# Results', '## Summary', '## Claims', '## fake', '### Across seeds', '### Every run', '### Cost', '### Figures']);
    expect(lines.filter((l) => /<(script|img)/.test(l))).toEqual([lines[2]]);
  });
});

describe('where report writes', () => {
  it('defaults to DIR/report/, not docs/ of the current folder', async () => {
    const dir = join(root, 'default-out');
    writeGrid(dir);
    const r = await runCli(['report', dir]);
    expect([r.code, r.out]).toEqual([0, [`${join(dir, 'report', 'results.md')}: 1 experiment, 4 runs, 16 claim verdicts, 6 figures`]]);
    expect(readFileSync(join(dir, 'report', 'results.md'), 'utf8')).toBe(page);
    expect(JSON.parse(readFileSync(join(dir, 'report', 'report-inputs.json'), 'utf8'))).toEqual({
      experiments: [{ name: 'fake', runs: ['cartpole/default/directed-maml-seed0', 'cartpole/default/directed-maml-seed1', 'cartpole/default/maml-seed0', 'cartpole/default/maml-seed1'] }],
    });
  });

  it('asks for --out with several folders', async () => {
    const r = await runCli(['report', grid, join(root, 'default-out')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^metarl: --out is missing, expected the folder for the page over the 2 experiments \(usage: metarl report DIR\.\.\. \[options\]/);
  });

  it('replaces a page of the same runs, but one of other runs or of unknown runs only with --force', async () => {
    const o = join(root, 'o-force');
    const other = join(root, 'other-runs');
    writeGrid(other, RUNS, 'other');
    expect((await runCli(['report', grid, '--out', o])).code).toBe(0);
    expect((await runCli(['report', grid, '--out', o])).code).toBe(0);
    const refused = await runCli(['report', other, '--out', o]);
    expect([refused.code, refused.err]).toEqual([2, [`metarl: --out: ${join(o, 'results.md')} was generated from other runs (${join(o, 'report-inputs.json')} lists them); pass --force to replace it, or another --out`]]);
    expect(readFileSync(join(o, 'results.md'), 'utf8')).toBe(page);
    expect((await runCli(['report', other, '--out', o, '--force'])).code).toBe(0);
    expect(readFileSync(join(o, 'results.md'), 'utf8')).toContain('## other');

    const committed = join(root, 'o-committed');
    mkdirSync(committed);
    writeFileSync(join(committed, 'results.md'), '# Results of the project\n');
    const unknown = await runCli(['report', grid, '--out', committed]);
    expect([unknown.code, unknown.err]).toEqual([2, [`metarl: --out: ${join(committed, 'results.md')} exists and no ${join(committed, 'report-inputs.json')} says which runs it was generated from; pass --force to replace it, or another --out`]]);
    expect(readdirSync(committed)).toEqual(['results.md']);
    expect(readFileSync(join(committed, 'results.md'), 'utf8')).toBe('# Results of the project\n');
  });
});
