import { describe, expect, it } from 'vitest';
import { experimentReport } from '../../src/report/experiment-report.js';
import type { ReportInput } from '../../src/report/input.js';
import { resultsMarkdown } from '../../src/report/markdown.js';
import { summaryBlock } from '../../src/report/summary.js';
import { type Spec, input } from '../helpers/report-runs.js';

const noThreshold = (): number | null => null;

// The same runs in a complete grid and in a partial one (one more planned run unfinished): the
// partial grid's claims sit in their own table, are adjusted within it, and stay out of the summary.
const SPECS: Spec[] = [
  ...[10, 12, 14].map((a, seed): Spec => ({ algo: 'directed-maml', seed, final: [0, a] })),
  ...[4, 6].map((a, seed): Spec => ({ algo: 'maml', seed, final: [0, a] })),
];
const full = experimentReport(input(SPECS, 'full'), noThreshold);
const partInput: ReportInput = { ...input(SPECS, 'part'), unfinished: [{ env: 'cartpole-goal', variant: 'default', algo: 'maml', seed: 2, dir: 'cartpole-goal/default/maml-seed2', iterationsLogged: 1, iterationsPlanned: 4 }] };
const part = experimentReport(partInput, noThreshold);
const page = resultsMarkdown({ experiments: [part, full], thresholdFor: noThreshold });
const lines = page.split('\n');

describe('a partial grid beside a complete one', () => {
  it('has its claims in a table of its own, after the complete grid\'s', () => {
    const own = lines.indexOf('### Claims on partial grids');
    const rows = (from: number, to: number, name: string): number => lines.slice(from, to).filter((l) => l.startsWith(`| ${name} | C`)).length;
    expect(own).toBeGreaterThan(0);
    expect(rows(0, own, 'full')).toBe(full.claims.length);
    expect(rows(0, own, 'part')).toBe(0);
    expect(rows(own, lines.length, 'part')).toBe(part.claims.length);
    expect(rows(own, lines.length, 'full')).toBe(0);
  });

  it('adjusts its p-values within itself: the same runs give the same adjusted values in both', () => {
    expect(part.claims.map((c) => c.adjusted)).toEqual(full.claims.map((c) => c.adjusted));
    expect(part.controls).toEqual([]);
  });

  it('marks its section and leaves it out of the summary, by name', () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Summary', '## Claims', '## part (partial: 5 of 6 runs finished)', '## full']);
    expect(summaryBlock(page)?.split('\n')[0]).toBe('- From the complete grids full, partial grids left out: part (5 of 6 runs); no run logged the mechanism.');
  });
});
