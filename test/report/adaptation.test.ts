import { describe, expect, it } from 'vitest';
import type { AdaptationEvaluation } from '../../src/meta/adaptation-eval.js';
import { tTwoSided } from '../../src/report/distributions.js';
import { experimentReport } from '../../src/report/experiment-report.js';
import { resultsMarkdown } from '../../src/report/markdown.js';
import { type Spec, input } from '../helpers/report-runs.js';

const noThreshold = (): number | null => null;

/** S = 3; the sampled curve `sampled`, the greedy one 1 higher; the swap test's own and other after K = 1. */
function adaptation(sampled: readonly number[], own: number, other: number): AdaptationEvaluation {
  const score = { own, other, gap: own - other };
  return { steps: 3, sampled: { returns: [...sampled] }, greedy: { returns: sampled.map((r) => r + 1) }, swap: { steps: 1, sampled: score, greedy: { own: own + 1, other, gap: own + 1 - other } } };
}

/**
 * Unequal groups: Directed-MAML 3 seeds, MAML 2, the random-task control 2, the pooled-step
 * control 4, multitask 1. Directed-MAML's final returns 10, 12, 14 (mean 12, variance 4).
 */
const SPECS: readonly Spec[] = [
  { algo: 'directed-maml', seed: 0, final: [5, 10], adaptation: adaptation([1, 2, 3, 4], 5, 4) },
  { algo: 'directed-maml', seed: 1, final: [6, 12], adaptation: adaptation([3, 4, 5, 6], 6, 4) },
  { algo: 'directed-maml', seed: 2, final: [7, 14], adaptation: adaptation([2, 3, 4, 5], 7, 4) },
  // An older eval.json without the block: left out of the adaptation tables and counted.
  { algo: 'maml', seed: 0, final: [3, 4], adaptation: adaptation([0, 1, 1, 1], 2, 2) },
  { algo: 'maml', seed: 1, final: [3, 6] },
  { variant: 'random-task', algo: 'directed-maml', seed: 0, final: [1, 4], estimator: 'random' },
  { variant: 'random-task', algo: 'directed-maml', seed: 1, final: [1, 6], estimator: 'random' },
  ...[11, 12, 13, 12].map((a, seed): Spec => ({ variant: 'pooled-step', algo: 'directed-maml', seed, final: [0, a], estimator: 'pooled' })),
  { algo: 'multitask', seed: 0, final: [0, 0] },
];

const report = experimentReport(input(SPECS), noThreshold);
const page = resultsMarkdown({ experiments: [report], thresholdFor: noThreshold });
const lines = page.split('\n');
const section = (heading: string): string[] => {
  const at = lines.indexOf(heading);
  return lines.slice(at, lines.findIndex((l, i) => i > at && l.startsWith('### ')));
};
const rowIn = (heading: string, start: string): string | undefined => section(heading).find((l) => l.startsWith(start));

describe('adaptation: returns after 0..3 inner steps', () => {
  it('averages each step over the runs with the block: 3 of directed-maml, 1 of maml\'s 2', () => {
    // Sampled after k steps: (1, 3, 2) + k, mean 2 + k, sd 1: half-width 4.303 / sqrt(3) = 2.48; greedy 1 higher.
    expect(rowIn('### Adaptation', '| cartpole-goal | default | directed-maml |')).toBe('| cartpole-goal | default | directed-maml | 3 | 2.00 ± 2.48 | 3.00 ± 2.48 | 4.00 ± 2.48 | 5.00 ± 2.48 | 3.00 ± 2.48 | 4.00 ± 2.48 | 5.00 ± 2.48 | 6.00 ± 2.48 |');
    expect(rowIn('### Adaptation', '| cartpole-goal | default | maml | 1 of 2 |')).toBe('| cartpole-goal | default | maml | 1 of 2 | 0.00 | 1.00 | 1.00 | 1.00 | 1.00 | 2.00 | 2.00 | 2.00 |');
  });

  it('gives the swap test\'s own, other and gap with the gap\'s 95% interval', () => {
    // Gaps 1, 2, 3 sampled (own 5, 6, 7; other 4): 2.00 ± 2.48; greedy own + 1: 3.00 ± 2.48.
    expect(rowIn('### Swap test', '| cartpole-goal | default | directed-maml | 1 |')).toBe('| cartpole-goal | default | directed-maml | 1 | 3 | 6.00 | 4.00 | 2.00 ± 2.48 | 7.00 | 4.00 | 3.00 ± 2.48 |');
    expect(rowIn('### Swap test', '| cartpole-goal | default | maml | 1 | 1 of 2 |')).toBe('| cartpole-goal | default | maml | 1 | 1 of 2 | 2.00 | 2.00 | 0.00 | 3.00 | 2.00 | 1.00 |');
  });

  it('states the reading of the swap test before its table', () => {
    const rule = lines.findIndex((l) => l.includes('a gap whose interval lies above 0 says'));
    expect(rule).toBeGreaterThan(lines.indexOf('### Swap test'));
    expect(rule).toBeLessThan(lines.findIndex((l) => l.startsWith('| env | variant | algo | K |')));
  });

  it('draws the returns against inner steps, a panel per action mode', () => {
    const f = report.figures.find((x) => x.path === 'figures/adapt-cartpole-goal-adaptation.svg');
    expect(f?.svg).toContain('>sampled actions</text>');
    expect(f?.svg).toContain('>greedy actions</text>');
    expect(f?.svg.match(/<polyline/g)?.length).toBe(2 * report.adaptation.length);
  });
});

describe('controls beside Directed-X', () => {
  const table = lines.slice(lines.findIndex((l) => l.startsWith('#### cartpole-goal: directed-maml, variant default,')));
  const role = (r: string): string | undefined => table.find((l) => l.startsWith(`| ${r} |`));

  it('makes one table, for the Directed-X that is not itself a control', () => {
    expect(lines.filter((l) => l.startsWith('#### '))).toEqual(['#### cartpole-goal: directed-maml, variant default, and its controls']);
    expect(role('Directed-X')).toBe('| Directed-X | default | directed-maml | 3 | 6.00 ± 2.48 | 12.00 ± 4.97 | 6.00 ± 2.48 |  |  |  |  |');
    expect(role('X')).toBe('| X | default | maml | 2 | 3.00 ± 0.00 | 5.00 ± 12.71 | 2.00 ± 12.71 |  |  |  | C2 in the claims table |');
  });

  it('tests each control by Welch on unequal groups and adjusts by Holm over the controls', () => {
    // Random [4, 6] against [10, 12, 14]: 7, se sqrt(4/3 + 1), df (7/3)^2 / ((4/3)^2 / 2 + 1) = 2.88 (t 4.303):
    // [7 - 6.57, 7 + 6.57]; t 4.583, p 0.0213 (scipy: 0.02127). Pooled [11, 12, 13, 12]: difference 0, se sqrt(4/3 + 1/6),
    // df 1.5^2 / ((4/3)^2 / 2 + (1/6)^2 / 3) = 2.51 (t 4.303): half-width 5.27; p 1.
    // Holm over the two: 2 x 0.0213 = 0.0425 < 0.05, and 1.
    const p = tTwoSided(7 / Math.sqrt(7 / 3), (7 / 3) ** 2 / ((4 / 3) ** 2 / 2 + 1));
    expect(p).toBeCloseTo(0.02127341353548006, 10);
    expect(role('random-task')).toBe('| random-task | random-task | directed-maml | 2 | 1.00 ± 0.00 | 5.00 ± 12.71 | 4.00 ± 12.71 | 7.00 [0.43, 13.57] | 0.0213 | 0.0425 | Directed-X ahead |');
    expect(role('pooled-step')).toBe('| pooled-step | pooled-step | directed-maml | 4 | 0.00 ± 0.00 | 12.00 ± 1.30 | 12.00 ± 1.30 | 0.00 [-5.27, 5.27] | 1.0000 | 1.0000 | not distinguished |');
    expect(role('multitask')).toBe('| multitask | default | multitask | 1 | 0.00 | 0.00 | 0.00 | n/a | n/a | n/a | not testable: fewer than two runs a side |');
  });

  it('states the verdict rule before the numbers', () => {
    const rule = lines.findIndex((l) => l.includes('"Directed-X ahead" if the adjusted p is below 0.05'));
    expect(rule).toBeGreaterThan(lines.indexOf('### Controls'));
    expect(rule).toBeLessThan(lines.findIndex((l) => l.startsWith('| role |')));
  });

  it('pairs a control only with the Directed-X whose directed section differs by the estimator alone', () => {
    const eta = [0, 1].map((seed): Spec => ({ variant: 'eta-half', algo: 'directed-maml', seed, final: [0, 8 + seed], directed: { eta: 0.5 } }));
    const tables = experimentReport(input([...SPECS, ...eta]), noThreshold).controls;
    expect(tables.map((t) => t.directed.variant)).toEqual(['default', 'eta-half']);
    // eta-half's random and pooled controls would need eta 0.5 too; multitask has no directed step, so it is beside both.
    expect(tables[1].controls.map((c) => c.group?.variant ?? null)).toEqual([null, null, 'default']);
  });

  it('says "not run" for a control that did not run, and makes no table without any', () => {
    const withoutPooled = experimentReport(input(SPECS.filter((s) => s.variant !== 'pooled-step' && s.algo !== 'multitask')), noThreshold);
    expect(withoutPooled.controls[0].controls.map((c) => [c.kind, c.group === null, c.verdict])).toEqual([['random-task', false, 'Directed-X ahead'], ['pooled-step', true, 'not testable'], ['multitask', true, 'not testable']]);
    // Alone in the family now: p unadjusted.
    expect(withoutPooled.controls[0].controls[0].adjusted).toBe(withoutPooled.controls[0].controls[0].p);
    const none = resultsMarkdown({ experiments: [experimentReport(input(SPECS.slice(0, 5)), noThreshold)], thresholdFor: noThreshold });
    expect(none).toContain('No control ran beside a Directed-X in this experiment.');
  });
});

describe('text from the logs in the adaptation figure and tables', () => {
  it('is escaped in the SVG and the page', () => {
    const hostile = experimentReport(input(SPECS.slice(0, 3).map((s) => ({ ...s, env: 'a<b>&c' }))), noThreshold);
    const svg = hostile.figures.find((f) => f.path.endsWith('-adaptation.svg'))?.svg as string;
    expect(svg).toContain('a&lt;b&gt;&amp;c: held-out return after 0 to S inner steps');
    expect(svg).not.toContain('<b>');
    const md = resultsMarkdown({ experiments: [hostile], thresholdFor: noThreshold });
    expect(md).toContain('| a&lt;b&gt;&amp;c | default | directed-maml | 3 |');
  });
});
