import { describe, expect, it } from 'vitest';
import type { IterationLog } from '../../src/meta/trainer.js';
import { experimentReport } from '../../src/report/experiment-report.js';
import type { ReportInput, RunInput } from '../../src/report/input.js';
import { resultsMarkdown } from '../../src/report/markdown.js';

const MIB = 1024 * 1024;
const threshold = (env: string): number | null => (env === 'cartpole' ? 475 : null);

/** Six iterations, a held-out evaluation on each; CPU seconds per iteration `cpu`, memory `memory(i)` at iteration i. */
function run(algo: string, seed: number, after: readonly number[], cpu: number | null, memory: (i: number) => number): RunInput {
  const log: IterationLog[] = after.map((a, i) => ({
    iteration: i + 1, returnBefore: 0, returnAfter: 0, lossBefore: 0, lossAfter: 0,
    seconds: { sampling: 0, gradients: 0, hvp: 0, directed: 0, trpo: 0, total: 1 },
    ...(cpu === null ? {} : { cpuSeconds: cpu }),
    counts: { envSteps: 100, gradientEvaluations: 4, hvps: 2 },
    totals: { envSteps: 100 * (i + 1), gradientEvaluations: 4 * (i + 1), hvps: 2 * (i + 1), seconds: i + 1 },
    memory: { retainedFloats: 0 },
    ...(cpu === null ? {} : { isolateMemoryBytes: memory(i + 1) }),
    heldOut: { tasks: [], returns: [0, a] },
  }));
  const config = { env: 'cartpole', algo, seed, iterations: 6, directed: { eta: null } };
  return { env: 'cartpole', variant: 'default', algo, seed, dir: `cartpole/default/${algo}-seed${seed}`, config, log, finalReturns: [0, after[after.length - 1]] };
}

const DIRECTED = [300, 480, 490, 495, 495, 500];
const BASE = [100, 200, 300, 400, 480, 490];

function input(withCpu: boolean): ReportInput {
  const seeds = [0, 1, 2];
  // Directed: half the CPU per iteration, and a smaller isolate.
  const runs = [
    ...seeds.map((s) => run('directed-maml', s, DIRECTED, withCpu ? 0.5 + 0.01 * s : null, (i) => (1 + i / 6) * MIB)),
    ...seeds.map((s) => run('maml', s, BASE, withCpu ? 1 + 0.01 * s : null, (i) => (2 + i / 3) * MIB)),
  ];
  const start = { commit: 'abc', date: '2026-12-01T00:00:00Z', machine: 'Test CPU', cores: 2, node: 'v20', command: 'metarl experiment x.json' };
  return { dir: 'x', name: 'cpu', note: null, provenance: { ...start, earlier: [] }, runs, unfinished: [] };
}

const rowOf = (page: string, start: string): string | undefined => page.split('\n').find((l) => l.startsWith(start));

describe('claims on logs with CPU time (computed in memory, no file read)', () => {
  const report = experimentReport(input(true), threshold);
  const page = resultsMarkdown({ experiments: [report], thresholdFor: threshold });

  it('tests the CPU seconds to reach the threshold by log-rank', () => {
    // Directed reaches 475 at iteration 2: 1.00, 1.02, 1.04 CPU s; maml at 5: 5.00, 5.05, 5.10. Every directed
    // event first: E = 3/6 + 2/5 + 1/4 = 1.15, V = 1/4 + 6/25 + 3/16 = 0.6775, chi-square 1.85^2 / 0.6775 = 5.05;
    // maml's Kaplan-Meier median: 2/3 after 5.00, 1/3 after 5.05.
    expect(rowOf(page, '| cpu | C4 | CPU seconds to level | threshold 475.00 |')).toMatch(/\| 3\/3 reached, median 5\.050 \| 3\/3 reached, median 1\.020 \| O 3 \/ E 1\.15, χ² 5\.05 \| 0\.0246 \| /);
  });

  it('compares CPU seconds per iteration at the common horizon by Welch, supported after Holm', () => {
    // 0.50, 0.51, 0.52 against 1.00, 1.01, 1.02: -0.5, t = -0.5 / sqrt(2 * 0.0001 / 3) = -61.2 on 4 df.
    const row = rowOf(page, '| cpu | C4 | CPU seconds per iteration over the first 6 |') as string;
    expect(row).toContain('| 1.0100 (n 3) | 0.5100 (n 3) | -0.5000 \\[-0.5227, -0.4773\\] | < 0.0001 | < 0.0001 | supported |');
    const c = report.claims.find((r) => r.measure === 'CPU seconds per iteration over the first 6');
    // Holm multiplies the smallest of the experiment's p-values by their number, at most.
    const m = report.claims.filter((r) => r.p !== null).length;
    expect(c?.adjusted).toBeLessThanOrEqual(m * (c?.p as number));
    expect(c?.adjusted).toBeGreaterThanOrEqual(c?.p as number);
  });

  it('gives the area under the curve against CPU seconds over the smallest CPU total', () => {
    // The budget is directed seed 0's 3.0 CPU s. maml seed 0: (1, 100), (2, 200), (3, 300): (100 + 150 + 250) / 3;
    // seed 1 at 1.01 per iteration, interpolated to 297.03 at 3.0: (101 + 151.5 + 243.54) / 3; seed 2: (102 + 153 + 237.18) / 3.
    const maml = [(100 + 150 + 250) / 3, (101 + 151.5 + ((200 + 200 + (100 * 0.98) / 1.01) / 2) * 0.98) / 3, (102 + 153 + ((200 + 200 + (100 * 0.96) / 1.02) / 2) * 0.96) / 3];
    const row = rowOf(page, '| cpu | C1 | mean return over CPU seconds |') as string;
    expect(row.split(' | ')[7]).toBe(`${((maml[0] + maml[1] + maml[2]) / 3).toFixed(2)} (n 3)`);
    expect(row.split(' | ')[7]).toBe('165.36 (n 3)');
  });

  it('lists each group\'s CPU time and peak memory in the cost table', () => {
    // Directed totals 3.00, 3.06, 3.12: 3.060 ± 4.303 * 0.06 / sqrt(3); peak memory 2 MiB (iteration 6), maml's 4 MiB.
    expect(rowOf(page, '| cartpole | default | directed-maml | 3 |', )).toBeDefined();
    const cost = page.slice(page.indexOf('### Cost'));
    expect(rowOf(cost, '| cartpole | default | directed-maml | 3 |')).toBe('| cartpole | default | directed-maml | 3 | 3.060 ± 0.149 | 0.5100 ± 0.0248 | 100 ± 0 | 6.0 ± 0.0 | 2.0 |');
    expect(rowOf(cost, '| cartpole | default | maml | 3 |')).toBe('| cartpole | default | maml | 3 | 6.060 ± 0.149 | 1.0100 ± 0.0248 | 100 ± 0 | 6.0 ± 0.0 | 4.0 |');
  });
});

describe('claims on logs from before CPU time was measured', () => {
  const report = experimentReport(input(false), threshold);

  it('makes every CPU measure not testable and says why, the others tested as before', () => {
    const cpu = report.claims.filter((r) => r.measure.includes('CPU'));
    expect(cpu.map((r) => [r.measure, r.verdict, r.reason])).toEqual([
      ['mean return over CPU seconds', 'not testable', 'the logs carry no CPU time'],
      ['CPU seconds to level', 'not testable', 'the logs carry no CPU time'],
      ['CPU seconds to level', 'not testable', 'the logs carry no CPU time'],
      ['CPU seconds per iteration over the first 6', 'not testable', 'the logs carry no CPU time'],
    ]);
    const steps = report.claims.find((r) => r.measure === 'env steps to level' && r.level?.kind === 'threshold');
    // Every directed run at 200 steps, every maml run at 500: one time with 6 at risk and 3 events, E 3/2, V 3 (1/2)(1/2)(3/5) = 0.45, chi-square 5.
    expect(steps?.effect).toBe('O 3 / E 1.50, χ² 5.00');
  });
});
