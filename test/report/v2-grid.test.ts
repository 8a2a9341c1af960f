import { describe, expect, it } from 'vitest';
import { experimentReport } from '../../src/report/experiment-report.js';
import { resultsMarkdown } from '../../src/report/markdown.js';
import { type Spec, input } from '../helpers/report-runs.js';

const noThreshold = (): number | null => null;

// A grid shaped like experiments/paper.json v2: MAML and Directed-MAML on more seeds than the rest
// (seedsByAlgorithm), multitask, and the random-task and pooled-step variants running Directed-MAML
// alone. The controls' finals stay below the best, so the relative level is the same with or without them.
const HEADLINE: Spec[] = [
  ...[10, 12, 14, 16].map((a, seed): Spec => ({ algo: 'directed-maml', seed, final: [0, a] })),
  ...[4, 6, 8].map((a, seed): Spec => ({ algo: 'maml', seed, final: [0, a] })),
];
// In the order the report reads runs in: env, variant, algo, seed.
const CONTROLS: Spec[] = [
  ...[3, 5].map((a, seed): Spec => ({ algo: 'multitask', seed, final: [0, a] })),
  ...[5, 7].map((a, seed): Spec => ({ variant: 'pooled-step', algo: 'directed-maml', estimator: 'pooled', seed, final: [0, a] })),
  ...[9, 11].map((a, seed): Spec => ({ variant: 'random-task', algo: 'directed-maml', estimator: 'random', seed, final: [0, a] })),
];
const v2 = experimentReport(input([...HEADLINE, ...CONTROLS], 'paper'), noThreshold);
const headlineOnly = experimentReport(input(HEADLINE, 'paper'), noThreshold);
const page = resultsMarkdown({ experiments: [v2], thresholdFor: noThreshold });
const lines = page.split('\n');

describe('a v2 grid: variants as controls, multitask, unequal seed counts', () => {
  it('tests the claims on Directed-X against X alone: the controls add no comparison and no p-value to the Holm family', () => {
    expect(new Set(v2.claims.map((c) => c.variant))).toEqual(new Set(['default']));
    expect(v2.claims).toEqual(headlineOnly.claims);
  });

  it('runs Welch\'s test over unequal seed counts (4 directed, 3 base)', () => {
    // 13 - 6 = 7; s² 20/3 and 4: se² = 20/12 + 4/3 = 3, t = 7 / sqrt(3) = 4.04; Welch df = 9 / ((5/3)² / 3 + (4/3)² / 2) = 4.96,
    // rounded down to 4: t 2.776, half-width 2.776 sqrt(3) = 4.81.
    const c2 = v2.claims.find((c) => c.claim.id === 'C2');
    expect([c2?.baseSummary, c2?.directedSummary, c2?.effect]).toEqual(['6.00 (n 3)', '13.00 (n 4)', '7.00 [2.19, 11.81]']);
    expect(c2?.p).toBeCloseTo(0.0101, 3);
  });

  it('gives the default Directed-MAML one controls table with each control found, on its own seed count', () => {
    expect(v2.controls).toHaveLength(1);
    const t = v2.controls[0];
    expect([t.directed.variant, t.x?.algo, t.x?.runs.length]).toEqual(['default', 'maml', 3]);
    expect(t.controls.map((c) => [c.kind, c.group?.variant, c.group?.algo, c.group?.runs.length, c.test?.difference])).toEqual([
      ['random-task', 'random-task', 'directed-maml', 2, 3],
      ['pooled-step', 'pooled-step', 'directed-maml', 2, 7],
      ['multitask', 'default', 'multitask', 2, 9],
    ]);
  });

  it('lists every group in the tables of the page, the controls included', () => {
    const seeds = lines.slice(lines.indexOf('### Across seeds'), lines.indexOf('### Every run')).filter((l) => l.startsWith('| cartpole-goal |')).map((l) => l.split(' | ').slice(1, 4));
    expect(seeds).toEqual([['default', 'directed-maml', '4'], ['default', 'maml', '3'], ['default', 'multitask', '2'], ['pooled-step', 'directed-maml', '2'], ['random-task', 'directed-maml', '2']]);
    expect(lines.filter((l) => l.startsWith('| paper | C')).every((l) => l.includes('| cartpole-goal | default | maml |'))).toBe(true);
  });
});
